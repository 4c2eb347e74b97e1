import type { Core } from '@strapi/strapi';
import type { ImportText, Preview } from '../../../shared/contracts';
import { PLUGIN_ID } from '../permissions';
import { getService } from '../utils';
import { assertAcceptableText, validateImportBody, validatePreviewBody } from '../validation/text';
import { splitOrReject } from '../services/prepare';

/** Shared by the admin routes (admin JWT + RBAC) and the content-API routes (API token). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const maxBytes = () => strapi.config.get(`plugin::${PLUGIN_ID}.maxBytes`) as number;

  return {
    async preview(ctx) {
      const { text, overrides } = (await validatePreviewBody(ctx.request.body ?? {})) as Preview.Request['body'];
      assertAcceptableText(text, maxBytes());
      const { dropped, ...split } = splitOrReject(text, overrides);
      ctx.body = split satisfies Preview.Response;
    },

    async import(ctx) {
      const body = (await validateImportBody(ctx.request.body ?? {})) as ImportText.Request['body'];
      assertAcceptableText(body.text, maxBytes());
      const result = await getService(strapi, 'importer').importArticle(body.text, {
        sourceName: body.sourceName,
        publish: body.publish ?? false,
        overrides: body.overrides,
      });
      ctx.status = result.status === 'created' ? 201 : 200;
      ctx.body = result satisfies ImportText.Response;
    },
  };
};
