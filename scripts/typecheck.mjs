// `npm run typecheck`: checks each place's own config, as the root tsconfig.json lists them, so
// code that uses what its place lacks (the DOM in the core, Node in the page) fails to compile.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const root = JSON.parse(readFileSync(new URL('../tsconfig.json', import.meta.url), 'utf8'));
let failed = 0;
for (const { path } of root.references) {
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', path], { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
  } catch {
    failed++;
    console.error(`typecheck: ${path} has errors (above)`);
  }
}
if (failed) process.exit(1);
console.log(`typecheck: ${root.references.length} places, no errors`);
