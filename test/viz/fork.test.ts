/**
 * Fork from here (what-if issue, points 3 and 4), in Chromium: pause at a round, tick "What if",
 * change a condition, and the page shows the meeting as it was and the fork side by side from
 * that round, with both outcomes, the same as `convene run --fork-at ROUND --set PATH=VALUE`
 * prints them, bit for bit; the address holds the fork (`fork=ROUND`, `fork.set.PATH=VALUE`) and
 * opening it shows the same two endings.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAVE_BROWSER, ROOT, SCREENSHOTS, useSite } from './browser.ts';

interface Ending {
  outcome: string;
  rounds: number;
  adopted: { position: number[] } | null;
}

function cliFork(id: string, seed: number, at: number, sets: string[]): { original: Ending; fork: Ending } {
  const args = ['bin/convene.js', 'run', `scenarios/${id}.yaml`, '--seed', String(seed), '--fork-at', String(at), '--json', ...sets.flatMap((s) => ['--set', s])];
  const out = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`convene ${args.join(' ')} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

const NO_VETO = 'constituencies[0].roles=[defines, affected, involved, decides]';
const shown = (e: Ending) => [e.outcome, String(e.rounds), JSON.stringify(e.adopted ? e.adopted.position : null)];

describe.skipIf(!HAVE_BROWSER)('fork from here, in Chromium', () => {
  const site = useSite();

  it('forks the meeting at the round shown under a changed condition, as the command line does', async () => {
    const expected = cliFork('tyranny-of-the-minority', 3, 20, [NO_VETO]);
    // The veto matters: the fork ends otherwise than the meeting as it was.
    expect(expected.fork.outcome).not.toBe(expected.original.outcome);
    const t = await site.open('?scenario=tyranny-of-the-minority&seed=3', { width: 1366, height: 768 });
    const { page } = t;
    await page.locator('h1').click();
    for (let k = 1; k <= 20; k++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), k);
    }
    await page.getByTestId('fork-mode').check();
    await page.locator('#conditions input[data-path="constituencies[0].roles"]').uncheck();
    await page.waitForSelector('#fork .compare-card[data-outcome] + .compare-card[data-outcome]');
    // The room stays on the meeting as it was, at round 20.
    expect(await page.getByTestId('round').getAttribute('data-round')).toBe('20');
    const cards = await page.locator('#fork .compare-card').evaluateAll((cs) => cs.map((c) => [(c as HTMLElement).dataset.outcome, (c as HTMLElement).dataset.rounds, (c as HTMLElement).dataset.adopted]));
    expect(cards).toEqual([shown(expected.original), shown(expected.fork)]);
    expect(await page.locator('#fork .compare-card h3').nth(1).textContent()).toMatch(/^Changed from round 20 on: /);
    expect(await page.locator('#fork .fork-line').count()).toBe(2);
    const url = new URL(page.url());
    expect(url.searchParams.get('fork')).toBe('20');
    expect(url.searchParams.get('fork.set.constituencies[0].roles')).toBe('[defines, affected, involved, decides]');
    // The conditions as they were: the run itself was not changed.
    expect(url.searchParams.has('set.constituencies[0].roles')).toBe(false);
    await page.locator('#fork-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'fork-1366x768.png') });

    // The link alone makes the same fork.
    const again = await site.page({ width: 1366, height: 768 });
    await again.page.goto(page.url());
    await again.page.waitForSelector('#fork .compare-card[data-outcome] + .compare-card[data-outcome]');
    const cards2 = await again.page.locator('#fork .compare-card').evaluateAll((cs) => cs.map((c) => [(c as HTMLElement).dataset.outcome, (c as HTMLElement).dataset.rounds, (c as HTMLElement).dataset.adopted]));
    expect(cards2).toEqual(cards);
    expect(await again.page.getByTestId('round').getAttribute('data-round')).toBe('20');
    expect(again.errors).toEqual([]);
    expect(t.errors).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('says why a fork cannot be made after the meeting has ended', async () => {
    const t = await site.open(`?scenario=tyranny-of-the-minority&seed=3&fork=500&fork.set.${encodeURIComponent('convenor.goodEnough')}=0.05`);
    await t.page.waitForSelector('#fork .errors');
    expect(await t.page.locator('#fork .errors').textContent()).toMatch(/the meeting ended after round \d+, before round 500: fork at an earlier round/);
    expect(t.errors).toEqual([]);
    await t.page.close();
  });
});
