/**
 * HTTP caching for public reads of articles, teasers and figures (GET/HEAD under /api/articles,
 * /api/related-teasers, /api/figures): a strong ETag, Cache-Control, and 304 on If-None-Match
 * answered BEFORE the route runs (no authentication, controller, population or sanitizing).
 *
 * The ETag is sha256 over: a representation version (CONTENT_CACHE_VERSION and the content-type
 * schemas), the caller class, the request's path and query string, and the VALIDATOR: one
 * aggregate query over the database rows the response can show. Nothing comes from one process's
 * memory, so every instance on one database computes the same ETag for the same data, and every
 * write path changes it: the Document Service (Content Manager, single-text import of a new story),
 * the raw-SQL bulk writer, jobs and the re-split (which fire no lifecycles) alike, because they all
 * change rows, and a row that changes gets a new updated_at or leaves/enters a set (count, sum of ids).
 * Per set of rows a detail validator takes count(*), max(updated_at), sum(updated_at) and sum(id):
 * deletions lower the count, inserts bring new ids and timestamps, and the sum of timestamps also
 * catches an update stamped by an instance whose clock lags (max alone would miss it). The
 * table-level validator (lists) takes count(*), max(id) and max(updated_at): index lookups only.
 *
 * Which rows:
 * - an article by documentId (`/api/articles/:id`), or by slug (`/api/articles?filters[slug][$eq]=…`
 *   and no other filter): every row of the document (draft and published: the public ETag may
 *   change on a draft edit, never stays put on a published one), the teasers and figures joined to
 *   those rows, the teasers that link to it (teasedBy), the link rows from its teasers to the
 *   articles they tease, and every row of those linked articles (their title and slug);
 * - a teaser or a figure by documentId: its rows, and every row of its article (and linked article);
 * - anything else (lists, other filters, populate deeper than the above covers): the whole tables
 *   articles, related_teasers, figures and their three link tables (a table-level validator);
 * - always: the users-permissions permission table, so taking a permission from the public role
 *   changes every ETag rather than leaving a 304 to someone the route would now refuse.
 * A detail response whose body nests relations beyond what its validator covers (a default
 * population deeper than the query asks) gets no ETag at all (safe) and a warning in the log.
 *
 * Caller classes (part of the ETag, and which Cache-Control):
 * - anonymous (no Authorization header): public role, published content only →
 *   `Cache-Control: public, max-age=N` (N = CONTENT_CACHE_MAX_AGE, default 60 s), `Vary: Authorization`;
 * - a valid read-only or full-access content-API token (looked up here: one indexed query;
 *   a full-access token reads drafts, see src/utils/published-only.ts) → `private, no-cache`:
 *   no shared cache stores it, a private one revalidates every time and gets a 304 when unchanged;
 * - anything else (custom tokens, whose permissions vary per token; users-permissions JWTs;
 *   unknown or expired tokens): not cached at all (`private, no-store`, no ETag, no 304): the route
 *   authenticates and answers as usual.
 *
 * The validator is read before the route runs and again after it on a 200: if a write committed
 * in between, the body may show either state, so it goes out without an ETag (strong means one
 * body per tag). On a 304 the route is skipped, so a token's lastUsedAt is not refreshed.
 *
 * Answers kept by tag: an article's detail answer (by documentId or by slug: the story page, a
 * read of the article, its teasers with their linked articles and its figures, sanitized) is kept
 * in this process's memory under its ETag once sent with one, and the next request that computes
 * the same tag gets the kept bytes without the route running. The tag is the key, and the tag is
 * derived from the database (the validator), so a kept answer is never served after a write, on
 * any instance: a write changes the validator, hence the tag, and the old entry is simply never
 * asked for again (least recently used entries go first once CONTENT_CACHE_MEMORY_MB, default 64,
 * is full; 0 keeps nothing). Lists and the plain findOne of a teaser or a figure are not kept:
 * one indexed query, cheaper to rebuild than to hold.
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';

type Context = Parameters<Core.MiddlewareHandler>[0];

const ARTICLE = 'api::article.article';
const TEASER = 'api::related-teaser.related-teaser';
const FIGURE = 'api::figure.figure';
const PERMISSION = 'plugin::users-permissions.permission';

const COLLECTIONS: Record<string, typeof ARTICLE | typeof TEASER | typeof FIGURE> = {
  articles: ARTICLE,
  'related-teasers': TEASER,
  figures: FIGURE,
};

export type CallerClass = 'anonymous' | 'read-only' | 'full-access';

/** What a request reads, as far as its validator is concerned. */
export type CacheTarget =
  | { kind: 'article'; documentId: string }
  | { kind: 'article-slug'; slug: string }
  | { kind: 'teaser'; documentId: string }
  | { kind: 'figure'; documentId: string }
  | { kind: 'tables' };

