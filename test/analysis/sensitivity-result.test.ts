/** A sensitivity result in words and as a table: what the sentences say, and the CSV read back. */
import { describe, expect, it } from 'vitest';
import { indicesCsv, parseIndicesCsv, sensitivitySentence, type SensitivityResult } from '../../analysis/index.ts';

const iv = (value: number, low: number, high: number) => ({ value, low, high });
const result: SensitivityResult = {
  method: 'sobol',
  design: { sobol: { samples: 8, seed: 1 } },
  parameters: ['convenor.rule.threshold', 'convenor.deadline', 'seed'],
  points: 40,
  seeds: 6,
  means: { 'tyranny-of-the-minority': 0.3, collapse: 0.004 },
  indices: [
    { output: 'tyranny-of-the-minority', parameter: 'convenor.rule.threshold', sobol: { first: iv(0.5, 0.4, 0.6), total: iv(0.7, 0.6, 0.8) } },
    { output: 'tyranny-of-the-minority', parameter: 'convenor.deadline', sobol: { first: iv(0.1, 0.05, 0.15), total: iv(0.2, 0.1, 0.3) } },
    { output: 'tyranny-of-the-minority', parameter: 'seed', sobol: { first: iv(0, 0, 0), total: iv(0, 0, 0) } },
    { output: 'collapse', parameter: 'convenor.rule.threshold', sobol: { first: iv(0.3, 0, 2), total: iv(0.9, 0, 2) } },
    { output: 'collapse', parameter: 'convenor.deadline', sobol: { first: iv(0, 0, 0), total: iv(0, 0, 0) } },
    { output: 'collapse', parameter: 'seed', sobol: { first: iv(0, 0, 0), total: iv(0, 0, 0) } },
  ],
};

describe('sensitivity sentences', () => {
  it('name the largest total index, the next when its interval is apart, and what hardly matters', () => {
    // 0.7 [0.6, 0.8] against 0.2 [0.1, 0.3]: apart; seed's interval [0, 0] is under 5% of 0.7.
    expect(sensitivitySentence(result, 'tyranny-of-the-minority')).toBe(
      'What moves the odds of tyranny of the minority most: convenor.rule.threshold (total index 0.700, 95% interval 0.600 to 0.800), then convenor.deadline (total index 0.200, 95% interval 0.100 to 0.300); seed hardly matters.',
    );
  });

  it('say an outcome in under 1% of the runs is too rare to read indices from, and skip an output that never varies', () => {
    expect(sensitivitySentence(result, 'collapse')).toBe('The odds of collapse: too rare in these runs (0.40% of them) for the indices to say what moves them.');
    expect(sensitivitySentence(result, 'rounds')).toBeNull();
  });
});

describe('the indices table', () => {
  it('is read back as it was written', () => {
    const back = parseIndicesCsv(indicesCsv(result))!;
    expect(back.method).toBe('sobol');
    expect(back.parameters).toEqual(result.parameters);
    expect(back.indices).toEqual(result.indices);
    expect(parseIndicesCsv('a,b\n1,2\n')).toBeNull();
  });
});
