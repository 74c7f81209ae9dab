/**
 * The page's links to the help pages, in each language (viz/messages): each lands on a heading or
 * a row of a page the site serves in that language (scripts/docs-pages.ts), titled as the page
 * titles it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../sim/index.ts';
import { DOCS_PAGES, renderDocsPage } from '../../scripts/docs-pages.ts';
import { en } from '../../viz/messages/en.ts';
import { fr } from '../../viz/messages/fr.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const page = (name: string) => renderDocsPage(readFileSync(join(ROOT, DOCS_PAGES[name].source), 'utf8'), DOCS_PAGES[name].title, DOCS_PAGES[name].lang);

describe('the help links of each language', () => {
  it('land on a heading of the map and fork page in the page’s language', () => {
    for (const m of [en, fr]) {
      for (const href of [m.static.forkHelp, m.static.mapHelp]) {
        const [, name, id] = /^\.\/([\w.-]+\.html)#(.+)$/.exec(href)!;
        expect(DOCS_PAGES[name]?.lang ?? 'en', href).toBe(m.tag);
        expect(page(name), href).toMatch(new RegExp(`<h2 id="${id}">`));
      }
    }
  });

  it('land on each outcome class’s row, which names it as the page names it', () => {
    expect(en.outcome.classPage).toBe('./model.html');
    const name = fr.outcome.classPage.slice(2);
    expect(DOCS_PAGES[name].lang).toBe('fr');
    const classes = page(name);
    for (const id of OUTCOMES) expect(classes, id).toContain(`<tr id="${id}">\n<td><code>${id}</code></td>\n<td><strong>${fr.outcomes[id].title}.</strong>`);
  });
});