export interface ContentCacheConfig {
  /** max-age for anonymous responses, in seconds (CONTENT_CACHE_MAX_AGE, default 60). */
  maxAge?: number;
  /** Bump to change every ETag when the representation changes without the data (CONTENT_CACHE_VERSION). */
  version?: string;
  /** Memory for article answers kept by ETag, in MiB (CONTENT_CACHE_MEMORY_MB, default 64; 0 keeps none). */
  memoryMb?: number;
}

/** Targets whose answers are kept by tag: the article detail reads (see the header). */
const KEPT_KINDS = new Set<CacheTarget['kind']>(['article', 'article-slug']);

/**
 * Relations a detail validator covers, from the requested document down. A populate (or a
 * response body) that reaches further falls back to the table-level validator (or gets no ETag).
 */
type Tree = { [relation: string]: Tree };
const COVERED: Record<Exclude<CacheTarget['kind'], 'tables'>, Tree> = {
  article: { teasers: { article: {}, linkedArticle: {} }, figures: { article: {} }, teasedBy: { linkedArticle: {} } },
  'article-slug': { teasers: { article: {}, linkedArticle: {} }, figures: { article: {} }, teasedBy: { linkedArticle: {} } },
  teaser: { article: {}, linkedArticle: {} },
  figure: { article: {} },
};
const UID_OF_KIND = { article: ARTICLE, 'article-slug': ARTICLE, teaser: TEASER, figure: FIGURE } as const;

// ---------------------------------------------------------------------------------------------
// Which validator a request gets

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Relation attributes (to other API content types) of a content type, by uid. */
const relationsOf = (strapi: Core.Strapi, uid: string): Record<string, string> => {
  const attributes = (strapi.contentTypes[uid as keyof typeof strapi.contentTypes]?.attributes ?? {}) as Record<string, any>;
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, attribute]) => attribute?.type === 'relation' && String(attribute.target ?? '').startsWith('api::'))
      .map(([name, attribute]) => [name, attribute.target as string])
  );
};

/** Whether every relation path a `populate` value asks for stays inside the covered tree. */
function populateCovered(strapi: Core.Strapi, uid: string, populate: unknown, tree: Tree): boolean {
  if (populate === undefined || populate === null || populate === '' || populate === false || populate === 'false') return true;
  const relations = relationsOf(strapi, uid);
  const allCovered = () => Object.keys(relations).every((name) => name in tree);
  const pathCovered = (path: string): boolean => {
    const [head, ...rest] = path.split('.');
    if (head === '*') return rest.length === 0 && allCovered();
    if (!(head in relations)) return true; // not a relation the validator tracks (Strapi refuses or ignores it)
    if (!(head in tree)) return false;
    return rest.length === 0 || populateCovered(strapi, relations[head], rest.join('.'), tree[head]);
  };
  if (typeof populate === 'string') return populate.split(',').map((part) => part.trim()).filter(Boolean).every(pathCovered);
  if (Array.isArray(populate)) return populate.every((item) => populateCovered(strapi, uid, item, tree));
  if (!isPlainObject(populate)) return false;
  return Object.entries(populate).every(([key, value]) => {
    if (key === '*') return allCovered();
    if (!(key in relations)) return !(isPlainObject(value) && 'on' in value);
    if (!(key in tree)) return false;
    if (!isPlainObject(value)) return true; // true, '*', 'true'
    if ('on' in value) return false;
    return populateCovered(strapi, relations[key], value.populate, tree[key]);
  });
}

