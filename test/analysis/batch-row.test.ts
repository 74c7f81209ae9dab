import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRow, CSV_COLUMNS, jsonlRow } from '../../analysis/batch-row.ts';

describe('batch rows', () => {
  it('has the header of RESULT.md, then a boolean column per flag and the counts of those who declined and walked out', () => {
    expect(csvHeader()).toBe('seed,outcome,end,rounds,support,bestSupport,blockedRounds,participation,inclusion,legitimacy,openItems,flags,capture,exclusion,collateral_attack,declined,walked_out\n');
    expect(CSV_COLUMNS).toHaveLength(17);
  });

  it('quotes cells with commas, quotes and line breaks, and leaves null empty', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell('capture;exclusion')).toBe('capture;exclusion');
  });

  it('writes bestSupport as its support, flags joined by ";", null legitimacy as empty', () => {
    const base = {
      seed: 4,
      outcome: 'collapse',
      end: 'collapse',
      rounds: 9,
      support: 0.25,
      bestSupport: { round: 2, support: 0.5 },
      blockedRounds: 1,
      participation: 0.4,
      inclusion: 0.3,
      legitimacy: null,
      openItems: 2,
      flags: ['capture', 'collateral-attack'],
      declined: 2,
      walkedOut: 0,
    } as unknown as Parameters<typeof csvRow>[0];
    expect(csvRow(base)).toBe('4,collapse,collapse,9,0.25,0.5,1,0.4,0.3,,2,capture;collateral-attack,TRUE,FALSE,TRUE,2,0\n');
    expect(csvRow({ ...base, flags: [] })).toMatch(/,2,,FALSE,FALSE,FALSE,2,0\n$/);
  });

  it('writes a JSONL line that is the JSON of the result, on one line', () => {
    const line = jsonlRow({ seed: 1, explanation: 'two\nlines' } as never);
    expect(line).toBe('{"seed":1,"explanation":"two\\nlines"}\n');
    expect(line.split('\n')).toHaveLength(2);
  });
});
