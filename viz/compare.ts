/**
 * Two runs side by side: the same scenario and seed, once as set and once with
 * one condition changed (unanimity or rough consensus, subsidies or not, ...), each with its
 * outcome, rounds, legitimacy, explanation and support line.
 */
import * as d3 from 'd3';
import type { RunResult } from '../sim/index.ts';
import { el, pct } from './dom.ts';
import type { Meta } from './frame.ts';
import { m as words } from './messages/index.ts';
import { headlineOf } from './outcome-panel.ts';

export interface Change {
  id: string;
  /** The change in words, given the conditions now set. */
  label: string;
  /** The overrides that make the change, given the conditions now set. */
  overrides: string[];
}

/**
 * The changes Compare offers for the conditions now set: only those that differ from them, each
 * in words that say which way it goes ("Close the side channel" when it is open).
 */
export function changesFor(m: Meta): Change[] {
  const c = m.convenor;
  const out: Change[] = [];
  if (c.rule.type !== 'unanimity') out.push({ id: 'unanimity', label: words.compare.unanimity, overrides: ['convenor.rule={type: unanimity}'] });
  if (!(c.rule.type === 'rough-consensus' && c.rule.threshold === 0.8)) {
    out.push({ id: 'rough-consensus', label: words.compare.roughConsensus, overrides: ['convenor.rule={type: rough-consensus, threshold: 0.8}'] });
  }
  if (c.rule.type !== 'majority') out.push({ id: 'majority', label: words.compare.majority, overrides: ['convenor.rule={type: majority}'] });
  const subsidised = Object.values(c.subsidies).some((v) => v > 0);
  out.push({
    id: 'subsidies',
    label: subsidised ? words.compare.stopPaying : words.compare.pay,
    overrides: m.constituencies.map((k) => `convenor.subsidies.${k.id}=${subsidised ? 0 : 2}`),
  });
  out.push({ id: 'side-channel', label: c.sideChannel ? words.compare.closeSideChannel : words.compare.openSideChannel, overrides: [`convenor.sideChannel=${!c.sideChannel}`] });
  out.push({
    id: 'deadline',
    label: c.deadline === null ? words.compare.setDeadline : words.compare.removeDeadline(c.deadline),
    overrides: [`convenor.deadline=${c.deadline === null ? 60 : 'null'}`],
  });
  if (c.inRoom !== null) out.push({ id: 'state-leaves', label: words.compare.stateLeaves, overrides: ['convenor.inRoom=null'] });
  out.push({
    id: 'declare-failure',
    label: c.declareFailure.allowed ? words.compare.mayNotFail : words.compare.mayFail,
    overrides: [`convenor.declareFailure.allowed=${!c.declareFailure.allowed}`],
  });
  if (c.exitRounds !== null) out.push({ id: 'no-walk-out', label: words.compare.noWalkOut, overrides: ['convenor.exitRounds=null'] });
  const vetoes = m.constituencies.filter((k) => k.roles.includes('implements'));
  if (vetoes.length > 0) {
    out.push({
      id: 'no-veto',
      label: words.compare.noVeto(vetoes.map((k) => k.label)),
      overrides: m.constituencies.flatMap((k, i) => (k.roles.includes('implements') ? [`constituencies[${i}].roles=[${k.roles.filter((r) => r !== 'implements').join(', ')}]`] : [])),
    });
  }
  return out;
}

/**
 * The two runs as cards, their support lines on one time axis (the longer run's rounds) and one
 * scale, so the eye compares them; the rule's threshold drawn and named on each.
 */
export function renderComparison(host: HTMLElement, runs: { title: string; result: RunResult | { errors: string[] } }[], threshold: number, options: { forkAt?: number; meta?: Meta } = {}): void {
  const rounds = Math.max(1, ...runs.map(({ result }) => ('errors' in result ? 0 : result.rounds)));
  host.replaceChildren(
    ...runs.map(({ title, result }) => {
      const card = el('article', { class: 'compare-card' }, el('h3', {}, title));
      if ('errors' in result) {
        card.append(el('p', { class: 'errors' }, result.errors.join('\n')));
        return card;
      }
      card.dataset.outcome = result.outcome;
      card.dataset.rounds = String(result.rounds);
      card.dataset.adopted = JSON.stringify(result.adopted ? result.adopted.position : null);
      card.append(
        el('p', { class: `outcome-class outcome-${result.outcome}` }, words.outcomes[result.outcome].title),
        el('p', { class: 'headline' }, headlineOf(result, options.meta ?? null)),
        el('p', {}, words.compare.facts(result.rounds, result.legitimacy === null ? words.outcome.noneAdopted : pct(result.legitimacy), result.flags.map((f) => words.flags[f].label).join(', ') || words.compare.none)),
        sparkline(result.series?.support ?? [], rounds, threshold, options.forkAt),
        el('p', { class: 'explanation' }, result.explanation),
      );
      return card;
    }),
  );
}

function sparkline(values: number[], rounds: number, threshold: number, forkAt?: number): SVGSVGElement {
  // Drawn wide enough that its text is not blown up on a desktop card, nor lost on a phone's.
  const w = 440;
  const h = 130;
  const margin = { left: 36, right: 8, top: 10, bottom: 32 };
  const x = d3.scaleLinear([0, Math.max(1, rounds - 1)], [margin.left, w - margin.right]);
  const y = d3.scaleLinear([0, 1], [h - margin.bottom, margin.top]);
  const svg = d3
    .create('svg')
    .attr('viewBox', `0 0 ${w} ${h}`)
    .attr('class', 'sparkline')
    .attr('role', 'img')
    .attr('aria-label', words.compare.sparkLabel(values.length, pct(threshold)));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${h - margin.bottom})`).call(d3.axisBottom(x).ticks(5, 'd').tickSize(3));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues([0, 0.5, 1]).tickFormat(d3.format('.0%')).tickSize(3));
  svg.append('text').attr('class', 'axis-label').attr('x', (margin.left + w - margin.right) / 2).attr('y', h - 2).attr('text-anchor', 'middle').text(words.compare.round);
  svg.append('line').attr('x1', margin.left).attr('x2', w - margin.right).attr('y1', y(threshold)).attr('y2', y(threshold)).attr('class', 'rule-line');
  svg.append('text').attr('class', 'line-label').attr('x', w - margin.right).attr('y', y(threshold) - 3).attr('text-anchor', 'end').text(words.compare.threshold(pct(threshold)));
  if (forkAt !== undefined) {
    // The rounds before the fork are the same meeting on both: the line marks where they part.
    svg.append('line').attr('class', 'fork-line').attr('x1', x(forkAt)).attr('x2', x(forkAt)).attr('y1', margin.top).attr('y2', h - margin.bottom);
    svg.append('text').attr('class', 'line-label').attr('x', x(forkAt) + 3).attr('y', h - margin.bottom - 4).text(words.compare.fork(forkAt));
  }
  svg.append('path').attr('fill', 'none').attr('stroke', '#0072B2').attr('stroke-width', 2).attr('d', d3.line<number>().x((_, k) => x(k)).y((v) => y(v))(values));
  svg.append('text').attr('class', 'line-label').attr('x', margin.left + 3).attr('y', margin.top + 9).text(words.compare.support);
  return svg.node()!;
}
