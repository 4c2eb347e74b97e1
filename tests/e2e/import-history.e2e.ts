import fs from 'fs';
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { deriveTitle } from '../../src/plugins/raw-import/core/article/fields';
import { splitRawText } from '../../src/plugins/raw-import/core';
import { FIXTURES_DIR } from './helpers/paths';
import { openChiefSession, type ChiefSession } from './helpers/session';
import { expectVisible, mainNavigation } from './helpers/ui';

const TEXT = fs.readFileSync(path.join(FIXTURES_DIR, 'tram-line-opening.txt'), 'utf8');
const EXPECTED = splitRawText(TEXT);
const TITLE = deriveTitle(EXPECTED.title, EXPECTED.body);

/** The same story scraped again a day later: same headline and body, another block of teasers. */
const OTHER_TEASERS = [
  'The city council votes on the new parking rules for the old town next',
  'A heron has nested on the roof of the main station for the third spring',
  'Students at Wendmoor university protest against the rise in canteen prices',
  'The open-air cinema on the river bank returns in June with a programme of',
];
const lastParagraph = EXPECTED.body[EXPECTED.body.length - 1];
const RESCRAPED = `${TEXT.slice(0, TEXT.indexOf(lastParagraph) + lastParagraph.length)}\n\n${OTHER_TEASERS.map((teaser) => `${teaser}…`).join('\n')}\n`;
const SOURCE_KEY = 'https://news.example/wendmoor/riverside-tram-line';

/** Another outlet's version of the story: another headline, one paragraph rewritten, the rest the same. */
const NEAR_COPY = TEXT.replace(EXPECTED.title ?? TITLE, 'Wendmoor celebrates its first tram to the campus').replace(
  /"We waited a long time for this,".*\n/,
  '"It was worth the wait," a pensioner told reporters at the Canal Street stop, where a brass band played for the first passengers.\n'
);

const ARTICLE_URL = /\/admin\/content-manager\/collection-types\/api::article\.article\/([a-z0-9]+)/;

