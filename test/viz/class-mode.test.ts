/**
 * Class mode (teaching issue, point 2): with `?mode=class`, or the Class mode button, the room,
 * the timeline, the outcome and the lesson's bet fit one 1366×768 screen without scrolling, in
 * text large enough for the back of a classroom; the sandbox's controls are one click away.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

/** Each element's box, to see that it lies inside the first screen. */
async function boxes(page: import('playwright-core').Page, selectors: string[]) {
  return page.evaluate((sels) => sels.map((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { s, top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  }), selectors);
}

describe.skipIf(!HAVE_BROWSER)('class mode, in Chromium', () => {
  const site = useSite();
  const SHOWN = ['#space svg', '#timeline svg', '[data-testid="outcome"]', '#lessons', '#play'];

  it('fits the room, the timeline, the outcome and the bet on one 1366×768 screen, in large type', async () => {
    const t = await site.open('?scenario=tyranny-of-the-minority&seed=3&mode=class&autoplay=1&speed=max', { width: 1366, height: 768 });
    await waitForOutcome(t.page);
    expect(await t.page.evaluate(() => document.body.classList.contains('class-mode'))).toBe(true);
    // Nothing to scroll to: the page is the screen.
    expect(await t.page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(768);
    for (const b of await boxes(t.page, SHOWN)) {
      expect(b.height, b.s).toBeGreaterThan(0);
      expect(b.top, b.s).toBeGreaterThanOrEqual(0);
      expect(b.bottom, b.s).toBeLessThanOrEqual(768);
      expect(b.right, b.s).toBeLessThanOrEqual(1366);
    }
    // The room is drawn at least 400 px square, and the outcome's text at 18 px or more.
    expect((await boxes(t.page, ['#space svg']))[0].height).toBeGreaterThanOrEqual(400);
    const size = await t.page.locator('[data-testid="headline"]').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    // The sandbox's panels are hidden, and one click brings them back.
    expect(await t.page.locator('.conditions-panel').isVisible()).toBe(false);
    await t.page.screenshot({ path: join(SCREENSHOTS, 'class-mode-1366x768.png') });
    await t.page.getByTestId('class-mode').click();
    expect(await t.page.locator('.conditions-panel').isVisible()).toBe(true);
    expect(new URL(t.page.url()).searchParams.get('mode')).toBeNull();
    await t.page.getByTestId('class-mode').click();
    expect(new URL(t.page.url()).searchParams.get('mode')).toBe('class');
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('fits a projector\'s 1920×1080 too', async () => {
    const t = await site.open('?scenario=walk-out&seed=1&mode=class&autoplay=1&speed=max', { width: 1920, height: 1080 });
    await waitForOutcome(t.page);
    expect(await t.page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(1080);
    await t.page.screenshot({ path: join(SCREENSHOTS, 'class-mode-1920x1080.png') });
    expect(t.errors).toEqual([]);
    await t.page.close();
  });
});
