/**
 * What Strapi's OpenAPI generator (@strapi/openapi, experimental in 5.54) gets wrong about
 * Newsdesk's content API, put right on its output. Pure: the service hands it the generated
 * document and what the route table and the content types say.
 */
import {
  ARTICLE_DETAIL_SCHEMAS,
  ARTICLE_LIST_NOTE,
  CACHE_HEADERS,
  DESCRIPTION,
  DRAFT_PARAMETERS,
  DRAFT_PARAMETER_NOTE,
  ERROR_RESPONSES,
  ERROR_SCHEMA,
  IF_NONE_MATCH,
  LIST_META,
  NOT_MODIFIED,
  json,
  ref,
  type Json,
} from './components';

type Attributes = Record<string, { type: string; required?: boolean }>;

export interface Sources {
  /** `get /articles/{id}` → the action a token needs (the route's auth scope), or null for a route without auth. Only these operations are kept. */
  actions: Map<string, string | null>;
  /** The public role's actions: find and findOne of articles, teasers and figures (src/index.ts), the reads the HTTP cache serves. */
  publicActions: readonly string[];
  /** The content types whose core routes are documented, by uid: which attributes are required. */
  contentTypes: Record<string, { attributes: Attributes }>;
  /** Strapi's name of a content type's document schema (transformUidToValidOpenApiName). */
  schemaName: (uid: string) => string;
  /** The DocumentId component (from the raw-import plugin's route schemas). */
  documentIdSchema: Json;
}

/** Where a controller answers another success status than the generator's 200. */
const SUCCESS: Record<string, Record<string, string>> = {
  'plugin::raw-import.text.import': { 201: 'A new article.', 200: 'A known story: updated, duplicate or conflict.' },
  'plugin::raw-import.jobs.submit': { 202: 'Queued: poll GET /raw-import/jobs/{id}.' },
  'plugin::raw-import.jobs.resplit': { 202: 'Queued: poll GET /raw-import/jobs/{id}.' },
};
/** The routes that take a raw text, refused over the size limit. */
const TAKES_RAW_TEXT = ['plugin::raw-import.text.preview', 'plugin::raw-import.text.import', 'plugin::raw-import.jobs.submit'];
const ANYONE_OR_TOKEN = [{}, { bearerAuth: [] }];
const ARTICLE_FIND = 'api::article.article.find';
const ARTICLE_FIND_ONE = 'api::article.article.findOne';

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);

/** `node` with `change` applied to every object in it, innermost first. */
const rewrite = (node: unknown, change: (object: Json) => Json): any => {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, change));
  if (!isObject(node)) return node;
  return change(Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rewrite(value, change)])));
};

/**
 * Strapi declares documentIds as UUIDs, which they are not (cuid2); and it writes its own clock as
 * publishedAt's default, so the document would change on every run.
 */
const realDocumentIds = (object: Json): Json => {
  if (object.format === 'uuid') return ref('schemas', 'DocumentId');
  if (isObject(object.properties?.publishedAt)) delete object.properties.publishedAt.default;
  return object;
};

const allowsNull = (schema: Json) => schema.type === 'null' || (schema.anyOf ?? []).some(allowsNull);
const orNull = (schema: Json): Json => (allowsNull(schema) ? schema : { anyOf: [schema, { type: 'null' }] });

/**
 * A document as Strapi answers it: `id` and `documentId` always, any other field only when the
 * request selects it (`fields`, `populate`), and null where it has no value (a draft's publishedAt,
 * an empty relation) unless the content type requires it; a to-many relation is a list, maybe empty.
 */
function documentAsAnswered(schema: Json, attributes: Attributes): Json {
  const neverNull = (name: string) =>
    ['id', 'documentId', 'createdAt', 'updatedAt'].includes(name) || attributes[name]?.required || (attributes[name]?.type === 'relation' && schema.properties[name].type === 'array');
  const properties = Object.fromEntries(
    Object.entries(schema.properties as Json).map(([name, property]) => [name, neverNull(name) ? property : orNull(property)])
  );
  return { ...schema, required: ['id', 'documentId'], properties };
}

