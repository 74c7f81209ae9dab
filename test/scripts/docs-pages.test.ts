/**
 * The site's help pages (scripts/docs-pages.ts): the documents rendered as HTML, headings with
 * GitHub's ids (so the repository's links work on the site), a row id for every outcome class and
 * flag (so the page's link lands on the class), and links between documents pointing at the
 * site's pages rather than at Markdown files the site does not serve.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLAGS, OUTCOMES } from '../../sim/index.ts';
import { DOCS_PAGES, headingId, renderDocsPage } from '../../scripts/docs-pages.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const page = (name: string) => renderDocsPage(readFileSync(join(ROOT, DOCS_PAGES[name].source), 'utf8'), DOCS_PAGES[name].title, DOCS_PAGES[name].lang);

describe('the help pages', () => {
  it('gives headings the ids GitHub gives them', () => {
    expect(headingId('7. How a run ends: outcome classes')).toBe('7-how-a-run-ends-outcome-classes');
    expect(headingId('The regime map: <code>convene map</code>')).toBe('the-regime-map-convene-map');
  });

  it('lands a link on each outcome class and flag of the model page, once', () => {
    const html = page('model.html');
    for (const id of [...OUTCOMES, ...FLAGS]) expect(html.split(`<tr id="${id}">`).length - 1, id).toBe(1);
    expect(html).not.toContain('## 7.');
    expect(html).toContain('<a href="./">← Back to Convene</a>');
  });

  it('explains the map and the fork in their own page, linking to the site\'s pages', () => {
    const html = page('what-if.html');
    for (const id of ['the-regime-map', 'a-fork-changing-one-condition-from-a-given-round-on', 'one-link-for-a-class']) expect(html).toContain(`<h2 id="${id}">`);
    expect(html).toContain('href="./experiments.html#the-regime-map-convene-map"');
    expect(page('experiments.html')).toContain('<h2 id="the-regime-map-convene-map">');
    // Every link to a document the site serves points at its page.
    for (const name of Object.keys(DOCS_PAGES)) expect(page(name)).not.toMatch(/href="(\.\/)?(model|glossary|what-if|experiments|analysis)\.md/);
  });

  it('has the map and the fork in French too, and the page links each language to its own', () => {
    const html = page('what-if.fr.html');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<a href="./?lang=fr">← Retour à Convene</a>');
    expect(html).toContain('<h2 id="la-carte-des-régimes">');
    // Linked from docs/fr/, the English guide to experiments is still the site's page.
    expect(html).toContain('href="./experiments.html#the-regime-map-convene-map"');
    // The French page of outcomes has a row for each class and flag.
    const classes = page('outcomes.fr.html');
    expect(classes).toContain('<html lang="fr">');
    for (const id of [...OUTCOMES, ...FLAGS]) expect(classes.split(`<tr id="${id}">`).length - 1, id).toBe(1);
  });
});
