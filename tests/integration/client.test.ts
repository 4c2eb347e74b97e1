/**
 * A site reading Newsdesk with Strapi's official JavaScript client (@strapi/client) over a real
 * HTTP port, the way README's "Using the content API" shows: an article page by slug, with its
 * teasers and figures, the same answer REST gives, and never a draft.
 */
import type { AddressInfo } from 'net';
import request from 'supertest';
import { strapi as createClient, HTTPNotFoundError } from '@strapi/client';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';

const page = (headline: string, body: string[], teasers: string[]) => [headline, '', ...body.flatMap((p) => [p, '']), ...teasers].join('\n');

const harbour = page(
  'Harbour wall repairs begin after the winter storms',
  [
    'Engineers began repairing the harbour wall on Tuesday, three months after storms tore a 40-metre gap in it and flooded 25 homes on the quay.',
    'The work will cost £1.8 million and take about 14 weeks, the port authority said, with fishing boats moored in the outer basin until it is done.',
  ],
  ['The lifeboat station will reopen in the spring with a new slipway and a crew…', 'Ferry fares rise for the second time this year as fuel costs…'],
);
const lifeboat = page(
  'Lifeboat station to reopen with a new slipway',
  [
    'The lifeboat station will reopen in the spring with a new slipway and a crew room, the charity said, after a refit that kept it shut for 9 months.',
    'Volunteers raised £120,000 of the cost themselves with a sponsored swim and a summer fair.',
  ],
  ['Harbour wall repairs begin after the winter storms…'],
);
// Never published: a site must not see it, nor learn its title through a teaser.
const ferry = page(
  'Ferry fares rise again',
  [
    'Ferry fares rise for the second time this year as fuel costs climb, the operator said, with a return crossing going up by 8 per cent from March.',
  ],
  [],
);

let app: TestApp;
let baseURL: string;
const ids: Record<'harbour' | 'lifeboat' | 'ferry', { documentId: string; slug: string }> = {} as never;

beforeAll(async () => {
  app = await bootStrapi();
  const importer = app.strapi.plugin('raw-import').service('importer');
  for (const [name, text, publish] of [['lifeboat', lifeboat, true], ['harbour', harbour, true], ['ferry', ferry, false]] as const) {
    const { article } = await importer.importArticle(text, { sourceName: `${name}.txt`, publish });
    ids[name] = { documentId: article.documentId, slug: article.slug };
  }
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  await new Promise((resolve) => app?.server.close(resolve));
  await app?.close();
});

describe('@strapi/client, as a site uses it', () => {
  it('reads an article page by slug: body, teasers in order with linked stories, figures — the same as REST', async () => {
    const client = createClient({ baseURL });
    const { data } = await client.collection('articles').find({ filters: { slug: { $eq: ids.harbour.slug } } });
    expect(data).toHaveLength(1);
    const [article] = data as any[];

    const rest = (await request(app.server).get(`/api/articles?filters[slug][$eq]=${ids.harbour.slug}`).expect(200)).body.data[0];
    expect(article).toEqual(rest);

    expect(article.title).toBe('Harbour wall repairs begin after the winter storms');
    expect(article.teasers.map((t: any) => [t.position, t.text, t.linkedArticle?.slug ?? null])).toEqual([
      [0, 'The lifeboat station will reopen in the spring with a new slipway and a crew', ids.lifeboat.slug],
      [1, 'Ferry fares rise for the second time this year as fuel costs', null],
    ]);
    expect(article.teasers[0].linkedArticle).toEqual({ id: expect.any(Number), documentId: ids.lifeboat.documentId, slug: ids.lifeboat.slug, title: 'Lifeboat station to reopen with a new slipway' });
    expect(article.figures.map((f: any) => f.position)).toEqual([...article.figures.keys()]);
    expect(article.figures.map((f: any) => f.value)).toEqual([40, 25, 1800000]);
    for (const hidden of ['rawText', 'sourceHash', 'teasedBy', 'splitOverrides']) expect(article).not.toHaveProperty(hidden);
  });

  it('reads one article by documentId, the same as REST', async () => {
    const client = createClient({ baseURL });
    const { data } = await client.collection('articles').findOne(ids.lifeboat.documentId);
    const rest = (await request(app.server).get(`/api/articles/${ids.lifeboat.documentId}`).expect(200)).body.data;
    expect(data).toEqual(rest);
    expect((data as any).teasers.map((t: any) => t.linkedArticle?.documentId)).toEqual([ids.harbour.documentId]);
  });

  it('lists articles light, newest import first, with the standard query parameters', async () => {
    const client = createClient({ baseURL });
    const { data, meta } = await client.collection('articles').find({ sort: 'importedAt:desc', fields: ['title', 'slug'], pagination: { page: 1, pageSize: 10 } });
    expect((data as any[]).map((a) => a.slug)).toEqual([ids.harbour.slug, ids.lifeboat.slug]);
    expect(Object.keys(data[0]).sort()).toEqual(['documentId', 'id', 'slug', 'title']);
    expect(meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 2 });
  });

  it('never shows the draft, also when the site asks for status=draft', async () => {
    const client = createClient({ baseURL });
    await expect(client.collection('articles').findOne(ids.ferry.documentId)).rejects.toBeInstanceOf(HTTPNotFoundError);
    const drafts = await client.collection('articles').find({ status: 'draft', filters: { slug: { $eq: ids.ferry.slug } } });
    expect(drafts.data).toEqual([]);
    const all = await client.collection('articles').find({ status: 'draft' } as any);
    expect((all.data as any[]).map((a) => a.slug).sort()).toEqual([ids.harbour.slug, ids.lifeboat.slug].sort());

    // A preview site with a full-access token does see it (the draft is there; the rule hides it).
    const preview = createClient({ baseURL, auth: await createApiToken(app, 'full-access') });
    const { data } = await preview.collection('articles').findOne(ids.ferry.documentId, { status: 'draft' });
    expect((data as any).title).toBe('Ferry fares rise again');
  });
});
