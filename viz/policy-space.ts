/**
 * The policy space: stakeholders at their stated positions, sized by power,
 * coloured by constituency, faded as resources run out and outlined by their stance; caucus
 * centres with their chairs; the acceptable box; the convenor's point when it is in the room; the
 * proposal and its trail. SVG for small populations, a canvas under the SVG for large ones.
 *
 * It is drawn at the width it is shown at, again whenever that width changes, and works from the
 * keyboard: focused, the arrows move a focused stakeholder by place (left and
 * right across, up and down), Home and End go to the leftmost and rightmost, Enter selects, Escape
 * clears. The focused stakeholder gets the hover's details, a ring, its minutes marked and a
 * sentence in a live region; the same for dots on the canvas, which have no elements to focus.
 */
import { groupNameAt, nameAt } from './names.ts';
import * as d3 from 'd3';
import { principalAxes, projectPoint, type Projection } from '../analysis/index.ts';
import { el, num } from './dom.ts';
import { m as words } from './messages/index.ts';
import type { Frame, Meta } from './frame.ts';
import { constituencyColour } from './palette.ts';

/** Above this many stakeholders, dots go on a canvas. */
export const CANVAS_ABOVE = 400;

/** The square's side in CSS pixels: the host's width within these bounds (the host is at most 620 wide). */
const SMALLEST = 260;
const LARGEST = 620;
/** The plot's side at which dots have their full radius; smaller plots shrink them, down to 60%. */
const FULL_PLOT = 464;

/** Names of the stances, indexed as STANCE in sim/run-state.ts numbers them (test/viz/stance.test.ts). */
export const STANCE_NAMES: readonly string[] = words.space.stances;
const DASH: Record<number, string | null> = { 0: '2,2', 1: null, 2: null, 3: '4,2', 4: '1,2' };
const STROKE_WIDTH: Record<number, number> = { 0: 1, 1: 2, 2: 1, 3: 2, 4: 1 };

let spaces = 0;

export type Axes = { mode: 'issues'; x: number; y: number } | { mode: 'projection' };

/** How a stakeholder was chosen: a click or tap, or Enter and Escape in the focused policy space. */
export type Via = 'pointer' | 'keyboard';

export interface PolicySpace {
  open(meta: Meta): void;
  draw(frame: Frame, durationMs: number): void;
  setAxes(axes: Axes): void;
  select(i: number | null): void;
  onSelect(listener: (i: number | null, via: Via) => void): void;
  /** The stakeholder whose minutes should be marked: the keyboard's focused one while it moves, else the selected one. */
  onMark(listener: (i: number | null) => void): void;
}

