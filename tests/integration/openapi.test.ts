import fs from 'fs';
import path from 'path';
import request from 'supertest';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { env } from '@strapi/utils';
import openapiConfig from '../../config/openapi';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken } from '../helpers/auth';

type Json = Record<string, any>;

const appDir = path.resolve(__dirname, '..', '..');
const flood = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'harbour-flood.txt'), 'utf8');
// Its lede is what one of the flood story's teasers shows, and one of its teasers shows the flood story's lede.
const rail = [
  'Rail operator orders new trains for the coast',
  '',
  'The national rail operator announced 40 new trains for its coastal line, promising shorter journeys, more seats and fewer delays from next year.',
  '',
  'The trains, worth £310 million, will replace carriages that are more than 30 years old, the operator said.',
  '',
  'Floodwater swept through the harbour district of Port Elnor on Tuesday night after…',
  'Ticket prices on regional lines will rise by 3% in January, the transport…',
].join('\n');

let app: TestApp;
let token: string;
let document: Json;
let ajv: Ajv2020;
const articles: Record<'flood' | 'rail', { documentId: string; slug: string }> = {} as never;

const auth = () => ({ Authorization: `Bearer ${token}` });

/** A validator of the schema at this place in the document (its $refs resolve against the whole document). */
const schemaAt = (...segments: string[]): ValidateFunction =>
  ajv.compile({ $ref: `openapi.json#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}` });

/** The documented JSON schema of an answer (following a $ref to components.responses). */
const answerSchema = (route: string, method: string, status: number): ValidateFunction => {
  const response = document.paths[route][method].responses[status];
  const [where, name] = response.$ref ? ['responses', response.$ref.split('/').pop()] : [null, null];
  return where
    ? schemaAt('components', where, name, 'content', 'application/json', 'schema')
    : schemaAt('paths', route, method, 'responses', String(status), 'content', 'application/json', 'schema');
};

const expectValid = (validate: ValidateFunction, value: unknown) => {
  validate(value);
  expect(validate.errors ?? []).toEqual([]);
};

/** Every operation of the document, with its path and method. */
const operations = () =>
  Object.entries(document.paths as Json).flatMap(([route, item]) => Object.entries(item as Json).map(([method, operation]) => ({ route, method, operation: operation as Json })));

beforeAll(async () => {
  app = await bootStrapi();
  token = await createApiToken(app, 'full-access');
  for (const [name, text] of [['flood', flood], ['rail', rail]] as const) {
    const res = await request(app.server).post('/api/raw-import/import').set(auth()).send({ text, publish: true }).expect(201);
    articles[name] = res.body.article;
  }
  document = (await request(app.server).get('/api/openapi.json').expect(200)).body;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(document, 'openapi.json');
});

afterAll(async () => {
  await app?.close();
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document, open to anyone', async () => {
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    expect(document.paths['/openapi.json'].get.security).toEqual([]);
  });

  it('is what docs/openapi.json holds (`npm run openapi` writes it)', () => {
    expect(JSON.parse(fs.readFileSync(path.join(appDir, 'docs', 'openapi.json'), 'utf8'))).toEqual(document);
  });

  it('answers 404 where config openapi.enabled is off, as in production unless OPENAPI_ENABLED=true', async () => {
    const enabled = (vars: Record<string, string | undefined>) => {
      const saved = { NODE_ENV: process.env.NODE_ENV, OPENAPI_ENABLED: process.env.OPENAPI_ENABLED };
      Object.assign(process.env, vars);
      for (const [key, value] of Object.entries(vars)) if (value === undefined) delete process.env[key];
      try {
        return openapiConfig({ env }).enabled;
      } finally {
        Object.assign(process.env, saved);
      }
    };
    expect(enabled({ NODE_ENV: 'development', OPENAPI_ENABLED: undefined })).toBe(true);
    expect(enabled({ NODE_ENV: 'production', OPENAPI_ENABLED: undefined })).toBe(false);
    expect(enabled({ NODE_ENV: 'production', OPENAPI_ENABLED: 'true' })).toBe(true);

    app.strapi.config.set('openapi.enabled', false);
    try {
      const res = await request(app.server).get('/api/openapi.json').expect(404);
      expect(res.body.error).toEqual(expect.objectContaining({ status: 404, name: 'NotFoundError' }));
    } finally {
      app.strapi.config.set('openapi.enabled', true);
    }
  });
});

