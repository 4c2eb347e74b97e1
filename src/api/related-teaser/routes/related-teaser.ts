import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::related-teaser.related-teaser');