export function createPolicySpace(host: HTMLElement, tooltip: HTMLElement): PolicySpace {
  let size = 520;
  // Below and to the left: the ticks and an issue's label, wrapped, never cut; the margins grow
  // with the label's lines (fitLabels).
  const margin = { top: 12, right: 12, bottom: 41, left: 51 };
  let inner = size - Math.max(margin.left + margin.right, margin.top + margin.bottom);
  // Canvas pixels per plot unit: the screen's density, at most 2.
  const density = Math.min(2, Math.max(1, Math.round(globalThis.devicePixelRatio || 1)));
  const canvas = el('canvas', { class: 'dots', 'aria-hidden': 'true' });
  const keysHint = host.dataset.keysHint;
  const svg = d3
    .create('svg')
    .attr('class', 'space')
    .attr('tabindex', 0)
    // A widget of its own: the arrows move between stakeholders, so screen readers pass them on.
    .attr('role', 'application')
    .attr('aria-roledescription', words.space.roleDescription)
    .attr('aria-describedby', keysHint ?? null);
  // Says which stakeholder the keyboard is on, for a screen reader; the tooltip shows the same.
  const status = el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'data-testid': 'space-status' });
  host.replaceChildren(canvas, svg.node()!, tooltip, status);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const xAxisG = plot.append('g').attr('class', 'axis');
  const yAxisG = plot.append('g').attr('class', 'axis');
  const xLabel = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const yLabel = svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle');
  const clipId = `space-clip-${++spaces}`;
  const clipRect = svg.append('clipPath').attr('id', clipId).append('rect');
  const clipped = plot.append('g').attr('clip-path', `url(#${clipId})`);
  const boxG = clipped.append('rect').attr('class', 'box');
  const trailG = clipped.append('path').attr('class', 'trail');
  // Where each stakeholder started (its ideal), and a line to where it stands now: who conceded, who held out.
  const movesG = clipped.append('path').attr('class', 'moves');
  const idealsG = clipped.append('g').attr('class', 'ideals');
  // At the end: each constituency's mean ideal, with a line to the text it got.
  const landedG = clipped.append('g').attr('class', 'landed');
  const dotsG = plot.append('g').attr('class', 'stakeholders');
  const namesG = plot.append('g').attr('class', 'names');
  const caucusG = plot.append('g').attr('class', 'caucuses');
  const preferredG = plot.append('path').attr('class', 'preferred').attr('d', d3.symbol(d3.symbolStar, 160)());
  const proposalG = plot.append('path').attr('class', 'proposal').attr('d', d3.symbol(d3.symbolDiamond, 150)());
  const selectedG = plot.append('circle').attr('class', 'selected-ring').attr('r', 0);
  // The keyboard's mark: a ring with four ticks on a white halo, unlike the chairs' thin rings.
  const focusG = plot.append('g').attr('class', 'focus-mark').attr('display', 'none');
  const focusHalo = focusG.append('circle').attr('class', 'focus-halo');
  const focusTicks = focusG.append('path').attr('class', 'focus-ticks');
  const focusRing = focusG.append('circle').attr('class', 'focus-ring').attr('r', 0);

  const x = d3.scaleLinear();
  const y = d3.scaleLinear();
  let meta: Meta | null = null;
  let projection: Projection | null = null;
  let axes: Axes = { mode: 'issues', x: 0, y: 1 };
  let last: Frame | null = null;
  let trail: number[][] = [];
  let selected: number | null = null;
  /** The stakeholder the keyboard is on; shown while the policy space has the focus. */
  let focused: number | null = null;
  let hasFocus = false;
  let listener: (i: number | null, via: Via) => void = () => {};
  let mark: (i: number | null) => void = () => {};
  let radius = new Float64Array(0);
  // Where each dot is drawn now, in plot pixels, for hit testing and canvas motion.
  let sx = new Float64Array(0);
  let sy = new Float64Array(0);
  let animation = 0;
  // The next frame's dot places, and the canvas's buckets: kept from frame to frame.
  let nx = new Float64Array(0);
  let ny = new Float64Array(0);
  let bucketOf = new Int32Array(0);
  let sorted = new Int32Array(0);
  let bucketStart = new Int32Array(0);
  // The ideals' places in pixels, made again only when what they depend on changes.
  let ideals: { meta: Meta; key: string; ix: Float64Array; iy: Float64Array } | null = null;

  /** A point of the policy space (d numbers at `offset` of `arr`) in the picture's two numbers. */
  /**
   * With one issue, stakeholders stand in one row per constituency (`stakeholder` true) and
   * points of the space (proposal, convenor) on the middle line.
   */
  // The answer is one pair, reused: every caller reads it at once, and a frame of 10,000
  // stakeholders then makes no garbage for the collector to pause on.
  const at: [number, number] = [0, 0];
  const place = (arr: ArrayLike<number>, i: number, stakeholder = false): [number, number] => {
    if (!meta) return ((at[0] = 0), (at[1] = 0), at);
    if (axes.mode === 'projection' && projection) {
      const p = projectPoint(projection, arr, i);
      return ((at[0] = p[0]), (at[1] = p[1]), at);
    }
    const d = meta.d;
    const xk = axes.mode === 'issues' ? axes.x : 0;
    const yk = axes.mode === 'issues' ? axes.y : 1;
    if (d > 1) return ((at[0] = arr[i * d + xk]), (at[1] = arr[i * d + yk]), at);
    const rows = meta.constituencies.length;
    return ((at[0] = arr[i]), (at[1] = stakeholder ? (meta.constituency[i] + 0.5) / rows : 0.5), at);
  };

  /** Sizes the square to `width` CSS pixels: the picture is drawn 1:1, so its text keeps its size on a phone. */
  function layout(width: number) {
    size = Math.round(Math.max(SMALLEST, Math.min(LARGEST, width)));
    inner = size - Math.max(margin.left + margin.right, margin.top + margin.bottom);
    plot.attr('transform', `translate(${margin.left},${margin.top})`);
    svg.attr('viewBox', `0 0 ${size} ${size}`);
    canvas.width = inner * density;
    canvas.height = inner * density;
    canvas.style.left = `${(margin.left / size) * 100}%`;
    canvas.style.top = `${(margin.top / size) * 100}%`;
    canvas.style.width = `${(inner / size) * 100}%`;
    xAxisG.attr('transform', `translate(0,${inner})`);
    placeLabels();
    clipRect.attr('width', inner).attr('height', inner);
    x.range([0, inner]);
    y.range([inner, 0]);
    sizeDots();
  }

  let xLines: Wrapped = { px: 14, lines: [] };
  let yLines: Wrapped = { px: 14, lines: [] };

  /**
   * The axis labels in full: wrapped to the plot's width, with the margins made as wide as their
   * lines need (the plot shrinks a little for a long label rather than cut it).
   */
  function fitLabels(xText: string, yText: string) {
    xLines = wrapToWidth(xText, inner);
    yLines = wrapToWidth(yText, inner);
    // y: the ticks (about 30 px), then the lines, the first one's ascent (0.75 em) furthest out.
    const left = 40 + (yLines.lines.length - 1) * (yLines.px + 2) + Math.ceil(0.75 * yLines.px);
    // x: the ticks (about 22 px), then the lines, a line being an em and 2 px.
    const bottom = 27 + xLines.px + (xLines.lines.length - 1) * (xLines.px + 2);
    if (left !== margin.left || bottom !== margin.bottom) {
      margin.left = left;
      margin.bottom = bottom;
      layout(size);
      x.range([0, inner]);
      y.range([inner, 0]);
      xLines = wrapToWidth(xText, inner);
      yLines = wrapToWidth(yText, inner);
    }
    drawLabel(xLabel, xText, xLines, 1);
    drawLabel(yLabel, yText, yLines, -1);
    placeLabels();
  }

  function placeLabels() {
    xLabel.attr('transform', `translate(${margin.left + inner / 2},${margin.top + inner + 24 + Math.ceil(0.75 * xLines.px)})`);
    // The line nearest the ticks, its descent (a quarter em) clear of them.
    yLabel.attr('transform', `translate(${margin.left - 34 - Math.ceil(0.25 * yLines.px)},${margin.top + inner / 2}) rotate(-90)`);
  }

  /** Radii by power, in plot pixels, smaller on a smaller plot. */
  function sizeDots() {
    if (!meta) return;
    const m = meta;
    let maxPower = 0;
    for (let i = 0; i < m.n; i++) maxPower = Math.max(maxPower, m.power[i]);
    const big = m.n > CANVAS_ABOVE;
    const scale = Math.max(0.6, Math.min(1, inner / FULL_PLOT));
    const rMax = (big ? Math.max(2, 6 - Math.log10(m.n)) : 12) * scale;
    radius = Float64Array.from(m.power, (p) => Math.max(big ? 1 : 3 * scale, rMax * Math.sqrt(maxPower > 0 ? p / maxPower : 1)));
    dotsG.selectAll<SVGCircleElement, number>('circle').attr('r', (i) => radius[i]);
  }

  function setScales() {
    if (!meta) return;
    if (axes.mode === 'projection' && projection) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < meta.n; i++) {
        const [a, b] = place(meta.ideal, i, true);
        lo = Math.min(lo, a, b);
        hi = Math.max(hi, a, b);
      }
      const pad = Math.max(0.05, (hi - lo) * 0.1);
      x.domain([lo - pad, hi + pad]);
      y.domain([lo - pad, hi + pad]);
      fitLabels(words.space.acrossAll, words.space.upNext);
    } else if (axes.mode === 'issues') {
      // Zoom to where the stakeholders' interests and the convenor's point lie: stated positions
      // and proposals stay between them.
      const xs: number[] = [];
      const ys: number[] = [];
      for (let i = 0; i < meta.n; i++) {
        const [a, b] = place(meta.ideal, i, true);
        xs.push(a);
        ys.push(b);
      }
      if (meta.preferred) {
        const [a, b] = place(meta.preferred, 0);
        xs.push(a);
        ys.push(b);
      }
      x.domain(zoom(xs));
      y.domain(meta.d > 1 ? zoom(ys) : [0, 1]);
      fitLabels(meta.issues[axes.x]?.label ?? '', meta.d > 1 ? (meta.issues[axes.y]?.label ?? '') : words.space.oneRow);
    }
    xAxisG.call(d3.axisBottom(x).ticks(inner < 300 ? 4 : 5));
    yAxisG.call(d3.axisLeft(y).ticks(inner < 300 ? 4 : 5)).attr('display', meta.d === 1 && axes.mode === 'issues' ? 'none' : null);
    const issues = axes.mode === 'issues' && meta.d > 0;
    boxG.attr('display', issues ? null : 'none');
    if (issues && axes.mode === 'issues') {
      const yk = meta.d > 1 ? axes.y : -1;
      const x0 = meta.boxMin[axes.x];
      const x1 = meta.boxMax[axes.x];
      const y0 = yk >= 0 ? meta.boxMin[yk] : 0;
      const y1 = yk >= 0 ? meta.boxMax[yk] : 1;
      boxG.attr('x', x(x0)).attr('y', y(y1)).attr('width', x(x1) - x(x0)).attr('height', y(y0) - y(y1));
    }
    if (meta.preferred) {
      const [a, b] = place(meta.preferred, 0);
      preferredG.attr('display', null).attr('transform', `translate(${x(a)},${y(b)})`);
    } else preferredG.attr('display', 'none');
  }

  function drawTrail() {
    if (!meta) return;
    const line = d3.line<number[]>().x((p) => x(place(p, 0)[0])).y((p) => y(place(p, 0)[1]));
    trailG.attr('d', trail.length > 1 ? line(trail) : null);
  }

  const useCanvas = () => (meta?.n ?? 0) > CANVAS_ABOVE;

  /**
   * Draws the dots on the canvas in batches, one path per constituency and opacity step (eight
   * steps), so 10,000 stakeholders cost a dozen fills rather than 10,000.
   */
  function drawCanvas(frame: Frame) {
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(density, 0, 0, density, 0, 0);
    ctx.clearRect(0, 0, inner, inner);
    const m = meta!;
    const steps = 8;
    // Sorted into buckets by counting, in arrays kept from frame to frame.
    const keys = m.constituencies.length * (steps + 1);
    if (bucketOf.length !== m.n) {
      bucketOf = new Int32Array(m.n);
      sorted = new Int32Array(m.n);
    }
    if (bucketStart.length !== keys + 1) bucketStart = new Int32Array(keys + 1);
    bucketStart.fill(0);
    for (let i = 0; i < m.n; i++) {
      if (frame.dropped[i]) {
        bucketOf[i] = -1;
        continue;
      }
      const alpha = frame.present[i] || frame.round === 0 ? fade(m, frame, i) : 0.12;
      const key = m.constituency[i] * (steps + 1) + Math.round(alpha * steps);
      bucketOf[i] = key;
      bucketStart[key + 1]++;
    }
    for (let k = 0; k < keys; k++) bucketStart[k + 1] += bucketStart[k];
    const fill = bucketStart.slice(0, keys);
    for (let i = 0; i < m.n; i++) if (bucketOf[i] >= 0) sorted[fill[bucketOf[i]]++] = i;
    for (let key = 0; key < keys; key++) {
      if (bucketStart[key] === bucketStart[key + 1]) continue;
      ctx.globalAlpha = (key % (steps + 1)) / steps;
      ctx.fillStyle = constituencyColour(Math.floor(key / (steps + 1)));
      ctx.beginPath();
      for (let j = bucketStart[key]; j < bucketStart[key + 1]; j++) {
        const i = sorted[j];
        ctx.moveTo(sx[i] + radius[i], sy[i]);
        ctx.arc(sx[i], sy[i], radius[i], 0, Math.PI * 2);
      }
      ctx.fill();
    }
    // Objectors get an outline, all in one stroke.
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 0.8;
    ctx.beginPath();
    for (let i = 0; i < m.n; i++) {
      if (frame.dropped[i] || !frame.present[i] || frame.stance[i] !== 3) continue;
      ctx.moveTo(sx[i] + radius[i], sy[i]);
      ctx.arc(sx[i], sy[i], radius[i], 0, Math.PI * 2);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }

  /** Styles the SVG dots for this frame (not their places). */
  function styleDots(frame: Frame) {
    const m = meta!;
    // Before round 0 nobody has met yet: full colour, plain outline.
    const fresh = frame.round === 0;
    const stance = (i: number) => (fresh ? 2 : frame.present[i] ? frame.stance[i] : 0);
    dotsG
      .selectAll<SVGCircleElement, number>('circle')
      .data(d3.range(m.n))
      .join((enter) =>
        enter
          .append('circle')
          .attr('r', (i) => radius[i])
          .attr('fill', (i) => constituencyColour(m.constituency[i])),
      )
      .attr('class', (i) => `dot stance-${stance(i)}${frame.dropped[i] ? ' dropped' : ''}`)
      .attr('fill-opacity', (i) => (frame.dropped[i] ? 0.05 : fresh || frame.present[i] ? fade(m, frame, i) : 0.15))
      .attr('stroke-dasharray', (i) => DASH[stance(i)])
      .attr('stroke-width', (i) => STROKE_WIDTH[stance(i)]);
  }

  /** Puts every mark where (sx, sy) say. */
  function placeMarks(frame: Frame) {
    if (useCanvas()) drawCanvas(frame);
    else {
      const nodes = dotsG.node()!.children;
      for (let i = 0; i < nodes.length; i++) {
        nodes[i].setAttribute('cx', String(sx[i]));
        nodes[i].setAttribute('cy', String(sy[i]));
      }
    }
    drawMoves(frame);
    drawCaucuses(frame);
    drawSelected();
  }

  /**
   * Each stakeholder's ideal as a faint ring in its constituency's colour and a thin line to where
   * it now stands (not on the canvas: 10,000 lines would be a grey fog); the names of those who
   * object, declined or walked out; and, once the meeting is over, where the text landed against
   * each constituency's mean ideal.
   */
  function drawMoves(frame: Frame) {
    const m = meta!;
    const small = !useCanvas();
    const key = `${JSON.stringify(axes)} ${x.domain()} ${x.range()} ${y.domain()} ${y.range()}`;
    if (!ideals || ideals.meta !== m || ideals.key !== key) {
      const ix = new Float64Array(m.n);
      const iy = new Float64Array(m.n);
      for (let i = 0; i < m.n; i++) {
        const [a, b] = place(m.ideal, i, true);
        ix[i] = x(a);
        iy[i] = y(b);
      }
      ideals = { meta: m, key, ix, iy };
    }
    const { ix, iy } = ideals;
    let lines = '';
    const rings = new Map<number, string>();
    if (small) {
      for (let i = 0; i < m.n; i++) {
        const r = Math.max(2, radius[i] * 0.45);
        const c = m.constituency[i];
        rings.set(c, (rings.get(c) ?? '') + `M${ix[i] + r},${iy[i]}a${r},${r} 0 1,0 ${-2 * r},0a${r},${r} 0 1,0 ${2 * r},0`);
        if (frame.round > 0 && Math.hypot(sx[i] - ix[i], sy[i] - iy[i]) > 1) lines += `M${ix[i]},${iy[i]}L${sx[i]},${sy[i]}`;
      }
    }
    movesG.attr('d', lines || null);
    idealsG
      .selectAll<SVGPathElement, [number, string]>('path')
      .data([...rings], (d) => String(d[0]))
      .join('path')
      .attr('d', (d) => d[1])
      .attr('stroke', (d) => constituencyColour(d[0]));

    // Who to name: those who left, one label per constituency and reason (placed at the middle of
    // what they wanted), then the three most powerful objectors.
    const word = (i: number) => (frame.left[i] === 3 ? 'walked out' : frame.left[i] === 2 ? 'declined' : frame.left[i] === 1 ? 'could not afford to stay' : 'objects');
    const labels: { key: string; first: number; count: number; why: string; px: number; py: number; r: number }[] = [];
    if (frame.round > 0 && m.n <= CANVAS_ABOVE) {
      const order = d3.range(m.n).sort((a, b) => m.power[b] - m.power[a]);
      const groups = new Map<string, (typeof labels)[number] & { sx: number; sy: number }>();
      for (const i of order) {
        if (frame.left[i] === 0) continue;
        const key = `${m.constituency[i]}|${frame.left[i]}`;
        const g = groups.get(key) ?? { key, first: i, count: 0, why: word(i), px: 0, py: 0, r: radius[i], sx: 0, sy: 0 };
        g.count++;
        g.sx += ix[i];
        g.sy += iy[i];
        groups.set(key, g);
      }
      for (const g of groups.values()) labels.push({ ...g, px: g.sx / g.count, py: g.sy / g.count });
      for (const i of order.filter((i) => frame.left[i] === 0 && frame.present[i] && frame.stance[i] === 3).slice(0, 3)) {
        labels.push({ key: `o${i}`, first: i, count: 1, why: 'objects', px: sx[i], py: sy[i], r: radius[i] });
      }
    }
    namesG
      .selectAll<SVGTextElement, (typeof labels)[number]>('text')
      .data(labels, (l) => l.key)
      .join('text')
      .attr('class', 'name')
      .attr('data-stakeholder', (l) => m.ids[l.first])
      .attr('data-why', (l) => l.why)
      .attr('data-count', (l) => l.count)
      // Right of the mark, or left of it in the plot's right half, so no name runs off the edge.
      .attr('text-anchor', (l) => (l.px > inner * 0.55 ? 'end' : 'start'))
      .attr('x', (l) => (l.px > inner * 0.55 ? l.px - l.r - 4 : l.px + l.r + 4))
      .attr('y', (l) => l.py + 4)
      // One who left, or an objector, by name; several of a constituency who left, by their group.
      .text((l) => {
        const why = words.space.why[l.why] ?? l.why;
        return l.count > 1 ? words.space.crowd(groupNameAt(m, m.constituency[l.first]), l.count, why) : words.space.named(nameAt(m, l.first), why);
      });

    // Once it is over: each constituency's (power-weighted) mean ideal, joined to the text adopted.
    const rows: { c: number; cx: number; cy: number }[] = [];
    if (frame.done && frame.result?.adopted) {
      const wx = new Float64Array(m.constituencies.length);
      const wy = new Float64Array(m.constituencies.length);
      const w = new Float64Array(m.constituencies.length);
      for (let i = 0; i < m.n; i++) {
        const c = m.constituency[i];
        const [a, b] = place(m.ideal, i, true);
        wx[c] += m.power[i] * a;
        wy[c] += m.power[i] * b;
        w[c] += m.power[i];
      }
      for (let c = 0; c < w.length; c++) if (w[c] > 0) rows.push({ c, cx: x(wx[c] / w[c]), cy: y(wy[c] / w[c]) });
    }
    const [pa, pb] = place(frame.proposal, 0);
    const g = landedG
      .selectAll<SVGGElement, (typeof rows)[number]>('g')
      .data(rows, (r) => String(r.c))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'constituency-ideal');
        g.append('line');
        g.append('path').attr('d', d3.symbol(d3.symbolSquare, 130)());
        return g;
      })
      .attr('data-constituency', (r) => m.constituencies[r.c].id);
    g.select('line').attr('x1', (r) => r.cx).attr('y1', (r) => r.cy).attr('x2', x(pa)).attr('y2', y(pb)).attr('stroke', (r) => constituencyColour(r.c));
    g.select('path').attr('transform', (r) => `translate(${r.cx},${r.cy})`).attr('stroke', (r) => constituencyColour(r.c));
  }

  /** Moves the dots from where they are to this frame's stated positions, smoothly unless duration is 0. */
  function drawDots(frame: Frame, duration: number) {
    const m = meta!;
    cancelAnimationFrame(animation);
    if (nx.length !== m.n) {
      nx = new Float64Array(m.n);
      ny = new Float64Array(m.n);
    }
    const tx = nx;
    const ty = ny;
    // The scales' own arithmetic (d3's linear scale: normalise, then interpolate), without a call
    // for each of 2n numbers.
    const [x0, x1] = x.domain();
    const [px0, px1] = x.range();
    const [y0, y1] = y.domain();
    const [py0, py1] = y.range();
    for (let i = 0; i < m.n; i++) {
      const [a, b] = place(frame.position, i, true);
      const u = x1 === x0 ? 0.5 : (a - x0) / (x1 - x0);
      const v = y1 === y0 ? 0.5 : (b - y0) / (y1 - y0);
      tx[i] = px0 * (1 - u) + px1 * u;
      ty[i] = py0 * (1 - v) + py1 * v;
    }
    if (!useCanvas()) styleDots(frame);
    // A large population moves in steps unless rounds are slow enough to tween without falling behind.
    if (useCanvas() && duration < 250) duration = 0;
    if (duration <= 0) {
      // The places just made become the dots' own; the old ones take the next frame's.
      [sx, nx] = [tx, sx.length === m.n ? sx : new Float64Array(m.n)];
      [sy, ny] = [ty, sy.length === m.n ? sy : new Float64Array(m.n)];
      placeMarks(frame);
      return;
    }
    const fx = sx.slice();
    const fy = sy.slice();
    const began = performance.now();
    const tick = (now: number) => {
      const t = d3.easeCubicInOut(Math.min(1, (now - began) / duration));
      for (let i = 0; i < m.n; i++) {
        sx[i] = fx[i] + (tx[i] - fx[i]) * t;
        sy[i] = fy[i] + (ty[i] - fy[i]) * t;
      }
      placeMarks(frame);
      if (t < 1) animation = requestAnimationFrame(tick);
    };
    animation = requestAnimationFrame(tick);
  }

  function drawCaucuses(frame: Frame) {
    const m = meta!;
    const rows: { c: number; cx: number; cy: number; chair: number }[] = [];
    const wx = new Float64Array(m.constituencies.length);
    const wy = new Float64Array(m.constituencies.length);
    const w = new Float64Array(m.constituencies.length);
    for (let i = 0; i < m.n; i++) {
      if (!frame.present[i]) continue;
      const c = m.constituency[i];
      if (!frame.organized[c]) continue;
      const [a, b] = place(frame.position, i, true);
      wx[c] += m.power[i] * a;
      wy[c] += m.power[i] * b;
      w[c] += m.power[i];
    }
    for (let c = 0; c < w.length; c++) {
      if (w[c] > 0 && frame.chair[c] >= 0) rows.push({ c, cx: x(wx[c] / w[c]), cy: y(wy[c] / w[c]), chair: frame.chair[c] });
    }
    const g = caucusG
      .selectAll<SVGGElement, (typeof rows)[number]>('g.caucus')
      .data(rows, (r) => String(r.c))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'caucus');
        g.append('line');
        g.append('path').attr('d', d3.symbol(d3.symbolCross, 110)());
        g.append('circle').attr('class', 'chair-ring');
        return g;
      });
    g.select('line')
      .attr('x1', (r) => r.cx)
      .attr('y1', (r) => r.cy)
      .attr('x2', (r) => sx[r.chair])
      .attr('y2', (r) => sy[r.chair]);
    g.select('path')
      .attr('transform', (r) => `translate(${r.cx},${r.cy})`)
      .attr('fill', (r) => constituencyColour(r.c));
    g.select('circle')
      .attr('cx', (r) => sx[r.chair])
      .attr('cy', (r) => sy[r.chair])
      .attr('r', (r) => radius[r.chair] + 4);
  }

  function drawProposal(frame: Frame) {
    const [a, b] = place(frame.proposal, 0);
    proposalG.attr('display', frame.round > 0 ? null : 'none').attr('transform', `translate(${x(a)},${y(b)})`);
  }

  function drawSelected() {
    if (selected === null || !meta) selectedG.attr('r', 0);
    else selectedG.attr('cx', sx[selected]).attr('cy', sy[selected]).attr('r', radius[selected] + 6);
    const showFocus = focused !== null && hasFocus && meta !== null;
    if (!showFocus) {
      focusG.attr('display', 'none');
      focusRing.attr('r', 0);
    } else {
      const r = radius[focused!] + 4;
      focusG.attr('display', null).attr('transform', `translate(${sx[focused!]},${sy[focused!]})`);
      focusHalo.attr('r', r);
      focusRing.attr('r', r);
      focusTicks.attr('d', `M${r},0h7M${-r},0h-7M0,${r}v7M0,${-r}v-7`);
    }
    if (showFocus && !hovering) placeTip(focused!);
  }

  function redraw(duration: number) {
    if (!last) return;
    setScales();
    drawTrail();
    drawProposal(last);
    drawDots(last, duration);
  }

  // Hover or tap a stakeholder for its attributes; click to select it.
  const nearest = (event: PointerEvent): number | null => {
    if (!meta) return null;
    const rect = svg.node()!.getBoundingClientRect();
    const scale = size / rect.width;
    const px = (event.clientX - rect.left) * scale - margin.left;
    const py = (event.clientY - rect.top) * scale - margin.top;
    let best: number | null = null;
    let bestD = Infinity;
    for (let i = 0; i < meta.n; i++) {
      const dd = (sx[i] - px) ** 2 + (sy[i] - py) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = i;
      }
    }
    const reach = Math.max(8, best === null ? 0 : radius[best] + 4);
    return bestD <= reach * reach ? best : null;
  };
  /** The pointer is over a stakeholder: its tooltip wins over the keyboard's. */
  let hovering = false;
  const fillTip = (i: number) => {
    tooltip.replaceChildren(...describe(meta!, last!, i).map((line, k) => el(k === 0 ? 'strong' : 'div', {}, line)));
    tooltip.hidden = false;
  };
  const showTip = (event: PointerEvent) => {
    const i = nearest(event);
    if (i === null || !meta || !last) {
      hovering = false;
      showFocused();
      return;
    }
    hovering = true;
    fillTip(i);
    const hostRect = host.getBoundingClientRect();
    const left = Math.min(event.clientX - hostRect.left + 12, hostRect.width - 200);
    tooltip.style.left = `${Math.max(0, left)}px`;
    tooltip.style.top = `${event.clientY - hostRect.top + 12}px`;
  };
  svg.on('pointermove', showTip).on('pointerdown', showTip).on('pointerleave', () => {
    hovering = false;
    showFocused();
  });
  svg.on('click', (event: PointerEvent) => {
    const i = nearest(event);
    selected = i;
    // The keyboard starts again from the clicked stakeholder.
    focused = null;
    showFocused();
    listener(i, 'pointer');
  });

  /** Puts the tooltip beside stakeholder i's dot, on the side with room. */
  function placeTip(i: number) {
    const svgRect = svg.node()!.getBoundingClientRect();
    const hostRect = host.getBoundingClientRect();
    const scale = svgRect.width / size;
    const px = svgRect.left - hostRect.left + (margin.left + sx[i]) * scale;
    const py = svgRect.top - hostRect.top + (margin.top + sy[i]) * scale;
    // Clear of the focus mark's ticks.
    const gap = (radius[i] + 14) * scale;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    // Below the dot, or above it near the bottom, so it never covers the dot; to its right where there is room.
    const top = py + gap + h <= svgRect.bottom - hostRect.top ? py + gap : Math.max(0, py - gap - h);
    const left = Math.max(0, Math.min(px + gap, hostRect.width - w));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  /** Shows (or hides) what the keyboard is on: ring, tooltip, minutes and the spoken sentence. */
  function showFocused(announce = false) {
    const on = focused !== null && hasFocus && meta !== null && last !== null;
    if (!hovering) {
      if (on) fillTip(focused!);
      else tooltip.hidden = true;
    }
    drawSelected();
    if (on && announce) {
      const lines = describe(meta!, last!, focused!);
      status.textContent = `${lines[0]}, ${lines[1]}: ${lines.slice(2).join('; ')}.`;
    }
  }

  /** Stakeholders in order of where they are drawn: left to right, or bottom to top. */
  const orderOf = (across: boolean): Int32Array => {
    const order = Int32Array.from(d3.range(meta!.n));
    const [a, b] = across ? [sx, sy] : [sy, sx];
    const sign = across ? 1 : -1;
    return order.sort((i, j) => sign * (a[i] - a[j]) || b[i] - b[j] || i - j);
  };

  svg.on('focus', () => {
    hasFocus = true;
    showFocused(true);
    mark(focused ?? selected);
  });
  svg.on('blur', () => {
    hasFocus = false;
    showFocused();
    mark(selected);
  });
  svg.on('keydown', (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !meta || !last || meta.n === 0) return;
    const moves: Record<string, [boolean, number]> = {
      ArrowRight: [true, 1],
      ArrowLeft: [true, -1],
      ArrowUp: [false, 1],
      ArrowDown: [false, -1],
      Home: [true, -Infinity],
      End: [true, Infinity],
    };
    const move = moves[event.key];
    if (move) {
      const order = orderOf(move[0]);
      const from = focused ?? selected;
      let k: number;
      if (Math.abs(move[1]) === Infinity) k = move[1] < 0 ? 0 : order.length - 1;
      // The first press lands on the selected stakeholder, or on the first one that way.
      else if (from === null) k = move[1] > 0 ? 0 : order.length - 1;
      else if (focused === null) k = order.indexOf(from);
      else k = Math.max(0, Math.min(order.length - 1, order.indexOf(from) + move[1]));
      focused = order[k];
      showFocused(true);
      mark(focused);
    } else if (event.key === 'Enter' && focused !== null) {
      selected = focused;
      drawSelected();
      listener(selected, 'keyboard');
    } else if (event.key === 'Escape' && (focused !== null || selected !== null)) {
      focused = null;
      selected = null;
      status.textContent = words.space.noneSelected;
      showFocused();
      listener(null, 'keyboard');
    } else return;
    // Handled here: the page's own keys (the right arrow steps) leave it alone.
    event.preventDefault();
  });

  // Drawn again at the width it is shown at; one redraw per frame however often the width changes.
  let resizing = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(() => {
      const width = host.clientWidth;
      if (width === 0 || Math.round(Math.max(SMALLEST, Math.min(LARGEST, width))) === size) return;
      layout(width);
      if (last) redraw(0);
      else setScales();
    });
  }).observe(host);

  layout(host.clientWidth || size);

  return {
    open(m) {
      meta = m;
      last = null;
      trail = [];
      selected = null;
      focused = null;
      hovering = false;
      tooltip.hidden = true;
      status.textContent = '';
      projection = m.d > 2 ? principalAxes(m.ideal, m.n, m.d, m.power) : null;
      if (axes.mode === 'projection' && !projection) axes = { mode: 'issues', x: 0, y: 1 };
      if (axes.mode === 'issues' && (axes.x >= m.d || axes.y >= m.d)) axes = { mode: 'issues', x: 0, y: Math.min(1, m.d - 1) };
      const big = m.n > CANVAS_ABOVE;
      sizeDots();
      sx = new Float64Array(m.n);
      sy = new Float64Array(m.n);
      dotsG.selectAll('*').remove();
      caucusG.selectAll('*').remove();
      canvas.hidden = !big;
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      svg.attr('aria-label', words.space.label(m.name, m.n, m.d));
      setScales();
    },
    draw(frame, duration) {
      if (frame.fresh) trail = [];
      for (const e of frame.events) if (e.type === 'proposal' && e.position) trail.push(e.position);
      const first = last === null;
      last = frame;
      if (first) setScales();
      drawTrail();
      drawProposal(frame);
      drawDots(frame, first ? 0 : duration);
      // The focused stakeholder's details follow the run.
      if (focused !== null && hasFocus && !hovering) fillTip(focused);
    },
    setAxes(next) {
      axes = next;
      redraw(0);
    },
    select(i) {
      selected = i;
      drawSelected();
    },
    onSelect(l) {
      listener = l;
    },
    onMark(l) {
      mark = l;
    },
  };
}

