import { describe, expect, it } from 'vitest';
import { STANCE } from '../../sim/index.ts';
import { STANCE_NAMES } from '../../viz/policy-space.ts';

describe('the policy space’s stance names', () => {
  it('follow the core’s numbering of stances', () => {
    expect(STANCE_NAMES[STANCE.absent]).toBe('absent');
    expect(STANCE_NAMES[STANCE.supports]).toBe('supports');
    expect(STANCE_NAMES[STANCE.addressed]).toBe('objection addressed');
    expect(STANCE_NAMES[STANCE.objects]).toBe('objects');
    expect(STANCE_NAMES[STANCE.disengaged]).toBe('does not engage');
    expect(STANCE_NAMES).toHaveLength(Object.keys(STANCE).length);
  });
});
