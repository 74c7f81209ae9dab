/**
 * Time travel (teaching issue, point 4): after a run, the scrubber and the keys move the room, the
 * timeline and the minutes back and forth; the story's moments are buttons that go to their round.
 * What the page must show is read from the core's own record of the same run (reference, seed 1):
 * the first blocked round, a caucus that organized during the meeting, and the adoption.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, ROOT, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/reference.yaml'), 'utf8'));
if (!loaded.ok) throw new Error('reference.yaml does not load');
const result = runScenario(loaded.scenario, { seed: 1, events: true });
const events = result.events ?? [];
const firstBlocked = events.find((e) => e.type === 'blocked')!.round;
const lateCaucus = events.find((e) => e.type === 'caucus-formed' && e.round > 0)!.round;
/** Blocked rounds up to and including round r, as the timeline marks them. */
const blockedBy = (r: number) => events.filter((e) => e.type === 'blocked' && e.round <= r).length;

describe.skipIf(!HAVE_BROWSER)('time travel, in Chromium', () => {
  const site = useSite();

  it('goes back to a moment, steps with the keys, and comes back to the same end bit for bit', async () => {
    expect(result.adopted).not.toBeNull();
    const t = await site.open('?scenario=reference&seed=1&autoplay=1&speed=max', { width: 1366, height: 768 });
    const end = await waitForOutcome(t.page);
    expect(end.rounds).toBe(result.rounds);
    // At the end the counter, the outcome and the explanation name one round: an adoption in round
    // r ends a run of r + 1 rounds (RESULT.md: "an adoption in round 22 gives rounds: 23").
    const last = result.adopted!.round;
    expect(last).toBe(result.rounds - 1);
    expect(end.round).toBe(`Round ${last} · ${result.rounds} rounds run`);
    expect(end.text).toContain(`after ${result.rounds} rounds`);
    expect(end.text).toContain(`at round ${last}`);

    // The moments, in round order, as the record has them: the caucus, the first blocked round, the adoption.
    const moments = t.page.locator('#moments button.moment');
    const rounds = (await moments.evaluateAll((bs) => bs.map((b) => `${b.className.replace('moment moment-', '')}:${(b as HTMLElement).dataset.round}`))) as string[];
    expect(rounds).toEqual([`caucus:${lateCaucus}`, `blocked:${firstBlocked}`, `adopted:${result.adopted!.round}`]);
    expect(await t.page.locator('.moment-marks path').count()).toBe(3);

    // Go to the first blocked round: the room as it stood when that round was over.
    await t.page.locator('#moments button.moment-blocked').click();
    await t.page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), firstBlocked + 1);
    expect(await t.page.getByTestId('scrubber').inputValue()).toBe(String(firstBlocked + 1));
    expect(await t.page.getByTestId('outcome').getAttribute('data-state')).toBe('rewound');
    expect(await t.page.locator('.blocked-rounds rect').count()).toBe(blockedBy(firstBlocked));
    // The minutes end with that round; nothing from later rounds.
    const lastMinute = await t.page.locator('#minutes li .minute-round').last().textContent();
    expect(lastMinute).toBe(`Round ${firstBlocked}`);
    // Rounds are counted one way (from 0, as RESULT.md numbers them): the counter names the round
    // the moment and the minutes name, and says how many have run (one more, since round 0 is the first).
    expect(await t.page.getByTestId('round').textContent()).toBe(`Round ${firstBlocked} · ${firstBlocked + 1} rounds run`);
    expect(await t.page.locator('#moments button.moment-blocked').textContent()).toMatch(new RegExp(`^Round ${firstBlocked}: `));
    // What lies ahead stays on the timeline, faint, with the cursor where the room is.
    expect(await t.page.locator('.ghost-line').getAttribute('d')).toBeTruthy();
    expect(await t.page.locator('.cursor-line').getAttribute('display')).toBeNull();
    await t.page.screenshot({ path: join(SCREENSHOTS, 'time-travel-1366x768.png') });

    // The left arrow goes back a round, the right arrow forward (focus on the page, not a field).
    await t.page.locator('h1').click();
    await t.page.keyboard.press('ArrowLeft');
    await t.page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), firstBlocked);
    expect(await t.page.locator('.blocked-rounds rect').count()).toBe(blockedBy(firstBlocked - 1));
    await t.page.keyboard.press('ArrowRight');
    await t.page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), firstBlocked + 1);

    // The scrubber to its end: the same ending, the adopted point bit for bit.
    await t.page.getByTestId('scrubber').focus();
    await t.page.keyboard.press('End');
    const again = await waitForOutcome(t.page);
    expect([again.outcome, again.rounds, again.adopted]).toEqual([end.outcome, end.rounds, end.adopted]);
    expect(await t.page.locator('.blocked-rounds rect').count()).toBe(result.blockedRounds);
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('pauses a playing run when the scrubber is moved, and plays on from there', async () => {
    const t = await site.open('?scenario=reference&seed=1&speed=20', { width: 1366, height: 768 });
    await t.page.locator('#play').click();
    await t.page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="round"]')?.dataset.round) >= 12);
    await t.page.getByTestId('scrubber').focus();
    await t.page.keyboard.press('Home');
    await t.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '0');
    expect(await t.page.locator('#play').textContent()).toBe('Play');
    await t.page.locator('#speed').selectOption('max');
    await t.page.locator('#play').click();
    const end = await waitForOutcome(t.page);
    expect([end.outcome, end.rounds, end.adopted]).toEqual([result.outcome, result.rounds, result.adopted!.position]);
    expect(t.errors).toEqual([]);
    await t.page.close();
  });
});
