/**
 * Two ways to import a bundled scenario or lesson file at build time, so the page lists the files
 * without their texts and the worker reads a scenario without the YAML parser on first render:
 *
 * - `import names from './x.yaml?name'`: a scenario's `name:` or a lesson's `title:`, by language
 *   (`en` the file's own, and any `translations.<lang>.title` or `.name`);
 * - `import text from './x.yaml?json'`: the file's data as JSON text, read by the core's own YAML
 *   reader (readYaml, sim/scenario), so the worker validates exactly what `convene run` reads
 *   from the YAML (the contract test holds the page to it).
 *
 * Used by the site's build and its tests (vite.config.ts).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { readYaml } from '../sim/scenario/index.ts';

type Named = { name?: unknown; title?: unknown; translations?: Record<string, Named> };
const nameOf = (data: Named | null | undefined) => (typeof data?.title === 'string' ? data.title : typeof data?.name === 'string' ? data.name : undefined);

function dataOf(file: string): unknown {
  const read = readYaml(readFileSync(file, 'utf8'));
  if (!read.ok) throw new Error(`${file}: nested too deeply to read`);
  if (read.doc.errors.length > 0) throw new Error(`${file}: ${read.doc.errors[0].message}`);
  return read.doc.toJS();
}

export function bundledFiles(): Plugin {
  return {
    name: 'convene-bundled-files',
    enforce: 'pre',
    load(id) {
      const query = /\?(name|json)$/.exec(id)?.[1];
      if (!query) return null;
      const file = id.slice(0, -query.length - 1);
      this.addWatchFile(file);
      const data = dataOf(file);
      if (query === 'json') return `export default ${JSON.stringify(JSON.stringify(data))};`;
      const named = data as Named | null;
      const names: Record<string, string> = { en: nameOf(named) ?? '' };
      for (const [lang, words] of Object.entries(named?.translations ?? {})) {
        const name = nameOf(words);
        if (name !== undefined) names[lang] = name;
      }
      return `export default ${JSON.stringify(names)};`;
    },
  };
}
