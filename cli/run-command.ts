/**
 * `convene run FILE [--seed N] [--set PATH=VALUE]... [--json] [--series] [--events] [--why ID]`:
 * one run. With --json, exactly one JSON object (RESULT.md) at full precision; otherwise a
 * summary for a reader, and with --why one stakeholder's rounds in words after it. Everything
 * is validated before anything is written to standard output.
 */
import { runScenario } from '../sim/index.ts';
import { formatEvents, formatRun, formatSeries } from './human.ts';
import { useColour, writeText, type CliIO } from './io.ts';
import { formatWarning, readScenario } from '../batch/index.ts';
import { InvalidInput } from '../analysis/index.ts';
import { formatWhy } from './why.ts';

export interface RunCommandOptions {
  seed?: number;
  set?: string[];
  json?: boolean;
  series?: boolean;
  events?: boolean;
  /** A stakeholder's id: its rounds in words. */
  why?: string;
}

export async function runCommand(file: string, options: RunCommandOptions, io: CliIO): Promise<number> {
  const { scenario, warnings, filename } = await readScenario(file, { cwd: io.cwd, overrides: options.set, stdin: io.stdin });
  for (const w of warnings) await writeText(io.stderr, formatWarning(filename, w));

  const why = options.why === undefined ? null : formatWhy(scenario, options.seed, options.why);
  if (why === null && options.why !== undefined) {
    throw new InvalidInput(`--why: no stakeholder has the id '${options.why}' in ${filename}; expected the id of one of its stakeholders (a generated group's are its idPrefix followed by -1, -2, ...)`);
  }
  if (why !== null && options.json) throw new InvalidInput('--why explains a run in words: it cannot be combined with --json (use --json --events for the record)');
  const result = runScenario(scenario, {
    seed: options.seed,
    series: options.series ?? false,
    events: options.events ?? false,
  });

  if (options.json) {
    await writeText(io.stdout, JSON.stringify(result) + '\n');
  } else {
    let text = formatRun(result, scenario, { colour: useColour(io) });
    if (options.series) text += '\nSeries, one line per round:\n' + formatSeries(result);
    if (options.events) text += '\nRecord, one line per event:\n' + formatEvents(result);
    if (why !== null) text += `\nWhy ${options.why}, round by round:\n` + why;
    await writeText(io.stdout, text);
  }
  return 0;
}
