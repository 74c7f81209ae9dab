/**
 * Browser tests in Debian's /usr/bin/chromium through playwright-core. The site is built and
 * served once for all of them (test/viz/site-setup.ts); `useSite()` gives a test file one headless
 * Chromium on it, launched before the file's tests and closed after. Without Chromium the browser
 * tests are skipped, loudly, unless CONVENE_REQUIRE_BROWSER=1 makes that a failure.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);
export const SCREENSHOTS = join(ROOT, 'test-results');

if (!HAVE_BROWSER) {
  if (process.env.CONVENE_REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is missing and CONVENE_REQUIRE_BROWSER=1`);
  console.warn(`\n*** SKIPPING browser tests: ${CHROMIUM} is missing (apt-get install -y chromium) ***\n`);
}

export interface PageOptions {
  width?: number;
  height?: number;
  reducedMotion?: boolean;
  /** The browser's language, e.g. fr-FR (navigator.language); en-US otherwise. */
  locale?: string;
}

export interface Site {
  readonly url: string;
  readonly outDir: string;
  /** A fresh page that records console errors, page errors and every request's address. */
  page(options?: PageOptions): Promise<TrackedPage>;
  /** A fresh page at the site's address plus `query`, once the page says it is ready. */
  open(query: string, options?: PageOptions): Promise<TrackedPage>;
}

export interface TrackedPage {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Headless Chromium as every browser test launches it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The built site and a Chromium for this test file (call it at the top of a describe block). */
export function useSite(): Site {
  let browser: Browser | undefined;
  const built = () => {
    const site = inject('site');
    if (!site) throw new Error('the site was not built: run the browser tests through the "browser" project of vite.config.ts');
    return site;
  };
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close().catch(() => {});
  });
  const site: Site = {
    get url() {
      return built().url;
    },
    get outDir() {
      return built().outDir;
    },
    async page(options = {}) {
      const context = await browser!.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
        // English unless a test asks: the page follows the browser's language (viz/messages).
        locale: options.locale ?? 'en-US',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      page.on('close', () => void context.close().catch(() => {}));
      return { page, errors, requests };
    },
    async open(query, options) {
      const t = await site.page(options);
      await t.page.goto(`${site.url}${query}`);
      await t.page.waitForSelector('body[data-ready]');
      return t;
    },
  };
  return site;
}

/** Waits until the run on the page has ended; returns what the outcome element holds. */
export async function waitForOutcome(page: Page, timeout = 60_000) {
  const outcome = page.getByTestId('outcome');
  await page.waitForSelector('[data-testid="outcome"][data-state="ended"]', { timeout });
  return {
    text: (await outcome.textContent()) ?? '',
    outcome: await outcome.getAttribute('data-outcome'),
    rounds: Number(await outcome.getAttribute('data-rounds')),
    adopted: JSON.parse((await outcome.getAttribute('data-adopted')) ?? 'null') as number[] | null,
    round: (await page.getByTestId('round').textContent()) ?? '',
  };
}
