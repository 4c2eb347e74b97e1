import { factories } from '@strapi/strapi';
import { restrictToPublishedArticles } from '../../../utils/published-only';

export default factories.createCoreController('api::figure.figure', () => ({
  async find(ctx) {
    restrictToPublishedArticles(ctx);
    return super.find(ctx);
  },
  async findOne(ctx) {
    restrictToPublishedArticles(ctx);
    return super.findOne(ctx);
  },
}));
