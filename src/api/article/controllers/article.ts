import { factories } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

type Query = Record<string, unknown>;

/**
 * What a story page needs when it asks for one article (by documentId or by slug) and sends no
 * `populate`: its teasers in block order, each with the article it links to (documentId, slug,
 * title — for the public only when that article is published: the Document Service middleware
 * pins the status, which Strapi applies to populated articles too), and its figures in order.
 */
const DETAIL_POPULATE = {
  teasers: {
    sort: ['position:asc', 'id:asc'],
    populate: { linkedArticle: { fields: ['documentId', 'slug', 'title'] } },
  },
  figures: { sort: ['position:asc', 'id:asc'] },
};

/** `filters[slug][$eq]=…` (or `filters[slug]=…`): the site asks for one story by its slug. */
const isSlugLookup = (query: Query): boolean => {
  const filters = query.filters as Record<string, unknown> | undefined;
  const slug = filters && typeof filters === 'object' ? filters.slug : undefined;
  if (typeof slug === 'string') return true;
  return !!slug && typeof slug === 'object' && typeof (slug as Record<string, unknown>).$eq === 'string';
};

export default factories.createCoreController(ARTICLE, ({ strapi }) => {
  /** A list stays light when it sends no `fields`: every public scalar field but the body, no children. */
  const listFields = Object.entries(strapi.contentType(ARTICLE).attributes as Record<string, { type: string; private?: boolean }>)
    .filter(([name, attribute]) => name !== 'body' && !attribute.private && !['relation', 'blocks', 'component', 'dynamiczone', 'media'].includes(attribute.type))
    .map(([name]) => name);

  /** Defaults only for the parameters the request did not send: fields, populate, filters, sort and pagination still work. */
  const withDefaults = (query: Query, kind: 'detail' | 'list'): Query => {
    if (kind === 'detail') return query.populate === undefined ? { ...query, populate: DETAIL_POPULATE } : query;
    return query.fields === undefined ? { ...query, fields: listFields } : query;
  };

  return {
    async find(ctx) {
      ctx.query = withDefaults(ctx.query, isSlugLookup(ctx.query) ? 'detail' : 'list');
      return super.find(ctx);
    },
    async findOne(ctx) {
      ctx.query = withDefaults(ctx.query, 'detail');
      return super.findOne(ctx);
    },
  };
});
