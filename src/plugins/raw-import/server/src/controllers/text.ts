import type { Core } from '@strapi/strapi';
import type { GetImportHistory, ImportText, Preview } from '../../../shared/contracts';
import { PLUGIN_ID } from '../permissions';
import { getService, splitLimits } from '../utils';
import { assertAcceptableText, validateImportBody, validatePreviewBody } from '../validation/text';
import { prepareArticle } from '../services/prepare';
import { createImportLog } from '../repositories/import-log';
import { actorOf } from './actor';

/** Shared by the admin routes (admin JWT + RBAC) and the content-API routes (API token). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const maxBytes = () => strapi.config.get(`plugin::${PLUGIN_ID}.maxBytes`) as number;

  return {
    async preview(ctx) {
      const { text, overrides, sourceKey } = (await validatePreviewBody(ctx.request.body ?? {})) as Preview.Request['body'];
      assertAcceptableText(text, maxBytes());
      const prepared = prepareArticle(text, { overrides, sourceKey, limits: splitLimits(strapi) });
      const identity = await getService(strapi, 'identity').previewIdentity(prepared, { onExisting: 'update', publish: false });
      const { dropped, ...split } = prepared.split;
      ctx.body = { ...split, identity } satisfies Preview.Response;
    },

    async import(ctx) {
      const body = (await validateImportBody(ctx.request.body ?? {})) as ImportText.Request['body'];
      assertAcceptableText(body.text, maxBytes());
      const result = await getService(strapi, 'importer').importArticle(body.text, {
        sourceName: body.sourceName,
        sourceKey: body.sourceKey,
        publish: body.publish ?? false,
        overrides: body.overrides,
        onExisting: body.onExisting,
        actor: actorOf(ctx.state) ?? undefined,
      });
      ctx.status = result.status === 'created' ? 201 : 200;
      ctx.body = result satisfies ImportText.Response;
    },

    /** The article's imports, for the Content Manager's edit view (admin only). */
    async history(ctx) {
      ctx.body = { entries: await createImportLog(strapi).historyOf(ctx.params.documentId) } satisfies GetImportHistory.Response;
    },
  };
};
