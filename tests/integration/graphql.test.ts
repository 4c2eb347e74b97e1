import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';

const ARTICLE = 'api::article.article';

// A published story whose teaser block teases a published story (library) and a draft (strike).
const tramText = [
  'Council approves new tram line for the east side',
  '',
  'The city council voted on Monday to build a 12 km tram line linking the eastern suburbs to the central station, with 18 stops and a first service planned for 2028.',
  '',
  'The project will cost €640 million, of which the national government will pay about 40%, the mayor said after the vote.',
  '',
  'Opponents warned that the works would close the main avenue for nearly two years.',
  '',
  'Residents of the old mill quarter will get a new public library, the city announced,…',
  'Bus drivers vote to strike over pay for the second time this spring, union leaders…',
  'The weather service warns of heavy snow in the mountains this weekend and advises…',
].join('\n');

const libraryText = [
  'A new library for the old mill quarter',
  '',
  "Residents of the old mill quarter will get a new public library, the city announced, with 30,000 books and a children's wing.",
  '',
  'The library will open in the former weaving hall, which has stood empty for 25 years.',
].join('\n');

// Never published: the public must not learn its title, not even through the tram story's teaser.
const strikeText = [
  'Bus drivers walk out again',
  '',
  'Bus drivers vote to strike over pay for the second time this spring, union leaders said after talks with the transport authority broke down.',
  '',
  'The strike would halt 60 bus lines for 48 hours, the authority said.',
].join('\n');

let app: TestApp;
let tram: { documentId: string; slug: string };
let library: { documentId: string; slug: string };
let strike: { documentId: string; slug: string };

const importText = async (text: string, sourceName: string, publish: boolean) =>
  (await app.strapi.plugin('raw-import').service('importer').importArticle(text, { sourceName, publish })).article;

/** A GraphQL request, answered 200 (errors included in the body), as the public or with a token. */
const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const req = request(app.server).post('/graphql').send({ query, variables });
  if (token) req.set({ Authorization: `Bearer ${token}` });
  const res = await req;
  return res.body as { data?: Record<string, any>; errors?: Array<{ message: string }> };
};

/** The same, expecting no errors. */
const data = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const body = await gql(query, variables, token);
  expect(body.errors).toBeUndefined();
  return body.data!;
};

const ARTICLE_FIELDS = `
  documentId title slug byline excerpt body publishedAt
  teasers { text truncated position linkedArticle { documentId slug title } }
  figures { value display qualifier unit label sentence paragraph position }
`;

beforeAll(async () => {
  app = await bootStrapi();
  library = await importText(libraryText, 'library.txt', true);
  strike = await importText(strikeText, 'strike.txt', false);
  tram = await importText(tramText, 'tram.txt', true);
});

afterAll(async () => {
  await app?.close();
});

