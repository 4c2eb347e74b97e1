/**
 * RAW_IMPORT_RATE_LIMIT: content-API preview and import requests per minute per API token.
 * Over it: 429 in Strapi's error shape with Retry-After, nothing written; the admin routes are
 * not limited.
 */
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createApiToken, registerFirstAdmin } from '../helpers/auth';

const ARTICLE = 'api::article.article';
const LIMIT = 30;

const text = (n: number) =>
  [
    `Ferry timetable changes for the winter, notice ${n}`,
    '',
    `The harbour ferry will run ${n + 4} crossings a day from November, the operator said, down from the summer timetable, with the last boat leaving at nine.`,
    '',
    'Passengers with season tickets will be refunded for the weeks without an evening service.',
  ].join('\n');

let app: TestApp;
let adminJwt: string;
const previousLimit = process.env.RAW_IMPORT_RATE_LIMIT;

beforeAll(async () => {
  process.env.RAW_IMPORT_RATE_LIMIT = String(LIMIT);
  app = await bootStrapi();
  adminJwt = await registerFirstAdmin(app);
});

afterAll(async () => {
  await app?.close();
  if (previousLimit === undefined) delete process.env.RAW_IMPORT_RATE_LIMIT;
  else process.env.RAW_IMPORT_RATE_LIMIT = previousLimit;
});

const previewAs = (auth: Record<string, string>, api = true) =>
  request(app.server).post(`${api ? '/api' : ''}/raw-import/preview`).set(auth).send({ text: text(1) });

describe('RAW_IMPORT_RATE_LIMIT=30', () => {
  it('answers 80 quick previews with one token: 30 previews, then 429 with Retry-After', async () => {
    const token = { Authorization: `Bearer ${await createApiToken(app, 'full-access')}` };
    const statuses: number[] = [];
    let refused: request.Response | undefined;
    for (let i = 0; i < 80; i += 1) {
      const res = await previewAs(token);
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), ...Array(80 - LIMIT).fill(429)]);
    const retryAfter = Number(refused!.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(refused!.body).toEqual({
      data: null,
      error: {
        status: 429,
        name: 'RateLimitError',
        message: expect.stringContaining('RAW_IMPORT_RATE_LIMIT'),
        details: { limit: LIMIT, windowSeconds: 60, retryAfterSeconds: retryAfter },
      },
    });
  });

  it('counts each token on its own, imports included, and writes nothing for a refused import', async () => {
    const token = { Authorization: `Bearer ${await createApiToken(app, 'full-access')}` };
    await previewAs(token).expect(200);
    for (let i = 0; i < LIMIT - 1; i += 1) {
      await request(app.server).post('/api/raw-import/import').set(token).send({ text: text(100 + i) }).expect(201);
    }
    const before = await app.strapi.db.query(ARTICLE).count();
    const res = await request(app.server).post('/api/raw-import/import').set(token).send({ text: text(500) });
    expect(res.status).toBe(429);
    expect(res.body.error.name).toBe('RateLimitError');
    expect(await app.strapi.db.query(ARTICLE).count()).toBe(before);
  });

  it('does not limit editors in the admin panel', async () => {
    const admin = { Authorization: `Bearer ${adminJwt}` };
    const statuses = new Set<number>();
    for (let i = 0; i < 80; i += 1) statuses.add((await previewAs(admin, false)).status);
    expect([...statuses]).toEqual([200]);
  });
});
