/**
 * `npx tsx bench/phases.ts [N] [D]`: where a round's time goes, phase by phase, in nanoseconds per
 * stakeholder-round on the benchmark population (scenarios/population-scenario.ts), record off. Each
 * phase is timed on its own as `runRound` calls it, on a running state; the timers add a little.
 * Figures are printed, never asserted; BENCHMARKS.md records them.
 */
import { takeMeasures } from '../sim/measures.ts';
import { growAgenda } from '../sim/phases/agenda.ts';
import { attend } from '../sim/phases/attendance.ts';
import { adoptConcessions } from '../sim/kernel/evaluation-pass.ts';
import { decide } from '../sim/phases/decision.ts';
import { draftFromVoices } from '../sim/phases/drafting.ts';
import { evaluate } from '../sim/phases/evaluation.ts';
import { checkQuorum } from '../sim/phases/quorum.ts';
import { checkStall } from '../sim/phases/stall.ts';
import { createRun, stateOf } from '../sim/run.ts';
import { populationScenario } from '../scenarios/population-scenario.ts';

const n = Number(process.argv[2] ?? 100_000);
const d = Number(process.argv[3] ?? 8);
const rounds = Math.max(30, Math.round(30_000_000 / (n * Math.max(1, d / 2))));
const run = createRun(populationScenario(n, d), { seed: 1, record: false });
run.step(5);
const s = stateOf(run);
const phases = ['attendance (+ drafting sums)', 'quorum', 'drafting', 'evaluation (+ decision tally, concession)', 'decision', 'concession', 'agenda', 'stall and measures'];
const spent = new Float64Array(phases.length);
const now = () => Number(process.hrtime.bigint());
// Twice: the first pass warms the JIT up, the second is printed.
for (let pass = 0; pass < 2; pass++) {
  spent.fill(0);
  for (let r = 0; r < rounds; r++) {
    let t0 = now();
    const lap = (phase: number) => {
      const t1 = now();
      spent[phase] += t1 - t0;
      t0 = t1;
    };
    attend(s);
    lap(0);
    if (checkQuorum(s)) throw new Error('the benchmark population collapsed');
    lap(1);
    draftFromVoices(s);
    lap(2);
    evaluate(s);
    lap(3);
    if (decide(s)) throw new Error('the benchmark population adopted a text');
    lap(4);
    adoptConcessions(s);
    lap(5);
    growAgenda(s);
    lap(6);
    checkStall(s);
    takeMeasures(s);
    s.t++;
    lap(7);
  }
}
console.log(`ns per stakeholder-round by phase, N = ${n}, D = ${d}, ${rounds} rounds`);
let total = 0;
for (let k = 0; k < phases.length; k++) {
  total += spent[k];
  console.log(`${phases[k].padEnd(44)} ${(spent[k] / (n * rounds)).toFixed(1).padStart(6)}`);
}
console.log(`${'total'.padEnd(44)} ${(total / (n * rounds)).toFixed(1).padStart(6)}`);
