import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** GET /api/openapi.json: the content API's OpenAPI document, where config `openapi.enabled` says so (see services/openapi.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async document(ctx) {
    const service = strapi.service('api::openapi.openapi') as unknown as { isEnabled(): boolean; document(): object };
    if (!service.isEnabled()) throw new errors.NotFoundError('Not Found');
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = service.document();
  },
});
