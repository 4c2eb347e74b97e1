import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::related-teaser.related-teaser');
