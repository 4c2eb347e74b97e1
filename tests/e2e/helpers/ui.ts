import type { Locator, Page } from 'playwright-core';

/** Waits (up to the context's default timeout) until the locator is visible; fails the test otherwise. */
export async function expectVisible(locator: Locator, timeout?: number) {
  await locator.first().waitFor({ state: 'visible', timeout });
}

/** Waits until an input or textarea holds `expected` (it is filled asynchronously, e.g. from a file). */
export async function expectValue(locator: Locator, expected: string, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let actual = await locator.inputValue();
  while (actual !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await locator.inputValue();
  }
  expect(actual).toBe(expected);
}

/** The admin's main menu (left bar). */
export const mainNavigation = (page: Page) => page.getByRole('navigation').filter({ hasText: 'Content Manager' });

/** Announcement banners ("Introducing the new Media Library") cover the top of the page in screenshots. */
export async function closeBanners(page: Page) {
  const close = page.getByRole('button', { name: 'Close the banner' });
  if (await close.count()) await close.first().click();
}

/**
 * A screenshot of one region of the page, whole: the admin scrolls inside its own container, so a
 * full-page screenshot stops at the viewport. The viewport grows to fit the region, then returns.
 */
export async function screenshotRegion(page: Page, region: Locator, file: string) {
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const box = await region.boundingBox();
  const height = Math.max(viewport.height, Math.ceil((box?.height ?? 0) + 400));
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await region.screenshot({ path: file, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
}