/** What a core content-type route (find, findOne, create, update, delete) answers on success, by its action. */
function coreSuccess(action: string, schemaName: string): Json {
  const kind = action.slice(action.lastIndexOf('.') + 1);
  const document = ref('schemas', action === ARTICLE_FIND_ONE ? 'ArticleDetail' : schemaName);
  const answer = (data: Json, meta: Json) => ({ description: 'OK', content: json({ type: 'object', required: ['data', 'meta'], properties: { data, meta } }) });
  if (kind === 'delete') return { 204: { description: 'Deleted; no body.' } };
  if (kind === 'find') return { 200: answer({ type: 'array', items: document }, ref('schemas', 'ListMeta')) };
  return { [kind === 'create' ? 201 : 200]: answer(document, { type: 'object' }) };
}

function successResponses(generated: Json, action: string | null, sources: Sources): Json {
  const uid = action?.slice(0, action.lastIndexOf('.'));
  if (sources.contentTypes[uid]) return coreSuccess(action, sources.schemaName(uid));
  // A route that declares no `response` gets none from the generator.
  const ok = generated[200] ?? { description: 'OK' };
  const statuses = SUCCESS[action] ?? { 200: ok.description };
  return Object.fromEntries(Object.entries(statuses).map(([status, description]) => [status, { ...ok, description }]));
}

/** Strapi's error shape for every error the generator lists (none about auth where there is none), and 413 where a raw text comes in. */
function errorResponses(generated: Json, action: string | null): Json {
  const statuses = Object.keys(generated).filter((status) => ERROR_RESPONSES[status] && (action !== null || !['401', '403'].includes(status)));
  if (TAKES_RAW_TEXT.includes(action)) statuses.push('413');
  return Object.fromEntries(statuses.map((status) => [status, ref('responses', ERROR_RESPONSES[status][0])]));
}

/** A public read: open to anyone, published content only whatever the draft parameters say, answered by the HTTP cache. */
function publicRead(operation: Json): Json {
  const { 200: ok, ...others } = operation.responses;
  return {
    security: ANYONE_OR_TOKEN,
    parameters: [
      ...operation.parameters.map((parameter: Json) => (DRAFT_PARAMETERS.includes(parameter.name) ? { ...parameter, description: DRAFT_PARAMETER_NOTE } : parameter)),
      ref('parameters', 'IfNoneMatch'),
    ],
    responses: {
      200: { ...ok, headers: { ETag: ref('headers', 'ETag'), 'Cache-Control': ref('headers', 'CacheControl') } },
      304: ref('responses', 'NotModified'),
      ...others,
    },
  };
}

function correctOperation(operation: Json, action: string | null, sources: Sources): Json {
  const corrected: Json = {
    ...operation,
    responses: { ...successResponses(operation.responses, action, sources), ...errorResponses(operation.responses, action) },
  };
  if (operation.requestBody) corrected.requestBody = { required: true, ...operation.requestBody };
  if (action === null) corrected.security = [];
  if (action === ARTICLE_FIND) corrected.description = ARTICLE_LIST_NOTE;
  return sources.publicActions.includes(action) ? { ...corrected, ...publicRead(corrected) } : corrected;
}

export function correctGeneratedDocument(generated: Json, sources: Sources): Json {
  const document = rewrite(generated, realDocumentIds);
  const paths: Json = {};
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      const key = `${method} ${path}`;
      // Only the app's own APIs and raw-import: not users-permissions, upload, i18n, email, content-type-builder.
      if (!sources.actions.has(key)) continue;
      (paths[path] ??= {})[method] = correctOperation(operation, sources.actions.get(key), sources);
    }
  }

  const schemas: Json = { ...document.components.schemas };
  for (const [uid, contentType] of Object.entries(sources.contentTypes)) {
    const name = sources.schemaName(uid);
    // Strapi registers the document schema of every relation's target; a type nothing relates to would have none.
    if (!schemas[name]) throw new Error(`The generated document has no ${name} schema for ${uid}.`);
    schemas[name] = documentAsAnswered(schemas[name], contentType.attributes);
  }
  return {
    ...document,
    info: { ...document.info, title: 'Newsdesk content API', description: DESCRIPTION },
    paths,
    components: {
      ...document.components,
      schemas: { ...schemas, DocumentId: sources.documentIdSchema, Error: ERROR_SCHEMA, ListMeta: LIST_META, ...ARTICLE_DETAIL_SCHEMAS },
      responses: { ...Object.fromEntries(Object.values(ERROR_RESPONSES)), NotModified: NOT_MODIFIED },
      parameters: { IfNoneMatch: IF_NONE_MATCH },
      headers: CACHE_HEADERS,
    },
  };
}
