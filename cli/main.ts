/**
 * The `convene` command: a thin shell over the core (RESULT.md, "The command-line contract").
 * `main(argv)` returns the exit status, so tests call it in-process:
 *
 * - 0: it ran (and `--help`, `--version`);
 * - 2: invalid input (a bad scenario, a bad override, bad arguments), errors on standard error,
 *   nothing on standard output, no stack trace;
 * - 1: anything else, one line on standard error (the stack too with CONVENE_DEBUG=1).
 */
import { Command, CommanderError, Option } from 'commander';
import { version } from '../package.json';
import { availableParallelism } from 'node:os';
import { batchCommand } from './batch-command.ts';
import { InvalidInput } from '../analysis/index.ts';
import { plainText, resolveIO, type CliIO } from './io.ts';
import { collectOverride, parseOutPath, parseRound, parseRuns, parseSeed, parseWorkers } from './parse-options.ts';
import { mergeCommand } from './merge-command.ts';
import { reportCommand } from './report-command.ts';
import { runCommand } from './run-command.ts';
import { sweepCommand } from './sweep-command.ts';
import { sensitivityCommand } from './sensitivity-command.ts';
import { discoverCommand } from './discover-command.ts';
import { mapCommand } from './map-command.ts';
import { validateCommand } from './validate-command.ts';
import { reproduceCommand } from './reproduce-command.ts';

export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

