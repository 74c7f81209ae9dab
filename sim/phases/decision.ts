/**
 * Phase 5, decision (MODEL.md 5.5). The support share counts those who support or whose objection
 * is addressed, among the present stakeholders that decide. A passing rule settles one open item;
 * settling the last one adopts the proposal. A round with rough-consensus-level support in which
 * the rule still fails is a blocked round, and its objectors are its blockers.
 */
import type { RunState } from '../run-state.ts';
import { STANCE } from '../run-state.ts';

/** Returns true when the proposal is adopted this round. */
export function decide(s: RunState): boolean {
  const { cond, record, t } = s;
  const { deciding, yes, heads, headsYes, anyObjection, implementerObjects } = s.tally;
  const support = deciding > 0 ? yes / deciding : 0;
  s.support = support;
  s.headSupport = heads > 0 ? headsYes / heads : 0;
  if (support > s.bestSupport) {
    s.bestSupport = support;
    s.bestSupportRound = t;
  }

  const passes = heads > 0 && rulePasses(cond.rule, cond.threshold, support, anyObjection, implementerObjects);
  s.passed = passes;
  if (passes) {
    s.openItems--;
    record.add({ round: t, type: 'item-settled', value: s.openItems });
    if (s.openItems === 0) {
      s.adoptedRound = t;
      if (record.enabled) record.add({ round: t, type: 'adopted', position: Array.from(s.proposal), value: support });
      return true;
    }
  } else if (support >= cond.roughConsensus) {
    recordBlock(s);
  }
  return false;
}

export function rulePasses(
  rule: RunState['cond']['rule'],
  threshold: number,
  support: number,
  anyObjection: boolean,
  implementerObjects: boolean,
): boolean {
  switch (rule) {
    case 'unanimity':
      return !anyObjection;
    case 'rough-consensus':
      return support >= threshold && !implementerObjects;
    case 'supermajority':
      return support >= threshold;
    case 'majority':
      return support > 0.5;
  }
}

/**
 * The blockers of a round are the objections that made the rule fail: under rough consensus with
 * enough support, the implementers whose objections were not addressed (they are always
 * sustained); otherwise the deciders whose objections were not addressed, or, under unanimity when
 * every objection was addressed, the deciders who still did not fully support.
 */
function recordBlock(s: RunState): void {
  const { pop, t, cond, stance, decides, implementer } = s;
  const vetoOnly = cond.rule === 'rough-consensus' && s.support >= cond.threshold;
  let blockers: number[] = [];
  for (let i = 0; i < pop.n; i++) {
    if (stance[i] >= STANCE.objects && (vetoOnly ? implementer[i] : decides[i])) blockers.push(i);
  }
  if (blockers.length === 0 && cond.rule === 'unanimity') {
    for (let i = 0; i < pop.n; i++) if (decides[i] && stance[i] === STANCE.addressed) blockers.push(i);
  }
  for (const i of blockers) s.blockedCount[i]++;
  s.blockedRounds++;
  s.lastBlockers = blockers;
  if (!s.firstBlock) {
    // Those who supported or consented (their objection addressed) in the first blocked round.
    const consented = new Uint8Array(pop.n);
    for (let i = 0; i < pop.n; i++) {
      if (decides[i] && (stance[i] === STANCE.supports || stance[i] === STANCE.addressed)) consented[i] = 1;
    }
    s.firstBlock = { round: t, proposal: s.proposal.slice(), consented };
  }
  if (s.record.enabled) {
    s.record.add({ round: t, type: 'blocked', stakeholders: blockers.map((i) => pop.id(i)), value: s.support });
  }
}
