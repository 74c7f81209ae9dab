/**
 * The timeline: support with the rule's threshold and the rough-consensus
 * line, dispersion and participation on a shared 0–1 scale; open items below; the deadline
 * marked. It reads the measures by their names (MEASURES), like the CSV columns and the tests.
 */
import * as d3 from 'd3';
import { RULE_WORDS } from './conditions.ts';
import type { Measure } from '../sim/index.ts';
import type { Frame, Meta } from './frame.ts';
import { pct } from './dom.ts';
import { m as words } from './messages/index.ts';

const SHOWN: { measure: Measure; label: string; colour: string; dash?: string }[] = [
  { measure: 'support', label: words.timeline.measures.support, colour: '#0072B2' },
  { measure: 'participation', label: words.timeline.measures.participation, colour: '#009E73', dash: '6,3' },
  { measure: 'dispersion', label: words.timeline.measures.dispersion, colour: '#D55E00', dash: '2,2' },
];

export interface Timeline {
  open(meta: Meta): void;
  draw(frame: Frame): void;
  /** Marks the story's moments (rounds as the minutes number them) above the lines. */
  mark(moments: readonly { round: number; kind: string; text: string }[]): void;
}

export function createTimeline(host: HTMLElement, legend: HTMLElement): Timeline {
  // Drawn at the width it is shown at, so its text stays readable on a phone.
  let width = 1000;
  const top = { h: 200 };
  const bottom = { h: 60 };
  const margin = { left: 40, right: 16, top: 10, gap: 26, bottom: 24 };
  const height = margin.top + top.h + margin.gap + bottom.h + margin.bottom;
  const svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img').attr('class', 'timeline');
  host.replaceChildren(svg.node()!);
  const x = d3.scaleLinear().range([margin.left, width - margin.right]);
  const y = d3.scaleLinear([0, 1], [margin.top + top.h, margin.top]);
  const y2 = d3.scaleLinear().range([height - margin.bottom, height - margin.bottom - bottom.h]);
  const xAxis = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`);
  const xAxisTop = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${margin.top + top.h})`);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(4, '%'));
  const y2Axis = svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`);
  svg.append('text').attr('class', 'axis-label').attr('x', margin.left + 4).attr('y', height - margin.bottom - bottom.h - 4).text(words.timeline.openItems);
  const threshold = svg.append('line').attr('class', 'rule-line');
  const thresholdLabel = svg.append('text').attr('class', 'line-label');
  const rough = svg.append('line').attr('class', 'rough-line');
  const roughLabel = svg.append('text').attr('class', 'line-label');
  const deadline = svg.append('g').attr('class', 'deadline');
  deadline.append('line');
  deadline.append('text').attr('class', 'line-label').text(words.timeline.deadline);
  const blockedG = svg.append('g').attr('class', 'blocked-rounds');
  // What is known of the run beyond the round shown, after going back in time: support, faint.
  const ghost = svg.append('path').attr('class', 'ghost-line');
  const lines = svg.append('g');
  const marks = svg.append('g').attr('class', 'moment-marks');
  const cursor = svg.append('line').attr('class', 'cursor-line');
  const items = svg.append('path').attr('class', 'items-line');

  let meta: Meta | null = null;
  let series: Record<Measure, number[]> | null = null;
  /** The furthest the run has been: its support round by round. */
  let furthest: number[] = [];
  let round = 0;
  let moments: readonly { round: number; kind: string; text: string }[] = [];
  /** Rounds in which support reached rough consensus but the rule failed. */
  let blocked: number[] = [];

  legend.replaceChildren();
  for (const s of SHOWN) {
    const item = document.createElement('span');
    item.className = 'key';
    const sw = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    sw.setAttribute('width', '24');
    sw.setAttribute('height', '8');
    const stroke = document.createElementNS('http://www.w3.org/2000/svg', 'line');
    for (const [k, v] of Object.entries({ x1: '0', y1: '4', x2: '24', y2: '4', stroke: s.colour, 'stroke-width': '2' })) stroke.setAttribute(k, v);
    if (s.dash) stroke.setAttribute('stroke-dasharray', s.dash);
    sw.append(stroke);
    item.append(sw, ` ${s.label}`);
    legend.append(item);
  }
  const keyText = (cls: string, text: string) => {
    const k = document.createElement('span');
    k.className = `key ${cls}`;
    k.textContent = text;
    legend.append(k);
  };
  keyText('key-rule', words.timeline.keyRule);
  keyText('key-rough', words.timeline.keyRough);
  keyText('key-deadline', words.timeline.keyDeadline);
  keyText('key-blocked', words.timeline.keyBlocked);

  /** Takes the width the timeline is shown at; true when it changed. */
  function fit(): boolean {
    const shown = Math.max(320, Math.min(1400, Math.round(host.clientWidth || 1000)));
    if (shown === width) return false;
    width = shown;
    svg.attr('viewBox', `0 0 ${width} ${height}`);
    x.range([margin.left, width - margin.right]);
    return true;
  }

  // Drawn again when its width changes, at most once a frame.
  let resizing = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(() => {
      if (host.clientWidth > 0 && fit()) draw();
    });
  }).observe(host);

  function draw() {
    if (!meta || !series) return;
    const rounds = series.support.length;
    const known = Math.max(rounds, furthest.length);
    const end = Math.max(meta.convenor.deadline ?? 0, known, 10);
    x.domain([0, Math.min(end, Math.max(known + 10, meta.convenor.deadline ?? 0, 10))]);
    xAxis.call(d3.axisBottom(x).ticks(width < 600 ? 5 : 8));
    xAxisTop.call(d3.axisBottom(x).ticks(8).tickFormat(() => ''));
    const maxItems = Math.max(1, d3.max(series.openItems) ?? 1);
    y2.domain([0, maxItems]);
    y2Axis.call(d3.axisLeft(y2).ticks(Math.min(3, maxItems), 'd'));
    const hline = (sel: typeof threshold, v: number) =>
      sel.attr('x1', x.range()[0]).attr('x2', x.range()[1]).attr('y1', y(v)).attr('y2', y(v));
    hline(threshold, meta.threshold);
    thresholdLabel.attr('x', x.range()[1] - 4).attr('y', y(meta.threshold) - 3).attr('text-anchor', 'end').text(words.timeline.rule(RULE_WORDS[meta.rule], pct(meta.threshold)));
    hline(rough, meta.roughConsensus);
    // When the rule's threshold is the rough-consensus line, one label says both.
    const same = Math.abs(meta.threshold - meta.roughConsensus) < 1e-9;
    rough.attr('display', same ? 'none' : null);
    roughLabel.attr('display', same ? 'none' : null);
    roughLabel.attr('x', x.range()[0] + 4).attr('y', y(meta.roughConsensus) - 3).text(words.timeline.rough(pct(meta.roughConsensus)));
    if (same) thresholdLabel.text(words.timeline.ruleIsRough(RULE_WORDS[meta.rule], pct(meta.threshold)));
    const dl = meta.convenor.deadline;
    deadline.attr('display', dl !== null && dl <= x.domain()[1] ? null : 'none');
    if (dl !== null) {
      deadline.select('line').attr('x1', x(dl)).attr('x2', x(dl)).attr('y1', margin.top).attr('y2', height - margin.bottom);
      deadline.select('text').attr('x', x(dl) - 4).attr('y', margin.top + top.h - 4).attr('text-anchor', 'end');
    }
    const line = (values: number[]) => d3.line<number>().x((_, k) => x(k)).y((v) => y(v))(values);
    lines
      .selectAll<SVGPathElement, (typeof SHOWN)[number]>('path')
      .data(SHOWN)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (s) => s.colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', (s) => s.dash ?? null)
      .attr('d', (s) => line(series![s.measure]));
    const band = Math.max(2, x(1) - x(0));
    blockedG
      .selectAll('rect')
      .data(blocked)
      .join('rect')
      .attr('x', (r) => x(r) - band / 2)
      .attr('width', band)
      .attr('y', margin.top + top.h - 8)
      .attr('height', 8);
    ghost.attr('d', furthest.length > rounds ? line(furthest) : null);
    cursor
      .attr('x1', x(round))
      .attr('x2', x(round))
      .attr('y1', margin.top)
      .attr('y2', height - margin.bottom)
      .attr('display', round > 0 && furthest.length > rounds ? null : 'none');
    marks
      .selectAll<SVGPathElement, (typeof moments)[number]>('path')
      .data(moments)
      .join((enter) => enter.append('path').call((p) => p.append('title')))
      .attr('class', (m) => `moment-mark moment-${m.kind}`)
      .attr('d', (m) => `M${x(m.round)},${margin.top + 9}l-5,-9h10z`)
      .select('title')
      .text((m) => words.timeline.mark(m.round, m.text));
    items.attr('d', d3.line<number>().x((_, k) => x(k)).y((v) => y2(v)).curve(d3.curveStepAfter)(series.openItems));
    svg.attr('aria-label', words.timeline.label(rounds, pct(series.support[rounds - 1] ?? 0)));
  }

  return {
    open(m) {
      meta = m;
      series = null;
      blocked = [];
      furthest = [];
      moments = [];
      round = 0;
      fit();
    },
    mark(next) {
      moments = next;
      draw();
    },
    draw(frame) {
      if (frame.seriesFrom === 0) blocked = [];
      for (const e of frame.events) if (e.type === 'blocked') blocked.push(e.round);
      if (frame.seriesFrom === 0 || !series) series = { ...frame.series };
      else for (const k of Object.keys(frame.series) as Measure[]) series[k] = series[k].concat(frame.series[k]);
      if (series.support.length >= furthest.length) furthest = series.support;
      round = frame.round;
      draw();
    },
  };
}
