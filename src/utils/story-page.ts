/**
 * The story page's read: one article (by slug) with its default population. Same answer as the
 * core controller's find with DETAIL_POPULATE, in fewer steps (see findStory).
 */
import type { Core } from '@strapi/strapi';
import { pagination as paging } from '@strapi/utils';

const ARTICLE = 'api::article.article';

type Row = Record<string, unknown> & { id: number; publishedAt?: unknown };
type Params = Record<string, unknown>;

/**
 * What a story page needs when it asks for one article (by documentId or by slug) and sends no
 * `populate`: its teasers in block order, each with the article it links to (documentId, slug,
 * title — for the public only when that article is published: the Document Service middleware
 * pins the status, which Strapi applies to populated articles too), and its figures in order.
 */
export const DETAIL_POPULATE = {
  // Figures first: the key order the answers have always had (what Strapi's sanitizer used to give back).
  figures: { sort: ['position:asc', 'id:asc'] },
  teasers: {
    sort: ['position:asc', 'id:asc'],
    populate: { linkedArticle: { fields: ['documentId', 'slug', 'title'] } },
  },
};

/** Parameters whose effect on populated relations findStory does not reproduce: the core path answers them. */
const CORE_PATH_PARAMS = ['pagination', 'populate', 'publicationFilter', 'hasPublishedVersion'];

/** The core service's page of a request without `pagination` (config api.rest.defaultLimit / maxLimit). */
function defaultPage(strapi: Core.Strapi): { start: number; limit: number } {
  const defaultLimit = Number(strapi.config.get('api.rest.defaultLimit', 25));
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit')) || -1;
  const { start, limit } = paging.withDefaultPagination({}, { defaults: { offset: { limit: defaultLimit }, page: { pageSize: defaultLimit } }, maxLimit }) as {
    start: number;
    limit: number;
  };
  return { start, limit };
}

/**
 * The article's rows through the Document Service without `populate` (validated, draft-safe: its
 * middleware pins the status for the public), then their teasers, linked articles and figures in
 * one query-engine read, with the query Strapi's own query-params converter makes of
 * DETAIL_POPULATE for the status the rows have (what the Document Service does inside, minus
 * validating and converting the same constant populate again on every request), both in one
 * transaction as the Document Service's own findMany. Then, as the core service, the pagination,
 * without its count query when the first page is not full (its total is then the number of rows).
 *
 * Returns null for what it does not cover (CORE_PATH_PARAMS): the caller then takes the core path.
 */
export async function findStory(strapi: Core.Strapi, params: Params): Promise<{ results: Row[]; pagination: Record<string, number> } | null> {
  if (CORE_PATH_PARAMS.some((key) => params[key] !== undefined)) return null;
  const page = defaultPage(strapi);
  // The core service's fetch parameters (getFetchParams, getPaginationInfo).
  const fetch = { status: 'published', ...params, ...page } as Params;
  const documents = strapi.documents(ARTICLE);
  const results = await strapi.db.transaction(async () => {
    const rows = (await documents.findMany(fetch as never)) as unknown as Row[];
    await populateDetail(strapi, rows);
    return rows;
  });
  const withCount = Boolean(strapi.config.get('api.rest.withCount', true));
  if (!withCount) {
    const { page: number, pageSize } = paging.transformPagedPaginationInfo(page, undefined) as { page: number; pageSize: number };
    return { results, pagination: { page: number, pageSize } };
  }
  const fullPage = page.limit !== -1 && results.length >= page.limit;
  const total = page.start === 0 && !fullPage ? results.length : await documents.count(fetch as never);
  return { results, pagination: paging.transformPagedPaginationInfo(page, total) as unknown as Record<string, number> };
}

/**
 * Adds DETAIL_POPULATE's relations to article rows read through the Document Service. A row's
 * relations are read with the row's own status, as the Document Service reads them with the
 * status it was asked for: the converted query's filters hold the root row to that status too,
 * so the published pass finds the published rows and the draft pass the rest (rows read with
 * `fields` may not carry publishedAt).
 */
async function populateDetail(strapi: Core.Strapi, rows: Row[]) {
  let pending = rows;
  for (const status of ['published', 'draft'] as const) {
    if (pending.length === 0) return;
    const query = strapi.get('query-params').transform(ARTICLE, { populate: DETAIL_POPULATE, status }) as { filters?: unknown; populate: Params };
    const populated = (await strapi.db.query(ARTICLE).findMany({
      where: { id: { $in: pending.map((row) => row.id) } },
      select: ['id'],
      filters: query.filters,
      populate: query.populate,
    } as never)) as unknown as Row[];
    const byId = new Map(populated.map((row) => [row.id, row]));
    for (const row of pending) {
      const children = byId.get(row.id);
      if (children) for (const key of Object.keys(DETAIL_POPULATE)) row[key] = children[key];
    }
    pending = pending.filter((row) => !byId.has(row.id));
  }
}
