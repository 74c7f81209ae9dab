/**
 * The summary of a batch (RESULT.md): each outcome's count, share and 95% Wilson interval, and
 * the medians of rounds and of legitimacy (over the runs that adopted something). Results are
 * added one at a time into bounded counts (running-median.ts): a batch of a million runs holds
 * what one of ten thousand does.
 */
import { OUTCOMES, percentTenths as percent, type RunResult } from '../sim/index.ts';

import { outcomeShares, type OutcomeShare } from './outcome-shares.ts';
import { countMedian, unitMedian } from './running-median.ts';

export { median } from './running-median.ts';

export interface BatchSummary {
  runs: number;
  outcomes: OutcomeShare[];
  medianRounds: number | null;
  medianLegitimacy: number | null;
  /** Runs with a legitimacy, that is, runs that adopted something. */
  adopted: number;
  /** Runs in which some stakeholder declined the invitation, and how many declined in all (model 2). */
  declined: { runs: number; stakeholders: number };
  /** Runs in which some stakeholder walked out, and how many walked out in all (model 2). */
  walkedOut: { runs: number; stakeholders: number };
}

/**
 * What a summary needs of runs: each one's outcome (an index in OUTCOMES), rounds, legitimacy
 * (NaN: none), and how many stakeholders declined and walked out.
 */
export interface RunBriefs {
  outcome: ArrayLike<number>;
  rounds: ArrayLike<number>;
  legitimacy: ArrayLike<number>;
  declined: ArrayLike<number>;
  walkedOut: ArrayLike<number>;
}

export interface SummaryBuilder {
  add(result: Pick<RunResult, 'outcome' | 'rounds' | 'legitimacy' | 'declined' | 'walkedOut'>): void;
  /** The runs of a chunk, as a worker hands them back. */
  addBriefs(briefs: RunBriefs): void;
  finish(): BatchSummary;
}

export function createSummary(): SummaryBuilder {
  const counts = new Float64Array(OUTCOMES.length);
  const rounds = countMedian();
  const legitimacy = unitMedian();
  const declined = { runs: 0, stakeholders: 0 };
  const walkedOut = { runs: 0, stakeholders: 0 };
  const leaving = (tally: { runs: number; stakeholders: number }, count: number) => {
    if (count > 0) tally.runs++;
    tally.stakeholders += count;
  };
  return {
    add(result) {
      const o = OUTCOMES.indexOf(result.outcome);
      if (o < 0) throw new Error(`unknown outcome ${JSON.stringify(result.outcome)}`);
      counts[o]++;
      rounds.add(result.rounds);
      if (result.legitimacy !== null) legitimacy.add(result.legitimacy);
      leaving(declined, result.declined);
      leaving(walkedOut, result.walkedOut);
    },
    addBriefs(briefs) {
      for (let i = 0; i < briefs.outcome.length; i++) {
        counts[briefs.outcome[i]]++;
        rounds.add(briefs.rounds[i]);
        if (!Number.isNaN(briefs.legitimacy[i])) legitimacy.add(briefs.legitimacy[i]);
        leaving(declined, briefs.declined[i]);
        leaving(walkedOut, briefs.walkedOut[i]);
      }
    },
    finish() {
      return {
        runs: rounds.count,
        outcomes: outcomeShares(counts),
        medianRounds: rounds.value(),
        medianLegitimacy: legitimacy.value(),
        adopted: legitimacy.count,
        declined: { ...declined },
        walkedOut: { ...walkedOut },
      };
    },
  };
}


/** The summary as a small table for standard error. */
export function formatSummary(summary: BatchSummary, heading: string): string {
  const width = Math.max(...OUTCOMES.map((o) => o.length), 'outcome'.length);
  const countWidth = Math.max(String(summary.runs).length, 'count'.length);
  const lines = [heading, `${'outcome'.padEnd(width)}  ${'count'.padStart(countWidth)}   share  95% Wilson interval`];
  for (const o of summary.outcomes) {
    lines.push(
      `${o.outcome.padEnd(width)}  ${String(o.count).padStart(countWidth)}  ${percent(o.share).padStart(6)}  [${percent(o.low)}, ${percent(o.high)}]`,
    );
  }
  lines.push(`median rounds: ${summary.medianRounds ?? 'none'}`);
  lines.push(
    summary.medianLegitimacy === null
      ? 'median legitimacy: none (nothing was adopted)'
      : `median legitimacy: ${summary.medianLegitimacy.toFixed(3)} (over ${summary.adopted === 1 ? 'the 1 run' : `the ${summary.adopted} runs`} that adopted a text)`,
  );
  lines.push(leavingLine('declined the invitation', summary.declined, summary.runs));
  lines.push(leavingLine('walked out', summary.walkedOut, summary.runs));
  return lines.join('\n') + '\n';
}

/** "walked out: in 12 runs (24.0%), 40 stakeholders in all", or "walked out: in no run". */
function leavingLine(what: string, tally: { runs: number; stakeholders: number }, runs: number): string {
  if (tally.runs === 0) return `${what}: in no run`;
  const share = runs > 0 ? ` (${percent(tally.runs / runs)})` : '';
  const who = tally.stakeholders === 1 ? '1 stakeholder' : `${tally.stakeholders} stakeholders`;
  return `${what}: in ${tally.runs === 1 ? '1 run' : `${tally.runs} runs`}${share}, ${who} in all`;
}
