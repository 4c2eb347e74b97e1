import type { Core } from '@strapi/strapi';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Filter keys that reach an Article from a teaser or a figure: a join there may land on a draft row. */
const ARTICLE_RELATIONS = new Set(['article', 'linkedArticle']);
const PUBLISHED = { publishedAt: { $notNull: true } };

/**
 * Only editorial tokens read drafts through the content API. Strapi 5 answers `?status=draft`
 * to anyone holding `find`, so for the public role and read-only tokens the status is pinned.
 */
export const canReadDrafts = (ctx: Context): boolean => {
  const auth = ctx.state?.auth;
  return ['content-api-token', 'api-token'].includes(auth?.strategy?.name) && auth.credentials?.type === 'full-access';
};

/**
 * Every filter that goes through a relation to an Article is held to published rows, so that
 * `filters[linkedArticle][title][$startsWith]=…` cannot probe a draft's text letter by letter.
 */
export function publishedRelationsOnly(filters: unknown): unknown {
  if (Array.isArray(filters)) return filters.map(publishedRelationsOnly);
  if (!filters || typeof filters !== 'object') return filters;
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => {
      const inner = publishedRelationsOnly(value);
      const isArticle = ARTICLE_RELATIONS.has(key) && inner && typeof inner === 'object' && !Array.isArray(inner);
      return [key, isArticle ? { ...(inner as object), ...PUBLISHED } : inner];
    })
  );
}

export const pinPublishedStatus = (ctx: Context): void => {
  if (canReadDrafts(ctx)) return;
  const { filters } = ctx.query as { filters?: unknown };
  ctx.query = { ...ctx.query, status: 'published', ...(filters ? { filters: publishedRelationsOnly(filters) } : {}) };
};

/** Teasers and figures have no draft state: the public sees only those of a published article. */
export const restrictToPublishedArticles = (ctx: Context): void => {
  if (canReadDrafts(ctx)) return;
  const { filters } = ctx.query as { filters?: unknown };
  const published = { article: PUBLISHED };
  ctx.query = {
    ...ctx.query,
    status: 'published',
    filters: filters ? { $and: [publishedRelationsOnly(filters), published] } : published,
  };
};
