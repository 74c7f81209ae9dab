/**
 * Fork from here: a run's exact state, continued under changed conditions (the issue "what if
 * the convenor had acted at round 30?"). The fork has the same stakeholders, drawn again from the
 * run's seed exactly as they were, and everything the rounds so far made of them (stated
 * positions, felt time, money, who is present, who left, the agenda, the record, the measures,
 * the random stream's place); what the conditions decide (floors, horizons, weights, roles,
 * leverage, the box, the rule) comes from the new scenario. A fork with no change continues bit
 * for bit as the run itself would (test/sim/fork.test.ts).
 */
import { createRng } from './rng.ts';
import { createRunState, type RunState } from './run-state.ts';
import type { Scenario } from './scenario/schema.ts';

/** The state's fields that the scenario's conditions decide: the fork keeps the new scenario's. */
const FROM_CONDITIONS = new Set<string>([
  'scenario', 'pop', 'cond', 'rng', 'record', 'weight', 'involved', 'decides', 'implementer', 'affected',
  'floor', 'horizonFelt', 'leverage', 'outsideFloor', 'anyOutsideFloor', 'invitedWeight', 'affectedCount',
  // A cache of values the formulas give (the same either way), and where the arrays live.
  'memo', 'kernel', 'arenaBuffer', 'keepSeries',
]);

/** Why a scenario cannot continue a run of another, in words; '' when it can. */
export function forkMismatch(from: Scenario, to: Scenario): string {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(from.issues.map((i) => i.id), to.issues.map((i) => i.id))) return 'issues: a fork keeps the issues; it changes conditions';
  if (!same(from.constituencies.map((c) => c.id), to.constituencies.map((c) => c.id))) return 'constituencies: a fork keeps the constituencies (their roles and costs may change)';
  if (!same(from.stakeholders, to.stakeholders)) return 'stakeholders: a fork keeps who is there; it changes the conditions they meet under';
  return '';
}

/** The state of `s` (a run of `seed`) continued under `scenario`'s conditions. */
export function forkState(s: RunState, seed: number, scenario: Scenario): RunState {
  const why = forkMismatch(s.scenario, scenario);
  if (why) throw new Error(`cannot fork: ${why}`);
  // The same draws make the same stakeholders; the stream then goes on from where the run is.
  const next = createRunState(scenario, { record: s.record.enabled, rng: createRng(seed), kernel: s.kernel !== null, keepSeries: s.keepSeries });
  const rng = s.rng.fork();
  if (next.kernel) rng.moveTo(next.kernel.rng);
  next.rng = rng;
  const to = next as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(s)) {
    if (FROM_CONDITIONS.has(key)) continue;
    const target = to[key];
    if (ArrayBuffer.isView(value) && ArrayBuffer.isView(target)) (target as unknown as Float64Array).set(value as unknown as Float64Array);
    else if (value !== null && typeof value === 'object') to[key] = cloned(value);
    else to[key] = value;
  }
  for (const event of s.record.events) next.record.add(cloned(event));
  return next;
}

/** A deep copy of the state's plain data: numbers, strings, arrays, typed arrays and records. */
function cloned<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return (value as unknown as Float64Array).slice() as unknown as T;
  if (Array.isArray(value)) return value.map(cloned) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = cloned(v);
  return out as T;
}