/** The words of an element as read (links are laid out inline-flex, which innerText breaks lines around). */
const wordsOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('the import history of an article, and story identity in the preview', () => {
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

  /**
   * Previews `text` and waits for the identity line to say `status` (the line of an earlier preview
   * stays until the answer comes); fails naming what it says instead.
   */
  const preview = async (text: string, status: string) => {
    await page.getByLabel('Raw text').fill(text);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const identity = page.locator(`[data-testid="preview-identity"][data-status="${status}"]`);
    const shown = await identity
      .waitFor({ state: 'visible', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) {
      const actual = page.getByTestId('preview-identity');
      const said = (await actual.count()) ? `${await actual.getAttribute('data-status')}: ${await wordsOf(actual)}` : 'no identity line';
      throw new Error(`The preview did not say "${status}" (${said})`);
    }
    return identity;
  };

  /** Imports and waits for the outcome `status` (the outcome of an earlier import is cleared when the request starts). */
  const runImport = async (status: string) => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const outcome = page.locator(`[data-testid="import-outcome"][data-status="${status}"]`);
    await expectVisible(outcome);
    return outcome;
  };

  it('uses texts that differ as the test needs (same body with other teasers; a near copy)', () => {
    const rescraped = splitRawText(RESCRAPED);
    expect(rescraped.body).toEqual(EXPECTED.body);
    expect(rescraped.teasers.map((teaser) => teaser.text)).toEqual(OTHER_TEASERS);
    const nearCopy = splitRawText(NEAR_COPY);
    expect(nearCopy.title).not.toBe(EXPECTED.title);
    expect(nearCopy.body.filter((paragraph) => !EXPECTED.body.includes(paragraph))).toHaveLength(1);
  });

  it('previews a new story as new, and imports it', async () => {
    await openRawImport();
    const identity = await preview(TEXT, 'created');
    expect(await identity.innerText()).toContain('New story');
    expect(await page.getByTestId('preview-possible-duplicate').count()).toBe(0);

    const outcome = await runImport('created');
    await expectVisible(outcome.getByText('Article created'));
    const href = await outcome.getByRole('link', { name: 'Open in Content Manager' }).getAttribute('href');
    documentId = ARTICLE_URL.exec(href ?? '')![1];
    expect(documentId).toBeTruthy();
  });

  it('previews the story scraped again with other teasers as known, and the import updates its article', async () => {
    await page.getByLabel('Source key').fill(SOURCE_KEY);
    const identity = await preview(RESCRAPED, 'updated');
    const message = await wordsOf(page.getByTestId('preview-identity-message'));
    expect(message).toContain(`Known story: ${TITLE}`);
    expect(message).toMatch(/importing will update it \(\d+ teasers? changed\)/);
    expect(await identity.getByRole('link', { name: TITLE }).getAttribute('href')).toMatch(new RegExp(`/${documentId}$`));

    const outcome = await runImport('updated');
    await expectVisible(outcome.getByText('Article updated'));
    expect(await wordsOf(outcome)).toMatch(/teasers? changed/);
    // The preview told what an import would do before this one.
    await expectVisible(page.getByTestId('preview-identity-stale'));
  });

  it('lists both imports in the side panel of the article in the Content Manager, the latest first', async () => {
    await page.getByTestId('import-outcome').getByRole('link', { name: 'Open in Content Manager' }).click();
    await page.waitForURL(ARTICLE_URL);
    expect(ARTICLE_URL.exec(page.url())![1]).toBe(documentId);

    await expectVisible(page.getByRole('heading', { name: 'Import history' }));
    const history = page.getByTestId('import-history');
    await expectVisible(history);
    const entries = history.getByTestId('import-history-entry');
    expect(await entries.count()).toBe(2);
    expect(await entries.nth(0).getAttribute('data-status')).toBe('updated');
    expect(await entries.nth(1).getAttribute('data-status')).toBe('created');

    const updated = entries.nth(0);
    expect(await updated.getByTestId('import-history-changes').innerText()).toMatch(/^Changed: \d+ teasers?$/);
    expect(await updated.getByTestId('import-history-source-key').innerText()).toBe(`Source key: ${SOURCE_KEY}`);
    expect(await updated.innerText()).toContain('Updated');

    const created = entries.nth(1);
    expect(await created.innerText()).toContain('Created');
    expect(await created.getByTestId('import-history-changes').count()).toBe(0);
    for (const entry of [updated, created]) {
      expect(await entry.getByTestId('import-history-actor').innerText()).toBe('Admin: Chief Editor <chief@newsdesk.test>');
      expect(await entry.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('previews a near copy of the story as new, naming the stored article it possibly duplicates', async () => {
    await openRawImport();
    await page.getByLabel('Source key').fill('');
    await preview(NEAR_COPY, 'created');

    const duplicate = page.getByTestId('preview-possible-duplicate');
    await expectVisible(duplicate);
    expect(await wordsOf(duplicate)).toMatch(new RegExp(`^Possibly the same story as ${TITLE} \\(similarity \\d{1,3}\\s?%\\)$`));
    expect(await duplicate.getByRole('link', { name: TITLE }).getAttribute('href')).toMatch(
      new RegExp(`/admin/content-manager/collection-types/api::article\\.article/${documentId}$`)
    );
  });

  it('re-splits the archive from the bulk tab after a confirmation, and follows the job like an import job', async () => {
    await page.getByRole('tab', { name: 'Bulk import' }).click();
    await page.getByRole('button', { name: 'Re-split the archive' }).click();
    const dialog = page.getByRole('alertdialog');
    await expectVisible(dialog.getByText('Re-split the archive?'));
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    const job = page.getByTestId('current-job');
    await expectVisible(job.getByRole('heading', { name: 'Re-split job' }));
    const finished = job.locator('[data-testid="job-progress"]:not([data-job-status="queued"]):not([data-job-status="running"])');
    await finished.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await finished.getAttribute('data-job-status')).toBe('done');
    expect(await finished.getAttribute('data-job-kind')).toBe('resplit');
    // One article, imported by the splitter the re-split runs: nothing to change.
    expect(await job.getByTestId('job-progress-text').innerText()).toContain('1 of 1 articles processed (100%)');
    expect(Number(await job.getByTestId('job-count-updated').getAttribute('data-count'))).toBe(0);
    expect(Number(await job.getByTestId('job-count-duplicates').getAttribute('data-count'))).toBe(1);
    const rows = job.getByTestId('job-results').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Unchanged');
  });
});