/** The one filter of a detail-by-slug request, or null. */
function slugFilter(filters: unknown): string | null {
  if (!isPlainObject(filters)) return null;
  const keys = Object.keys(filters);
  if (keys.length !== 1 || keys[0] !== 'slug') return null;
  const slug = filters.slug;
  if (typeof slug === 'string') return slug;
  if (isPlainObject(slug) && Object.keys(slug).length === 1 && typeof slug.$eq === 'string') return slug.$eq;
  return null;
}

const apiPrefix = (strapi: Core.Strapi) => String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/$/, '');

/** The collection of a cacheable path (`/api/articles…` etc.), or null. */
export function collectionOf(strapi: Core.Strapi, path: string): { uid: string; rest: string[] } | null {
  const prefix = apiPrefix(strapi);
  if (!path.startsWith(`${prefix}/`)) return null;
  const [collection, ...rest] = path.slice(prefix.length + 1).split('/');
  const uid = COLLECTIONS[collection];
  if (!uid) return null;
  return { uid, rest: rest.filter(Boolean) };
}

/** The validator a request gets, from its path and (qs-parsed) query alone. */
export function resolveTarget(strapi: Core.Strapi, path: string, query: Record<string, unknown>): CacheTarget | null {
  const found = collectionOf(strapi, path);
  if (!found) return null;
  const { uid, rest } = found;
  let target: CacheTarget = { kind: 'tables' };
  if (rest.length === 1) {
    let documentId: string;
    try {
      documentId = decodeURIComponent(rest[0]);
    } catch {
      return { kind: 'tables' };
    }
    target = uid === ARTICLE ? { kind: 'article', documentId } : uid === TEASER ? { kind: 'teaser', documentId } : { kind: 'figure', documentId };
  } else if (rest.length === 0 && uid === ARTICLE) {
    const slug = slugFilter(query.filters);
    if (slug !== null) target = { kind: 'article-slug', slug };
  }
  if (target.kind !== 'tables' && !populateCovered(strapi, UID_OF_KIND[target.kind], query.populate, COVERED[target.kind])) {
    return { kind: 'tables' };
  }
  return target;
}

/** Whether a response body nests only relations its detail validator covers (objects with a documentId count as relations). */
export function bodyCovered(target: CacheTarget, body: unknown): boolean {
  if (target.kind === 'tables') return true;
  const within = (node: unknown, tree: Tree): boolean => {
    if (!isPlainObject(node)) return true;
    return Object.entries(node).every(([key, value]) => {
      const items = Array.isArray(value) ? value : [value];
      const related = items.filter((item) => isPlainObject(item) && typeof item.documentId === 'string');
      if (related.length === 0) return true;
      if (!(key in tree)) return false;
      return related.every((item) => within(item, tree[key]));
    });
  };
  const data = isPlainObject(body) ? body.data : undefined;
  return (Array.isArray(data) ? data : [data]).every((item) => within(item, COVERED[target.kind]));
}

// ---------------------------------------------------------------------------------------------
// The validator: one aggregate query, a pure function of the database state

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

const q = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

