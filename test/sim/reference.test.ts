/**
 * The two fused passes over the stakeholders, in TypeScript and in WebAssembly, against the
 * model's formulas taken one at a time (reference.ts): the same numbers, bit for bit, in every
 * round of runs that exercise every branch (absence, dropping out, caucuses organizing late,
 * disengaged and addressed objections, deadlines). A change to one pass that the formulas do not
 * make fails here even when both twins change alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptConcessions, EVALUATION_SUMS as SUM } from '../../sim/kernel/evaluation-pass.ts';
import { attend } from '../../sim/phases/attendance.ts';
import { growAgenda } from '../../sim/phases/agenda.ts';
import { decide } from '../../sim/phases/decision.ts';
import { draftFromVoices } from '../../sim/phases/drafting.ts';
import { evaluate } from '../../sim/phases/evaluation.ts';
import { checkQuorum } from '../../sim/phases/quorum.ts';
import { checkStall } from '../../sim/phases/stall.ts';
import { takeMeasures } from '../../sim/measures.ts';
import { STANCE, type RunState } from '../../sim/run-state.ts';
import { createRun, stateOf } from '../../sim/run.ts';
import { loadScenario, type Scenario } from '../../sim/scenario/index.ts';
import { populationScenario } from '../../scenarios/population-scenario.ts';
import { aspiration, concededPoint, sumVoices } from './reference.ts';

/** Runs a round phase by phase, checking each pass as it goes; returns how many stakeholder-rounds it checked. */
function checkRounds(scenario: Scenario, kernel: boolean, rounds: number, seed = 3): { rounds: number; checked: number } {
  const s: RunState = stateOf(createRun(scenario, { seed, kernel, record: false }));
  expect(s.kernel !== null).toBe(kernel);
  const { n, d } = s.pop;
  let checked = 0;
  for (let r = 0; r < rounds; r++) {
    attend(s);
    if (checkQuorum(s)) return { rounds: r, checked };
    if (s.t > 0) {
      const { voices, sums } = sumVoices(s);
      expect(s.voices, `round ${r}: voices`).toBe(voices);
      expect(Array.from(s.scratch), `round ${r}: drafting sums`).toEqual(Array.from(sums));
    }
    draftFromVoices(s);
    const stated = Float64Array.from(s.position);
    evaluate(s);
    let deciding = 0;
    let yes = 0;
    for (let i = 0; i < n; i++) {
      if (!s.present[i]) {
        expect(s.stance[i]).toBe(STANCE.absent);
        continue;
      }
      const ideal = s.pop.ideal.subarray(i * d, (i + 1) * d);
      const a = aspiration(s.floor[i], s.felt[i], s.horizonFelt[i], s.pop.concession[i], s.leverage[i]);
      expect(s.aspiration[i], `round ${r}, stakeholder ${i}: aspiration`).toBe(a);
      const next = Array.from(s.nextPosition.subarray(i * d, (i + 1) * d));
      if (s.stance[i] === STANCE.disengaged) expect(next).toEqual(Array.from(ideal));
      else expect(next, `round ${r}, stakeholder ${i}: conceded point`).toEqual(concededPoint(ideal, s.proposal, s.floor[i], s.felt[i], s.horizonFelt[i], s.pop.concession[i]));
      if (s.decides[i]) {
        deciding += s.weight[i];
        if (s.stance[i] <= STANCE.addressed) yes += s.weight[i];
      }
      checked++;
    }
    expect(s.sums[SUM.deciding], `round ${r}: deciding weight`).toBe(deciding);
    expect(s.sums[SUM.yes], `round ${r}: yes weight`).toBe(yes);
    // The stated positions are untouched until the round goes on.
    expect(s.position).toEqual(stated);
    if (decide(s)) return { rounds: r + 1, checked };
    adoptConcessions(s);
    growAgenda(s);
    const end = checkStall(s);
    takeMeasures(s);
    s.t++;
    if (end !== null) return { rounds: r + 1, checked };
  }
  return { rounds, checked };
}

describe('the passes against the formulas one at a time', () => {
  // 1,200 stakeholders: above the kernel's and the memo's thresholds, so both paths run both ways.
  for (const d of [1, 3, 8]) {
    for (const kernel of [false, true]) {
      it(`a population of 1,200 over ${d} issue(s), ${kernel ? 'in WebAssembly' : 'in TypeScript'}`, () => {
        const { checked } = checkRounds(populationScenario(1200, d), kernel, 25);
        // Every round checked hundreds of present stakeholders (a quarter or more attend).
        expect(checked).toBeGreaterThan(25 * 300);
      });
    }
  }
});

describe('the passes of every bundled scenario against the formulas', () => {
  const folder = join(import.meta.dirname, '../../scenarios');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
    it(file, () => {
      const loaded = loadScenario(readFileSync(join(folder, file), 'utf8'), { filename: file });
      if (!loaded.ok) throw new Error(`${file} does not validate`);
      for (const seed of [1, 2, 3]) {
        for (const kernel of [false, true]) {
          const { rounds } = checkRounds(loaded.scenario, kernel, 400, seed);
          expect(rounds).toBeGreaterThan(0);
        }
      }
    });
  }
});
