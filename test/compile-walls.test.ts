/**
 * Each place the code runs compiles with what that place has and nothing more: a line that uses
 * the DOM in the core or the batch engine, or Node in the page or its worker, fails to compile
 * under that place's own tsconfig.json. Each probe is compiled with the place's options, as if it
 * were one of its files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'convene-walls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The diagnostics of one probe compiled with a place's options. */
function compile(config: string, code: string): string[] {
  const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `export {};\n${code}\n`);
  const read = ts.readConfigFile(join(ROOT, config), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, join(ROOT, config, '..'), undefined, join(ROOT, config));
  const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const DOM = 'document.title = "x";';
const NODE = 'process.exitCode = 1;';
const WORKER = 'postMessage(1); self.close();';

describe('compile walls', () => {
  it.each([
    ['sim/tsconfig.json', DOM],
    ['sim/tsconfig.json', NODE],
    ['analysis/tsconfig.json', DOM],
    ['analysis/tsconfig.json', NODE],
    ['batch/tsconfig.json', DOM],
    ['cli/tsconfig.json', DOM],
    ['viz/tsconfig.json', NODE],
    ['viz/tsconfig.worker.json', DOM],
    ['viz/tsconfig.worker.json', NODE],
  ])('%s refuses %s', (config, code) => {
    expect(compile(config, code).join('\n')).toMatch(/Cannot find name|does not exist/);
  });

  it.each([
    ['sim/tsconfig.json', 'const x: number = Math.max(1, 2); void x;'],
    ['batch/tsconfig.json', NODE],
    ['cli/tsconfig.json', NODE],
    ['viz/tsconfig.json', DOM],
    ['viz/tsconfig.worker.json', WORKER],
  ])('%s allows what runs there: %s', (config, code) => {
    expect(compile(config, code)).toEqual([]);
  });
});
