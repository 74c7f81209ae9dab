/**
 * The site's help pages: Markdown documents of docs/ rendered to HTML at build time (and on the
 * fly by the development server), so the page's "What tyranny of the minority means" opens a page
 * of the site on that class, not raw Markdown. Headings get GitHub's ids, so links written for the
 * repository work on the site too; each row of the outcome-class and flag tables gets the class's
 * or the flag's id, so a link can land on it.
 */
import { readFileSync } from 'node:fs';
import { Marked } from 'marked';
import type { Plugin } from 'vite';

export type DocsLanguage = 'en' | 'fr';

/**
 * Site page → its Markdown source (relative to the project's root), title and language. A page in
 * another language than English is named with the language before `.html` (`what-if.fr.html`),
 * from `docs/<language>/`; the page's catalogue in that language links to it.
 */
export const DOCS_PAGES: Record<string, { source: string; title: string; lang?: DocsLanguage }> = {
  'model.html': { source: 'docs/model.md', title: 'The Convene model' },
  'glossary.html': { source: 'docs/glossary.md', title: 'Glossary' },
  'what-if.html': { source: 'docs/what-if.md', title: 'What if: the regime map and the fork' },
  'what-if.fr.html': { source: 'docs/fr/what-if.md', title: 'Et si : la carte des régimes et la bifurcation', lang: 'fr' },
  // The model's sections 7 and 8 alone: the page's « Ce que veut dire … » lands on a class there.
  'outcomes.fr.html': { source: 'docs/fr/outcomes.md', title: 'Comment finit une réunion : les résultats et les alertes', lang: 'fr' },
  'experiments.html': { source: 'docs/experiments.md', title: 'Experiments from the command line' },
  'analysis.html': { source: 'docs/analysis.md', title: 'Which conditions matter' },
};

/** What a help page says around its document, by its language. */
const FRAME: Record<DocsLanguage, { back: string; home: string }> = {
  en: { back: '← Back to Convene', home: './' },
  fr: { back: '← Retour à Convene', home: './?lang=fr' },
};

/**
 * A link between the documents, written for the repository (`model.md#…`, or `../model.md#…` from
 * a translation's folder), as the site's page (`model.html#…`), where every page sits side by side.
 */
function siteLink(href: string): string {
  const m = /^(?:\.\.?\/)?([a-z-]+)\.md(#.*)?$/.exec(href);
  return m && DOCS_PAGES[`${m[1]}.html`] ? `./${m[1]}.html${m[2] ?? ''}` : href;
}

/** GitHub's heading id: lower case, punctuation dropped, spaces as hyphens. */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; background: #fafaf7; margin: 0; line-height: 1.5; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; background: #fff; }
nav { max-width: 52rem; margin: 0 auto; padding: 0.6rem 1.25rem; }
a { color: #0b5ea8; }
table { border-collapse: collapse; margin: 0.75rem 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
tr:target { background: #fff1cc; outline: 3px solid #E69F00; }
code { font-size: 0.92em; background: #f3f3ee; padding: 0 0.2em; border-radius: 3px; }
pre { overflow-x: auto; background: #f3f3ee; padding: 0.6rem; }
:target { scroll-margin-top: 1rem; }
`;

/** One Markdown document as a whole HTML page of the site. */
export function renderDocsPage(markdown: string, title: string, lang: DocsLanguage = 'en'): string {
  const marked = new Marked({
    gfm: true,
    renderer: {
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        return `<a href="${siteLink(href)}"${title ? ` title="${title}"` : ''}>${inner}</a>`;
      },
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        return `<h${depth} id="${headingId(inner)}">${inner}</h${depth}>\n`;
      },
    },
  });
  let body = marked.parse(markdown, { async: false });
  // A table row that begins with a class or flag id in code takes that id (model.html#capture):
  // the first such row, the one that defines it (outcome classes come before the record's entries).
  const taken = new Set<string>();
  body = body.replace(/<tr>\s*<td><code>([a-z-]+)<\/code><\/td>/g, (row, id: string) => {
    if (taken.has(id)) return row;
    taken.add(id);
    return `<tr id="${id}">\n<td><code>${id}</code></td>`;
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title} — Convene</title>
<link rel="icon" href="data:," />
<style>${STYLE}</style>
</head>
<body>
<nav><a href="${FRAME[lang].home}">${FRAME[lang].back}</a></nav>
<main>
${body}
</main>
</body>
</html>
`;
}

const read = (root: URL, source: string) => readFileSync(new URL(source, root), 'utf8');

/** Emits the help pages with the built site. */
export function docsPages(root: URL): Plugin {
  return {
    name: 'convene-docs-pages',
    apply: 'build',
    generateBundle() {
      for (const [fileName, { source, title, lang }] of Object.entries(DOCS_PAGES)) {
        this.emitFile({ type: 'asset', fileName, source: renderDocsPage(read(root, source), title, lang) });
      }
    },
  };
}

/** Serves the help pages from the development server (`npm start`), rendered as the build renders them. */
export function docsPagesServed(root: URL): Plugin {
  return {
    name: 'convene-docs-pages-served',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = (req.url ?? '').split(/[?#]/)[0].split('/').pop() ?? '';
        const page = DOCS_PAGES[name];
        if (!page) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(renderDocsPage(read(root, page.source), page.title, page.lang));
      });
    },
  };
}
