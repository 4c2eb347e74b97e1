/**
 * The size of a request to the import routes, refused before its body is read: a bulk-job upload
 * above RAW_IMPORT_MAX_UPLOAD_BYTES, a preview, import or re-split request above
 * RAW_IMPORT_MAX_REQUEST_BYTES. 413 in Strapi's error shape, naming the limit; nothing is parsed,
 * stored or queued. A body sent without Content-Length (chunked) is refused with 411: its size
 * would be known only after it was stored. (The number of files in an upload is counted once
 * it is parsed: validation/jobs.ts, RAW_IMPORT_MAX_FILES.)
 *
 * A global middleware (config/middlewares.ts), placed before `strapi::body`: route middlewares run
 * after the body was parsed, which is what must not happen to an oversized request.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../permissions';

/** The plugin's POST routes with a body: admin (/raw-import/…) and content API (/api/raw-import/…). */
const IMPORT_ROUTE = new RegExp(`^(?:/api)?/${PLUGIN_ID}/(preview|import|jobs|resplit)/?$`);

type Context = Parameters<Core.MiddlewareHandler>[0];

export interface RequestLimit {
  /** Largest body in bytes. */
  max: number;
  /** The environment variable that sets it, named in the refusal. */
  variable: string;
  /** What the body is, for the message. */
  what: string;
}

/** The limit the request falls under, or null when it is not a body-carrying import request. */
export function requestLimitOf(strapi: Core.Strapi, method: string, path: string): RequestLimit | null {
  if (method !== 'POST') return null;
  const route = IMPORT_ROUTE.exec(path)?.[1];
  if (!route) return null;
  const config = (key: string) => strapi.config.get(`plugin::${PLUGIN_ID}.${key}`) as number;
  return route === 'jobs'
    ? { max: config('maxUploadBytes'), variable: 'RAW_IMPORT_MAX_UPLOAD_BYTES', what: 'A bulk-job upload' }
    : { max: config('maxRequestBytes'), variable: 'RAW_IMPORT_MAX_REQUEST_BYTES', what: `The ${route} request` };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  return async (ctx: Context, next) => {
    const limit = requestLimitOf(strapi, ctx.method, ctx.path);
    if (!limit) return next();

    const header = ctx.get('Content-Length');
    if (header === '') {
      // No length and no chunked body: there is no body at all, which the route refuses itself.
      if (!ctx.get('Transfer-Encoding')) return next();
      ctx.throw(411, `${limit.what} must say its size (Content-Length); chunked bodies are not accepted here.`);
    }
    const length = Number(header);
    if (Number.isSafeInteger(length) && length > limit.max) {
      // The client is told before it sends the rest; the connection is not kept for the unread body.
      ctx.set('Connection', 'close');
      throw new errors.PayloadTooLargeError(
        `${limit.what} is ${length} bytes; the limit is ${limit.max} bytes (${limit.variable}).`,
        { limit: limit.variable, max: limit.max, received: length }
      );
    }
    return next();
  };
};
