/**
 * The house: each room imports only the rooms below it, and only through their faces (index.ts).
 *
 *   lib/   cli/   viz/        front ends (lib and viz never reach into cli)
 *      batch/                 the batch engine (Node)
 *      analysis/              statistics and rows, pure
 *      sim/  ·  sim/scenario/ the core and the scenario half, pure
 *
 * A test of a room (test/sim/, test/analysis/, test/batch/) may open that room's inside, and so
 * may bench/, which times the core's phases one by one. A page of viz/ bundled into one script's
 * text (`import code from '../viz/report-page.ts?iife'`, scripts/iife-import.ts) is not an import
 * of its code: cli/ inlines the report's page that way, and that is the one such import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
type Room = 'sim' | 'sim/scenario' | 'analysis' | 'batch' | 'cli' | 'viz' | 'lib';

/** The rooms each room may import. sim and sim/scenario are the core's two halves. */
const BELOW: Record<Room, readonly Room[]> = {
  'sim/scenario': ['sim'],
  sim: ['sim/scenario'],
  analysis: ['sim', 'sim/scenario'],
  batch: ['analysis', 'sim', 'sim/scenario'],
  cli: ['batch', 'analysis', 'sim', 'sim/scenario'],
  viz: ['analysis', 'sim', 'sim/scenario'],
  lib: ['batch', 'analysis', 'sim', 'sim/scenario'],
};

function roomOf(file: string): Room | undefined {
  const r = relative(ROOT, file);
  if (r.startsWith('sim/scenario/')) return 'sim/scenario';
  for (const room of ['sim', 'analysis', 'batch', 'cli', 'viz', 'lib'] as const) if (r.startsWith(room + '/')) return room;
  return undefined;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('dist') ? [] : sources(path);
    return /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of a file's code, resolved: static, dynamic, re-exports and vi.mock alike. */
function imports(file: string): string[] {
  return relativeImports(file).filter((s) => !s.endsWith(IIFE)).map((s) => resolve(dirname(file), s));
}

/** The pages a file takes as bundled scripts' text. */
function bundledPages(file: string): string[] {
  return relativeImports(file).filter((s) => s.endsWith(IIFE)).map((s) => resolve(dirname(file), s.slice(0, -IIFE.length)));
}

const IIFE = '?iife';

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  return [...text.matchAll(/(?:from\s*|import\s*\(\s*|vi\.mock\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
}

const FACE = (room: Room) => join(ROOT, room, 'index.ts');

describe('the rooms of the house', () => {
  const files = ['sim', 'analysis', 'batch', 'cli', 'viz', 'lib', 'test', 'scripts', 'scenarios'].flatMap((d) => sources(join(ROOT, d)));

  it('each room imports only the rooms below it', () => {
    expect(files.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const file of files) {
      const from = roomOf(file);
      if (!from) continue;
      for (const target of imports(file)) {
        const to = roomOf(target);
        if (to && to !== from && !BELOW[from].includes(to)) wrong.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a file outside a room reaches it only through its index', () => {
    const self = join(ROOT, 'test', 'rooms.test.ts');
    expect(deepImports([...files, ...sources(join(ROOT, 'bench'))].filter((f) => f !== self))).toEqual([]);
  });

  it("the report's page is the one page bundled into a command, as a script's text", () => {
    const pages = files.flatMap((f) => bundledPages(f).map((page) => `${relative(ROOT, f)} → ${relative(ROOT, page)}`));
    expect(pages).toEqual(['cli/report-html.ts → viz/report-page.ts']);
  });

  it('sees a deep import when there is one', () => {
    // This file's own example below is one: the check must name it.
    const example = "import { runRound } from '../sim/run.ts';";
    expect(example).toContain('sim/run.ts');
    expect(deepImports([join(ROOT, 'test', 'rooms.test.ts')])).toEqual(['test/rooms.test.ts → sim/run.ts']);
  });
});

/** The imports that open a room's inside from outside it. */
function deepImports(files: string[]): string[] {
  const insideAllowed = (file: string, to: Room) => {
    const r = relative(ROOT, file);
    if (r.startsWith('bench/')) return to === 'sim' || to === 'sim/scenario';
    if (to === 'sim' || to === 'sim/scenario') return r.startsWith('test/sim/') || roomOf(file) === 'sim' || roomOf(file) === 'sim/scenario';
    return r.startsWith(`test/${to}/`) || roomOf(file) === to;
  };
  const wrong: string[] = [];
  for (const file of files) {
    for (const target of imports(file)) {
      const to = roomOf(target);
      if (to && target !== FACE(to) && !insideAllowed(file, to)) wrong.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
    }
  }
  return wrong;
}
