/**
 * `convene run FILE [--seed N] [--set PATH=VALUE]... [--json] [--series] [--events]`: one run.
 * With --json, exactly one JSON object (RESULT.md) at full precision; otherwise a summary for a
 * reader. Everything is validated before anything is written to standard output.
 */
import { runScenario } from '../sim/index.ts';
import { formatEvents, formatRun, formatSeries } from './human.ts';
import { useColour, writeText, type CliIO } from './io.ts';
import { formatWarning, readScenario } from '../batch/index.ts';

export interface RunCommandOptions {
  seed?: number;
  set?: string[];
  json?: boolean;
  series?: boolean;
  events?: boolean;
}

export async function runCommand(file: string, options: RunCommandOptions, io: CliIO): Promise<number> {
  const { scenario, warnings, filename } = await readScenario(file, { cwd: io.cwd, overrides: options.set, stdin: io.stdin });
  for (const w of warnings) await writeText(io.stderr, formatWarning(filename, w));

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
    await writeText(io.stdout, text);
  }
  return 0;
}
