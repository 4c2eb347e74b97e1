import type { Core } from '@strapi/strapi';
import { registerBatchEvent } from './webhooks';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerBatchEvent(strapi);
};
