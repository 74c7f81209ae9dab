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
 * The blockers of a round are the objections that made the rule fail: under unanimity every
 * decider that does not fully support; under rough consensus with enough support, the implementers
 * whose objections were not addressed (they are always sustained); otherwise every objection of a
 * decider that was not addressed.
 */
function recordBlock(s: RunState): void {
  const { pop, t, cond } = s;
  const unanimity = cond.rule === 'unanimity';
  const vetoOnly = cond.rule === 'rough-consensus' && s.support >= cond.threshold;
  const blockers: string[] = [];
  const consented = s.firstBlock ? null : new Uint8Array(pop.n);
  for (let i = 0; i < pop.n; i++) {
    const stance = s.stance[i];
    if (stance === STANCE.absent) continue;
    const blocks = unanimity
      ? s.decides[i] && stance !== STANCE.supports
      : vetoOnly
        ? s.implementer[i] && stance >= STANCE.objects
        : s.decides[i] && stance >= STANCE.objects;
    if (blocks) {
      s.blockedCount[i]++;
      if (s.record.enabled) blockers.push(pop.id(i));
    } else if (consented && s.decides[i] && stance <= STANCE.addressed) consented[i] = 1;
  }
  s.blockedRounds++;
  if (consented) s.firstBlock = { round: t, proposal: s.proposal.slice(), consented };
  s.record.add({ round: t, type: 'blocked', stakeholders: blockers, value: s.support });
}
