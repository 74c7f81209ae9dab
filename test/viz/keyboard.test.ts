/**
 * In Chromium: everything works from the keyboard. Tab reaches the controls and
 * the policy space; in the policy space the arrows move between stakeholders (SVG and canvas
 * alike) with the hover's details and their minutes marked, Enter filters the minutes, Escape
 * clears, and the page's own keys still play and step. The charts are drawn again at a new width.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRun } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, useSite, ROOT, SCREENSHOTS } from './browser.ts';

/** The rounds among the first three whose record entries are about `id`: the core's record of iana-transition, seed 4. */
function roundsAbout(id: string): number[] {
  const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/iana-transition.yaml'), 'utf8'));
  if (!loaded.ok) throw new Error('iana-transition.yaml does not load');
  const run = createRun(loaded.scenario, { seed: 4 });
  run.step(3);
  const rounds = new Set<number>();
  for (const e of run.observe().events) if (e.stakeholder === id || e.stakeholders?.includes(id)) rounds.add(e.round);
  return [...rounds].sort((a, b) => a - b);
}

const roundOf = async (page: Page) => Number(await page.getByTestId('round').getAttribute('data-round'));
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || '');
const viewBoxWidth = async (page: Page, selector: string) => Number(((await page.locator(selector).getAttribute('viewBox')) ?? '').split(' ')[2]);

/** Presses Tab (from the top, or from `from`) until the policy space has the focus; returns the ids of what the focus passed on the way. */
async function tabToSpace(page: Page, from?: string): Promise<string[]> {
  if (from) await page.locator(from).focus();
  const passed: string[] = [];
  for (let k = 0; k < 30; k++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.matches('#space svg') ?? false)) return passed;
    passed.push(await focusedId(page));
  }
  throw new Error(`Tab never reached the policy space: ${passed.join(', ')}`);
}

