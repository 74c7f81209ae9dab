/**
 * The outcome's headline in the page agrees with the numbers beside it: a captured consensus says
 * it is captured (it read "a text nearly everyone could live with" and nothing more).
 */
import { describe, expect, it } from 'vitest';
import { headline, runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HAVE_BROWSER, ROOT, useSite, waitForOutcome } from './browser.ts';

describe.skipIf(!HAVE_BROWSER)('the outcome headline in Chromium', () => {
  const site = useSite();

  it('says a captured rough consensus is captured, as the core words it', async () => {
    const t = await site.open('?scenario=capture-convenor-in-the-room&seed=1&autoplay=1&speed=max');
    expect((await waitForOutcome(t.page)).outcome).toBe('rough-consensus');
    const shown = await t.page.getByTestId('headline').textContent();
    const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/capture-convenor-in-the-room.yaml'), 'utf8'));
    if (!loaded.ok) throw new Error('does not load');
    const result = runScenario(loaded.scenario, { seed: 1 });
    expect(result.flags).toContain('capture');
    expect(shown).toBe(headline(result));
    expect(shown).toContain('(capture)');
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('names those who held out as the room does, not by their ids', async () => {
    const t = await site.open('?scenario=tyranny-of-the-minority&seed=3&autoplay=1&speed=max');
    await waitForOutcome(t.page);
    const shown = await t.page.getByTestId('headline').textContent();
    const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/tyranny-of-the-minority.yaml'), 'utf8'));
    if (!loaded.ok) throw new Error('does not load');
    const result = runScenario(loaded.scenario, { seed: 3 });
    expect(result.blockers).toContain('incumbent');
    // The incumbent's label, "The incumbent registry, which runs most of the names", is cut at its
    // comma and its article put in lower case inside the sentence; a generated registrar has no
    // label and keeps its id.
    const named = result.blockers.map((id) => (id === 'incumbent' ? 'the incumbent registry' : id));
    expect(shown).toBe(headline({ ...result, blockers: named }));
    expect(shown).toContain('the incumbent registry');
    expect(t.errors).toEqual([]);
    await t.page.close();
  });
});
