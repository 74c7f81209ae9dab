/**
 * The product's words for what a run gives, in one place: outcome classes and flags by name, with
 * a sentence each; percentages; plurals; and the sentence for how a run ended. The explanation,
 * the command line's summaries, the report and the page all take their words from here, so they
 * never say two things about one run.
 */
import type { End, Flag, Outcome } from './result.ts';

/** A share as a whole percentage: 0.125 → "13%". */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** A share to a tenth of a percent, for aligned tables of many runs: 0.125 → "12.5%", 1 → "100.0%". */
export const percentTenths = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** The same without a trailing ".0", for charts and prose: 0.125 → "12.5%", 1 → "100%". */
export const percentTenthsTrimmed = (share: number): string => percentTenths(share).replace(/\.0%$/, '%');

/** "1 round", "3 rounds"; `many` for irregular plurals. */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export interface OutcomeWords {
  /** In a sentence: "rough consensus". */
  label: string;
  /** As a heading: "Rough consensus". */
  title: string;
  /** What the class means, for a student. */
  plain: string;
}

export const OUTCOME_WORDS: Readonly<Record<Outcome, OutcomeWords>> = {
  'rough-consensus': {
    label: 'rough consensus',
    title: 'Rough consensus',
    plain: 'A text was adopted that nearly everyone could live with, and no holdout extracted a price.',
  },
  'contested-decision': {
    label: 'contested decision',
    title: 'Contested decision',
    plain: 'A text was adopted, but a majority imposed it: too many still objected for it to be consensus.',
  },
  'tyranny-of-the-minority': {
    label: 'tyranny of the minority',
    title: 'Tyranny of the minority',
    plain: 'A few blocked a text the rest accepted: either nothing was adopted, or the text was dragged their way.',
  },
  collapse: { label: 'collapse', title: 'Collapse', plain: 'Too few could (or would) keep coming: the room fell below quorum.' },
  'declared-failure': {
    label: 'declared failure',
    title: 'Declared failure',
    plain: 'Support stopped growing and the convenor, as it had said it would, called the process off.',
  },
  'glacial-drift': {
    label: 'glacial drift',
    title: 'Glacial drift',
    plain: 'Nothing was decided before the deadline or the horizon: the process went on without deciding.',
  },
};

export const FLAG_WORDS: Readonly<Record<Flag, { label: string; plain: string }>> = {
  capture: { label: 'capture', plain: 'capture: the text favours the convenor or a small, well-resourced group' },
  exclusion: { label: 'exclusion', plain: 'exclusion: affected people were not in the room' },
  'collateral-attack': {
    label: 'collateral attack',
    plain: 'collateral attack: someone with a better option outside goes around the process',
  },
};

/** What the sentence about a run's end needs to know. */
export interface EndFacts {
  end: End;
  /** Rounds run (numbered 0 to rounds − 1). */
  rounds: number;
  /** The convenor's deadline as applied, or null when none was declared. */
  deadline: number | null;
  /** The round a text was adopted in, when one was. */
  adoptedRound?: number | null;
}

/** How the run ended, as a clause: "the horizon was reached after 20 rounds, before the deadline at round 500". */
export function endClause(f: EndFacts): string {
  switch (f.end) {
    case 'adopted':
      return `a text was adopted in round ${f.adoptedRound ?? f.rounds - 1}`;
    case 'deadline':
      return `the deadline was reached after ${plural(f.rounds, 'round')}`;
    case 'horizon':
      return `the horizon was reached after ${plural(f.rounds, 'round')}, ${deadlineNote(f.deadline)}`;
    case 'declared-failure':
      return `the convenor declared failure in round ${f.rounds - 1}`;
    case 'collapse':
      return `the room emptied (quorum lost) in round ${f.rounds - 1}`;
  }
}

/**
 * When nothing was decided, the phrase that says by when: "by the deadline at round 60", "in 20
 * rounds, the run's horizon, before the deadline at round 500".
 */
export function undecidedPhrase(f: EndFacts): string {
  switch (f.end) {
    case 'deadline':
      return `by the deadline at round ${f.rounds}`;
    case 'horizon':
      return f.deadline === null ? `in ${plural(f.rounds, 'round')} with no deadline declared` : `in ${plural(f.rounds, 'round')}, the run's horizon, ${deadlineNote(f.deadline)}`;
    case 'declared-failure':
      return `before the convenor declared failure at round ${f.rounds - 1}`;
    case 'collapse':
      return `before the room emptied at round ${f.rounds - 1}`;
    case 'adopted':
      return '';
  }
}

const deadlineNote = (deadline: number | null) => (deadline === null ? 'with no deadline declared' : `before the deadline at round ${deadline}`);

/** What the headline of a finished run needs of its result. */
export interface HeadlineFacts {
  outcome: Outcome;
  flags: readonly Flag[];
  adopted: { support: number } | null;
  bestSupport: { support: number };
  blockedRounds: number;
  blockers: readonly string[];
}

const FLAG_CLAUSES: Readonly<Record<Flag, string>> = {
  capture: 'the text favours the convenor or a small, well-resourced group (capture)',
  exclusion: 'people it affects were not in the room (exclusion)',
  'collateral-attack': 'someone with a better option outside goes around it (collateral attack)',
};

/**
 * The outcome as one sentence that agrees with the numbers beside it: its flags in it, and what
 * looks like a contradiction said outright ("Tyranny of the minority: the text was adopted with
 * 100% support, but only after registry-1 held out for 19 rounds and pulled it its way").
 */
export function headline(r: HeadlineFacts): string {
  const title = OUTCOME_WORDS[r.outcome].title;
  const who = r.blockers.length === 0 ? 'a few' : r.blockers.length <= 2 ? r.blockers.join(' and ') : `${r.blockers[0]} and ${r.blockers.length - 1} others`;
  const held = `${who} held out for ${plural(r.blockedRounds, 'round')}`;
  const but = r.flags.length === 0 ? '' : `, but ${r.flags.map((f) => FLAG_CLAUSES[f]).join(', and ')}`;
  switch (r.outcome) {
    case 'rough-consensus':
      return `${title}: a text nearly everyone could live with was adopted with ${percent(r.adopted?.support ?? 0)} support${but}.`;
    case 'contested-decision':
      return `${title}: a majority adopted the text with ${percent(r.adopted?.support ?? 0)} support, while too many still objected${but}.`;
    case 'tyranny-of-the-minority':
      return r.adopted
        ? `${title}: the text was adopted with ${percent(r.adopted.support)} support, but only after ${held} and pulled it their way${but}.`
        : `${title}: ${held}; support reached ${percent(r.bestSupport.support)}, and nothing was adopted.`;
    default:
      return `${title}: ${OUTCOME_WORDS[r.outcome].plain.charAt(0).toLowerCase()}${OUTCOME_WORDS[r.outcome].plain.slice(1)}`;
  }
}
