/**
 * The room keeps the story (teaching issue, point 3): each stakeholder's ideal stays as a faint
 * ring with a line to where it stands; those who walked out, declined or object are named; at the
 * end, each constituency's mean ideal is joined to the text it got. The walk-out scenario is
 * built for it: the privacy groups' outside option (0.6) beats what the firms' text gives them,
 * so they walk out (scenarios/walk-out.yaml), and the firms adopt a text alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, ROOT, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/walk-out.yaml'), 'utf8'));
if (!loaded.ok) throw new Error('walk-out.yaml does not load');
const result = runScenario(loaded.scenario, { seed: 1 });

describe.skipIf(!HAVE_BROWSER)('the room keeps the story, in Chromium', () => {
  const site = useSite();

  for (const [width, height] of [[1366, 768], [1920, 1080], [390, 844]]) {
    it(`marks ideals, moves, who walked out, and where the text landed (${width}×${height})`, async () => {
      // The core says what happened: some groups walked out and a text was adopted.
      expect(result.walkedOut).toBeGreaterThan(0);
      expect(result.adopted).not.toBeNull();
      const t = await site.open('?scenario=walk-out&seed=1&autoplay=1&speed=max', { width, height });
      await waitForOutcome(t.page);
      // One faint ring path per constituency (2), and movement lines for those who moved.
      expect(await t.page.locator('.ideals path').count()).toBe(2);
      const moves = (await t.page.locator('path.moves').getAttribute('d')) ?? '';
      expect(moves.match(/M/g)?.length ?? 0).toBeGreaterThan(0);
      // Those who walked out are named in one label, all privacy groups, as many as the core counts,
      // by their constituency's label in walk-out.yaml (27 characters, short enough to keep whole).
      const gone = t.page.locator('text.name[data-why="walked out"]');
      expect(await gone.count()).toBe(1);
      expect(Number(await gone.getAttribute('data-count'))).toBe(result.walkedOut);
      expect(await gone.getAttribute('data-stakeholder')).toMatch(/^group-/);
      expect(await gone.textContent()).toBe(`Privacy and consumer groups: ${result.walkedOut} walked out`);
      // At the end, each constituency's mean ideal joined to the adopted text.
      expect(await t.page.locator('.landed g.constituency-ideal').count()).toBe(2);
      await t.page.screenshot({ path: join(SCREENSHOTS, `room-story-${width}x${height}.png`) });
      expect(t.errors).toEqual([]);
      await t.page.close();
    });
  }
});
