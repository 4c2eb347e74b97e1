import {
  ARTICLE,
  FIGURE,
  GRAPHQL_FILTERS,
  TEASER,
  canReadDrafts,
  publishedParams,
  publishedPopulate,
  publishedRelationsOnly,
  withoutArticleSorts,
} from '../../src/utils/published-only';

const PUBLISHED = { publishedAt: { $notNull: true } };

describe('who reads drafts', () => {
  it('is the admin panel and full-access tokens only', () => {
    expect(canReadDrafts({ strategy: { name: 'admin' }, credentials: {} })).toBe(true);
    expect(canReadDrafts({ strategy: { name: 'admin-token' }, credentials: {} })).toBe(true);
    expect(canReadDrafts({ strategy: { name: 'content-api-token' }, credentials: { type: 'full-access' } })).toBe(true);
  });

  it('is not the public, a users-permissions user, a read-only or custom token, or nobody', () => {
    expect(canReadDrafts({ strategy: { name: 'users-permissions' }, credentials: null })).toBe(false);
    expect(canReadDrafts({ strategy: { name: 'users-permissions' }, credentials: { type: 'full-access' } })).toBe(false);
    expect(canReadDrafts({ strategy: { name: 'content-api-token' }, credentials: { type: 'read-only' } })).toBe(false);
    expect(canReadDrafts({ strategy: { name: 'content-api-token' }, credentials: { type: 'custom' } })).toBe(false);
    expect(canReadDrafts(undefined)).toBe(false);
    expect(canReadDrafts({})).toBe(false);
  });
});

describe('draft-safe queries for the public', () => {
  it('holds a filter through a related article to published rows', () => {
    expect(publishedRelationsOnly({ linkedArticle: { title: { $startsWith: 'Rail' } } })).toEqual({
      linkedArticle: { title: { $startsWith: 'Rail' }, ...PUBLISHED },
    });
  });

  it('reaches article relations nested in $or, $and and other relations', () => {
    expect(
      publishedRelationsOnly({
        $or: [{ article: { slug: 'a' } }, { text: { $contains: 'x' } }],
        teasers: { linkedArticle: { title: 'b' } },
      })
    ).toEqual({
      $or: [{ article: { slug: 'a', ...PUBLISHED } }, { text: { $contains: 'x' } }],
      teasers: { linkedArticle: { title: 'b', ...PUBLISHED } },
    });
  });

  it('speaks GraphQL filters too', () => {
    expect(publishedRelationsOnly({ or: [{ linkedArticle: { title: { startsWith: 'Bus' } } }] }, GRAPHQL_FILTERS)).toEqual({
      or: [{ linkedArticle: { title: { startsWith: 'Bus' }, publishedAt: { notNull: true } } }],
    });
  });

  it('leaves filters that reach no article as they are', () => {
    expect(publishedRelationsOnly({ position: { $lt: 3 }, text: 'x' })).toEqual({ position: { $lt: 3 }, text: 'x' });
    const when = new Date('2024-01-01');
    expect(publishedRelationsOnly({ importedAt: { $gt: when } })).toEqual({ importedAt: { $gt: when } });
  });

  it('drops sort keys through a related article, in every form, and keeps the others', () => {
    expect(withoutArticleSorts('linkedArticle.title:asc,position:desc')).toBe('position:desc');
    expect(withoutArticleSorts(['position', 'article.title'])).toEqual(['position']);
    expect(withoutArticleSorts({ linkedArticle: { title: 'asc' }, position: 'asc' })).toEqual({ position: 'asc' });
    expect(withoutArticleSorts('teasers.linkedArticle.title')).toBeUndefined();
    expect(withoutArticleSorts(['importedAt:desc'])).toEqual(['importedAt:desc']);
  });

  it('applies the same rules inside a populate', () => {
    expect(
      publishedPopulate({
        teasers: {
          filters: { linkedArticle: { title: { $startsWith: 'Rail' } } },
          sort: 'linkedArticle.title:asc,position',
          populate: { linkedArticle: { fields: ['title'], populate: { teasers: { sort: ['article.slug'] } } } },
        },
        figures: true,
      })
    ).toEqual({
      teasers: {
        filters: { linkedArticle: { title: { $startsWith: 'Rail' }, ...PUBLISHED } },
        sort: 'position',
        populate: { linkedArticle: { fields: ['title'], populate: { teasers: { sort: [] } } } },
      },
      figures: true,
    });
    expect(publishedPopulate('*')).toBe('*');
    expect(publishedPopulate(['teasers', 'figures'])).toEqual(['teasers', 'figures']);
  });
});

describe('the parameters a guarded read runs with', () => {
  it('pins articles to published rows and drops the editorial cohorts', () => {
    expect(
      publishedParams(ARTICLE, {
        status: 'draft',
        publicationFilter: 'modified',
        hasPublishedVersion: true,
        filters: { slug: { $eq: 's' } },
        fields: ['title'],
        limit: 10,
      })
    ).toEqual({ status: 'published', filters: { slug: { $eq: 's' } }, fields: ['title'], limit: 10 });
    expect(publishedParams(ARTICLE, { documentId: 'd' })).toEqual({ documentId: 'd', status: 'published' });
  });

  it('holds teasers and figures to those of a published article', () => {
    expect(publishedParams(TEASER, {})).toEqual({ status: 'published', filters: { article: PUBLISHED } });
    expect(publishedParams(FIGURE, { filters: {} })).toEqual({ status: 'published', filters: { article: PUBLISHED } });
    expect(publishedParams(TEASER, { filters: { linkedArticle: { title: 'x' } }, sort: 'linkedArticle.title' })).toEqual({
      status: 'published',
      filters: { $and: [{ linkedArticle: { title: 'x', ...PUBLISHED } }, { article: PUBLISHED }] },
    });
  });

  it('in GraphQL args, with GraphQL operators', () => {
    expect(publishedParams(TEASER, { filters: { position: { lt: 3 } }, sort: ['position:asc'], pagination: { limit: 100 } }, GRAPHQL_FILTERS)).toEqual({
      status: 'published',
      filters: { and: [{ position: { lt: 3 } }, { article: { publishedAt: { notNull: true } } }] },
      sort: ['position:asc'],
      pagination: { limit: 100 },
    });
  });

  it('does not change the parameters it is given', () => {
    const params = { status: 'draft', filters: { linkedArticle: { title: 'x' } } };
    publishedParams(TEASER, params);
    expect(params).toEqual({ status: 'draft', filters: { linkedArticle: { title: 'x' } } });
  });
});
