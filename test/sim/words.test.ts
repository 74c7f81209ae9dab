import { describe, expect, it } from 'vitest';
import { endClause, FLAG_WORDS, FLAGS, OUTCOME_WORDS, OUTCOMES, percent, percentTenths, percentTenthsTrimmed, plural, undecidedPhrase } from '../../sim/index.ts';

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
});
