/**
 * The per-caller rate limit of the content-API preview and import routes (RAW_IMPORT_RATE_LIMIT
 * requests per minute, 0 = off). Admin routes do not pass through it: editors are never slowed.
 *
 * Counted per API token (or users-permissions user, or client address) in the database
 * (rate-limiter-flexible's knex stores, table raw_import_rate_limits), so every instance on one
 * database shares the count. Over the limit: 429 in Strapi's error shape, with Retry-After.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterPostgres, RateLimiterSQLite, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { PLUGIN_ID } from '../permissions';

const TABLE = 'raw_import_rate_limits';
const WINDOW_SECONDS = 60;

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Who is counted: the API token, the users-permissions user, or else the client's address. */
export function callerKey(ctx: Pick<Context, 'state' | 'ip'>): string {
  const auth = ctx.state?.auth as { strategy?: { name?: string }; credentials?: { id?: unknown } } | undefined;
  const id = auth?.credentials?.id;
  if (id !== undefined && id !== null) return `${auth?.strategy?.name ?? 'auth'}:${id}`;
  return `ip:${ctx.ip}`;
}

/**
 * The store for this database, once its table exists: PostgreSQL and SQLite share counts through a
 * table; other databases count per instance.
 */
function createLimiter(strapi: Core.Strapi, points: number): Promise<RateLimiterAbstract> {
  const options = { points, duration: WINDOW_SECONDS, keyPrefix: 'raw-import', tableName: TABLE };
  const client = strapi.db.dialect.client;
  if (client !== 'postgres' && client !== 'sqlite') return Promise.resolve(new RateLimiterMemory(options));
  return new Promise((resolve, reject) => {
    const stored = { ...options, storeClient: strapi.db.connection, storeType: 'knex' as const };
    const limiter: RateLimiterAbstract =
      client === 'postgres'
        ? new RateLimiterPostgres(stored, (error?: Error) => (error ? reject(error) : resolve(limiter)))
        : new RateLimiterSQLite(stored, (error?: Error) => (error ? reject(error) : resolve(limiter)));
  });
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }): Core.MiddlewareHandler => {
  const points = strapi.config.get(`plugin::${PLUGIN_ID}.rateLimitPerMinute`) as number;
  if (!points) return (_ctx, next) => next();
  let limiter: Promise<RateLimiterAbstract> | undefined;

  return async (ctx, next) => {
    limiter ??= createLimiter(strapi, points);
    try {
      await (await limiter).consume(callerKey(ctx));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      throw new errors.RateLimitError(
        `Rate limit exceeded: at most ${points} preview and import requests per minute per API token (RAW_IMPORT_RATE_LIMIT). Retry after ${seconds} s.`,
        { limit: points, windowSeconds: WINDOW_SECONDS, retryAfterSeconds: seconds }
      );
    }
    return next();
  };
};
