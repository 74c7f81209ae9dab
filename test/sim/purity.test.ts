/**
 * The core runs in a Web Worker, a Node worker thread and a test alike: it imports nothing from the
 * DOM or Node, reads no clock and never calls Math.random.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SIM = join(import.meta.dirname, '../../sim');
const PACKAGES = new Set(['seedrandom', 'zod/mini', 'yaml']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the core is pure', () => {
  const files = sources(SIM);

  it('imports only its own files and pure packages', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
        const ok = spec.startsWith('./') || spec.startsWith('../') || PACKAGES.has(spec);
        expect(ok, `${file} imports ${spec}`).toBe(true);
      }
      expect(text, file).not.toMatch(/\bimport\(/);
    }
  });

  it('uses no DOM or Node globals, no clock and no Math.random', () => {
    for (const file of files) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(document|window|self|process|Buffer|require|localStorage|navigator)\s*[.[(]/);
      expect(code, file).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now/);
    }
  });

  it('type-checks with only the ECMAScript library and no ambient types', () => {
    const tsc = join(import.meta.dirname, '../../node_modules/typescript/bin/tsc');
    const config = JSON.parse(readFileSync(join(SIM, 'tsconfig.json'), 'utf8'));
    expect(config.compilerOptions).toMatchObject({ lib: ['ES2022'], types: [] });
    expect(() => execFileSync(process.execPath, [tsc, '--noEmit', '-p', join(SIM, 'tsconfig.json')], { encoding: 'utf8' })).not.toThrow();
  });
});