describe('the document', () => {
  it("describes the app's APIs and raw-import, not Strapi's other plugins", () => {
    expect(Object.keys(document.paths).sort()).toEqual([
      '/articles',
      '/articles/{id}',
      '/figures',
      '/figures/{id}',
      '/openapi.json',
      '/raw-import/import',
      '/raw-import/jobs',
      '/raw-import/jobs/{id}',
      '/raw-import/preview',
      '/raw-import/resplit',
      '/related-teasers',
      '/related-teasers/{id}',
    ]);
  });

  it('puts the /api prefix in its server url, not in its paths', () => {
    expect(document.servers.map((server: Json) => server.url)).toEqual(['/api']);
  });

  it('declares documentIds as Strapi makes them (24 lowercase letters and digits), not as UUIDs', () => {
    expect(JSON.stringify(document)).not.toMatch(/"format":"uuid"/);
    const [idParameter] = document.paths['/articles/{id}'].get.parameters;
    expect(idParameter).toEqual(expect.objectContaining({ name: 'id', in: 'path', schema: { $ref: '#/components/schemas/DocumentId' } }));
    const documentId = schemaAt('components', 'schemas', 'DocumentId');
    expect(documentId(articles.flood.documentId)).toBe(true);
    expect(documentId('3f0e4b1c-9a2d-4c6b-8e1f-5a7b9c0d2e4f')).toBe(false);
  });

  it('describes what GET /articles/{id} answers: the article with its teasers, their linked articles, and its figures', async () => {
    const res = await request(app.server).get(`/api/articles/${articles.rail.documentId}`).expect(200);
    const [teaser] = res.body.data.teasers;
    expect(teaser.linkedArticle).toEqual({ id: expect.any(Number), documentId: articles.flood.documentId, slug: articles.flood.slug, title: expect.any(String) });
    expect(res.body.data.figures.length).toBeGreaterThan(0);
    expect(document.paths['/articles/{id}'].get.responses[200].content['application/json'].schema.properties.data).toEqual({
      $ref: '#/components/schemas/ArticleDetail',
    });
    expectValid(answerSchema('/articles/{id}', 'get', 200), res.body);
  });

  it('describes what lists and the lookup by slug answer', async () => {
    for (const url of ['/api/articles', `/api/articles?filters[slug][$eq]=${articles.flood.slug}`, '/api/related-teasers?populate=*', '/api/figures']) {
      const res = await request(app.server).get(url).expect(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expectValid(answerSchema(url.slice('/api'.length).split('?')[0], 'get', 200), res.body);
    }
  });

  it("describes every error in Strapi's error shape, as a real 404 and 400 answer it", async () => {
    for (const { operation } of operations()) {
      for (const status of ['400', '404', '500']) {
        expect(operation.responses[status]?.$ref).toMatch(/^#\/components\/responses\//);
      }
    }
    expect(document.components.responses.NotFound.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });

    const notFound = await request(app.server).get('/api/articles/abcdefghijklmnopqrstuvwx').expect(404);
    expectValid(answerSchema('/articles/{id}', 'get', 404), notFound.body);
    const badRequest = await request(app.server).post('/api/raw-import/preview').set(auth()).send({ text: 'A line.', overrides: { keep: ['one'] } }).expect(400);
    expect(badRequest.body.error.message).toMatch(/overrides\.keep/);
    expectValid(answerSchema('/raw-import/preview', 'post', 400), badRequest.body);
  });

  it('describes the raw-import routes: their bodies and what they answer', async () => {
    const raw = (route: string, method = 'post') => document.paths[`/raw-import${route}`][method];
    expect(raw('/preview').requestBody.content['application/json'].schema.required).toEqual(['text']);
    expect(raw('/import').requestBody.content['application/json'].schema.properties.onExisting.enum).toEqual(['update', 'skip']);
    expect(raw('/jobs').requestBody.content['multipart/form-data'].schema.properties.files.items.format).toBe('binary');
    expect(Object.keys(raw('/import').responses).filter((status) => Number(status) < 300)).toEqual(['200', '201']);
    expect(Object.keys(raw('/jobs').responses).filter((status) => Number(status) < 300)).toEqual(['202']);
    expect(Object.keys(raw('/resplit').responses).filter((status) => Number(status) < 300)).toEqual(['202']);
    expect(raw('/preview').responses[413]).toEqual({ $ref: '#/components/responses/PayloadTooLarge' });

    const preview = await request(app.server).post('/api/raw-import/preview').set(auth()).send({ text: flood }).expect(200);
    expect(preview.body.identity.status).toBe('duplicate');
    expectValid(answerSchema('/raw-import/preview', 'post', 200), preview.body);
    const again = await request(app.server).post('/api/raw-import/import').set(auth()).send({ text: rail, publish: true }).expect(200);
    expectValid(answerSchema('/raw-import/import', 'post', 200), again.body);

    const job = await request(app.server).post('/api/raw-import/jobs').set(auth()).attach('files', Buffer.from(flood), 'flood.txt').expect(202);
    expectValid(answerSchema('/raw-import/jobs', 'post', 202), job.body);
    const progress = await request(app.server).get(`/api/raw-import/jobs/${job.body.jobId}`).set(auth()).expect(200);
    expectValid(answerSchema('/raw-import/jobs/{id}', 'get', 200), progress.body);
    const recent = await request(app.server).get('/api/raw-import/jobs').set(auth()).expect(200);
    expectValid(answerSchema('/raw-import/jobs', 'get', 200), recent.body);
  });

  it('asks for an API token on the import routes, and for none on public reads', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components.securitySchemes.bearerAuth).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(document.components.securitySchemes.bearerAuth).not.toHaveProperty('bearerFormat');
    for (const { route, method, operation } of operations()) {
      if (route.startsWith('/raw-import/')) expect(operation).not.toHaveProperty('security');
      if (method === 'get' && !route.startsWith('/raw-import/') && route !== '/openapi.json') {
        expect(operation.security).toEqual([{}, { bearerAuth: [] }]);
      }
    }
  });

  it('describes the HTTP cache of public reads: ETag, Cache-Control and 304', async () => {
    const read = document.paths['/articles/{id}'].get;
    expect(read.parameters).toContainEqual({ $ref: '#/components/parameters/IfNoneMatch' });
    expect(Object.keys(read.responses[200].headers)).toEqual(['ETag', 'Cache-Control']);
    expect(read.responses[304]).toEqual({ $ref: '#/components/responses/NotModified' });

    const res = await request(app.server).get(`/api/articles/${articles.flood.documentId}`).expect(200);
    expect(res.headers.etag).toEqual(expect.any(String));
    await request(app.server).get(`/api/articles/${articles.flood.documentId}`).set('If-None-Match', res.headers.etag).expect(304);
  });

  it('names no private field outside the raw-import split (whose boilerplate and similarity are its own)', () => {
    const privateNames = Object.values(app.strapi.contentTypes)
      .filter((contentType) => contentType.uid.startsWith('api::'))
      .flatMap((contentType) => Object.entries(contentType.attributes as Record<string, { private?: boolean }>).filter(([, attribute]) => attribute.private).map(([name]) => name));
    expect(privateNames).toEqual(expect.arrayContaining(['rawText', 'sourceHash', 'bodyFingerprint', 'splitOverrides', 'leadKey', 'teasedBy']));

    const names = new Set<string>();
    const collect = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties') Object.keys(value ?? {}).forEach((name) => names.add(name));
        if (key === 'enum') (value as unknown[]).forEach((item) => names.add(String(item)));
        if (key === 'name' && typeof value === 'string') names.add(value);
        collect(value);
      }
    };
    collect(document.components);
    for (const { route, operation } of operations()) if (!route.startsWith('/raw-import/')) collect(operation);
    expect(privateNames.filter((name) => names.has(name))).toEqual([]);
  });
});
