/**
 * Outcome classes and flags (MODEL.md section 6), read from the final state of a run.
 */
import { ROLE_BIT } from './population.ts';
import type { Flag, Outcome } from './result.ts';
import type { RunState } from './run-state.ts';

/** Utility a stakeholder's price must cost those who agreed, power-weighted, to count as extracted. */
export const PRICE_OF_BLOCKING = 0.05;
/** How much better a minority constituency must fare than everyone else to count as capture. */
export const CAPTURE_MARGIN = 0.25;
/** Share of all power that makes a stakeholder able to attack the outcome from outside. */
export const ATTACK_POWER_SHARE = 0.05;
/** Share of affected stakeholders that must be present at adoption. */
export const INCLUSION_FLOOR = 2 / 3;

function utility(s: RunState, i: number, point: ArrayLike<number>): number {
  const { d, ideal, salience } = s.pop;
  let dist = 0;
  for (let k = 0; k < d; k++) dist += salience[i * d + k] * Math.abs(ideal[i * d + k] - point[k]);
  return 1 - dist;
}

/** Power-weighted utility lost by those who agreed in the first blocked round, from then to adoption. */
export function priceOfBlocking(s: RunState): number {
  if (!s.firstBlock) return 0;
  const { consented, proposal } = s.firstBlock;
  let lost = 0;
  let weight = 0;
  for (let i = 0; i < s.pop.n; i++) {
    if (!consented[i]) continue;
    lost += s.pop.power[i] * (utility(s, i, proposal) - utility(s, i, s.proposal));
    weight += s.pop.power[i];
  }
  return weight > 0 ? lost / weight : 0;
}

export function classifyOutcome(s: RunState): Outcome {
  const adopted = s.adoptedRound !== null;
  if (s.blockedRounds > 0 && (!adopted || priceOfBlocking(s) >= PRICE_OF_BLOCKING)) return 'tyranny-of-the-minority';
  if (adopted) return s.support >= s.cond.roughConsensus ? 'rough-consensus' : 'contested-decision';
  if (s.end === 'collapse') return 'collapse';
  if (s.end === 'declared-failure') return 'declared-failure';
  return 'glacial-drift';
}

/** Flags qualify an adopted outcome; a run that adopted nothing has none. */
export function findFlags(s: RunState): Flag[] {
  if (s.adoptedRound === null) return [];
  const flags: Flag[] = [];
  if (isCaptured(s)) flags.push('capture');
  if (isExclusive(s)) flags.push('exclusion');
  if (attackers(s).length > 0) flags.push('collateral-attack');
  return flags;
}

const l1 = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += Math.abs(a[k] - b[k]);
  return sum;
};

export function isCaptured(s: RunState): boolean {
  const { pop, proposal } = s;
  const { n, d } = pop;
  const constituencies = s.scenario.constituencies.length;
  const mean = new Float64Array(d);
  const powerOf = new Float64Array(constituencies);
  const utilityOf = new Float64Array(constituencies);
  let total = 0;
  let totalUtility = 0;
  for (let i = 0; i < n; i++) {
    if (!s.involved[i]) continue;
    const w = pop.power[i];
    const u = utility(s, i, proposal);
    total += w;
    totalUtility += w * u;
    powerOf[pop.constituency[i]] += w;
    utilityOf[pop.constituency[i]] += w * u;
    for (let k = 0; k < d; k++) mean[k] += w * pop.ideal[i * d + k];
  }
  if (total === 0) return false;
  for (let k = 0; k < d; k++) mean[k] /= total;
  if (s.cond.preferred && l1(proposal, s.cond.preferred) < l1(proposal, mean)) return true;
  for (let c = 0; c < constituencies; c++) {
    const rest = total - powerOf[c];
    if (powerOf[c] === 0 || powerOf[c] >= total / 2 || rest <= 0) continue;
    const own = utilityOf[c] / powerOf[c];
    const others = (totalUtility - utilityOf[c]) / rest;
    if (own - others >= CAPTURE_MARGIN) return true;
  }
  return false;
}

export function isExclusive(s: RunState): boolean {
  const { pop } = s;
  const constituencies = s.scenario.constituencies.length;
  const affectedIn = new Int32Array(constituencies);
  const presentIn = new Int32Array(constituencies);
  let affected = 0;
  let present = 0;
  for (let i = 0; i < pop.n; i++) {
    if (!s.affected[i]) continue;
    affected++;
    present += s.present[i];
    affectedIn[pop.constituency[i]]++;
    presentIn[pop.constituency[i]] += s.present[i];
  }
  for (let c = 0; c < constituencies; c++) if (affectedIn[c] > 0 && presentIn[c] === 0) return true;
  return affected > 0 && present < INCLUSION_FLOOR * affected;
}

/** Stakeholders that go around the process: an implementer or a powerful stakeholder whose outside option beats the outcome. */
export function attackers(s: RunState): number[] {
  if (!s.cond.sideChannel || s.adoptedRound === null) return [];
  const { pop } = s;
  let totalPower = 0;
  for (let i = 0; i < pop.n; i++) totalPower += pop.power[i];
  const found: number[] = [];
  for (let i = 0; i < pop.n; i++) {
    const able = (pop.roles[i] & ROLE_BIT.implements) !== 0 || pop.power[i] >= ATTACK_POWER_SHARE * totalPower;
    if (able && pop.outside[i] > utility(s, i, s.proposal)) found.push(i);
  }
  return found;
}
