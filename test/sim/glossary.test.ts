/** One glossary for the page and the docs: docs/glossary.md lists exactly the entries of sim/glossary.ts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, NOT_ON_THE_PAGE } from '../../sim/index.ts';

const doc = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');

describe('the glossary', () => {
  it('is the same list in docs/glossary.md, term by term, in order', () => {
    const rows = doc.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| term') && !l.startsWith('|---'));
    const inDoc = rows.map((l) => l.split('|').slice(1, 4).map((c) => c.trim()));
    expect(inDoc).toEqual(GLOSSARY.map((g) => [g.insider ? `${g.term} *(insider)*` : g.term, g.plain, g.meaning]));
  });

  it('keeps the insider terms and the command line\'s syntax off the page', () => {
    expect(NOT_ON_THE_PAGE).toEqual(['utility', 'reservation', 'aspiration', 'principal axis', 'override', '--set']);
  });
});
