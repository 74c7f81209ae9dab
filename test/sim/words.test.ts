import { describe, expect, it } from 'vitest';
import { endClause, FLAG_WORDS, headline, FLAGS, OUTCOME_WORDS, OUTCOMES, percent, percentTenths, percentTenthsTrimmed, plural, undecidedPhrase } from '../../sim/index.ts';

describe("the product's words", () => {
  it('has words for every outcome class and flag', () => {
    for (const o of OUTCOMES) {
      expect(OUTCOME_WORDS[o].label).toBe(o.replace(/-/g, ' '));
      expect(OUTCOME_WORDS[o].title.toLowerCase()).toBe(OUTCOME_WORDS[o].label);
      expect(OUTCOME_WORDS[o].plain).toMatch(/^[A-Z].*\.$/);
    }
    for (const f of FLAGS) expect(FLAG_WORDS[f].plain.startsWith(`${FLAG_WORDS[f].label}:`)).toBe(true);
  });

  it('writes shares and counts', () => {
    expect([percent(0.125), percent(0), percent(1)]).toEqual(['13%', '0%', '100%']);
    expect([percentTenths(0.125), percentTenths(0.5)]).toEqual(['12.5%', '50.0%']);
    expect([percentTenthsTrimmed(0.125), percentTenthsTrimmed(1), percentTenthsTrimmed(0.9995)]).toEqual(['12.5%', '100%', '100%']);
    expect([plural(1, 'round'), plural(3, 'round'), plural(2, 'bus', 'buses')]).toEqual(['1 round', '3 rounds', '2 buses']);
  });

  it('says the same about a deadline in the clause and the phrase', () => {
    const later = { end: 'horizon', rounds: 20, deadline: 500 } as const;
    expect(endClause(later)).toBe('the horizon was reached after 20 rounds, before the deadline at round 500');
    expect(undecidedPhrase(later)).toBe("in 20 rounds, the run's horizon, before the deadline at round 500");
    const none = { end: 'horizon', rounds: 1, deadline: null } as const;
    expect(endClause(none)).toBe('the horizon was reached after 1 round, with no deadline declared');
    expect(undecidedPhrase(none)).toBe('in 1 round with no deadline declared');
    expect(endClause({ end: 'adopted', rounds: 8, deadline: null, adoptedRound: 7 })).toBe('a text was adopted in round 7');
    expect(undecidedPhrase({ end: 'deadline', rounds: 60, deadline: 60 })).toBe('by the deadline at round 60');
  });

  describe('the headline agrees with the numbers', () => {
    const base = { flags: [] as never[], adopted: { support: 1 }, bestSupport: { support: 1 }, blockedRounds: 0, blockers: [] as string[] };
    it('says a captured consensus is captured', () => {
      expect(headline({ ...base, outcome: 'rough-consensus', flags: ['capture'] as never[], adopted: { support: 0.87 } })).toBe(
        'Rough consensus: a text nearly everyone could live with was adopted with 87% support, but the text favours the convenor or a small, well-resourced group (capture).',
      );
    });
    it('says why a text adopted with 100% support is tyranny of the minority', () => {
      expect(headline({ ...base, outcome: 'tyranny-of-the-minority', blockedRounds: 19, blockers: ['registry'] })).toBe(
        'Tyranny of the minority: the text was adopted with 100% support, but only after registry held out for 19 rounds and pulled it their way.',
      );
    });
    it('says what was blocked when nothing was adopted', () => {
      expect(headline({ ...base, outcome: 'tyranny-of-the-minority', adopted: null, bestSupport: { support: 0.93 }, blockedRounds: 2, blockers: ['a', 'b', 'c'] })).toBe(
        'Tyranny of the minority: a and 2 others held out for 2 rounds; support reached 93%, and nothing was adopted.',
      );
    });
    it('names every flag of an adopted text', () => {
      expect(headline({ ...base, outcome: 'rough-consensus', flags: ['exclusion', 'collateral-attack'] as never[] })).toBe(
        'Rough consensus: a text nearly everyone could live with was adopted with 100% support, but people it affects were not in the room (exclusion), and someone with a better option outside goes around it (collateral attack).',
      );
    });
  });
});
