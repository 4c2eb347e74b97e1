import { factories } from '@strapi/strapi';
import { pinPublishedStatus } from '../../../utils/published-only';

export default factories.createCoreController('api::article.article', () => ({
  async find(ctx) {
    pinPublishedStatus(ctx);
    return super.find(ctx);
  },
  async findOne(ctx) {
    pinPublishedStatus(ctx);
    return super.findOne(ctx);
  },
}));
