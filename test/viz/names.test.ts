/**
 * Stakeholders as a student reads them (viz/names.ts): a short label as it is, a long one by its
 * first clause, and an id only when there is no readable label. Node only; the page's use of it is
 * in test/viz/headline.test.ts. Each expected name is the label cut by hand.
 */
import { describe, expect, it } from 'vitest';
import { nameAt, nameOf } from '../../viz/names.ts';
import { en } from '../../viz/messages/en.ts';
import { fr } from '../../viz/messages/fr.ts';

const meta = {
  ids: ['users', 'incumbent', 'registrar-8', 'ngo', 'long'],
  labels: [
    'Domain users', // 12 characters: as it is
    'The incumbent registry, which runs most of the names', // first clause, 22 characters
    '', // generated, no label: its id
    'Civil society (privacy and consumer groups)', // cut at the parenthesis
    'An extraordinarily long name without any clause at all to cut it at', // nothing short: its id
  ],
};

describe('stakeholder names', () => {
  it('keeps a short label, cuts a long one at its first clause, and falls back on the id', () => {
    expect([0, 1, 2, 3, 4].map((i) => nameAt(meta, i))).toEqual(['Domain users', 'The incumbent registry', 'registrar-8', 'Civil society', 'long']);
    expect(nameOf(meta, 'incumbent')).toBe('The incumbent registry');
    expect(nameOf(meta, 'nobody')).toBe('nobody');
  });

  it('puts a leading article in lower case inside a sentence, and nothing else', () => {
    expect(en.midSentence('The incumbent registry')).toBe('the incumbent registry');
    expect(en.midSentence('ICANN')).toBe('ICANN');
    expect(en.midSentence('Theatre owners')).toBe('Theatre owners');
    expect(fr.midSentence('Le registre en place')).toBe('le registre en place');
    expect(fr.midSentence('L’association')).toBe('l’association');
    expect(fr.midSentence('Lecteurs')).toBe('Lecteurs');
  });
});