function schemaOf(strapi: Core.Strapi) {
  const meta = (uid: string) => strapi.db.metadata.get(uid);
  const join = (uid: string, attribute: string) => (meta(uid).attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;
  return {
    articles: meta(ARTICLE).tableName,
    teasers: meta(TEASER).tableName,
    figures: meta(FIGURE).tableName,
    teaserArticle: join(TEASER, 'article'),
    teaserLinked: join(TEASER, 'linkedArticle'),
    figureArticle: join(FIGURE, 'article'),
    permissions: strapi.db.metadata.has(PERMISSION) ? meta(PERMISSION).tableName : null,
  };
}

/**
 * The statement and bindings of a target's validator. Each set of entity rows of a detail
 * contributes count, max and sum of updated_at (as a number, so no time zone or driver formatting
 * enters) and sum of ids; each set of link rows count and sum of ids. Whole tables contribute
 * count, max(id) and max(updated_at) only (index lookups).
 */
export function validatorQuery(strapi: Core.Strapi, target: CacheTarget): { sql: string; bindings: string[]; columns: string[] } {
  // The statement depends on the target's kind only (and the schema, fixed once Strapi is loaded):
  // built once per kind, then only the binding changes.
  let built = builtQueries.get(strapi);
  if (!built) builtQueries.set(strapi, (built = new Map()));
  let query = built.get(target.kind);
  if (!query) {
    query = buildValidatorQuery(strapi, target);
    built.set(target.kind, query);
  }
  return { sql: query.sql, columns: query.columns, bindings: bindingsOf(target) };
}

/** The one value a target's statement binds: what identifies the requested document. */
const bindingsOf = (target: CacheTarget): string[] =>
  target.kind === 'tables' ? [] : [target.kind === 'article-slug' ? target.slug : target.documentId];

const builtQueries = new WeakMap<Core.Strapi, Map<CacheTarget['kind'], { sql: string; columns: string[] }>>();

function buildValidatorQuery(strapi: Core.Strapi, target: CacheTarget): { sql: string; bindings: string[]; columns: string[] } {
  const s = schemaOf(strapi);
  const postgres = strapi.db.dialect.client === 'postgres';
  // SQLite keeps datetimes as integer milliseconds: the modulus keeps SUM clear of integer overflow.
  const ts = postgres ? 'EXTRACT(EPOCH FROM "updated_at")' : '"updated_at"';
  const tsSum = postgres ? `SUM(${ts})` : `SUM(${ts} % 1000000007)`;
  // Every column gets its own alias (p3_n…): drivers fold repeated names of one row together.
  const columns: string[] = [];
  // `from`: a quoted table name, or a derived table.
  const aggregate = (from: string, where: string, expressions: Record<string, string>) => {
    const part = columns.length;
    const select = Object.entries(expressions).map(([name, expression]) => {
      columns.push(`p${part}_${name}`);
      return `${expression} AS ${q(`p${part}_${name}`)}`;
    });
    return `SELECT ${select.join(', ')} FROM ${from}${where ? ` WHERE ${where}` : ''}`;
  };
  const entities = (table: string, where: string) =>
    aggregate(q(table), where, { n: 'COUNT(*)', m: `MAX(${ts})`, s: tsSum, i: 'SUM("id")' });
  const links = (table: string, where: string) => aggregate(q(table), where, { n: 'COUNT(*)', i: 'SUM("id")' });
  // Whole tables: only what an index answers (count, max id, max updated_at). A sum would read
  // every row (hundreds of ms at 20,000 articles); see the note on clocks in contentValidator.
  // One scalar subquery per aggregate: SQLite answers MIN/MAX from an index only when it is alone.
  const whole = (expressions: Record<string, string>) => {
    const part = columns.length;
    const select = Object.entries(expressions).map(([name, expression]) => {
      columns.push(`p${part}_${name}`);
      return `${expression} AS ${q(`p${part}_${name}`)}`;
    });
    return `SELECT ${select.join(', ')}`;
  };
  const from = (table: string, aggregateSql: string) => `(SELECT ${aggregateSql} FROM ${q(table)})`;
  const wholeEntities = (table: string) =>
    whole({
      n: from(table, 'COUNT(*)'),
      m: postgres ? `EXTRACT(EPOCH FROM ${from(table, 'MAX("updated_at")')})` : from(table, 'MAX("updated_at")'),
      x: from(table, 'MAX("id")'),
    });
  const wholeLinks = (table: string) => whole({ n: from(table, 'COUNT(*)'), x: from(table, 'MAX("id")') });
  const col = (join: JoinTable, side: 'joinColumn' | 'inverseJoinColumn') => q(join[side].name);

  const parts: string[] = [];
  const ctes: string[] = [];
  const bindings: string[] = [];
  const rowsOfDocuments = (documentIdsSql: string) => `SELECT "id" FROM ${q(s.articles)} WHERE "document_id" IN (${documentIdsSql})`;
  const documentsOfRows = (rowIdsSql: string) => `SELECT "document_id" FROM ${q(s.articles)} WHERE "id" IN (${rowIdsSql})`;

  if (target.kind === 'tables') {
    parts.push(wholeEntities(s.articles), wholeEntities(s.teasers), wholeEntities(s.figures));
    parts.push(wholeLinks(s.teaserArticle.name), wholeLinks(s.teaserLinked.name), wholeLinks(s.figureArticle.name));
  } else if (target.kind === 'article' || target.kind === 'article-slug') {
    if (target.kind === 'article') {
      ctes.push(`a AS (SELECT "id" FROM ${q(s.articles)} WHERE "document_id" = ?)`);
      bindings.push(target.documentId);
    } else {
      // PostgreSQL's slug index is COLLATE "C" (database/raw-import-schema.js); equality is the same under either collation.
      const slug = postgres ? '"slug" COLLATE "C"' : '"slug"';
      ctes.push(`a AS (${rowsOfDocuments(`SELECT "document_id" FROM ${q(s.articles)} WHERE ${slug} = ?`)})`);
      bindings.push(target.slug);
    }
    const ta = s.teaserArticle;
    const tl = s.teaserLinked;
    const fa = s.figureArticle;
    ctes.push(
      `t AS (SELECT ${col(ta, 'joinColumn')} AS "id" FROM ${q(ta.name)} WHERE ${col(ta, 'inverseJoinColumn')} IN (SELECT "id" FROM a))`,
      `f AS (SELECT ${col(fa, 'joinColumn')} AS "id" FROM ${q(fa.name)} WHERE ${col(fa, 'inverseJoinColumn')} IN (SELECT "id" FROM a))`,
      `b AS (SELECT ${col(tl, 'joinColumn')} AS "id" FROM ${q(tl.name)} WHERE ${col(tl, 'inverseJoinColumn')} IN (SELECT "id" FROM a))`,
      `l AS (SELECT ${col(tl, 'inverseJoinColumn')} AS "id" FROM ${q(tl.name)} WHERE ${col(tl, 'joinColumn')} IN (SELECT "id" FROM t))`
    );
    parts.push(
      entities(s.articles, `"id" IN (SELECT "id" FROM a)`),
      entities(s.teasers, `"id" IN (SELECT "id" FROM t)`),
      entities(s.figures, `"id" IN (SELECT "id" FROM f)`),
      entities(s.teasers, `"id" IN (SELECT "id" FROM b)`),
      entities(s.articles, `"id" IN (${rowsOfDocuments(documentsOfRows('SELECT "id" FROM l'))})`),
      links(ta.name, `${col(ta, 'inverseJoinColumn')} IN (SELECT "id" FROM a)`),
      links(fa.name, `${col(fa, 'inverseJoinColumn')} IN (SELECT "id" FROM a)`),
      // The link rows from its teasers and those to it, as the UNION of two index lookups: the same
      // rows as an OR of the two conditions, so the same aggregates (PostgreSQL reads the whole link
      // table for the OR, or for an IN over the UNION).
      aggregate(
        `(SELECT "id" FROM ${q(tl.name)} WHERE ${col(tl, 'joinColumn')} IN (SELECT "id" FROM t) UNION SELECT "id" FROM ${q(tl.name)} WHERE ${col(tl, 'inverseJoinColumn')} IN (SELECT "id" FROM a)) ${q('u')}`,
        '',
        { n: 'COUNT(*)', i: 'SUM("id")' }
      )
    );
  } else {
    // A teaser or a figure: its rows, every row of its article (and, for a teaser, of the linked article).
    const table = target.kind === 'teaser' ? s.teasers : s.figures;
    const own = target.kind === 'teaser' ? s.teaserArticle : s.figureArticle;
    ctes.push(`c AS (SELECT "id" FROM ${q(table)} WHERE "document_id" = ?)`);
    bindings.push(target.documentId);
    const linked = [own, ...(target.kind === 'teaser' ? [s.teaserLinked] : [])];
    ctes.push(
      `r AS (${linked.map((join) => `SELECT ${col(join, 'inverseJoinColumn')} AS "id" FROM ${q(join.name)} WHERE ${col(join, 'joinColumn')} IN (SELECT "id" FROM c)`).join(' UNION ')})`
    );
    parts.push(entities(table, `"id" IN (SELECT "id" FROM c)`), entities(s.articles, `"id" IN (${rowsOfDocuments(documentsOfRows('SELECT "id" FROM r'))})`));
    for (const join of linked) parts.push(links(join.name, `${col(join, 'joinColumn')} IN (SELECT "id" FROM c)`));
  }
  if (s.permissions) parts.push(entities(s.permissions, ''));

  const sql = `${ctes.length ? `WITH ${ctes.join(', ')} ` : ''}SELECT * FROM ${parts.map((part, i) => `(${part}) ${q(`q${i}`)}`).join(' CROSS JOIN ')}`;
  return { sql, bindings, columns };
}

const normalize = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(6);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    const [whole, fraction = ''] = value.split('.');
    return fraction.replace(/0+$/, '') ? `${whole}.${fraction.replace(/0+$/, '')}` : whole;
  }
  return String(value);
};

