import type { Page, Request } from 'playwright-core';
import { CHIEF, loginViaApi } from './helpers/admin';
import { openChiefSession, type ChiefSession } from './helpers/session';
import { expectVisible, mainNavigation } from './helpers/ui';

const TITLE = 'Harbour Ferry Returns After Two-Year Refit';
const LEDE =
  'The restored harbour ferry carried its first passengers across the bay on Monday morning, two years after it was taken out of service for repairs.';
const CREWS =
  'Crews replaced the engines, the wiring and most of the deck, and the boat can now carry 240 passengers, up from 180 before the refit.';
const AUTHORITY = 'The harbour authority said the crossing would run every half hour from seven in the morning until ten at night.';
const TRADERS = 'Local traders welcomed the return of the service, which had brought visitors to the old market on the far shore.';
const COPYRIGHT = '© 2026 The Example Post. All rights reserved.';

/*
 * A scraped page with its debris on lines of their own. Everything expected below is written out by
 * hand from this text (line numbers are its 1-based lines), not computed by the splitter.
 */
const TEXT = [
  /*  1 */ TITLE,
  /*  2 */ '',
  /*  3 */ 'By Jane Example',
  /*  4 */ '',
  /*  5 */ 'Advertisement',
  /*  6 */ '',
  /*  7 */ LEDE,
  /*  8 */ '',
  /*  9 */ 'Share',
  /* 10 */ '',
  /* 11 */ CREWS,
  /* 12 */ '',
  /* 13 */ AUTHORITY,
  /* 14 */ '',
  /* 15 */ TRADERS,
  /* 16 */ '',
  /* 17 */ COPYRIGHT,
  '',
].join('\n');

interface ShownLine {
  line: number;
  kind: string;
  label: string;
  text: string;
}

/** The debris as the splitter should set it aside (the byline is read out, not listed). */
const FIRST_SET_ASIDE: ShownLine[] = [
  { line: 5, kind: 'advertisement', label: 'Advertisement', text: 'Advertisement' },
  { line: 9, kind: 'navigation', label: 'Navigation', text: 'Share' },
  { line: 17, kind: 'copyright', label: 'Copyright', text: COPYRIGHT },
];
const FIRST_BODY = [LEDE, CREWS, AUTHORITY, TRADERS];

/** After "Keep in body" on line 5 and "Set aside" on the paragraph of line 13. */
const FINAL_SET_ASIDE: ShownLine[] = [
  { line: 9, kind: 'navigation', label: 'Navigation', text: 'Share' },
  { line: 13, kind: 'editor', label: 'Set aside by you', text: AUTHORITY },
  { line: 17, kind: 'copyright', label: 'Copyright', text: COPYRIGHT },
];
const FINAL_BODY = ['Advertisement', LEDE, CREWS, TRADERS];
const FINAL_OVERRIDES = { keep: [5], setAside: [13] };

interface StoredArticle {
  title: string;
  byline: string | null;
  body: Array<{ type: string; children: Array<{ text: string }> }>;
}

const isPluginCall = (route: string) => (request: Request) =>
  request.method() === 'POST' && new URL(request.url()).pathname === `/raw-import/${route}`;

