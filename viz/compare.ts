/**
 * Two runs side by side: the same scenario and seed, once as set and once with
 * one condition changed (unanimity or rough consensus, subsidies or not, ...), each with its
 * outcome, rounds, legitimacy, explanation and support line.
 */
import * as d3 from 'd3';
import type { RunResult } from '../sim/index.ts';
import { el, pct } from './dom.ts';
import type { Meta } from './frame.ts';
import { OUTCOME_WORDS } from '../sim/index.ts';

export interface Change {
  id: string;
  label: string;
  /** The overrides that make the change, given the scenario's conditions. */
  overrides(meta: Meta): string[];
}

export const CHANGES: Change[] = [
  { id: 'unanimity', label: 'Unanimity instead', overrides: () => ['convenor.rule={type: unanimity}'] },
  { id: 'rough-consensus', label: 'Rough consensus (80%) instead', overrides: () => ['convenor.rule={type: rough-consensus, threshold: 0.8}'] },
  { id: 'majority', label: 'Majority vote instead', overrides: () => ['convenor.rule={type: majority}'] },
  {
    id: 'subsidies',
    label: 'Subsidies on / off',
    overrides: (m) => {
      const any = Object.values(m.convenor.subsidies).some((v) => v > 0);
      return m.constituencies.map((c) => `convenor.subsidies.${c.id}=${any ? 0 : 2}`);
    },
  },
  { id: 'side-channel', label: 'Side channel on / off', overrides: (m) => [`convenor.sideChannel=${!m.convenor.sideChannel}`] },
  { id: 'deadline', label: 'No deadline / a deadline of 60', overrides: (m) => [`convenor.deadline=${m.convenor.deadline === null ? 60 : 'null'}`] },
];

export function renderComparison(host: HTMLElement, runs: { title: string; result: RunResult | { errors: string[] } }[]): void {
  host.replaceChildren(
    ...runs.map(({ title, result }) => {
      const card = el('article', { class: 'compare-card' }, el('h3', {}, title));
      if ('errors' in result) {
        card.append(el('p', { class: 'errors' }, result.errors.join('\n')));
        return card;
      }
      card.dataset.outcome = result.outcome;
      card.append(
        el('p', { class: `outcome-class outcome-${result.outcome}` }, OUTCOME_WORDS[result.outcome].title),
        el('p', {}, `${result.rounds} rounds · legitimacy ${result.legitimacy === null ? 'none' : pct(result.legitimacy)} · flags: ${result.flags.join(', ') || 'none'}`),
        sparkline(result.series?.support ?? []),
        el('p', { class: 'explanation' }, result.explanation),
      );
      return card;
    }),
  );
}

function sparkline(values: number[]): SVGSVGElement {
  const w = 300;
  const h = 60;
  const x = d3.scaleLinear([0, Math.max(1, values.length - 1)], [2, w - 2]);
  const y = d3.scaleLinear([0, 1], [h - 2, 2]);
  const svg = d3.create('svg').attr('viewBox', `0 0 ${w} ${h}`).attr('class', 'sparkline').attr('role', 'img').attr('aria-label', 'support, round by round');
  svg.append('line').attr('x1', 0).attr('x2', w).attr('y1', y(0.8)).attr('y2', y(0.8)).attr('class', 'rough-line');
  svg.append('path').attr('fill', 'none').attr('stroke', '#0072B2').attr('stroke-width', 2).attr('d', d3.line<number>().x((_, k) => x(k)).y((v) => y(v))(values));
  return svg.node()!;
}
