/**
 * One built site, one static server and one headless Chromium per test file: `openSite()` builds
 * the page with Vite's JS API into a temporary folder, serves it with `vite preview`, and
 * launches Debian's /usr/bin/chromium through playwright-core. Without Chromium the browser
 * tests are skipped, loudly, unless CONVENE_REQUIRE_BROWSER=1 makes that a failure.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);
export const SCREENSHOTS = join(ROOT, 'test-results');

if (!HAVE_BROWSER) {
  if (process.env.CONVENE_REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is missing and CONVENE_REQUIRE_BROWSER=1`);
  console.warn(`\n*** SKIPPING browser tests: ${CHROMIUM} is missing (apt-get install -y chromium) ***\n`);
}

export interface Site {
  url: string;
  outDir: string;
  browser: Browser;
  /** A fresh page that records console errors, page errors and every request's address. */
  page(options?: { width?: number; height?: number; reducedMotion?: boolean }): Promise<TrackedPage>;
  close(): Promise<void>;
}

export interface TrackedPage {
  page: Page;
  errors: string[];
  requests: string[];
}

export async function openSite(): Promise<Site> {
  const outDir = mkdtempSync(join(tmpdir(), 'convene-site-'));
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    url,
    outDir,
    browser,
    async page(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
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
    async close() {
      await browser.close().catch(() => {});
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
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
