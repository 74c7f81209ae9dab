/**
 * Stakeholders as a student reads them (viz/names.ts): a short label as it is, a long one by its
 * first clause, and an id only when there is no readable label. Node only; the page's use of it is
 * in test/viz/headline.test.ts. Each expected name is the label cut by hand.
 */
import { describe, expect, it } from 'vitest';
import { groupNameAt, nameAt, nameOf } from '../../viz/names.ts';
import { en } from '../../viz/messages/en.ts';
import { fr } from '../../viz/messages/fr.ts';
import { explanation as frExplanation } from '../../viz/messages/fr-explanation.ts';

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

  it('names a constituency by the same rule, and says how many of it left and why, in each language', () => {
    const groups = {
      constituencies: [
        { id: 'civil', label: 'Privacy and consumer groups', roles: [] }, // 27 characters, no clause: as it is
        { id: 'firms', label: 'Technology firms, retailers and the platforms they sell through', roles: [] }, // first clause
        { id: 'public', label: '', roles: [] }, // no label: its id
      ],
    };
    expect([0, 1, 2].map((c) => groupNameAt(groups, c))).toEqual(['Privacy and consumer groups', 'Technology firms', 'public']);
    expect(en.space.crowd('Privacy and consumer groups', 8, en.space.why['walked out'])).toBe('Privacy and consumer groups: 8 walked out');
    expect(en.space.named('The incumbent registry', en.space.why.objects)).toBe('The incumbent registry: objects');
    // French: the singular « a claqué la porte » of one becomes the plural of several.
    expect(fr.space.crowd('Associations', 8, fr.space.why['walked out'])).toBe('Associations : 8 ont claqué la porte');
    expect(fr.space.named('Le registre en place', fr.space.why['walked out'])).toBe('Le registre en place : a claqué la porte');
    // The explanation counts such a crowd the same way, in the plural: « 8 … ont claqué la porte ».
    const who = frExplanation.list([frExplanation.crowd({ count: 8, group: 'Associations' })]);
    expect(frExplanation.walkedOut({ who, count: 8, rounds: 16 })).toBe(
      '8 du collège Associations ont claqué la porte : pendant 16 tours de suite, aucun texte ne leur a rapporté autant que de contourner le processus.',
    );
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
