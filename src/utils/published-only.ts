import type { Core } from '@strapi/strapi';

type Context = Parameters<Core.MiddlewareHandler>[0];

/**
 * Only editorial tokens read drafts through the content API. Strapi 5 answers `?status=draft`
 * to anyone holding `find`, so for the public role and read-only tokens the status is pinned.
 */
export const canReadDrafts = (ctx: Context): boolean => {
  const auth = ctx.state?.auth;
  return ['content-api-token', 'api-token'].includes(auth?.strategy?.name) && auth.credentials?.type === 'full-access';
};

export const pinPublishedStatus = (ctx: Context): void => {
  if (canReadDrafts(ctx)) return;
  ctx.query = { ...ctx.query, status: 'published' };
};

/** Teasers and figures have no draft state: the public sees only those of a published article. */
export const restrictToPublishedArticles = (ctx: Context): void => {
  if (canReadDrafts(ctx)) return;
  const published = { article: { publishedAt: { $notNull: true } } };
  const { filters } = ctx.query as { filters?: unknown };
  ctx.query = { ...ctx.query, status: 'published', filters: filters ? { $and: [filters, published] } : published };
};
