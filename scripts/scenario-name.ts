/**
 * `import names from './x.yaml?name'`: a scenario's `name:` or a lesson's `title:` read at build
 * time, by language (`en` the file's own, and any `translations.<lang>.title` or `.name`), so the
 * page can list the bundled files and load each file's text only when it is opened. Used by the
 * site's build and its tests (vite.config.ts).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Plugin } from 'vite';

const QUERY = '?name';

type Named = { name?: unknown; title?: unknown };
const nameOf = (data: Named | null | undefined) => (typeof data?.title === 'string' ? data.title : typeof data?.name === 'string' ? data.name : undefined);

export function scenarioName(): Plugin {
  return {
    name: 'convene-scenario-name',
    enforce: 'pre',
    load(id) {
      if (!id.endsWith(QUERY)) return null;
      const file = id.slice(0, -QUERY.length);
      this.addWatchFile(file);
      const data = parse(readFileSync(file, 'utf8')) as (Named & { translations?: Record<string, Named> }) | null;
      const names: Record<string, string> = { en: nameOf(data) ?? '' };
      for (const [lang, words] of Object.entries(data?.translations ?? {})) {
        const name = nameOf(words);
        if (name !== undefined) names[lang] = name;
      }
      return `export default ${JSON.stringify(names)};`;
    },
  };
}