function fade(m: Meta, frame: Frame, i: number): number {
  const start = m.resources[i];
  const share = start > 0 ? Math.min(1, frame.resources[i] / start) : 1;
  return 0.25 + 0.7 * share;
}

/** The tooltip's lines for stakeholder i: plain text only. */
export function describe(m: Meta, frame: Frame, i: number): string[] {
  const d = m.d;
  const vec = (arr: Float64Array) => `(${Array.from(arr.subarray(i * d, i * d + d), (v) => num(v)).join(', ')})`;
  const left = frame.left[i] === 3 ? words.space.walkedOut : frame.left[i] === 2 ? words.space.declinedInvitation : frame.left[i] === 1 ? words.space.droppedOut : '';
  const state = left || (frame.present[i] ? STANCE_NAMES[frame.stance[i]] : STANCE_NAMES[0]);
  return [
    m.ids[i],
    ...(m.labels[i] ? [m.labels[i]] : []),
    `${m.constituencies[m.constituency[i]].label}`,
    words.space.powerResources(num(m.power[i]), num(frame.resources[i], 1), num(m.resources[i], 1)),
    words.space.wants(vec(m.ideal)),
    words.space.says(vec(frame.position)),
    words.space.least(num(m.reservation[i]), state),
  ];
}


/** A domain around the values, padded, at least 0.3 wide, inside [0, 1]. */
function zoom(values: number[]): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max(0.06, (hi - lo) * 0.12);
  lo -= pad;
  hi += pad;
  if (hi - lo < 0.3) {
    const mid = (lo + hi) / 2;
    lo = mid - 0.15;
    hi = mid + 0.15;
  }
  if (lo < 0) [lo, hi] = [0, Math.min(1, hi - lo)];
  if (hi > 1) [lo, hi] = [Math.max(0, lo - (hi - 1)), 1];
  return [lo, hi];
}