/**
 * The validator of a target: the aggregates of the rows it reads, as one string. A pure function
 * of the database state (two instances on one database compute the same string). Exported for
 * benchmarks: `await contentValidator(strapi, { kind: 'tables' })`.
 *
 * Clocks: an update stamped with an updated_at below the current maximum (an instance whose clock
 * lags another's) changes a detail validator (sum of updated_at) but not the table-level one
 * (max only) until the next write: instances must keep their clocks in step (NTP) for lists.
 * The table-level validator is cheap only with an index on updated_at of articles,
 * related_teasers and figures (without one, MAX(updated_at) reads every row): database/raw-import-schema.js
 * makes them.
 */
export async function contentValidator(strapi: Core.Strapi, target: CacheTarget): Promise<string> {
  const { sql, bindings, columns } = validatorQuery(strapi, target);
  const row = await firstRow(strapi, sql, bindings);
  return columns.map((column) => normalize(row[column])).join('|');
}

/** Statements prepared on a pooled connection, by SQL text (a handful: one per target kind). */
const preparedOn = new WeakMap<object, Map<string, unknown>>();

interface PoolClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/**
 * The validator's one row. The statement is the same for every request of a kind, and preparing
 * it cost more than running it (a statement of a dozen aggregates over CTEs: ~1 ms to prepare on
 * SQLite, a fifth of that to run), twice per 200: it is prepared once per pooled connection and
 * kept (better-sqlite3 statements on SQLite, named prepared statements on PostgreSQL). Inside a
 * transaction, or on another client, it goes through knex as any query.
 */
