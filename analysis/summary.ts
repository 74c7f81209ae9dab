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
}

/** What a summary needs of runs: each one's outcome (an index in OUTCOMES), rounds, legitimacy (NaN: none). */
export interface RunBriefs {
  outcome: ArrayLike<number>;
  rounds: ArrayLike<number>;
  legitimacy: ArrayLike<number>;
}

export interface SummaryBuilder {
  add(result: Pick<RunResult, 'outcome' | 'rounds' | 'legitimacy'>): void;
  /** The runs of a chunk, as a worker hands them back. */
  addBriefs(briefs: RunBriefs): void;
  finish(): BatchSummary;
}

export function createSummary(): SummaryBuilder {
  const counts = new Float64Array(OUTCOMES.length);
  const rounds = countMedian();
  const legitimacy = unitMedian();
  return {
    add(result) {
      const o = OUTCOMES.indexOf(result.outcome);
      if (o < 0) throw new Error(`unknown outcome ${JSON.stringify(result.outcome)}`);
      counts[o]++;
      rounds.add(result.rounds);
      if (result.legitimacy !== null) legitimacy.add(result.legitimacy);
    },
    addBriefs(briefs) {
      for (let i = 0; i < briefs.outcome.length; i++) {
        counts[briefs.outcome[i]]++;
        rounds.add(briefs.rounds[i]);
        if (!Number.isNaN(briefs.legitimacy[i])) legitimacy.add(briefs.legitimacy[i]);
      }
    },
    finish() {
      return {
        runs: rounds.count,
        outcomes: outcomeShares(counts),
        medianRounds: rounds.value(),
        medianLegitimacy: legitimacy.value(),
        adopted: legitimacy.count,
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
  return lines.join('\n') + '\n';
}