/** Words in lines of at most `room` characters (a word longer than that has a line of its own). */
export function wrapWords(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

interface Wrapped {
  px: number;
  lines: string[];
}

/**
 * A label on lines of `width` pixels: at 14 px (about 7.5 pixels a character) when two lines hold
 * it, else at 12 px on as many lines as it takes.
 */
function wrapToWidth(text: string, width: number): Wrapped {
  const lines = wrapWords(text, Math.floor(width / 7.5));
  return lines.length <= 2 ? { px: 14, lines } : { px: 12, lines: wrapWords(text, Math.floor(width / 6.4)) };
}

/**
 * Draws a wrapped label. Read top to bottom, its lines grow away from the picture: down below the
 * x axis (`away` 1, the first line nearest), and left of the y axis, whose text turns (-1, the
 * last line nearest).
 */
function drawLabel(label: d3.Selection<SVGTextElement, undefined, null, undefined>, text: string, wrapped: Wrapped, away: 1 | -1) {
  const { px, lines } = wrapped;
  label.text(null).style('font-size', `${px}px`).attr('data-label', text);
  const first = away === 1 ? 0 : -(lines.length - 1) * (px + 2);
  // A space after each line but the last: the label's text reads as one (a screen reader, a test).
  lines.forEach((line, k) =>
    label
      .append('tspan')
      .attr('x', 0)
      .attr('dy', `${k === 0 ? first : px + 2}px`)
      .text(k < lines.length - 1 ? `${line} ` : line),
  );
}