async function firstRow(strapi: Core.Strapi, sql: string, bindings: string[]): Promise<Record<string, unknown>> {
  const dialect = strapi.db.dialect.client;
  if ((dialect === 'sqlite' || dialect === 'postgres') && !strapi.db.inTransaction()) {
    const pool = strapi.db.connection.client as unknown as PoolClient;
    const connection = (await pool.acquireConnection()) as object;
    try {
      let statements = preparedOn.get(connection);
      if (!statements) preparedOn.set(connection, (statements = new Map()));
      if (dialect === 'sqlite') {
        let statement = statements.get(sql) as { get(...values: unknown[]): Record<string, unknown> | undefined } | undefined;
        if (!statement) {
          statement = (connection as { prepare(text: string): typeof statement }).prepare(sql)!;
          statements.set(sql, statement);
        }
        return statement.get(...bindings) ?? {};
      }
      let name = statements.get(sql) as string | undefined;
      if (!name) {
        name = `content_cache_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
        statements.set(sql, name);
      }
      let position = 0;
      const text = sql.replace(/\?/g, () => `$${++position}`);
      const result = await (connection as { query(config: object): Promise<{ rows: Array<Record<string, unknown>> }> }).query({ name, text, values: bindings });
      return result.rows[0] ?? {};
    } finally {
      await pool.releaseConnection(connection);
    }
  }
  const result = await strapi.db.connection.raw(sql, bindings);
  return (Array.isArray(result) ? result[0] : result.rows[0]) ?? {};
}

// ---------------------------------------------------------------------------------------------
// Callers, ETags and the middleware

/** The caller class, or null for callers that are not cached (custom tokens, JWTs, unknown tokens). */
export async function callerClass(strapi: Core.Strapi, ctx: Pick<Context, 'request'>): Promise<CallerClass | null> {
  const header = ctx.request.header.authorization;
  if (header === undefined || header === '') return 'anonymous';
  const parts = String(header).split(/\s+/);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return null;
  let tokens: { hash(key: string): string };
  try {
    tokens = (strapi.service('admin::api-token-content-api') ?? strapi.service('admin::api-token')) as unknown as typeof tokens;
  } catch {
    return null;
  }
  if (!tokens?.hash) return null;
  const token = await strapi.db
    .query('admin::api-token')
    .findOne({ select: ['id', 'type', 'kind', 'expiresAt'], where: { accessKey: tokens.hash(parts[1]) } });
  if (!token || (token.kind !== null && token.kind !== undefined && token.kind !== 'content-api')) return null;
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return null;
  return token.type === 'full-access' || token.type === 'read-only' ? token.type : null;
}

/** The representation version: configured, plus the content-type schemas (a schema change changes every ETag). */
function representationVersion(strapi: Core.Strapi, configured: string): string {
  const schemas = [ARTICLE, TEASER, FIGURE].map((uid) => (strapi.contentTypes as unknown as Record<string, { attributes: unknown }>)[uid]?.attributes ?? null);
  return createHash('sha256').update(JSON.stringify([configured, schemas])).digest('hex').slice(0, 16);
}

/** A strong ETag from the validator, the request's path and query, and the caller class. */
export function entityTag(version: string, caller: CallerClass, url: string, validator: string): string {
  const digest = createHash('sha256').update([version, caller, url, validator].join('\n')).digest('base64url');
  return `"${digest.slice(0, 32)}"`;
}

/** If-None-Match against a tag (weak comparison, as RFC 9110 asks for If-None-Match). */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A configured number (config/middlewares.ts reads the environment), not below 0, or the default. */
const setting = (value: unknown, fallback: number) => Math.max(0, Number.isFinite(value) ? Number(value) : fallback);

const contentCache: Core.MiddlewareFactory<ContentCacheConfig> = (config, { strapi }) => {
  const maxAge = setting(config?.maxAge, 60);
  const memoryMb = setting(config?.memoryMb, 64);
  const kept =
    memoryMb > 0 ? new LRUCache<string, Buffer>({ maxSize: Math.max(1, Math.floor(memoryMb * 1024 * 1024)), sizeCalculation: (answer) => answer.length + 64 }) : null;
  let version: string | null = null;
  let warned = false;

  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !collectionOf(strapi, ctx.path)) return next();
    ctx.vary('Authorization');

    const caller = await callerClass(strapi, ctx);
    if (caller === null) {
      await next();
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }
    const target = resolveTarget(strapi, ctx.path, ctx.query as Record<string, unknown>);
    if (!target) return next();
    version ??= representationVersion(strapi, config?.version ?? '');
    const cacheControl = caller === 'anonymous' ? `public, max-age=${maxAge}` : 'private, no-cache';

    const before = await contentValidator(strapi, target);
    const etag = entityTag(version, caller, ctx.originalUrl, before);
    if (noneMatchHits(ctx.get('If-None-Match'), etag)) {
      ctx.status = 304;
      ctx.set('ETag', etag);
      ctx.set('Cache-Control', cacheControl);
      return;
    }
    const keep = kept !== null && KEPT_KINDS.has(target.kind);
    const answer = keep ? kept.get(etag) : undefined;
    if (answer) {
      ctx.status = 200;
      ctx.type = JSON_TYPE;
      ctx.body = answer;
      ctx.set('ETag', etag);
      ctx.set('Cache-Control', cacheControl);
      return;
    }

    await next();
    if (ctx.status !== 200) return;
    ctx.set('Cache-Control', cacheControl);
    if (!bodyCovered(target, ctx.body)) {
      if (!warned) strapi.log.warn(`content-cache: ${ctx.path} nests relations its validator does not cover: sent without an ETag.`);
      warned = true;
      return;
    }
    // A write committed while the route read: the body may show either state, so no tag for it.
    if ((await contentValidator(strapi, target)) !== before) return;
    ctx.set('ETag', etag);
    if (keep && isPlainObject(ctx.body)) {
      // Serialized once, here, as Koa would (JSON.stringify): what is sent and what is kept are the same bytes.
      const bytes = Buffer.from(JSON.stringify(ctx.body));
      ctx.body = bytes;
      ctx.type = JSON_TYPE;
      kept.set(etag, bytes);
    }
  };
};

export default contentCache;
