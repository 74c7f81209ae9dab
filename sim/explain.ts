/**
 * One or two sentences a student understands, saying why a run ended as it did. The numbers come
 * from the same state the record is written from: blockers and blocked rounds, dropouts, best
 * support, the agenda, the flags.
 */
import { FRAGMENTED_VOICE } from './conditions.ts';
import { attackers, priceOfBlocking } from './outcome.ts';
import type { RunResult } from './result.ts';
import type { RunState } from './run-state.ts';
import { LEFT } from './phases/leaving.ts';

import { percent as pct, plural, undecidedPhrase } from './words.ts';

export function describeRule(s: RunState): string {
  const { rule, threshold } = s.cond;
  if (rule === 'rough-consensus') return `rough consensus (${pct(threshold)})`;
  if (rule === 'supermajority') return `a ${pct(threshold)} supermajority`;
  return rule;
}

function involvedPower(s: RunState): number {
  let total = 0;
  for (let i = 0; i < s.pop.n; i++) if (s.involved[i]) total += s.pop.power[i];
  return total;
}

/** The minority: those who blocked in the latest blocked round, set against everyone involved. */
function blockerSummary(s: RunState): string {
  let involved = 0;
  for (let i = 0; i < s.pop.n; i++) involved += s.involved[i];
  let power = 0;
  for (const i of s.lastBlockers) power += s.pop.power[i];
  const count = s.lastBlockers.length;
  const total = involvedPower(s);
  return `${count} of ${involved} stakeholders, holding ${pct(total > 0 ? power / total : 0)} of the power, objected in ${plural(s.blockedRounds, 'round')} under ${describeRule(s)}`;
}

function endPhrase(s: RunState): string {
  return undecidedPhrase({ end: s.end!, rounds: s.t, deadline: s.cond.deadline });
}

function droppedOut(s: RunState): number {
  let count = 0;
  // Out for good for want of money: not those who declined or walked out.
  for (let i = 0; i < s.pop.n; i++) count += s.dropped[i] & (s.left[i] === 0 ? 1 : 0);
  return count;
}

/** Who declined or walked out (model 2), named as the page names them: label, else id. */
function leavingSentences(s: RunState): string[] {
  const named = (reason: number) => {
    const who: string[] = [];
    for (let i = 0; i < s.pop.n; i++) if (s.left[i] === reason) who.push(labelOf(s, i));
    return who.length <= 3 ? listWords(who) : `${who.slice(0, 3).join(', ')} and ${who.length - 3} more`;
  };
  const count = (reason: number) => s.left.reduce((sum, v) => sum + (v === reason ? 1 : 0), 0);
  const notes: string[] = [];
  const declined = count(LEFT.declined);
  if (declined > 0) {
    notes.push(`${capitalize(named(LEFT.declined))} declined: no text inside the convenor's limits could give ${declined === 1 ? 'it' : 'them'} what ${declined === 1 ? 'it gets' : 'they get'} outside.`);
  }
  const walked = count(LEFT.walkedOut);
  if (walked > 0) {
    notes.push(`${capitalize(named(LEFT.walkedOut))} walked out: for ${plural(s.cond.exitRounds ?? 0, 'round')} in a row no draft gave ${walked === 1 ? 'it' : 'them'} what ${walked === 1 ? 'it gets' : 'they get'} by going around it.`);
  }
  return notes;
}

/** A named stakeholder's label, else its id. */
function labelOf(s: RunState, i: number): string {
  const id = s.pop.id(i);
  const entry = s.scenario.stakeholders.find((e) => 'id' in e && e.id === id) as { label?: string } | undefined;
  return entry?.label ?? id;
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function flagSentences(s: RunState, result: RunResult): string[] {
  const notes: string[] = [];
  if (result.flags.includes('capture')) {
    notes.push(
      s.cond.preferred
        ? 'Flagged for capture: the adopted text sits nearer the convenor\'s own preferred point than the stakeholders\' mean interests.'
        : 'Flagged for capture: one constituency holding less than half the power gained far more than everyone else.',
    );
  }
  if (result.flags.includes('exclusion')) {
    notes.push(`Flagged for exclusion: only ${pct(result.inclusion)} of the affected stakeholders were in the room at adoption.`);
  }
  if (result.flags.includes('collateral-attack')) {
    const ids = attackers(s).map((i) => s.pop.id(i));
    const named = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ` and ${ids.length - 3} more` : '');
    notes.push(`Flagged for collateral attack: ${named} can do better outside the process and has a side channel to go around it.`);
  }
  return notes;
}

export function explain(s: RunState, result: RunResult): string {
  const parts: string[] = [];
  const best = `support peaked at ${pct(s.bestSupport)} in round ${s.bestSupportRound}`;
  switch (result.outcome) {
    case 'tyranny-of-the-minority':
      if (result.adopted) {
        parts.push(
          `Blocked, then bought off: ${blockerSummary(s)}; the text adopted at round ${result.adopted.round} cost those who had agreed in round ${s.firstBlock!.round} ${pct(priceOfBlocking(s))} of their utility.`,
        );
      } else {
        parts.push(`Blocked: ${blockerSummary(s)}; nothing was adopted ${endPhrase(s)}.`);
      }
      break;
    case 'rough-consensus':
      parts.push(
        `Rough consensus at round ${result.adopted!.round}: supporters held ${pct(result.adopted!.support)} of the deciding ${s.cond.byHead ? 'heads' : 'power'} under ${describeRule(s)}${result.blockedRounds > 0 ? `, after ${plural(result.blockedRounds, 'blocked round')}` : ''}.`,
      );
      break;
    case 'contested-decision':
      parts.push(
        `Contested decision at round ${result.adopted!.round}: adopted under ${describeRule(s)} with ${pct(result.adopted!.support)} support, short of the ${pct(s.cond.roughConsensus)} that rough consensus needs.`,
      );
      break;
    case 'collapse': {
      const dropped = droppedOut(s);
      parts.push(
        `Collapse at round ${s.t - 1}: fewer than ${pct(s.cond.quorum)} of the invited ${s.cond.byHead ? 'stakeholders' : 'power'} were present for three rounds in a row${dropped > 0 ? `; ${plural(dropped, 'stakeholder')} had dropped out, unable to pay to attend` : ''}.`,
      );
      break;
    }
    case 'declared-failure':
      parts.push(
        `Declared failure at round ${s.t - 1}: ${best} and gained less than ${pct(s.cond.minGain)} in the last ${plural(s.cond.stallRounds, 'round')}.`,
      );
      break;
    case 'glacial-drift':
      parts.push(
        `Glacial drift: nothing was decided ${endPhrase(s)}; ${best}, and ${plural(s.openItems, 'item')} remained open.`,
      );
      break;
  }
  const unorganized = s.scenario.constituencies.filter((_, c) => !s.organized[c]).map((c) => c.label ?? c.id);
  if (unorganized.length > 0 && result.outcome !== 'rough-consensus') {
    parts.push(`${unorganized.join(' and ')} never organized, so spoke with ${pct(FRAGMENTED_VOICE)} of their voice.`);
  }
  parts.push(...leavingSentences(s));
  parts.push(...flagSentences(s, result));
  return parts.join(' ');
}
