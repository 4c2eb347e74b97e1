/**
 * The draft-safety rule, as pure functions: the public role, users-permissions users and read-only
 * (or custom) API tokens read published content only, and a filter or sort through a relation to
 * an Article cannot reach a draft row. It is applied in ONE place, a Document Service middleware
 * (src/index.ts), which every read channel passes through (REST, GraphQL root queries, custom
 * code); GraphQL's nested relations, which Strapi loads with `strapi.db.query().load()` instead,
 * get the same rule through a resolver middleware (also in src/index.ts), in GraphQL's own
 * filter dialect.
 */

export const ARTICLE = 'api::article.article';
export const TEASER = 'api::related-teaser.related-teaser';
export const FIGURE = 'api::figure.figure';

/** The content types the rule guards. */
export const GUARDED_UIDS: ReadonlySet<string> = new Set([ARTICLE, TEASER, FIGURE]);
/** Teasers and figures have no draft state: they are public when their article is. */
const CHILDREN_OF_ARTICLE: ReadonlySet<string> = new Set([TEASER, FIGURE]);
/** Document Service actions that read (every other action writes, and is refused to the public). */
export const READ_ACTIONS: ReadonlySet<string> = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/** Filter and sort keys that reach an Article from a teaser, a figure or an article: a join there may land on a draft row. */
const ARTICLE_RELATIONS = new Set(['article', 'linkedArticle']);
/** Editorial cohorts ("published with unpublished changes"…): they would tell the public about drafts. */
const EDITORIAL_PARAMS = ['publicationFilter', 'hasPublishedVersion'];

/** How "published" and "and" are spelled in a query: Strapi's filters, or GraphQL's filter input. */
export interface FilterDialect {
  published: Record<string, unknown>;
  and: string;
}
export const STRAPI_FILTERS: FilterDialect = { published: { publishedAt: { $notNull: true } }, and: '$and' };
export const GRAPHQL_FILTERS: FilterDialect = { published: { publishedAt: { notNull: true } }, and: 'and' };

/** What `ctx.state.auth` holds (Strapi 5): the strategy that authenticated the request, and its credentials. */
export interface RequestAuth {
  strategy?: { name?: string } | null;
  credentials?: { type?: string } | null;
}

/** Strategies of the admin panel's own routes (an admin user's session, an admin-kind token). */
const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);

/**
 * Who reads drafts inside a request: the admin panel, and full-access content-API tokens (the
 * editorial tools). Everyone else — the public role, users-permissions users, read-only and
 * custom tokens, a request nobody authenticated — reads published content only, whatever
 * `status` they ask for (Strapi 5 answers `?status=draft` to anyone holding `find`).
 */
export function canReadDrafts(auth: RequestAuth | null | undefined): boolean {
  const strategy = auth?.strategy?.name;
  if (strategy && ADMIN_STRATEGIES.has(strategy)) return true;
  return strategy === 'content-api-token' && auth?.credentials?.type === 'full-access';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/**
 * Every filter that goes through a relation to an Article is held to published rows, so that
 * `filters[linkedArticle][title][$startsWith]=…` cannot probe a draft's text letter by letter.
 */
export function publishedRelationsOnly(filters: unknown, dialect: FilterDialect = STRAPI_FILTERS): unknown {
  if (Array.isArray(filters)) return filters.map((part) => publishedRelationsOnly(part, dialect));
  if (!isPlainObject(filters)) return filters;
  return Object.fromEntries(
    Object.entries(filters).map(([key, value]) => {
      const inner = publishedRelationsOnly(value, dialect);
      const isArticle = ARTICLE_RELATIONS.has(key) && isPlainObject(inner);
      return [key, isArticle ? { ...inner, ...dialect.published } : inner];
    })
  );
}

const throughArticle = (path: string) => path.split(/[.:]/).some((part) => ARTICLE_RELATIONS.has(part.trim()));

/**
 * Sorting by a related article's field would order rows by a draft's text too (the join reaches
 * draft rows): such sort keys are dropped for callers who cannot read drafts.
 */
export function withoutArticleSorts(sort: unknown): unknown {
  if (typeof sort === 'string') return sort.split(',').filter((part) => !throughArticle(part)).join(',') || undefined;
  if (Array.isArray(sort)) return sort.map(withoutArticleSorts).filter((part) => part !== undefined);
  if (isPlainObject(sort)) {
    const kept = Object.entries(sort).filter(([key]) => !ARTICLE_RELATIONS.has(key));
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  return sort;
}

/**
 * The same rules inside a populate: `populate[teasers][filters][linkedArticle][title][$startsWith]=…`
 * and `populate[teasers][sort]=linkedArticle.title` would otherwise probe drafts too. (The
 * populated articles themselves are held to published rows by the pinned `status`.)
 */
export function publishedPopulate(populate: unknown): unknown {
  if (!isPlainObject(populate)) return populate; // '*', 'teasers,figures', ['teasers'], true…
  return Object.fromEntries(
    Object.entries(populate).map(([key, value]) => {
      if (!isPlainObject(value)) return [key, value];
      const { filters, sort, populate: inner, on, ...rest } = value;
      const safeSort = sort === undefined ? undefined : withoutArticleSorts(sort);
      return [
        key,
        {
          ...rest,
          ...(filters !== undefined ? { filters: publishedRelationsOnly(filters) } : {}),
          ...(safeSort !== undefined ? { sort: safeSort } : {}),
          ...(inner !== undefined ? { populate: publishedPopulate(inner) } : {}),
          ...(on !== undefined ? { on: publishedPopulate(on) } : {}),
        },
      ];
    })
  );
}

/**
 * The parameters a caller who cannot read drafts may run on one of the guarded content types:
 * published rows (`status` pinned, editorial cohorts dropped), draft-safe filters, sorts and
 * populates, and — for teasers and figures — only those whose article is published.
 */
export function publishedParams<T extends Record<string, unknown>>(
  uid: string,
  params: T,
  dialect: FilterDialect = STRAPI_FILTERS
): Record<string, unknown> {
  const { filters, sort, populate, ...rest } = params as Record<string, unknown>;
  for (const key of EDITORIAL_PARAMS) delete rest[key];

  let safeFilters = filters === undefined || filters === null ? undefined : publishedRelationsOnly(filters, dialect);
  if (CHILDREN_OF_ARTICLE.has(uid)) {
    const ofPublished = { article: dialect.published };
    const empty = safeFilters === undefined || (isPlainObject(safeFilters) && Object.keys(safeFilters).length === 0);
    const given = empty ? undefined : safeFilters;
    safeFilters = given ? { [dialect.and]: [given, ofPublished] } : ofPublished;
  }
  const safeSort = sort === undefined ? undefined : withoutArticleSorts(sort);
  return {
    ...rest,
    status: 'published',
    ...(safeFilters !== undefined ? { filters: safeFilters } : {}),
    ...(safeSort !== undefined ? { sort: safeSort } : {}),
    ...(populate !== undefined ? { populate: publishedPopulate(populate) } : {}),
  };
}
