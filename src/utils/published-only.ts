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

const throughArticle = (path: string) => path.split(/[.:]/).some((part) => ARTICLE_RELATIONS.has(part));

/**
 * Sorting by a related article's field would order rows by a draft's text too (the join reaches
 * draft rows): such sort keys are dropped for callers who cannot read drafts.
 */
export function withoutArticleSorts(sort: unknown): unknown {
  if (typeof sort === 'string') return sort.split(',').filter((part) => !throughArticle(part)).join(',') || undefined;
  if (Array.isArray(sort)) return sort.map(withoutArticleSorts).filter((part) => part !== undefined);
  if (sort && typeof sort === 'object') {
    const kept = Object.entries(sort).filter(([key]) => !ARTICLE_RELATIONS.has(key));
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  return sort;
}

/** The query a caller who cannot read drafts may run: published rows, draft-safe filters and sorts. */
function publishedQuery(query: Record<string, unknown>): Record<string, unknown> {
  const { filters, sort, ...rest } = query;
  const safeSort = sort === undefined ? undefined : withoutArticleSorts(sort);
  return {
    ...rest,
    status: 'published',
    ...(filters ? { filters: publishedRelationsOnly(filters) } : {}),
    ...(safeSort !== undefined ? { sort: safeSort } : {}),
  };
}

export const pinPublishedStatus = (ctx: Context): void => {
  if (canReadDrafts(ctx)) return;
  ctx.query = publishedQuery(ctx.query);
};

/** Teasers and figures have no draft state: the public sees only those of a published article. */
export const restrictToPublishedArticles = (ctx: Context): void => {
  if (canReadDrafts(ctx)) return;
  const query = publishedQuery(ctx.query);
  const published = { article: PUBLISHED };
  ctx.query = { ...query, filters: query.filters ? { $and: [query.filters, published] } : published };
};
