/**
 * `convene run FILE [--seed N] [--set PATH=VALUE]... [--json] [--series] [--events] [--why ID]`:
 * one run. With --json, exactly one JSON object (RESULT.md) at full precision; otherwise a
 * summary for a reader, and with --why one stakeholder's rounds in words after it. Everything
 * is validated before anything is written to standard output.
 */
import { createRun, forkMismatch, runScenario } from '../sim/index.ts';
import { formatEvents, formatRun, formatSeries } from './human.ts';
import { useColour, writeText, type CliIO } from './io.ts';
import { formatWarning, readScenario, STDIN } from '../batch/index.ts';
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
  /** Run the file unchanged to this round, then fork it under the --set overrides. */
  forkAt?: number;
}

export async function runCommand(file: string, options: RunCommandOptions, io: CliIO): Promise<number> {
  if (options.forkAt !== undefined) return forkCommand(file, options, io);
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

/**
 * `--fork-at ROUND`: the file as it is, run to ROUND; from there once unchanged and once under
 * the --set overrides (the same stakeholders, the same random stream: sim/fork.ts). Both results,
 * as two summaries or, with --json, one object {forkAt, set, original, fork}.
 */
async function forkCommand(file: string, options: RunCommandOptions, io: CliIO): Promise<number> {
  if (options.why !== undefined) throw new InvalidInput('--why and --fork-at cannot be combined: ask --why of a run without a fork');
  if (file === STDIN) throw new InvalidInput('--fork-at reads the scenario twice (as it is, and with --set): give a file, not -');
  const set = options.set ?? [];
  const base = await readScenario(file, { cwd: io.cwd, overrides: [] });
  const changed = await readScenario(file, { cwd: io.cwd, overrides: set });
  for (const w of changed.warnings) await writeText(io.stderr, formatWarning(changed.filename, w));
  const why = forkMismatch(base.scenario, changed.scenario);
  if (why) throw new InvalidInput(`--set: ${why}`);
  const events = options.events ?? false;
  const run = createRun(base.scenario, { seed: options.seed, record: events, keepSeries: options.series ?? false });
  run.step(options.forkAt!);
  if (run.round < options.forkAt!) {
    throw new InvalidInput(`--fork-at ${options.forkAt}: the run ended after round ${run.round - 1}, before it; fork at an earlier round`);
  }
  const fork = run.fork({ scenario: changed.scenario });
  const asked = { series: options.series ?? false, events };
  const original = run.finish(asked);
  const forked = fork.finish(asked);
  if (options.json) {
    await writeText(io.stdout, JSON.stringify({ forkAt: options.forkAt, set, original, fork: forked }) + '\n');
    return 0;
  }
  const colour = useColour(io);
  const change = set.length === 0 ? 'nothing changed' : set.join(', ');
  let text = `As it was:\n${formatRun(original, base.scenario, { colour })}\nForked at round ${options.forkAt}, with ${change}:\n${formatRun(forked, changed.scenario, { colour })}`;
  if (options.events) text += '\nThe fork\'s record, one line per event:\n' + formatEvents(forked);
  await writeText(io.stdout, text);
  return 0;
}
