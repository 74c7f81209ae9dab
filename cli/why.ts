/**
 * `convene run FILE --why STAKEHOLDER`: one stakeholder's meeting, round by round, in words (as
 * KTAB answers "why did this actor move"): what it stated, what it asked for (its aspiration)
 * against what the text gave it, whether it engaged, supported or objected and by how much, and
 * why it declined, walked out or dropped out. Read through the run's observations only.
 */
import { createRun, LEFT, STANCE, type RunEvent, type Scenario } from '../sim/index.ts';
import { plainText } from './io.ts';

const fixed = (x: number) => x.toFixed(3);

/** The stakeholder `id`'s rounds, or null when no stakeholder has that id. */
export function formatWhy(scenario: Scenario, seed: number | undefined, id: string): string | null {
  const run = createRun(scenario, { seed, record: true, keepSeries: false });
  const setting = run.setting();
  const i = setting.indexOf(id);
  if (i < 0) return null;
  const { d } = setting;
  const issues = scenario.issues.map((issue) => issue.id);
  const point = (a: ArrayLike<number>, from: number) =>
    Array.from({ length: d }, (_, k) => `${issues[k]} ${fixed(a[from + k])}`).join(', ');

  const lines = [
    `${plainText(id)}: ideal ${point(setting.ideal, i * d)}; power ${fixed(setting.power[i])} (leverage ${fixed(setting.leverage[i])}); ` +
      `bottom line ${fixed(setting.floor[i])}${setting.outsideFloor[i] > 0 ? `, outside floor ${fixed(setting.outsideFloor[i])}` : ''}; ` +
      `engages with a text within ${fixed(setting.openness[i])} of its ideal.`,
  ];
  let seen = 0;
  let gone = false;
  while (!run.done && !gone) {
    const t = run.round;
    run.step();
    const room = run.observe();
    const mine = room.events.slice(seen).filter((e) => e.stakeholder === id);
    seen = room.events.length;
    const said = `says ${point(room.position, i * d)}`;
    const parts: string[] = [];
    const st = room.stance[i];
    if (room.left[i] === LEFT.declined) parts.push(declinedWords(mine));
    else if (st === STANCE.absent) parts.push(absentWords(mine, room.dropped[i] === 1, room.left[i]));
    else {
      const asks = room.aspiration[i];
      const gets = 1 - room.distance[i];
      const ask = `asks ${fixed(asks)}, the text gives ${fixed(gets)}`;
      if (st === STANCE.disengaged) {
        parts.push(`does not engage: the text is ${fixed(room.distance[i])} from its ideal, beyond its openness ${fixed(setting.openness[i])} (${ask}); no voice in the next draft; ${said} (its ideal)`);
      } else if (st === STANCE.supports) parts.push(`supports (${ask}); ${said}`);
      else if (st === STANCE.addressed) parts.push(`objects by ${fixed(asks - gets)}, within good enough, so it counts as support (${ask}); ${said}`);
      else parts.push(`objects, short by ${fixed(asks - gets)} (${ask}); ${said}`);
      for (const e of mine) if (e.type === 'walked-out' || e.type === 'dropped-out') parts.push(leavingWords(e));
      if (mine.some((e) => e.type === 'chair-elected')) parts.push('is elected its caucus\'s chair');
    }
    lines.push(`round ${t}: ${parts.join('; ')}.`);
    if (room.left[i] !== LEFT.in && st === STANCE.absent) gone = true;
  }
  if (gone && !run.done) lines.push(`It takes no further part; the meeting goes on until round ${run.finish().rounds - 1}.`);
  return lines.join('\n') + '\n';
}

function declinedWords(mine: RunEvent[]): string {
  const e = mine.find((x) => x.type === 'declined');
  const detail = e?.utility !== undefined && e.floor !== undefined ? ` (the best text in the box gives it ${fixed(e.utility)}, its bottom line is ${fixed(e.floor)})` : '';
  return `declines the invitation: no text inside the convenor's limits could give it what it gets outside${detail}`;
}

function absentWords(mine: RunEvent[], dropped: boolean, left: number): string {
  const walked = mine.find((e) => e.type === 'walked-out');
  if (walked) return leavingWords(walked);
  const out = mine.find((e) => e.type === 'dropped-out');
  if (out) return leavingWords(out);
  if (dropped || left !== LEFT.in) return 'is out for good';
  return 'is absent: it could not afford the meeting, or stayed away this round';
}

function leavingWords(e: RunEvent): string {
  if (e.type === 'walked-out') {
    return `walks out for good: the text has given it less than its outside floor for too long${e.utility !== undefined && e.floor !== undefined ? ` (${fixed(e.utility)} against ${fixed(e.floor)})` : ''}`;
  }
  return 'drops out for good: it could not afford to attend three rounds in a row';
}
