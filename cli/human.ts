/**
 * One run for a reader (`convene run FILE` without --json): the outcome, how it ended, the
 * adopted point by issue, support, legitimacy, flags and the explanation. Plain text; colour only
 * when the caller says so (a terminal, NO_COLOR unset). Scenario text is printed as text.
 */
import { endClause, MEASURES, OUTCOME_WORDS, percent as pct, plural, type RunEvent, type RunResult, type Scenario } from '../sim/index.ts';
import { plainText } from './io.ts';

const ANSI = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' } as const;
type Style = keyof typeof ANSI;

const OUTCOME_STYLE: Record<RunResult['outcome'], Style> = {
  'rough-consensus': 'green',
  'contested-decision': 'yellow',
  'tyranny-of-the-minority': 'red',
  collapse: 'red',
  'declared-failure': 'red',
  'glacial-drift': 'yellow',
};

const fixed = (x: number) => x.toFixed(3);

export function formatRun(r: RunResult, scenario: Scenario, options: { colour?: boolean } = {}): string {
  const paint = (style: Style, text: string) => (options.colour ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text);
  const row = (label: string, value: string) => `  ${paint('dim', label.padEnd(14))}${value}`;
  const issues = scenario.issues.map((issue) => issue.id);

  const lines = [paint('bold', `${plainText(r.scenario)}, seed ${r.seed}`)];
  lines.push(row('outcome', paint(OUTCOME_STYLE[r.outcome], OUTCOME_WORDS[r.outcome].label)));
  lines.push(row('ended', endClause({ end: r.end, rounds: r.rounds, deadline: scenario.convenor.deadline, adoptedRound: r.adopted?.round })));
  lines.push(row('rounds', `${r.rounds} (numbered 0 to ${r.rounds - 1})`));
  if (r.adopted) {
    const point = r.adopted.position.map((x, d) => `${issues[d] ?? `issue ${d}`} ${fixed(x)}`).join(', ');
    lines.push(row('adopted', `${point}, with ${pct(r.adopted.support)} support`));
  } else {
    lines.push(row('adopted', 'nothing'));
  }
  lines.push(row('support', `${pct(r.support)} at the end; best ${pct(r.bestSupport.support)} in round ${r.bestSupport.round}`));
  lines.push(
    row(
      'blocked',
      r.blockedRounds === 0
        ? 'no rounds'
        : `${plural(r.blockedRounds, 'round')}; objecting: ${r.blockers.join(', ')}${r.blockers.length === 20 ? ' (the 20 most frequent)' : ''}`,
    ),
  );
  const left = [r.declined > 0 ? `${r.declined} declined the invitation` : '', r.walkedOut > 0 ? `${r.walkedOut} walked out` : ''].filter(Boolean);
  lines.push(row('left', left.length === 0 ? 'nobody declined or walked out' : left.join('; ')));
  lines.push(row('participation', pct(r.participation)));
  lines.push(row('inclusion', pct(r.inclusion)));
  lines.push(row('legitimacy', r.legitimacy === null ? 'none (nothing adopted)' : fixed(r.legitimacy)));
  lines.push(row('open items', String(r.openItems)));
  lines.push(row('flags', r.flags.length === 0 ? 'none' : paint('yellow', r.flags.join(', '))));
  lines.push('', plainText(r.explanation));
  return lines.join('\n') + '\n';
}

/** `--series` without --json: one line per round, a column per measure. */
export function formatSeries(r: RunResult): string {
  if (!r.series) return '';
  const header = ['round', ...MEASURES].join('\t');
  const rows = [];
  for (let t = 0; t < r.rounds; t++) {
    rows.push([t, ...MEASURES.map((m) => round4(r.series![m][t]))].join('\t'));
  }
  return [header, ...rows].join('\n') + '\n';
}

/** `--events` without --json: one line per event of the record. */
export function formatEvents(r: RunResult): string {
  if (!r.events) return '';
  return r.events.map(formatEvent).join('\n') + (r.events.length > 0 ? '\n' : '');
}

function formatEvent(e: RunEvent): string {
  const parts = [`round ${e.round}`, e.type];
  if (e.stakeholder !== undefined) parts.push(e.stakeholder);
  if (e.constituency !== undefined) parts.push(`constituency ${e.constituency}`);
  if (e.stakeholders !== undefined) parts.push(e.stakeholders.join(', '));
  if (e.value !== undefined) parts.push(`value ${round4(e.value)}`);
  if (e.position !== undefined) parts.push(`at [${e.position.map(fixed).join(', ')}]`);
  return parts.join('  ');
}

const round4 = (x: number | undefined) => (x === undefined ? '' : String(Math.round(x * 1e4) / 1e4));
