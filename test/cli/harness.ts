/** Calls `main()` in-process with captured output, and spawns the built command for end-to-end tests. */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { main } from '../../cli/main.ts';
import { utf8, type CliIO, type OutputStream } from '../../cli/io.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PRIVACY = fileURLToPath(new URL('../fixtures/privacy-example.yaml', import.meta.url));
export const SMALL = fileURLToPath(new URL('../fixtures/cli/small.yaml', import.meta.url));
export const SMALL_JSON = fileURLToPath(new URL('../fixtures/cli/small.json', import.meta.url));
export const INVALID = fileURLToPath(new URL('../fixtures/cli/invalid.yaml', import.meta.url));

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function capture(isTTY = false): OutputStream & { text: () => string } {
  const chunks: string[] = [];
  return { write: (chunk) => void chunks.push(typeof chunk === 'string' ? chunk : utf8(chunk)), isTTY, text: () => chunks.join('') };
}

export async function cli(args: string[], io: Partial<CliIO> = {}): Promise<CliOutcome> {
  const stdout = capture();
  const stderr = capture();
  const code = await main(args, { stdout, stderr, cwd: ROOT, env: {}, ...io });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** `node bin/convene.js ...`, the built command (the `pretest` script builds it). */
export function spawnCli(args: string[], options: SpawnSyncOptions = {}): CliOutcome {
  const child = spawnSync(process.execPath, ['bin/convene.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CONVENE_DEBUG: '' },
    ...options,
  });
  return { code: child.status ?? -1, stdout: String(child.stdout ?? ''), stderr: String(child.stderr ?? '') };
}

/** A folder of the system's temporary space for one test file: made before its tests, removed after. */
export interface TempFolder {
  /** The folder (read inside a test or a hook: it is made in beforeAll). */
  readonly dir: string;
  /** A path inside it. */
  path(...names: string[]): string;
}

export function useTempFolder(name: string): TempFolder {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `convene-${name}-`));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return {
    get dir() {
      if (!dir) throw new Error('the temporary folder is made in beforeAll: read it inside a test or a hook');
      return dir;
    },
    path: (...names) => join(dir, ...names),
  };
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+[:(]/m;

/**
 * Starts the built command and kills it with `signal` once `partial` holds `bytes` bytes: an
 * interrupted batch or sweep. Fails if the command ends, or writes nothing, first.
 */
export async function interruptWhenWritten(args: string[], partial: string, signal: NodeJS.Signals, bytes = 2000): Promise<void> {
  const child = spawn(process.execPath, ['bin/convene.js', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let ended = false;
  const exited = new Promise((resolve) => child.once('exit', () => resolve((ended = true))));
  const deadline = Date.now() + 30_000;
  while (((await stat(partial).catch(() => undefined))?.size ?? 0) < bytes) {
    if (ended) throw new Error(`the command ended before it could be interrupted: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`the command wrote fewer than ${bytes} bytes in 30 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill(signal);
  await exited;
}
