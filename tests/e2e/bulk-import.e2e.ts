import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { DOCS_DIR, FIXTURES_DIR } from './helpers/paths';
import { openChiefSession, type ChiefSession } from './helpers/session';
import type { RunningStrapi } from './helpers/strapi-process';
import { expectVisible, mainNavigation, screenshotRegion } from './helpers/ui';

/**
 * The folder holds three distinct articles, a second copy of one of them and an empty file:
 * 5 files → 3 imported, 1 duplicate, 1 failed.
 */
const BULK_DIR = path.join(FIXTURES_DIR, 'bulk');
const FILES = fs.readdirSync(BULK_DIR).filter((name) => name.endsWith('.txt')).sort();
const EMPTY_FILE = 'empty-scrape.txt';

/** Waits until the job is no longer queued or running; fails at once, with the page's words, if it could not start. */
async function waitForJobToFinish(page: Page) {
  const finished = page.locator('[data-testid="job-progress"]:not([data-job-status="queued"]):not([data-job-status="running"])');
  const failure = page.getByTestId('raw-import-error').or(page.getByTestId('job-error'));
  await finished.or(failure).first().waitFor({ state: 'visible', timeout: 120_000 });
  if (await failure.first().isVisible()) {
    throw new Error(`The bulk job did not run: ${await failure.first().innerText()}`);
  }
}

describe('importing a folder of raw texts as one bulk job', () => {
  let session: ChiefSession;
  let strapi: RunningStrapi;
  let page: Page;

  beforeAll(async () => {
    session = await openChiefSession();
    ({ strapi, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const count = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-count'));

  it('runs the job to 100% with the right counts and one result row per file', async () => {
    expect(FILES).toHaveLength(5);
    await mainNavigation(page).getByRole('link', { name: 'Raw import' }).click();
    await page.getByRole('tab', { name: 'Bulk import' }).click();

    await page.locator('input[type="file"][name="bulk-files"]').setInputFiles(FILES.map((name) => path.join(BULK_DIR, name)));
    await expectVisible(page.getByTestId('bulk-selection').getByText('5 files selected', { exact: false }));
    await page.getByRole('button', { name: 'Import 5 files' }).click();

    await waitForJobToFinish(page);
    expect(await page.getByTestId('job-progress').getAttribute('data-job-status')).toBe('done');
    expect(await page.getByTestId('job-progress-text').innerText()).toContain('5 of 5 files processed (100%)');
    expect(await count('job-count-imported')).toBe(3);
    expect(await count('job-count-duplicates')).toBe(1);
    expect(await count('job-count-failed')).toBe(1);

    const rows = page.getByTestId('job-results').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const emptyRow = rows.filter({ hasText: EMPTY_FILE });
    expect(await emptyRow.innerText()).toMatch(/failed/i);
    expect(await emptyRow.innerText()).toMatch(/empty/i);
    expect(await rows.getByRole('link', { name: 'Open in Content Manager' }).count()).toBe(4);

    fs.mkdirSync(DOCS_DIR, { recursive: true });
    await screenshotRegion(page, page.getByTestId('current-job'), path.join(DOCS_DIR, 'bulk-results.png'));
  });

  it('downloads the results as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toBe('file,status,documentId,articleUrl,error');
    expect(lines).toHaveLength(5);
    expect(lines.find((line) => line.startsWith(EMPTY_FILE))).toMatch(/^empty-scrape\.txt,failed,,,.+/);
    expect(lines.filter((line) => /,created,/.test(line))).toHaveLength(3);
  });

  it('shows the finished job again after leaving the page and coming back', async () => {
    await mainNavigation(page).getByRole('link', { name: 'Content Manager' }).click();
    await page.waitForURL(/content-manager/);
    await page.goto(`${strapi.url}/admin/plugins/raw-import?tab=bulk`);

    await expectVisible(page.locator('[data-testid="job-progress"][data-job-status="done"]'));
    expect(await page.getByTestId('job-results').locator('tbody tr').count()).toBe(5);
    await expectVisible(page.getByRole('heading', { name: 'Recent jobs' }));
  });
});
