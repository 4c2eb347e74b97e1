/** What the corrections add to the generated document: Strapi's error shape, list metadata, caching, an article's detail. */

export type Json = Record<string, any>;

export const ref = (kind: 'schemas' | 'responses' | 'parameters' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

export const json = (schema: Json) => ({ 'application/json': { schema } });

export const DESCRIPTION = [
  "Newsdesk's content API: published articles with their related-story teasers and key figures, read by sites; and the raw-import routes that turn raw scraped text into articles.",
  '',
  '- Documents are addressed by `documentId` (24 lowercase letters and digits), never by the numeric `id`.',
  "- Reading is open to anyone (published content only). Everything else needs an API token; read-only tokens only read, and only full-access tokens read drafts (`status=draft`).",
  '- Every error answers `{ "data": null, "error": { "status", "name", "message", "details" } }`.',
  '- Reads of articles, teasers and figures carry an ETag and Cache-Control; send the ETag back in If-None-Match for a 304.',
  "- Strapi's own routes (users-permissions, upload, i18n) are not described here; GraphQL is served at /graphql.",
].join('\n');

export const ERROR_SCHEMA: Json = {
  type: 'object',
  description: "Strapi's error shape: `data` is null, `error` says what went wrong.",
  required: ['data', 'error'],
  additionalProperties: false,
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message', 'details'],
      properties: {
        status: { type: 'integer', description: 'The HTTP status, repeated.' },
        name: { type: 'string', description: 'ValidationError, UnauthorizedError, ForbiddenError, NotFoundError, PayloadTooLargeError, …' },
        message: { type: 'string' },
        details: {
          type: 'object',
          description:
            'More about the error, `{}` when there is nothing more: a body ValidationError lists `errors` ({path, message, name}); a query one names `key`, `source` and `param`; a refused raw text carries `code` (empty, binary, encoding, no-body).',
        },
      },
    },
  },
  examples: [{ data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } }],
};

const error = (description: string) => ({ description, content: json(ref('schemas', 'Error')) });

/** By the status the generator lists on every operation, plus 413 for the routes that take a raw text. */
export const ERROR_RESPONSES: Record<string, [name: string, response: Json]> = {
  400: ['BadRequest', error('An unknown query key, an invalid filter, or a body that does not pass validation (ValidationError).')],
  401: ['Unauthorized', error('A bearer token that is unknown, expired or revoked, or none where one is required (UnauthorizedError).')],
  403: ['Forbidden', error("The caller's role or token lacks this route's action (ForbiddenError, PolicyError).")],
  404: ['NotFound', error('No such document, or one the caller may not see, such as a draft (NotFoundError).')],
  413: ['PayloadTooLarge', error('The text is over the size limit, RAW_IMPORT_MAX_BYTES (PayloadTooLargeError).')],
  500: ['InternalServerError', error('Something went wrong on the server (InternalServerError, ApplicationError).')],
};

export const LIST_META: Json = {
  type: 'object',
  required: ['pagination'],
  properties: {
    pagination: {
      description: 'page/pageSize by default; start/limit when the request paginated by offset.',
      anyOf: [
        {
          type: 'object',
          required: ['page', 'pageSize', 'pageCount', 'total'],
          properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, pageCount: { type: 'integer' }, total: { type: 'integer' } },
        },
        {
          type: 'object',
          required: ['start', 'limit', 'total'],
          properties: { start: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' } },
        },
      ],
    },
  },
};

export const ARTICLE_LIST_NOTE =
  'A light list (no body, no relations) unless `fields` or `populate` say otherwise; with `filters[slug][$eq]=<slug>` and no `populate`, each article comes as an ArticleDetail.';

/** What GET /articles/{id} answers by default (src/api/article/controllers/article.ts): teasers and figures in order. */
export const ARTICLE_DETAIL_SCHEMAS: Json = {
  ArticleLink: {
    type: 'object',
    description: 'The article a teaser announces: enough to link to it.',
    required: ['id', 'documentId', 'slug', 'title'],
    additionalProperties: false,
    properties: { id: { type: 'integer' }, documentId: ref('schemas', 'DocumentId'), slug: { type: 'string' }, title: { type: 'string' } },
  },
  ArticleDetailTeaser: {
    allOf: [ref('schemas', 'ApiRelatedTeaserRelatedTeaserDocument')],
    properties: {
      linkedArticle: { anyOf: [ref('schemas', 'ArticleLink'), { type: 'null' }], description: 'Null until the teased story is in the CMS (and published, for the public).' },
    },
  },
  ArticleDetail: {
    description:
      'An article as GET /articles/{id} (or GET /articles?filters[slug][$eq]=…) answers when the request sends no `populate`: with its teasers in position order, each with the article it links to, and its figures in position order.',
    allOf: [ref('schemas', 'ApiArticleArticleDocument')],
    properties: {
      teasers: { type: 'array', items: ref('schemas', 'ArticleDetailTeaser') },
      figures: { type: 'array', items: ref('schemas', 'ApiFigureFigureDocument') },
    },
  },
};

export const CACHE_HEADERS: Json = {
  ETag: {
    description: 'A strong validator of this answer: send it back in If-None-Match for a 304 while nothing it shows has changed.',
    schema: { type: 'string' },
  },
  CacheControl: {
    description: '`public, max-age=N` for anonymous readers (N: CONTENT_CACHE_MAX_AGE, 60 s by default), `private, no-cache` for read-only and full-access tokens, `private, no-store` for other callers.',
    schema: { type: 'string' },
  },
};

export const IF_NONE_MATCH: Json = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The ETag of an earlier answer: 304 Not Modified, with no body, while it still holds.',
  schema: { type: 'string' },
};

export const NOT_MODIFIED: Json = {
  description: 'Not modified: the If-None-Match validator still holds; no body.',
  headers: { ETag: ref('headers', 'ETag'), 'Cache-Control': ref('headers', 'CacheControl') },
};

/** Query parameters that reach drafts: for everyone but full-access tokens, the answer is published content whatever they say. */
export const DRAFT_PARAMETERS = ['status', 'publicationFilter', 'hasPublishedVersion'];
export const DRAFT_PARAMETER_NOTE = 'Only full-access tokens read drafts: for everyone else the answer is published content, whatever this says.';
