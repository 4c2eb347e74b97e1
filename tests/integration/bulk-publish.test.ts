import fs from 'fs';
import path from 'path';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const archive = path.join(__dirname, '..', 'fixtures', 'archive');
const rawFile = (name: string) => ({ file: name, bytes: fs.readFileSync(path.join(archive, name)) });

let app: TestApp;
const bulk = () => app.strapi.plugin('raw-import').service('bulk');
const publicArticles = async () =>
  (await request(app.server).get('/api/articles?populate[teasers][sort]=position&populate[figures]=true&sort=sourceName').expect(200)).body.data;

beforeAll(async () => {
  app = await bootStrapi();
});

afterAll(async () => {
  await app?.close();
});

describe('articles written by the bulk path', () => {
  it('are published with --publish: the public sees them with their teasers in order and their figures', async () => {
    const summary = await bulk().importFiles([rawFile('politics/budget.txt')], { publish: true });
    expect(summary).toEqual({ total: 1, imported: 1, updated: 0, duplicates: 0, conflicts: 0, failed: 0 });

    const [budget] = await publicArticles();
    expect(budget.sourceName).toBe('politics/budget.txt');
    expect(budget.title).toBe('Island council approves a budget of £18.4 million with new money for harbours');
    expect(budget.teasers.map((t: { position: number }) => t.position)).toEqual([0, 1]);
    expect(budget.figures.map((f: { value: number }) => Number(f.value))).toEqual(expect.arrayContaining([18400000, 1200000]));
  });

  it('stay drafts otherwise, and an editor publishing one through Strapi shows its teasers, figures and links', async () => {
    await bulk().importFiles([rawFile('politics/ferry.txt')], {});
    expect((await publicArticles()).map((a: { sourceName: string }) => a.sourceName)).toEqual(['politics/budget.txt']);

    const draft = await app.strapi.documents(ARTICLE).findFirst({ filters: { sourceName: 'politics/ferry.txt' }, status: 'draft' });
    await app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId });

    const ferry = (await publicArticles()).find((a: { sourceName: string }) => a.sourceName === 'politics/ferry.txt');
    expect(ferry.teasers.map((t: { text: string }) => t.text)).toEqual([
      'The lighthouse on Skerry Point will be restored after volunteers raised',
      'Island council approves a budget of £18.4 million with new money for',
    ]);
    expect(ferry.figures.length).toBeGreaterThan(0);

    // The budget story's teaser for the ferry story, written before the ferry story existed, now
    // links to its published version too.
    const teasers = await request(app.server)
      .get('/api/related-teasers?filters[article][sourceName][$eq]=politics/budget.txt&populate[linkedArticle][fields][0]=sourceName&sort=position')
      .expect(200);
    expect(teasers.body.data[0].linkedArticle).toEqual(expect.objectContaining({ sourceName: 'politics/ferry.txt' }));
  });
});
