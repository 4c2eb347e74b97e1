import { factories } from '@strapi/strapi';
import { DETAIL_POPULATE, findStory } from '../../../utils/story-page';

const ARTICLE = 'api::article.article';

type Query = Record<string, unknown>;

/** `filters[slug][$eq]=…` (or `filters[slug]=…`): the site asks for one story by its slug. */
const isSlugLookup = (query: Query): boolean => {
  const filters = query.filters as Record<string, unknown> | undefined;
  const slug = filters && typeof filters === 'object' ? filters.slug : undefined;
  if (typeof slug === 'string') return true;
  return !!slug && typeof slug === 'object' && typeof (slug as Record<string, unknown>).$eq === 'string';
};

type Controller = {
  validateQuery(ctx: unknown): Promise<unknown>;
  sanitizeQuery(ctx: unknown): Promise<Query>;
  sanitizeOutput(data: unknown, ctx: unknown): Promise<unknown>;
  transformResponse(data: unknown, meta?: unknown): unknown;
};

export default factories.createCoreController(ARTICLE, ({ strapi }) => {
  /** A list stays light when it sends no `fields`: every public scalar field but the body, no children. */
  const listFields = Object.entries(strapi.contentType(ARTICLE).attributes as Record<string, { type: string; private?: boolean }>)
    .filter(([name, attribute]) => name !== 'body' && !attribute.private && !['relation', 'blocks', 'component', 'dynamiczone', 'media'].includes(attribute.type))
    .map(([name]) => name);

  /**
   * The core controller's find / findOne with DETAIL_POPULATE when the request sends no `populate`:
   * the caller's own parameters (filters, fields, status…) are validated and sanitized as usual;
   * the default population, a constant of ours, joins them after that. (Validating and sanitizing
   * it on every request walked its nested populate and sorts a dozen times, a fifth of the
   * request's time, and always gave it back unchanged: every key in it is a public attribute.)
   * What the caller may see is still decided on the way out: sanitizeOutput drops private fields
   * and the relations the caller's role may not read, as for any populate, and the Document
   * Service middleware (src/index.ts) keeps drafts out.
   */
  async function detail(controller: Controller, ctx: { query: Query; params?: { id?: string } }, by: 'slug' | 'documentId') {
    await controller.validateQuery(ctx);
    const sanitized = await controller.sanitizeQuery(ctx);
    if (by === 'documentId') {
      const entity = await strapi.service(ARTICLE).findOne(ctx.params!.id, { ...sanitized, populate: DETAIL_POPULATE });
      return controller.transformResponse(await controller.sanitizeOutput(entity, ctx));
    }
    const { results, pagination } = (await findStory(strapi, sanitized)) ?? (await strapi.service(ARTICLE).find({ ...sanitized, populate: DETAIL_POPULATE }));
    return controller.transformResponse(await controller.sanitizeOutput(results, ctx), { pagination });
  }

  return {
    async find(ctx) {
      const query = ctx.query as Query;
      if (isSlugLookup(query)) return query.populate === undefined ? detail(this as Controller, ctx, 'slug') : super.find(ctx);
      // Defaults only for the parameters the request did not send: fields, populate, filters, sort and pagination still work.
      if (query.fields === undefined) ctx.query = { ...query, fields: listFields };
      return super.find(ctx);
    },
    async findOne(ctx) {
      return (ctx.query as Query).populate === undefined ? detail(this as Controller, ctx, 'documentId') : super.findOne(ctx);
    },
  };
});
