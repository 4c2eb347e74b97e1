import type { Page } from 'playwright-core';
import { CHIEF, loginInUi, registerFirstAdminViaApi } from './admin';
import { openBrowser } from './browser';
import { startStrapi, type RunningStrapi } from './strapi-process';
import { closeBanners } from './ui';

export interface ChiefSession {
  strapi: RunningStrapi;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Strapi, its first admin registered, and a browser signed in as that admin. */
export async function openChiefSession(): Promise<ChiefSession> {
  const strapi = await startStrapi();
  try {
    await registerFirstAdminViaApi(strapi.url, CHIEF);
    const browser = await openBrowser();
    await loginInUi(browser.page, strapi.url, CHIEF);
    await closeBanners(browser.page);
    return {
      strapi,
      page: browser.page,
      async close() {
        await browser.close();
        await strapi.stop();
      },
    };
  } catch (error) {
    await strapi.stop();
    throw error;
  }
}
