import type { Page } from 'playwright-core';
import { openBrowser, type Browser } from './helpers/browser';
import { CHIEF, createUserWithRole, loginInUi, loginViaApi, registerFirstAdminInUi } from './helpers/admin';
import { expectVisible, mainNavigation } from './helpers/ui';
import { startStrapi, type RunningStrapi } from './helpers/strapi-process';

const AUTHOR = { email: 'author@newsdesk.test', password: 'Newsdesk-Author-1', firstname: 'Ada', lastname: 'Author' };

describe('who reaches the Raw import page', () => {
  let strapi: RunningStrapi;
  let browser: Browser;

  beforeAll(async () => {
    strapi = await startStrapi();
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await strapi?.stop();
  });

  it('lets the first admin register on a fresh database and shows them the Raw import menu entry', async () => {
    const { page } = browser;
    await registerFirstAdminInUi(page, strapi.url, CHIEF);

    await mainNavigation(page).getByRole('link', { name: 'Raw import' }).click();
    await page.waitForURL(/\/admin\/plugins\/raw-import/);
    await expectVisible(page.getByRole('heading', { name: 'Raw import', level: 1 }));
    await expectVisible(page.getByLabel('Raw text'));
  });

  it('offers "Import raw text" in the Content Manager list of articles, and it opens the plugin page', async () => {
    const { page } = browser;
    await page.goto(`${strapi.url}/admin/content-manager/collection-types/api::article.article`);
    const action = page.getByRole('link', { name: 'Import raw text' });
    await expectVisible(action);
    await action.click();
    await page.waitForURL(/\/admin\/plugins\/raw-import/);
    await expectVisible(page.getByLabel('Raw text'));
  });

  it('does not show the menu entry, the list action or the page to an Author', async () => {
    const superAdminToken = await loginViaApi(strapi.url, CHIEF);
    await createUserWithRole(strapi.url, superAdminToken, 'strapi-author', AUTHOR);

    // A browser of their own: nothing of the super admin's session is left around.
    const authorBrowser = await openBrowser();
    try {
      await showsNothingOfRawImportTo(authorBrowser.page);
    } finally {
      await authorBrowser.close();
    }
  });

  /** The menu entry and the list action are hidden; the page itself answers "no permissions". */
  async function showsNothingOfRawImportTo(page: Page) {
    await loginInUi(page, strapi.url, AUTHOR);

    await expectVisible(mainNavigation(page).getByRole('link', { name: 'Content Manager' }));
    expect(await mainNavigation(page).getByRole('link', { name: 'Raw import' }).count()).toBe(0);

    await page.goto(`${strapi.url}/admin/content-manager/collection-types/api::article.article`);
    await expectVisible(page.getByRole('heading', { level: 1 }));
    expect(await page.getByRole('link', { name: 'Import raw text' }).count()).toBe(0);

    await page.goto(`${strapi.url}/admin/plugins/raw-import`);
    await expectVisible(page.getByText(/don.t have the permissions/i));
    expect(await page.getByLabel('Raw text').count()).toBe(0);
  }
});
