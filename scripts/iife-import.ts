/**
 * `import code from './page.ts?iife'`: the module's text is that file bundled (its imports, D3
 * included) into one minified IIFE, for a page that inlines its script (`convene report`). The
 * dependency is an import, so the build, the type checker and the import graph all see it.
 * Used by the command's build (vite.cli.config.ts) and by the tests (vite.config.ts).
 */
import { resolve, dirname } from 'node:path';
import { build, type Plugin } from 'vite';

const QUERY = '?iife';
const PREFIX = '\0iife:';

export function iifeImport(): Plugin {
  const bundled = new Map<string, Promise<string>>();
  return {
    name: 'convene-iife-import',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith(QUERY) || !importer) return null;
      return PREFIX + resolve(dirname(importer), source.slice(0, -QUERY.length));
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const entry = id.slice(PREFIX.length);
      this.addWatchFile(entry);
      let code = bundled.get(entry);
      if (!code) bundled.set(entry, (code = bundleIife(entry)));
      return `export default ${JSON.stringify(await code)};`;
    },
  };
}

async function bundleIife(entry: string): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      lib: { entry, formats: ['iife'], name: 'bundled', fileName: () => 'bundle.js' },
    },
  });
  for (const o of Array.isArray(output) ? output : [output]) {
    if (!('output' in o)) continue;
    const chunk = o.output.find((c) => c.type === 'chunk');
    if (chunk && 'code' in chunk) return chunk.code;
  }
  throw new Error(`bundling ${entry} produced no script`);
}