describe.skipIf(!HAVE_BROWSER)('the page from the keyboard, in Chromium', () => {
  const site = useSite();
  const open = site.open;

  it('reaches every control with Tab, and steps and plays with the keyboard alone', async () => {
    const t = await open('?scenario=rough-consensus&seed=3');
    const { page } = t;
    const passed = await tabToSpace(page);
    const order = ['scenario-picker', 'open-file', 'copy-link', 'play', 'step', 'reset', 'speed', 'seed', 'new-seed'];
    expect(passed.filter((id) => order.includes(id))).toEqual(order);
    // Back to Step and press it, then play and pause with space from the policy space.
    await page.locator('#step').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '1');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '2');
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '3');
    await tabToSpace(page, '#axis-x');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('#play')?.textContent === 'Pause');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="round"]')?.getAttribute('data-round')) >= 5);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('#play')?.textContent === 'Play');
    // The seed field and the scenario picker answer the keyboard too.
    await page.locator('#seed').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('42');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('seed') === '42');
    expect(await roundOf(page)).toBe(0);
    await page.locator('#scenario-picker').focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') !== 'rough-consensus');
    expect(t.errors).toEqual([]);
    await page.close();
  });

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    it(`moves between stakeholders with the arrows, Enter filters their minutes, Escape clears (${width}×${height})`, async () => {
      const t = await open('?scenario=iana-transition&seed=4', { width, height });
      const { page } = t;
      for (let k = 1; k <= 3; k++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), k);
      }
      await tabToSpace(page);
      expect(await page.locator('#space svg').getAttribute('role')).toBe('application');
      expect(await page.locator('#space svg').getAttribute('aria-label')).toMatch(/^Policy space of .*: \d+ stakeholders on \d+ issues$/);
      expect(await page.locator('#space svg').getAttribute('aria-describedby')).toBe('space-keys');

      const tooltip = page.locator('#tooltip');
      const ids = await page.locator('#stakeholder-ids option').evaluateAll((os) => os.map((o) => o.getAttribute('value')));
      const labels = await page.locator('#filter-constituency option').allTextContents();
      const seen: string[] = [];
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'Home']) {
        await page.keyboard.press(key);
        await tooltip.waitFor({ state: 'visible' });
        const [id, constituency] = await tooltip.locator('strong, div').allTextContents();
        expect(ids).toContain(id);
        expect(labels).toContain(constituency);
        expect(await page.getByTestId('space-status').textContent()).toContain(`${id}, ${constituency}:`);
        // The rounds whose entries are about it are marked in the minutes (it joined in round 0, at least), and only those.
        const marked = await page.locator('#minutes li.highlight').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.round)));
        expect(marked.length).toBeGreaterThan(0);
        expect(marked).toEqual(roundsAbout(id));
        seen.push(id);
      }
      expect(new Set(seen).size).toBeGreaterThan(2);
      // The arrows moved the focus, not the run.
      expect(await roundOf(page)).toBe(3);
      expect(await page.locator('.focus-ring').getAttribute('r')).not.toBe('0');

      // The tooltip sits inside the policy space, beside the ring, not over it.
      const tip = (await tooltip.boundingBox())!;
      const ring = (await page.locator('.focus-ring').boundingBox())!;
      const host = (await page.locator('#space').boundingBox())!;
      expect(tip.x).toBeGreaterThanOrEqual(host.x - 1);
      expect(tip.x + tip.width).toBeLessThanOrEqual(host.x + host.width + 1);
      const overlap = Math.max(0, Math.min(tip.x + tip.width, ring.x + ring.width) - Math.max(tip.x, ring.x)) * Math.max(0, Math.min(tip.y + tip.height, ring.y + ring.height) - Math.max(tip.y, ring.y));
      expect(overlap).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `keyboard-focused-${width}x${height}.png`) });
      await page.screenshot({ path: join(SCREENSHOTS, `keyboard-focused-${width}x${height}-close.png`), clip: { x: Math.max(0, ring.x - 60), y: Math.max(0, ring.y - 60), width: 300, height: 260 } });

      // Enter: the minutes show only its entries.
      const chosen = seen[seen.length - 1];
      await page.keyboard.press('Enter');
      await page.waitForSelector(`#minutes[data-filter="|${chosen}"]`);
      expect(await page.locator('#filter-stakeholder').inputValue()).toBe(chosen);
      expect(await page.locator('.selected-ring').getAttribute('r')).not.toBe('0');
      const entries = await page.locator('#minutes li').allTextContents();
      expect(entries.length).toBeGreaterThan(0);
      for (const text of entries) expect(text).toContain(chosen);
      await page.locator('.space-panel').screenshot({ path: join(SCREENSHOTS, `keyboard-selected-${width}x${height}.png`) });

      // Escape clears the focus, the selection and the filter.
      await page.keyboard.press('Escape');
      await tooltip.waitFor({ state: 'hidden' });
      await page.waitForSelector('#minutes[data-filter="|"]');
      expect(await page.locator('#filter-stakeholder').inputValue()).toBe('');
      expect(await page.locator('#minutes li.highlight').count()).toBe(0);
      expect(await page.locator('.selected-ring').getAttribute('r')).toBe('0');
      expect(await page.locator('.focus-ring').getAttribute('r')).toBe('0');
      expect(await page.getByTestId('space-status').textContent()).toBe('No stakeholder selected.');

      // Leaving the policy space hides the details; the right arrow steps again.
      await page.keyboard.press('ArrowLeft');
      await tooltip.waitFor({ state: 'visible' });
      await page.keyboard.press('Shift+Tab');
      await tooltip.waitFor({ state: 'hidden' });
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '4');
      expect(t.errors).toEqual([]);
      await page.close();
    });
  }

  it('draws the policy space and the timeline again at a new window size', async () => {
    const t = await open('?scenario=iana-transition&seed=2', { width: 1280, height: 800, reducedMotion: true });
    const { page } = t;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '1');
    const wide = { space: await viewBoxWidth(page, '#space svg'), timeline: await viewBoxWidth(page, '#timeline svg') };
    const shown = async () => ({
      space: (await page.locator('#space svg').boundingBox())!.width,
      timeline: (await page.locator('#timeline svg').boundingBox())!.width,
    });
    // Drawn 1:1: the picture's own width is the width it is shown at.
    expect(Math.abs(wide.space - (await shown()).space)).toBeLessThanOrEqual(1);
    expect(Math.abs(wide.timeline - (await shown()).timeline)).toBeLessThanOrEqual(1);
    const cx = await page.locator('#space circle.dot').first().getAttribute('cx');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction((w) => Number(document.querySelector('#space svg')?.getAttribute('viewBox')?.split(' ')[2]) < w, wide.space);
    await page.waitForFunction((w) => Number(document.querySelector('#timeline svg')?.getAttribute('viewBox')?.split(' ')[2]) < w, wide.timeline);
    const narrow = { space: await viewBoxWidth(page, '#space svg'), timeline: await viewBoxWidth(page, '#timeline svg') };
    expect(narrow.space).toBeLessThan(400);
    expect(Math.abs(narrow.space - (await shown()).space)).toBeLessThanOrEqual(1);
    expect(Math.abs(narrow.timeline - (await shown()).timeline)).toBeLessThanOrEqual(1);
    // The dots moved to the new scale.
    expect(await page.locator('#space circle.dot').first().getAttribute('cx')).not.toBe(cx);
    await page.screenshot({ path: join(SCREENSHOTS, 'resized-1280-to-390.png') });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction((w) => Number(document.querySelector('#space svg')?.getAttribute('viewBox')?.split(' ')[2]) === w, wide.space);
    await page.waitForFunction((w) => Number(document.querySelector('#timeline svg')?.getAttribute('viewBox')?.split(' ')[2]) === w, wide.timeline);
    expect(await page.locator('#space circle.dot').first().getAttribute('cx')).toBe(cx);
    expect(t.errors).toEqual([]);
    await page.close();
  });

  it('moves between 10,000 stakeholders on a canvas from the keyboard, and redraws the canvas at a new size', async () => {
    const t = await open('?scenario=reference&seed=1&set.stakeholders%5B0%5D.generate=9980');
    const { page } = t;
    for (let k = 1; k <= 2; k++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), k);
    }
    expect(await page.locator('#space canvas').isVisible()).toBe(true);
    await tabToSpace(page);
    await page.keyboard.press('End');
    const tooltip = page.locator('#tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const last = await tooltip.locator('strong').textContent();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((id) => document.querySelector('#tooltip strong')?.textContent !== id, last);
    expect(await page.getByTestId('space-status').textContent()).toMatch(/power .* resources/);
    expect(await page.locator('.focus-ring').getAttribute('r')).not.toBe('0');
    expect(await roundOf(page)).toBe(2);
    await page.locator('.space-panel').screenshot({ path: join(SCREENSHOTS, 'keyboard-focused-10000-stakeholders.png') });

    const before = Number(await page.locator('#space canvas').getAttribute('width'));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction((w) => Number(document.querySelector('#space canvas')?.getAttribute('width')) < w, before);
    const canvas = (await page.locator('#space canvas').boundingBox())!;
    const svg = (await page.locator('#space svg').boundingBox())!;
    expect(canvas.x).toBeGreaterThan(svg.x);
    expect(canvas.x + canvas.width).toBeLessThan(svg.x + svg.width);
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'hidden' });
    expect(t.errors).toEqual([]);
    await page.close();
  });
});
