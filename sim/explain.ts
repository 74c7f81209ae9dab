/**
 * One or two sentences a student understands, saying why a run ended as it did. The numbers come
 * from the same state the record is written from: blockers and blocked rounds, dropouts, best
 * support, the agenda, the flags. The sentences themselves are `ExplainWords`: English here, and
 * another language's from the page's catalogue (viz/messages), with the same facts.
 */
import { FRAGMENTED_VOICE } from './conditions.ts';
import { attackers, priceOfBlocking } from './outcome.ts';
import type { End, RunResult } from './result.ts';
import type { RunState } from './run-state.ts';
import { LEFT } from './phases/leaving.ts';

import { percent, plural, undecidedPhrase } from './words.ts';

/** The facts of the rule a run decided under. */
export interface RuleFacts {
  rule: string;
  threshold: number;
}

/** Who blocked in the latest blocked round, set against everyone involved. */
export interface BlockerFacts {
  count: number;
  involved: number;
  powerShare: number;
  blockedRounds: number;
  rule: RuleFacts;
}

/** The sentences of an explanation, each given its facts. */
export interface ExplainWords {
  pct(share: number): string;
  rule(r: RuleFacts): string;
  blockers(b: BlockerFacts): string;
  /** "by the deadline at round 60": when nothing was decided, by when. */
  undecided(f: { end: End; rounds: number; deadline: number | null }): string;
  /** "the first, the second and 3 more". */
  list(names: readonly string[]): string;
  /** "8 from Privacy and consumer groups": several of a constituency, none of them with a label. */
  crowd(f: { count: number; group: string }): string;
  boughtOff(f: { blockers: string; adoptedRound: number; firstBlockRound: number; price: number }): string;
  blocked(f: { blockers: string; undecided: string }): string;
  roughConsensus(f: { round: number; support: number; byHead: boolean; rule: string; blockedRounds: number }): string;
  contested(f: { round: number; support: number; rule: string; roughConsensus: number }): string;
  collapse(f: { round: number; quorum: number; byHead: boolean; dropped: number }): string;
  declaredFailure(f: { round: number; bestSupport: number; bestRound: number; minGain: number; stallRounds: number }): string;
  glacialDrift(f: { undecided: string; bestSupport: number; bestRound: number; openItems: number }): string;
  unorganized(f: { constituencies: readonly string[]; voice: number }): string;
  declined(f: { who: string; count: number }): string;
  walkedOut(f: { who: string; count: number; rounds: number }): string;
  captureByConvenor: string;
  captureByFew: string;
  exclusion(f: { inclusion: number }): string;
  /** `who`: the ids of those who can go around it. */
  collateralAttack(f: { who: readonly string[] }): string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const listWords = (items: readonly string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

export const ENGLISH_EXPLANATION: ExplainWords = {
  pct: percent,
  rule: ({ rule, threshold }) =>
    rule === 'rough-consensus' ? `rough consensus (${percent(threshold)})` : rule === 'supermajority' ? `a ${percent(threshold)} supermajority` : rule,
  blockers: (b) =>
    `${b.count} of ${b.involved} stakeholders, holding ${percent(b.powerShare)} of the power, objected in ${plural(b.blockedRounds, 'round')} under ${ENGLISH_EXPLANATION.rule(b.rule)}`,
  undecided: undecidedPhrase,
  list: (names) => (names.length <= 3 ? listWords(names, 'and') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`),
  crowd: (f) => `${f.count} from ${f.group}`,
  boughtOff: (f) =>
    `Blocked, then bought off: ${f.blockers}; the text adopted at round ${f.adoptedRound} cost those who had agreed in round ${f.firstBlockRound} ${percent(f.price)} of their utility.`,
  blocked: (f) => `Blocked: ${f.blockers}; nothing was adopted ${f.undecided}.`,
  roughConsensus: (f) =>
    `Rough consensus at round ${f.round}: supporters held ${percent(f.support)} of the deciding ${f.byHead ? 'heads' : 'power'} under ${f.rule}${f.blockedRounds > 0 ? `, after ${plural(f.blockedRounds, 'blocked round')}` : ''}.`,
  contested: (f) =>
    `Contested decision at round ${f.round}: adopted under ${f.rule} with ${percent(f.support)} support, short of the ${percent(f.roughConsensus)} that rough consensus needs.`,
  collapse: (f) =>
    `Collapse at round ${f.round}: fewer than ${percent(f.quorum)} of the invited ${f.byHead ? 'stakeholders' : 'power'} were present for three rounds in a row${f.dropped > 0 ? `; ${plural(f.dropped, 'stakeholder')} had dropped out, unable to pay to attend` : ''}.`,
  declaredFailure: (f) =>
    `Declared failure at round ${f.round}: support peaked at ${percent(f.bestSupport)} in round ${f.bestRound} and gained less than ${percent(f.minGain)} in the last ${plural(f.stallRounds, 'round')}.`,
  glacialDrift: (f) =>
    `Glacial drift: nothing was decided ${f.undecided}; support peaked at ${percent(f.bestSupport)} in round ${f.bestRound}, and ${plural(f.openItems, 'item')} remained open.`,
  unorganized: (f) => `${f.constituencies.join(' and ')} never organized, so spoke with ${percent(f.voice)} of their voice.`,
  declined: (f) =>
    `${capitalize(f.who)} declined: no text inside the convenor's limits could give ${f.count === 1 ? 'it' : 'them'} what ${f.count === 1 ? 'it gets' : 'they get'} outside.`,
  walkedOut: (f) =>
    `${capitalize(f.who)} walked out: for ${plural(f.rounds, 'round')} in a row no draft gave ${f.count === 1 ? 'it' : 'them'} what ${f.count === 1 ? 'it gets' : 'they get'} by going around it.`,
  captureByConvenor: "Flagged for capture: the adopted text sits nearer the convenor's own preferred point than the stakeholders' mean interests.",
  captureByFew: 'Flagged for capture: one constituency holding less than half the power gained far more than everyone else.',
  exclusion: (f) => `Flagged for exclusion: only ${percent(f.inclusion)} of the affected stakeholders were in the room at adoption.`,
  collateralAttack: (f) =>
    `Flagged for collateral attack: ${f.who.slice(0, 3).join(', ')}${f.who.length > 3 ? ` and ${f.who.length - 3} more` : ''} can do better outside the process and has a side channel to go around it.`,
};

export function describeRule(s: RunState, w: ExplainWords = ENGLISH_EXPLANATION): string {
  return w.rule({ rule: s.cond.rule, threshold: s.cond.threshold });
}

function involvedPower(s: RunState): number {
  let total = 0;
  for (let i = 0; i < s.pop.n; i++) if (s.involved[i]) total += s.pop.power[i];
  return total;
}

/** The minority: those who blocked in the latest blocked round, set against everyone involved. */
function blockerSummary(s: RunState, w: ExplainWords): string {
  let involved = 0;
  for (let i = 0; i < s.pop.n; i++) involved += s.involved[i];
  let power = 0;
  for (const i of s.lastBlockers) power += s.pop.power[i];
  const total = involvedPower(s);
  return w.blockers({
    count: s.lastBlockers.length,
    involved,
    powerShare: total > 0 ? power / total : 0,
    blockedRounds: s.blockedRounds,
    rule: { rule: s.cond.rule, threshold: s.cond.threshold },
  });
}

function droppedOut(s: RunState): number {
  let count = 0;
  // Out for good for want of money: not those who declined or walked out.
  for (let i = 0; i < s.pop.n; i++) count += s.dropped[i] & (s.left[i] === 0 ? 1 : 0);
  return count;
}

/**
 * Who declined or walked out (model 2), named as the page names them: label, else id. Several of
 * one constituency with no label of their own (generated stakeholders, named only by ids such as
 * "group-4") are named by their constituency and counted instead, after those of it who have a
 * label: "8 from Privacy and consumer groups walked out", not "Group-1, group-2, group-3 and 5
 * more".
 */
function leavingSentences(s: RunState, w: ExplainWords): string[] {
  const who = (reason: number) => {
    const byConstituency = new Map<number, number[]>();
    for (let i = 0; i < s.pop.n; i++) {
      if (s.left[i] !== reason) continue;
      const c = s.pop.constituency[i];
      const members = byConstituency.get(c);
      if (members) members.push(i);
      else byConstituency.set(c, [i]);
    }
    const names: string[] = [];
    let count = 0;
    for (const [c, members] of byConstituency) {
      count += members.length;
      const labels = members.map((i) => labelOf(s, i));
      const unnamed = members.filter((i, k) => labels[k] === s.pop.id(i)).length;
      for (let k = 0; k < members.length; k++) if (unnamed < 2 || labels[k] !== s.pop.id(members[k])) names.push(labels[k]);
      if (unnamed >= 2) {
        const constituency = s.scenario.constituencies[c];
        names.push(w.crowd({ count: unnamed, group: constituency.label ?? constituency.id }));
      }
    }
    return { names, count };
  };
  const notes: string[] = [];
  const declined = who(LEFT.declined);
  if (declined.count > 0) notes.push(w.declined({ who: w.list(declined.names), count: declined.count }));
  const walked = who(LEFT.walkedOut);
  if (walked.count > 0) notes.push(w.walkedOut({ who: w.list(walked.names), count: walked.count, rounds: s.cond.exitRounds ?? 0 }));
  return notes;
}

function labelOf(s: RunState, i: number): string {
  const id = s.pop.id(i);
  const entry = s.scenario.stakeholders.find((e) => 'id' in e && e.id === id) as { label?: string } | undefined;
  return entry?.label ?? id;
}

function flagSentences(s: RunState, result: RunResult, w: ExplainWords): string[] {
  const notes: string[] = [];
  if (result.flags.includes('capture')) notes.push(s.cond.preferred ? w.captureByConvenor : w.captureByFew);
  if (result.flags.includes('exclusion')) notes.push(w.exclusion({ inclusion: result.inclusion }));
  if (result.flags.includes('collateral-attack')) notes.push(w.collateralAttack({ who: attackers(s).map((i) => s.pop.id(i)) }));
  return notes;
}

export function explain(s: RunState, result: RunResult, w: ExplainWords = ENGLISH_EXPLANATION): string {
  const parts: string[] = [];
  const undecided = () => w.undecided({ end: s.end!, rounds: s.t, deadline: s.cond.deadline });
  const rule = describeRule(s, w);
  switch (result.outcome) {
    case 'tyranny-of-the-minority':
      parts.push(
        result.adopted
          ? w.boughtOff({ blockers: blockerSummary(s, w), adoptedRound: result.adopted.round, firstBlockRound: s.firstBlock!.round, price: priceOfBlocking(s) })
          : w.blocked({ blockers: blockerSummary(s, w), undecided: undecided() }),
      );
      break;
    case 'rough-consensus':
      parts.push(w.roughConsensus({ round: result.adopted!.round, support: result.adopted!.support, byHead: s.cond.byHead, rule, blockedRounds: result.blockedRounds }));
      break;
    case 'contested-decision':
      parts.push(w.contested({ round: result.adopted!.round, support: result.adopted!.support, rule, roughConsensus: s.cond.roughConsensus }));
      break;
    case 'collapse':
      parts.push(w.collapse({ round: s.t - 1, quorum: s.cond.quorum, byHead: s.cond.byHead, dropped: droppedOut(s) }));
      break;
    case 'declared-failure':
      parts.push(w.declaredFailure({ round: s.t - 1, bestSupport: s.bestSupport, bestRound: s.bestSupportRound, minGain: s.cond.minGain, stallRounds: s.cond.stallRounds }));
      break;
    case 'glacial-drift':
      parts.push(w.glacialDrift({ undecided: undecided(), bestSupport: s.bestSupport, bestRound: s.bestSupportRound, openItems: s.openItems }));
      break;
  }
  const unorganized = s.scenario.constituencies.filter((_, c) => !s.organized[c]).map((c) => c.label ?? c.id);
  if (unorganized.length > 0 && result.outcome !== 'rough-consensus') parts.push(w.unorganized({ constituencies: unorganized, voice: FRAGMENTED_VOICE }));
  parts.push(...leavingSentences(s, w));
  parts.push(...flagSentences(s, result, w));
  return parts.join(' ');
}
