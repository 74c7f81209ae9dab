import { describe, expect, it } from 'vitest';
import { STANCE } from '../../sim/index.ts';
import { en } from '../../viz/messages/en.ts';
import { fr } from '../../viz/messages/fr.ts';

// The names the policy space shows (viz/policy-space.ts reads them from the page's catalogue).
const STANCE_NAMES = en.space.stances;

describe('the policy space’s stance names', () => {
  it('follow the core’s numbering of stances', () => {
    expect(STANCE_NAMES[STANCE.absent]).toBe('absent');
    expect(STANCE_NAMES[STANCE.supports]).toBe('supports');
    expect(STANCE_NAMES[STANCE.addressed]).toBe('objection addressed');
    expect(STANCE_NAMES[STANCE.objects]).toBe('objects');
    expect(STANCE_NAMES[STANCE.disengaged]).toBe('does not engage');
    expect(STANCE_NAMES).toHaveLength(Object.keys(STANCE).length);
    // Every language names each stance, in the same order.
    expect(fr.space.stances).toHaveLength(Object.keys(STANCE).length);
  });
});
