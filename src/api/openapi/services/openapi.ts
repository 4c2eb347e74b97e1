import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { transformUidToValidOpenApiName, z } from '@strapi/utils';
import { PUBLIC_READ_ACTIONS } from '../../../index';
import { documentId } from '../../../plugins/raw-import/server/src/routes/schemas';
import type { Json } from '../document/components';
import { correctGeneratedDocument } from '../document/corrections';

interface Route {
  method: string;
  path: string;
  config?: { auth?: false | { scope: string[] } };
}
interface Router {
  prefix?: string;
  routes: Route[];
}

/**
 * The routes the document describes, keyed as the generator writes them (`get /articles/{id}`):
 * the app's own APIs and the raw-import plugin's content API, with the action Strapi scoped each
 * route to (null for a route without auth).
 */
function documentedOperations(strapi: Core.Strapi): Map<string, string | null> {
  const routers = [
    ...Object.values(strapi.apis).flatMap((api) => Object.values(api.routes as unknown as Record<string, Router>)),
    (strapi.plugin('raw-import').routes as unknown as Record<string, Router>)['content-api'],
  ];
  const operations = new Map<string, string | null>();
  for (const { prefix = '', routes } of routers) {
    for (const { method, path, config } of routes) {
      const template = `${prefix}${path}`.replace(/:([^/]+)/g, '{$1}');
      operations.set(`${method.toLowerCase()} ${template}`, config?.auth === false ? null : config.auth.scope[0]);
    }
  }
  return operations;
}

/** Strapi's generator, then our corrections (../document/corrections.ts). */
function buildDocument(strapi: Core.Strapi): Json {
  const apiTypes = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::')) as Array<`api::${string}.${string}`>;
  return correctGeneratedDocument(generate(strapi, { type: 'content-api' }).document, {
    actions: documentedOperations(strapi),
    publicActions: PUBLIC_READ_ACTIONS,
    contentTypes: Object.fromEntries(apiTypes.map((uid) => [uid, strapi.contentType(uid)])),
    schemaName: transformUidToValidOpenApiName,
    // The same conversion as the generator's (@strapi/openapi's OPENAPI_SCHEMA_CONVERSION_OPTIONS).
    documentIdSchema: z.toJSONSchema(documentId, { target: 'draft-2020-12', io: 'output' }),
  });
}

/**
 * The OpenAPI 3.1 document of the content API, built once per process (routes and content types
 * do not change while Strapi runs). GET /api/openapi.json serves it where config `openapi.enabled`
 * says so; `npm run openapi` writes it to docs/openapi.json.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: Json | undefined;
  return {
    isEnabled(): boolean {
      return strapi.config.get('openapi.enabled') === true;
    },
    document(): Json {
      document ??= buildDocument(strapi);
      return document;
    },
  };
};