export async function main(argv: string[], ioOptions: Partial<CliIO> = {}): Promise<number> {
  const io = resolveIO(ioOptions, argv);
  if (io.stdout === process.stdout) guardProcessStreams();
  let status: number = EXIT.ok;
  const program = createProgram(io, (code) => {
    status = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    return reportError(error, io);
  }
}

const EXIT_HELP = `
Exit status: 0 when it ran; 2 for invalid input (scenario, override, arguments), with the errors
on standard error and nothing on standard output; 1 for anything else.`;

function createProgram(io: CliIO, setStatus: (code: number) => void): Command {
  const program = new Command('convene')
    .description('Agent-based simulation of multi-stakeholder negotiation.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_HELP);
  program.helpCommand(false);

  program
    .command('run')
    .description('run a scenario once and report how it ended')
    .argument('<FILE>', 'scenario file (.yaml, .yml or .json), or - for standard input')
    .option('--seed <N>', "seed of the run, 0 to 2^32-1 (default: the scenario's seed)", parseSeed)
    .option('--set <PATH=VALUE>', 'override a field, e.g. convenor.deadline=120 (repeatable)', collectOverride)
    .option('--json', 'print the result as one JSON object')
    .option('--series', 'add every measure, round by round')
    .option('--events', 'add the record of events')
    .option('--why <STAKEHOLDER>', 'add, round by round, what one stakeholder said, asked for and did, and why')
    .option('--fork-at <ROUND>', 'run the file as it is to ROUND, then continue it twice: unchanged, and with the --set overrides; print both', parseRound)
    .action(async (file: string, options) => setStatus(await runCommand(file, options, io)));

  program
    .command('validate')
    .description('check a scenario file and report what it holds')
    .argument('<FILE>', 'scenario file (.yaml, .yml or .json), or - for standard input')
    .option('--set <PATH=VALUE>', 'check the file with this override applied (repeatable)', collectOverride)
    .option('--strict', 'treat warnings as errors (exit 2)')
    .action(async (file: string, options) => setStatus(await validateCommand(file, options, io)));

  program
    .command('batch')
    .description('run a scenario over many seeds: one row per run, a summary on standard error')
    .argument('<FILE>', 'scenario file (.yaml, .yml or .json), or - for standard input')
    .option('--runs <N>', 'number of runs (required)', parseRuns)
    .option('--seed-start <S>', "seed of the first run; run k uses S + k (default: the scenario's seed)", parseSeed)
    .addOption(workersOption())
    .option('--out <FILE>', 'write the rows to FILE.csv or FILE.jsonl (default, or -: CSV on standard output)', parseOutPath)
    .option('--set <PATH=VALUE>', 'override a field, e.g. convenor.deadline=120 (repeatable)', collectOverride)
    .option('--resume', 'continue an interrupted batch from FILE.partial (needs --out)')
    .option('--shard <I/N>', 'run only the I-th of N equal blocks of the seeds (I from 0); join with `convene merge`')
    .action(async (file: string, options) => setStatus(await batchCommand(file, options, io)));

  program
    .command('reproduce')
    .description('run again the command a manifest records, and say whether its output is byte-identical')
    .argument('<MANIFEST>', 'FILE.manifest.json, or the FILE it describes; run from the folder the command ran in')
    .action(async (file: string) => setStatus(await reproduceCommand(file, io, main)));

  program
    .command('merge')
    .description('join the files of --shard I/N runs into the file one machine would have written')
    .argument('<SHARD...>', 'the shards\' output files, in any order')
    .option('--out <FILE>', 'the joined file (.csv or .jsonl, like the shards; - for standard output) (required)', parseOutPath)
    .action(async (files: string[], options) => setStatus(await mergeCommand(files, options, io)));

  program
    .command('sweep')
    .description('run an experiment: a base scenario with parameters varied over a grid or a Latin hypercube')
    .argument('<EXPERIMENT>', 'experiment file (.yaml; see docs/experiments.md)')
    .option('--out <FILE>', 'one row per run: FILE.csv or FILE.jsonl, or - for CSV on standard output (required)', parseOutPath)
    .option('--summary <FILE>', 'one row per point (default: next to --out, ending .summary.csv; - for standard output)')
    .addOption(workersOption())
    .option('--resume', 'continue an interrupted sweep from FILE.partial')
    .option('--shard <I/N>', 'run only the I-th of N equal blocks of the points (I from 0); join with `convene merge`')
    .action(async (file: string, options) => setStatus(await sweepCommand(file, options, io)));

  program
    .command('sensitivity')
    .description("which of an experiment's conditions move each outcome's odds, the rounds, support and legitimacy: Morris effects or Sobol indices")
    .argument('<EXPERIMENT>', "experiment file (.yaml; its parameters' ranges are the conditions; see docs/analysis.md)")
    .option('--method <METHOD>', 'morris (elementary effects: a first screening) or sobol (variance shares; more runs) (required)')
    .option('--out <FILE>', 'the indices: FILE.csv or FILE.json (not with --shard)')
    .option('--rows <FILE>', "the runs' rows (default: next to --out, ending .runs.csv)", parseOutPath)
    .option('--from-rows <FILE>', 'compute the indices from these rows (merged shards) instead of running')
    .addOption(workersOption())
    .option('--resume', 'continue an interrupted analysis from its rows\' .partial file')
    .option('--shard <I/N>', 'run only the I-th of N equal blocks of the points; join with `convene merge`')
    .action(async (file: string, options) => setStatus(await sensitivityCommand(file, options, io)));

  program
    .command('map')
    .description('the regime map: every cell of a grid of two conditions over N seeds, and the outcome that dominates each')
    .argument('<SCENARIO>', 'scenario file (.yaml or .json)')
    .option('--x <PATH=LO:HI:STEPS>', 'the condition across, e.g. convenor.rule.threshold=0.5:1:11 (required)')
    .option('--y <PATH=LO:HI:STEPS>', 'the condition up, e.g. convenor.attendanceCost=0:4:9 (required)')
    .option('--seeds <N>', 'runs per cell, seeds from the scenario\'s seed on (required)', parseRuns)
    .option('--seed-start <SEED>', 'the first seed of every cell (default: the scenario\'s seed)', parseSeed)
    .option('--out <FILE>', 'one row per cell: FILE.csv or FILE.jsonl (not with --shard)')
    .option('--rows <FILE>', "the runs' rows (default: next to --out, ending .runs.csv)", parseOutPath)
    .option('--from-rows <FILE>', 'draw the map from these rows (merged shards) instead of running')
    .addOption(workersOption())
    .option('--resume', "continue an interrupted map from its rows' .partial file")
    .option('--shard <I/N>', 'run only the I-th of N equal blocks of the cells; join with `convene merge`')
    .action(async (file: string, options) => setStatus(await mapCommand(file, options, io)));

  program
    .command('discover')
    .description('scenario discovery: the box of conditions in which an outcome is concentrated (PRIM), in words')
    .argument('<RESULTS>', 'the rows of `convene sweep` or `convene sensitivity` (.csv or .jsonl)')
    .option('--outcome <OUTCOME>', 'the outcome to find, e.g. tyranny-of-the-minority (required)')
    .option('--out <FILE>', 'also write the trajectory and the chosen box as FILE.json')
    .option('--min-coverage <SHARE>', "the smallest share of the outcome's runs the box must hold (default 0.5)")
    .option('--alpha <SHARE>', "the share of the box's runs each peel removes (default 0.05)")
    .action(async (file: string, options) => setStatus(await discoverCommand(file, options, io)));

  program
    .command('report')
    .description('draw the results of a batch, a sweep, a sensitivity analysis or a regime map as one self-contained HTML file with charts')
    .argument('<RESULTS...>', 'results file(s) of `convene batch` or `convene sweep` (.csv or .jsonl), of one kind; or one file of indices (`convene sensitivity`) or one map (`convene map`, .csv)')
    .option('--out <FILE>', 'the report: FILE.html, readable offline, or - for standard output (required)')
    .action(async (files: string[], options) => setStatus(await reportCommand(files, options, io)));

  for (const command of program.commands) command.hook('preAction', requireOptions);
  return program;
}

/**
 * Options marked "(required)" in the help are checked after the arguments, so `convene report`
 * with nothing names the missing RESULTS first (commander's own required options are checked
 * before the arguments).
 */
function requireOptions(command: Command): void {
  for (const option of command.options) {
    if (!option.description.endsWith('(required)')) continue;
    if (command.getOptionValue(option.attributeName()) === undefined) {
      command.error(`error: required option '${option.flags}' not specified`, { exitCode: EXIT.invalid, code: 'commander.missingMandatoryOptionValue' });
    }
  }
}

/** `--workers W`, the number of cores when not given (the help says so rather than this machine's count). */
function workersOption(): Option {
  return new Option('--workers <W>', 'worker threads').argParser(parseWorkers).default(availableParallelism(), 'the number of cores');
}

function reportError(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message (or the help, or the version) already.
    return error.exitCode === 0 ? EXIT.ok : EXIT.invalid;
  }
  // Messages may quote a file (a CSV header, a scenario's text): its control characters, terminal
  // escape sequences among them, are shown as U+FFFD, never sent to the terminal.
  if (error instanceof InvalidInput) {
    io.stderr.write(error.lines.map((line) => plainText(line) + '\n').join(''));
    return EXIT.invalid;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`convene: ${plainText(message.split('\n')[0])}\n`);
  if (io.env.CONVENE_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(error.stack + '\n');
  return EXIT.failed;
}

let guarded = false;

/**
 * Writes to a closed pipe (`convene batch ... | head`) end the command quietly; any other write
 * error (a full disk) ends it with one line and status 1 instead of an unhandled 'error' event.
 */
function guardProcessStreams(): void {
  if (guarded) return;
  guarded = true;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      process.stderr.write(`convene: cannot write the output: ${error.message}\n`);
    } finally {
      process.exit(EXIT.failed);
    }
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : EXIT.failed));
}
