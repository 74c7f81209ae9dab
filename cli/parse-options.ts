/**
 * Parsers for the numbers and names given on the command line. Each throws commander's
 * InvalidArgumentError, which commander reports as `error: option '--seed <N>' argument 'abc' is
 * invalid. ...` and `main()` turns into exit status 2.
 */
import { extname } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { MAX_SEED } from '../sim/scenario/index.ts';

export const MAX_RUNS = 10_000_000;
export const MAX_WORKERS = 256;
export const OUTPUT_FORMATS = { '.csv': 'csv', '.jsonl': 'jsonl' } as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[keyof typeof OUTPUT_FORMATS];

function integerIn(min: number, max: number) {
  return (text: string): number => {
    // Digits only: `1e3`, `0x10`, `1.0`, `-1` and ` 7` are all refused rather than reinterpreted.
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(value >= min && value <= max)) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}.`);
    }
    return value;
  };
}

/** Seeds are integers 0 to 2^32 − 1, as in a scenario file (SCENARIO.md). */
export const parseSeed = integerIn(0, MAX_SEED);
export const parseRuns = integerIn(1, MAX_RUNS);
export const parseWorkers = integerIn(1, MAX_WORKERS);
/** A round to fork at: 0 to a scenario's largest horizon. */
export const parseRound = integerIn(0, 100_000);

/** `--set PATH=VALUE`, repeatable: collected in order; the scenario loader validates each. */
export function collectOverride(text: string, previous: string[] = []): string[] {
  return [...previous, text];
}

export function outputFormat(path: string): OutputFormat | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(OUTPUT_FORMATS, ext) ? OUTPUT_FORMATS[ext as keyof typeof OUTPUT_FORMATS] : undefined;
}

/** `-` is standard output (CSV). */
export function parseOutPath(text: string): string {
  if (text === '-') return text;
  if (!outputFormat(text)) throw new InvalidArgumentError('expected a file name ending in .csv or .jsonl, or - for standard output.');
  return text;
}