describe('correcting what the preview set aside from the body, then importing it', () => {
  let session: ChiefSession;
  let page: Page;

  beforeAll(async () => {
    session = await openChiefSession();
    ({ page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const setAsideList = () => page.getByTestId('preview-set-aside');
  const setAsideHeading = () => page.getByRole('heading', { name: /^Set aside from the body \(\d+\)/ });

  const shownBody = async () => page.getByTestId('body-paragraph').locator('p').allTextContents();
  const shownBodyLines = async () =>
    (await page.getByTestId('body-paragraph').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-line')))).map(Number);
  const shownSetAside = async (): Promise<ShownLine[]> =>
    setAsideList()
      .getByTestId('set-aside-item')
      .evaluateAll((items) =>
        items.map((item) => {
          const badge = item.querySelector('[data-kind]');
          return {
            line: Number(item.getAttribute('data-line')),
            kind: badge?.getAttribute('data-kind') ?? '',
            label: badge?.textContent ?? '',
            text: item.querySelector('[data-testid="set-aside-text"]')?.textContent ?? '',
          };
        })
      );

  /** Clicks, waits for the preview the click asks for, and returns what it sent. */
  const clickAndRepreview = async (click: () => Promise<void>) => {
    const [request] = await Promise.all([page.waitForRequest(isPluginCall('preview')), click()]);
    const response = await request.response();
    expect(response?.status()).toBe(200);
    // The page redraws once the answer is in: wait for the buttons to come back.
    await page.getByRole('button', { name: 'Preview', exact: true }).and(page.locator(':enabled')).waitFor();
    return request.postDataJSON() as { text: string; overrides?: { keep?: number[]; setAside?: number[] } };
  };

  it('previews a pasted page: headline and byline, the prose as body, the debris set aside with its kind', async () => {
    await mainNavigation(page).getByRole('link', { name: 'Raw import' }).click();
    await page.getByLabel('Raw text').fill(TEXT);
    const sent = await clickAndRepreview(() => page.getByRole('button', { name: 'Preview', exact: true }).click());
    expect(sent.overrides).toBeUndefined();

    await expectVisible(page.getByTestId('preview-title').getByText(TITLE, { exact: true }));
    expect(await page.getByTestId('preview-byline').textContent()).toBe('By Jane Example');

    await expectVisible(page.getByRole('heading', { name: 'Body (4)', exact: true }));
    expect(await shownBody()).toEqual(FIRST_BODY);
    expect(await shownBodyLines()).toEqual([7, 11, 13, 15]);

    // Collapsed at first, with the count in its heading.
    await expectVisible(page.getByRole('heading', { name: /^Set aside from the body \(3\)/ }));
    expect(await setAsideList().getByTestId('set-aside-item').count()).toBe(0);
    await setAsideHeading().getByRole('button').click();
    await expectVisible(setAsideList().getByTestId('set-aside-item'));
    expect(await shownSetAside()).toEqual(FIRST_SET_ASIDE);
  });

  it('brings a set-aside line back into the body, re-asking the server with the override', async () => {
    const item = setAsideList().getByTestId('set-aside-item').filter({ hasText: 'Advertisement' });
    const sent = await clickAndRepreview(() => item.getByRole('button', { name: 'Keep in body' }).click());
    expect(sent.text).toBe(TEXT);
    expect(sent.overrides).toEqual({ keep: [5] });

    await expectVisible(page.getByRole('heading', { name: 'Body (5)', exact: true }));
    expect(await shownBody()).toEqual(['Advertisement', LEDE, CREWS, AUTHORITY, TRADERS]);
    expect(await shownBodyLines()).toEqual([5, 7, 11, 13, 15]);
    await expectVisible(page.getByRole('heading', { name: /^Set aside from the body \(2\)/ }));
    expect(await shownSetAside()).toEqual(FIRST_SET_ASIDE.filter((line) => line.line !== 5));
  });

  it('sets a body paragraph aside, keeping the earlier correction', async () => {
    const paragraph = page.getByTestId('body-paragraph').filter({ hasText: AUTHORITY });
    const sent = await clickAndRepreview(() => paragraph.getByRole('button', { name: 'Set aside' }).click());
    expect(sent.overrides).toEqual(FINAL_OVERRIDES);

    await expectVisible(page.getByRole('heading', { name: 'Body (4)', exact: true }));
    expect(await shownBody()).toEqual(FINAL_BODY);
    expect(await shownBodyLines()).toEqual([5, 7, 11, 15]);
    await expectVisible(page.getByRole('heading', { name: /^Set aside from the body \(3\)/ }));
    expect(await shownSetAside()).toEqual(FINAL_SET_ASIDE);
  });

  it('imports what the preview showed: the same overrides are sent, and the stored body is the final preview body', async () => {
    const [request] = await Promise.all([
      page.waitForRequest(isPluginCall('import')),
      page.getByRole('button', { name: 'Import', exact: true }).click(),
    ]);
    expect(request.postDataJSON()).toMatchObject({ text: TEXT, overrides: FINAL_OVERRIDES });

    const outcome = page.getByTestId('import-outcome');
    await expectVisible(outcome.getByText('Article created'));
    const href = await outcome.getByRole('link', { name: 'Open in Content Manager' }).getAttribute('href');
    const documentId = /api::article\.article\/([a-z0-9]+)$/.exec(href ?? '')?.[1];
    expect(documentId).toBeTruthy();

    // The preview still shows the final split; what was stored must be exactly that.
    expect(await shownBody()).toEqual(FINAL_BODY);

    const token = await loginViaApi(session.strapi.url, CHIEF);
    const res = await fetch(`${session.strapi.url}/content-manager/collection-types/api::article.article/${documentId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: StoredArticle };
    expect(data.title).toBe(TITLE);
    expect(data.byline).toBe('Jane Example');
    const storedBody = data.body.map((block) => block.children.map((child) => child.text).join(''));
    expect(storedBody).toEqual(FINAL_BODY);
    expect(storedBody).toContain('Advertisement');
    expect(storedBody).not.toContain(AUTHORITY);
    expect(storedBody.join('\n')).not.toMatch(/Share|All rights reserved|By Jane Example/);
  });

  it('drops the corrections when the text is edited: the next preview is the plain split of the new text', async () => {
    await page.getByLabel('Raw text').fill(`${TEXT}\n`);
    // The shown preview no longer matches the text: it cannot be corrected any more.
    await expectVisible(page.getByText('The text has changed since this preview.', { exact: false }));
    expect(await page.getByTestId('body-paragraph').getByRole('button', { name: 'Set aside' }).first().isDisabled()).toBe(true);

    const sent = await clickAndRepreview(() => page.getByRole('button', { name: 'Preview', exact: true }).click());
    expect(sent.overrides).toBeUndefined();
    expect(await shownBody()).toEqual(FIRST_BODY);
    expect(await shownSetAside()).toEqual(FIRST_SET_ASIDE);
  });
});
