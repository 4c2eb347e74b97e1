import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { deriveTitle } from '../../src/plugins/raw-import/core/article/fields';
import { splitRawText } from '../../src/plugins/raw-import/core';
import { DOCS_DIR, FIXTURES_DIR } from './helpers/paths';
import { openChiefSession, type ChiefSession } from './helpers/session';
import { expectValue, expectVisible, mainNavigation, screenshotRegion } from './helpers/ui';

const FIXTURE = path.join(FIXTURES_DIR, 'tram-line-opening.txt');
const TEXT = fs.readFileSync(FIXTURE, 'utf8');
// What the page must show is what the splitter makes of the fixture: the test follows the core as it evolves.
const EXPECTED = splitRawText(TEXT);
const EXPECTED_TITLE = deriveTitle(EXPECTED.title, EXPECTED.body);
const ARTICLE_URL = /\/admin\/content-manager\/collection-types\/api::article\.article\/([a-z0-9]+)/;

describe('importing one raw text from the admin page', () => {
  let session: ChiefSession;
  let page: Page;
  let documentId: string;

  beforeAll(async () => {
    session = await openChiefSession();
    ({ page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const openRawImport = async () => {
    await mainNavigation(page).getByRole('link', { name: 'Raw import' }).click();
    await expectVisible(page.getByLabel('Raw text'));
  };

  it('uses a fixture with teasers and figures (so the preview has something to show)', () => {
    expect(EXPECTED.teasers.length).toBeGreaterThanOrEqual(3);
    expect(EXPECTED.teasers.some((teaser) => !teaser.truncated)).toBe(true);
    expect(EXPECTED.figures.length).toBeGreaterThanOrEqual(3);
  });

  it('previews the split of a pasted text: title, teasers as a numbered list, figures as a table', async () => {
    await openRawImport();
    await page.getByLabel('Raw text').fill(TEXT);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    await expectVisible(page.getByRole('heading', { name: `Teasers (${EXPECTED.teasers.length})` }));
    await expectVisible(page.getByRole('heading', { name: `Figures (${EXPECTED.figures.length})` }));
    await expectVisible(page.getByTestId('preview-title').getByText(EXPECTED_TITLE, { exact: true }));

    const teasers = page.getByTestId('preview-teasers').locator('ol > li');
    expect(await teasers.count()).toBe(EXPECTED.teasers.length);
    for (const [index, teaser] of EXPECTED.teasers.entries()) {
      expect(await teasers.nth(index).innerText()).toContain(teaser.text);
    }
    const notCutOff = EXPECTED.teasers.filter((teaser) => !teaser.truncated).length;
    expect(await page.getByTestId('preview-teasers').getByText('not cut off').count()).toBe(notCutOff);

    const figureRows = page.getByTestId('preview-figures').locator('tbody tr');
    expect(await figureRows.count()).toBe(EXPECTED.figures.length);
    for (const [index, figure] of EXPECTED.figures.entries()) {
      const cells = await figureRows.nth(index).locator('td').allInnerTexts();
      expect(cells).toEqual(expect.arrayContaining([figure.display, figure.qualifier, figure.unit ?? '–']));
    }
    // Each figure is highlighted where it is written in the body.
    const marks = await page.getByTestId('preview-body').locator('mark').allInnerTexts();
    expect(marks).toEqual(EXPECTED.figures.map((figure) => figure.display));

    fs.mkdirSync(DOCS_DIR, { recursive: true });
    await screenshotRegion(page, page.getByTestId('split-preview'), path.join(DOCS_DIR, 'preview.png'));
  });

  it('imports the text as a draft and links to the new article in the Content Manager', async () => {
    expect(await page.getByRole('checkbox', { name: 'Publish immediately' }).getAttribute('aria-checked')).toBe('false');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const outcome = page.getByTestId('import-outcome');
    await expectVisible(outcome.getByText('Article created'));
    await outcome.getByRole('link', { name: 'Open in Content Manager' }).click();

    await page.waitForURL(ARTICLE_URL);
    documentId = ARTICLE_URL.exec(page.url())![1];
    const title = page.locator('input[name="title"]');
    await expectVisible(title);
    expect(await title.inputValue()).toBe(EXPECTED_TITLE);
  });

  it('reports the same text loaded again from its file as a duplicate, linking to the existing article', async () => {
    await openRawImport();
    await page.locator('input[type="file"][name="raw-text-file"]').setInputFiles(FIXTURE);
    await expectValue(page.getByLabel('Raw text'), TEXT);
    expect(await page.getByLabel('Source name').inputValue()).toBe('tram-line-opening.txt');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = page.getByTestId('import-outcome');
    await expectVisible(outcome.getByText('Already imported'));
    const href = await outcome.getByRole('link', { name: 'Open in Content Manager' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`api::article\\.article/${documentId}$`));
  });

  it("shows the server's reason in the page when a text cannot be imported", async () => {
    await page.getByLabel('Raw text').fill('Read more:\nFarmers warn of a dry spring that could…\nThe council approves a new budget for…\n');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();

    const error = page.getByTestId('raw-import-error');
    await expectVisible(error.getByText('Preview failed'));
    expect(await error.innerText()).toMatch(/no article body/i);
    await expectVisible(page.getByLabel('Raw text'));
  });
});