describe('GraphQL for the public', () => {
  it('answers an article by slug with its teasers and figures in position order', async () => {
    const { articles } = await data(`query ($slug: String!) { articles(filters: { slug: { eq: $slug } }) { ${ARTICLE_FIELDS} } }`, {
      slug: tram.slug,
    });
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article).toEqual(expect.objectContaining({ documentId: tram.documentId, title: 'Council approves new tram line for the east side' }));
    expect(article.body.length).toBeGreaterThan(0);
    expect(article.teasers.map((t: { position: number }) => t.position)).toEqual([0, 1, 2]);
    expect(article.teasers[0].linkedArticle).toEqual({ documentId: library.documentId, slug: library.slug, title: 'A new library for the old mill quarter' });
    expect(article.teasers[1].text).toMatch(/^Bus drivers vote to strike/);
    expect(article.teasers[1].linkedArticle).toBeNull();
    expect(article.teasers[2].linkedArticle).toBeNull();
    const positions = article.figures.map((f: { position: number }) => f.position);
    expect(positions.length).toBeGreaterThanOrEqual(3);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(article.figures.map((f: { value: number }) => Number(f.value))).toEqual(expect.arrayContaining([12, 640000000]));
  });

  it('answers what REST answers for the same article', async () => {
    const { articles } = await data(`query ($slug: String!) { articles(filters: { slug: { eq: $slug } }) { ${ARTICLE_FIELDS} } }`, {
      slug: tram.slug,
    });
    const rest = (await request(app.server).get(`/api/articles?filters[slug][$eq]=${tram.slug}`).expect(200)).body.data[0];
    const one = (await request(app.server).get(`/api/articles/${tram.documentId}`).expect(200)).body.data;
    const [graph] = articles;
    for (const key of ['documentId', 'title', 'slug', 'byline', 'excerpt', 'body']) {
      expect({ key, value: graph[key] }).toEqual({ key, value: rest[key] });
    }
    expect(new Date(graph.publishedAt).toISOString()).toBe(new Date(rest.publishedAt).toISOString());
    const teaser = (t: any) => ({
      text: t.text,
      truncated: t.truncated,
      position: t.position,
      linkedArticle: t.linkedArticle && { documentId: t.linkedArticle.documentId, slug: t.linkedArticle.slug, title: t.linkedArticle.title },
    });
    const figure = (f: any) => ({ ...Object.fromEntries(['display', 'qualifier', 'unit', 'label', 'sentence', 'paragraph', 'position'].map((k) => [k, f[k]])), value: Number(f.value) });
    expect(graph.teasers.map(teaser)).toEqual(rest.teasers.map(teaser));
    expect(graph.figures.map(figure)).toEqual(rest.figures.map(figure));
    expect(one.teasers.map(teaser)).toEqual(rest.teasers.map(teaser));
    expect(one.figures.map(figure)).toEqual(rest.figures.map(figure));
  });

  it('never shows the draft, also with status: DRAFT', async () => {
    const variables = { slug: strike.slug, id: strike.documentId };
    const byRest = await request(app.server).get(`/api/articles?filters[slug][$eq]=${strike.slug}&status=draft`).expect(200);
    expect(byRest.body.data).toEqual([]);
    await request(app.server).get(`/api/articles/${strike.documentId}?status=draft`).expect(404);

    for (const status of ['PUBLISHED', 'DRAFT']) {
      const found = await data(
        `query ($slug: String!, $id: ID!) {
          bySlug: articles(filters: { slug: { eq: $slug } }, status: ${status}) { documentId }
          byId: article(documentId: $id, status: ${status}) { documentId title }
          all: articles(status: ${status}) { documentId }
          count: articles_connection(status: ${status}) { pageInfo { total } }
        }`,
        variables
      );
      expect(found.bySlug).toEqual([]);
      expect(found.byId).toBeNull();
      expect(found.all.map((a: { documentId: string }) => a.documentId).sort()).toEqual([library.documentId, tram.documentId].sort());
      expect(found.count.pageInfo.total).toBe(2);
    }
    const cohort = await data(`{ articles(status: DRAFT, publicationFilter: NEVER_PUBLISHED_DOCUMENT) { documentId } }`);
    expect(cohort.articles.map((a: { documentId: string }) => a.documentId)).not.toContain(strike.documentId);
  });

  it("never shows the draft through the nested linkedArticle of a published story's teaser", async () => {
    for (const status of ['', '(status: DRAFT)', '(status: PUBLISHED)']) {
      const nested = await data(`{
        articles${status} { slug teasers { text linkedArticle { documentId title teasers { text } } } }
        relatedTeasers${status} { text linkedArticle { documentId title } article { slug } }
        relatedTeasers_connection${status} { nodes { linkedArticle { title } } pageInfo { total } }
        figures${status} { sentence article { slug } }
      }`);
      const seen = JSON.stringify(nested);
      expect({ status, leaks: /walk out|60 bus lines/.test(seen) || seen.includes(strike.documentId) }).toEqual({ status, leaks: false });
      const strikeTeaser = nested.articles
        .find((a: { slug: string }) => a.slug === tram.slug)
        .teasers.find((t: { text: string }) => t.text.startsWith('Bus drivers'));
      expect(strikeTeaser.linkedArticle).toBeNull();
      expect(nested.relatedTeasers_connection.pageInfo.total).toBe(3);
    }
  });

  it('does not let filters or sorts through a linked article probe the draft', async () => {
    const probed = await data(`{
      relatedTeasers(filters: { linkedArticle: { title: { startsWith: "Bus" } } }) { text }
      orTeasers: relatedTeasers(filters: { or: [{ linkedArticle: { title: { startsWith: "Bus" } } }, { position: { lt: -1 } }] }) { text }
      articles(filters: { teasers: { linkedArticle: { title: { startsWith: "Bus" } } } }) { slug }
      nested: articles { teasers(filters: { linkedArticle: { title: { startsWith: "Bus" } } }) { text } }
    }`);
    expect(probed.relatedTeasers).toEqual([]);
    expect(probed.orTeasers).toEqual([]);
    expect(probed.articles).toEqual([]);
    expect(probed.nested.flatMap((a: { teasers: unknown[] }) => a.teasers)).toEqual([]);

    const sorted = await data(`{ articles(filters: { slug: { eq: "${tram.slug}" } }) { teasers(sort: "linkedArticle.title:desc") { position } } }`);
    expect(sorted.articles[0].teasers.map((t: { position: number }) => t.position)).toEqual([0, 1, 2]);

    // The guard only hides drafts: the same filter on a published title finds it.
    const ofPublished = await data(`{ relatedTeasers(filters: { linkedArticle: { title: { startsWith: "A new library" } } }) { position } }`);
    expect(ofPublished.relatedTeasers).toEqual([{ position: 0 }]);
  });

  it('keeps a read-only token to published content too', async () => {
    const token = await createApiToken(app, 'read-only');
    const found = await data(`{ articles(status: DRAFT) { documentId teasers { linkedArticle { documentId } } } }`, {}, token);
    expect(JSON.stringify(found)).not.toContain(strike.documentId);
  });

  it('has none of the private fields in its schema', async () => {
    const { __schema } = await data(`{ __schema { types { name fields { name } inputFields { name } } } }`);
    const PRIVATE = ['rawText', 'sourceHash', 'bodyFingerprint', 'similarity', 'splitOverrides', 'boilerplate', 'leadKey', 'titleKey', 'teasedBy'];
    const types = new Map<string, string[]>(
      __schema.types.map((t: { name: string; fields: { name: string }[] | null; inputFields: { name: string }[] | null }) => [
        t.name,
        [...(t.fields ?? []), ...(t.inputFields ?? [])].map((f) => f.name),
      ])
    );
    expect(types.get('Article')).toEqual(expect.arrayContaining(['title', 'slug', 'body', 'teasers', 'figures', 'importedAt']));
    for (const name of ['Article', 'ArticleFiltersInput', 'ArticleInput', 'RelatedTeaser', 'RelatedTeaserFiltersInput', 'RelatedTeaserInput', 'Figure']) {
      expect({ name, private: (types.get(name) ?? []).filter((f) => PRIVATE.some((p) => f === p || f.startsWith(`${p}_`))) }).toEqual({
        name,
        private: [],
      });
    }
    const errors = (await gql(`{ articles { rawText } }`)).errors ?? [];
    expect(errors[0]?.message).toMatch(/Cannot query field "rawText"/);
  });
});

describe('GraphQL for a full-access token', () => {
  it('shows drafts with status: DRAFT, nested links to drafts included', async () => {
    const token = await createApiToken(app, 'full-access');
    const found = await data(
      `query ($id: ID!) {
        article(documentId: $id, status: DRAFT) { title publishedAt }
        articles(status: DRAFT) { slug teasers { text linkedArticle { documentId title } } }
      }`,
      { id: strike.documentId },
      token
    );
    expect(found.article).toEqual({ title: 'Bus drivers walk out again', publishedAt: null });
    const draftTram = found.articles.find((a: { slug: string }) => a.slug === tram.slug);
    expect(draftTram.teasers.find((t: { text: string }) => t.text.startsWith('Bus drivers')).linkedArticle).toEqual({
      documentId: strike.documentId,
      title: 'Bus drivers walk out again',
    });
    // Published by default: the draft is not among them, and neither is the link to it.
    const published = await data(`{ articles { documentId teasers { linkedArticle { documentId } } } }`, {}, token);
    expect(JSON.stringify(published)).not.toContain(strike.documentId);
    expect(await app.strapi.documents(ARTICLE).count({ status: 'draft' })).toBe(3);
  });
});
