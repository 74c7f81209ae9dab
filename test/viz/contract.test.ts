/**
 * Every bundled scenario played to the end in Chromium, from the
 * address alone, shows the same outcome, round count and adopted point as `convene run` with the
 * same seed, bit for bit; so does a population large enough for the WebAssembly kernel.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTCOME_WORDS, type Outcome } from '../../sim/index.ts';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, useSite, ROOT, waitForOutcome } from './browser.ts';

const SCENARIOS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));
const SEED = 5;

function cliRun(id: string, seed: number, sets: string[] = []) {
  const args = ['bin/convene.js', 'run', `scenarios/${id}.yaml`, '--seed', String(seed), '--json', ...sets.flatMap((s) => ['--set', s])];
  const out = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`convene ${args.join(' ')} failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as { outcome: string; rounds: number; blockedRounds: number; adopted: { position: number[] } | null };
}

describe.skipIf(!HAVE_BROWSER)('the page and the command line agree', () => {
  const site = useSite();

  it('finds the bundled scenarios', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
  });

  it.each(SCENARIOS)('%s, played to the end, matches convene run bit for bit', async (id) => {
    const expected = cliRun(id, SEED);
    const { page, errors } = await site.page();
    await page.goto(`${site.url}?scenario=${id}&seed=${SEED}&autoplay=1&speed=max`);
    const shown = await waitForOutcome(page);
    expect(shown.outcome).toBe(expected.outcome);
    // The class id is in data-outcome; the text says it in words (sim/words.ts).
    expect(shown.text).toContain(OUTCOME_WORDS[expected.outcome as Outcome].title);
    expect(shown.rounds).toBe(expected.rounds);
    expect(shown.round).toContain(String(expected.rounds));
    expect(shown.adopted).toEqual(expected.adopted ? expected.adopted.position : null);
    // The timeline marks each blocked round.
    expect(await page.locator('.blocked-rounds rect').count()).toBe(expected.blockedRounds);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('agrees on a population of 2,000, whose core runs in WebAssembly in both', async () => {
    const sets = ['stakeholders[0].generate=1980'];
    const expected = cliRun('reference', 3, sets);
    const { page, errors } = await site.page();
    await page.goto(`${site.url}?scenario=reference&seed=3&set.${encodeURIComponent('stakeholders[0].generate')}=1980&autoplay=1&speed=max`);
    const shown = await waitForOutcome(page);
    expect(await page.locator('body').getAttribute('data-kernel')).toBe('true');
    expect([shown.outcome, shown.rounds, shown.adopted]).toEqual([expected.outcome, expected.rounds, expected.adopted?.position ?? null]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('applies set.PATH=VALUE overrides from the address like --set', async () => {
    const sets = ['convenor.rule={type: unanimity}', 'convenor.deadline=40'];
    const expected = cliRun('rough-consensus', 2, sets);
    const { page } = await site.page();
    const query = sets.map((s) => `set.${encodeURIComponent(s.slice(0, s.indexOf('=')))}=${encodeURIComponent(s.slice(s.indexOf('=') + 1))}`).join('&');
    await page.goto(`${site.url}?scenario=rough-consensus&seed=2&${query}&autoplay=1&speed=max`);
    const shown = await waitForOutcome(page);
    expect([shown.outcome, shown.rounds, shown.adopted]).toEqual([expected.outcome, expected.rounds, expected.adopted?.position ?? null]);
    await page.close();
  });
});
