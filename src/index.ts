import type { Core, Modules } from '@strapi/strapi';
import {
  GRAPHQL_FILTERS,
  GUARDED_UIDS,
  READ_ACTIONS,
  canReadDrafts,
  publishedParams,
  type RequestAuth,
} from './utils/published-only';

/** What the public role may read: published content only (see draftSafeReads below). */
export const PUBLIC_READ_ACTIONS = ['article', 'related-teaser', 'figure'].flatMap((name) =>
  ['find', 'findOne'].map((action) => `api::${name}.${name}.${action}`)
);

/**
 * Grants a users-permissions role (`public`: anyone; `authenticated`: a signed-in site member,
 * who must not see less than an anonymous reader) read access once, on the first boot with this
 * code: an administrator who later takes a permission away does not see it come back on the next
 * restart.
 */
async function grantRead(strapi: Core.Strapi, roleType: 'public' | 'authenticated') {
  const store = strapi.store({ type: 'core', name: 'newsdesk' });
  const key = `${roleType}-read-granted`;
  if (await store.get({ key })) return;

  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) return;

  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted = await permissions.findMany({
    where: { role: role.id, action: { $in: PUBLIC_READ_ACTIONS } },
  });
  const have = new Set(granted.map((permission) => permission.action));
  for (const action of PUBLIC_READ_ACTIONS.filter((a) => !have.has(a))) {
    await permissions.create({ data: { action, role: role.id } });
  }
  await store.set({ key, value: true });
}

/**
 * THE draft-safety layer: every read of an article, a teaser or a figure goes through the Document
 * Service (REST controllers, GraphQL root queries and their pagination counts, custom code), and
 * inside a request whose caller cannot read drafts (see canReadDrafts) it runs published-only.
 * Outside a request (CLI, jobs, bootstrap, tests calling services) nothing changes.
 */
const draftSafeReads =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (GUARDED_UIDS.has(context.uid) && READ_ACTIONS.has(context.action)) {
      const request = strapi.requestContext.get();
      if (request && !canReadDrafts(request.state?.auth)) {
        // The manager runs the action with `context.params` as it is once the chain is through.
        (context as { params: unknown }).params = publishedParams(context.uid, (context.params ?? {}) as Record<string, unknown>);
      }
    }
    return next();
  };

type Attribute = { type: string; private?: boolean; target?: string; relation?: string };
const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> =>
  ((strapi.contentTypes as unknown as Record<string, { attributes?: Record<string, Attribute> }>)[uid]?.attributes ?? {});

type GraphQLArgs = Record<string, unknown>;
interface GraphQLContext {
  state?: { auth?: RequestAuth };
  /** Set by the GraphQL plugin: each root field's arguments, which nested relations inherit. */
  rootQueryArgsByPath?: Map<string | number, Record<string, unknown>>;
}
interface GraphQLPath {
  key: string | number;
  prev?: GraphQLPath;
}
type Resolve = (parent: unknown, args: GraphQLArgs, context: GraphQLContext, info: { path?: GraphQLPath }) => unknown;

const hasSort = (sort: unknown) => (Array.isArray(sort) ? sort.length > 0 : !!sort);
const hasPagination = (pagination: unknown) =>
  !!pagination && typeof pagination === 'object' && Object.values(pagination).some((v) => v !== undefined && v !== null);

/**
 * GraphQL loads nested relations (teaser → linkedArticle, article → teasers …) with
 * `strapi.db.query(uid).load()`, not the Document Service, and takes their status from the ROOT
 * query's arguments: `articles(status: DRAFT) { teasers { linkedArticle { title } } }` would load
 * the draft row of a linked article even though the root answered published rows only. For
 * callers who cannot read drafts, this resolver middleware pins `status: 'published'` on the
 * relation itself (the association resolver prefers it to the inherited one), drops the editorial
 * cohorts the root may carry, and applies the same filter/sort rules as the Document Service, in
 * GraphQL's filter dialect. For everyone, an article's teasers and figures come in `position`
 * order and all of them (up to maxLimit) unless `sort` / `pagination` say otherwise.
 */
const draftSafeAssociation =
  (strapi: Core.Strapi, targetUid: string, toMany: boolean) =>
  async (next: Resolve, parent: unknown, args: GraphQLArgs, context: GraphQLContext, info: { path?: GraphQLPath }) => {
    let effective: GraphQLArgs = { ...args };
    if (toMany && attributesOf(strapi, targetUid).position) {
      if (!hasSort(effective.sort)) effective.sort = ['position:asc'];
      const maxLimit = Number(strapi.plugin('graphql').config('maxLimit'));
      if (!hasPagination(effective.pagination) && maxLimit > 0) effective.pagination = { limit: maxLimit };
    }
    if (!canReadDrafts(context.state?.auth)) {
      effective = publishedParams(targetUid, effective, GRAPHQL_FILTERS);
      let root = info?.path;
      while (root?.prev) root = root.prev;
      const inherited = root ? context.rootQueryArgsByPath?.get(root.key) : undefined;
      if (inherited) {
        const { publicationFilter, hasPublishedVersion, ...rest } = inherited;
        context.rootQueryArgsByPath!.set(root!.key, { ...rest, status: 'published' });
      }
    }
    return next(parent, effective, context, info);
  };

/** Resolver middlewares for every GraphQL field that is a relation to an article, a teaser or a figure. */
const graphqlDraftSafety = ({ strapi }: { strapi: Core.Strapi }) => {
  const { naming } = strapi.plugin('graphql').service('utils');
  const resolversConfig: Record<string, { middlewares: unknown[] }> = {};
  for (const contentType of Object.values(strapi.contentTypes)) {
    for (const [name, attribute] of Object.entries(contentType.attributes as Record<string, Attribute>)) {
      if (attribute.type !== 'relation' || !attribute.target || !GUARDED_UIDS.has(attribute.target)) continue;
      const toMany = String(attribute.relation).endsWith('Many');
      const path = `${naming.getTypeName(contentType)}.${name}`;
      const middlewares = [draftSafeAssociation(strapi, attribute.target, toMany)];
      resolversConfig[path] = { middlewares };
      if (toMany) resolversConfig[`${path}_connection`] = { middlewares };
    }
  }
  return { resolversConfig };
};

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(draftSafeReads(strapi));
    const graphql = strapi.plugin('graphql');
    if (graphql) {
      const extension = graphql.service('extension');
      extension.use(graphqlDraftSafety);
      // The plugin leaves private attributes out of the output types, not out of the mutation
      // inputs (ArticleInput.rawText…): take them out of GraphQL altogether, filters included.
      for (const uid of GUARDED_UIDS) {
        for (const [name, attribute] of Object.entries(attributesOf(strapi, uid))) {
          if (attribute.private) extension.shadowCRUD(uid).field(name).disable();
        }
      }
    }
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await grantRead(strapi, 'public');
    await grantRead(strapi, 'authenticated');
  },
};
