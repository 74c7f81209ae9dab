/**
 * Global set-up of the browser tests (the `browser` project in vite.config.ts): the site is built
 * once, with Vite's JS API, into a temporary folder and served by `vite preview`; every browser
 * test file reads its address and folder with `inject('site')`. Nothing is built when there is no
 * Chromium to test it with.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site: its address and folder; null without Chromium. */
    site: { url: string; outDir: string } | null;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('/usr/bin/chromium')) {
    project.provide('site', null);
    return async () => {};
  }
  const outDir = mkdtempSync(join(tmpdir(), 'convene-site-'));
  const configFile = join(ROOT, 'vite.config.ts');
  await build({ root: ROOT, configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root: ROOT, configFile, logLevel: 'silent', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  project.provide('site', { url: server.resolvedUrls!.local[0], outDir });
  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    rmSync(outDir, { recursive: true, force: true });
  };
}
