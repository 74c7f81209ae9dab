/**
 * The regime map's panel: the two conditions and their ranges, the seeds per cell, "Draw the map",
 * its progress, and what a click on a cell does (that cell's conditions and first seed in the
 * room). A drawn map is named in the address (`map.x`, `map.y`, `map.seeds`) so a teacher can
 * hand the class the map itself.
 */
import { FLAGS, type Flag } from '../sim/index.ts';
import { byId, el } from './dom.ts';
import { m } from './messages/index.ts';
import type { CurrentRun } from './analysis-panels.ts';
import type { Meta } from './frame.ts';
import { cellOverrides, computeMap, createMapView, mapConditions, type MapAxis, type MapCondition, type MapRequest } from './regime-map.ts';

export interface MapSpec {
  /** `PATH=LO:HI:STEPS`, as `convene map --x` takes it. */
  x: string;
  y: string;
  seeds: number;
  /** A flag to map instead of how the meetings end. */
  by?: Flag | null;
  /** The axes in words, when a lesson names conditions the panel's list does not have. */
  labels?: { x?: string; y?: string };
}

export interface MapPanelDeps {
  current(): CurrentRun | null;
  /** Opens the cell's conditions (the run's own, then the cell's two) with this seed in the room, and plays. */
  openCell(overrides: string[], seed: number): void;
  /** A map was drawn (null: it was cleared). */
  drawn(spec: MapSpec | null): void;
}

export interface MapPanel {
  /** The run's conditions changed: the conditions a map can vary, and no map yet. */
  refresh(meta: Meta): void;
  /** Draws the map the address names. */
  draw(spec: MapSpec): Promise<void>;
}

/** `PATH=LO:HI:STEPS` read back; null when it is not one. */
export function readAxis(text: string): MapAxis | null {
  const at = text.lastIndexOf('=');
  if (at <= 0) return null;
  const parts = text.slice(at + 1).split(':').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite) || !Number.isInteger(parts[2])) return null;
  return { path: text.slice(0, at), from: parts[0], to: parts[1], steps: parts[2] };
}

export const MAX_MAP_STEPS = 30;
export const MAX_MAP_SEEDS = 500;

export function wireMapPanel(deps: MapPanelDeps): MapPanel {
  const ui = {
    x: byId<HTMLSelectElement>('map-x'),
    y: byId<HTMLSelectElement>('map-y'),
    xFrom: byId<HTMLInputElement>('map-x-from'),
    xTo: byId<HTMLInputElement>('map-x-to'),
    xSteps: byId<HTMLInputElement>('map-x-steps'),
    yFrom: byId<HTMLInputElement>('map-y-from'),
    yTo: byId<HTMLInputElement>('map-y-to'),
    ySteps: byId<HTMLInputElement>('map-y-steps'),
    seeds: byId<HTMLInputElement>('map-seeds'),
    by: byId<HTMLSelectElement>('map-by'),
    run: byId<HTMLButtonElement>('map-run'),
    progress: byId<HTMLProgressElement>('map-progress'),
    errors: byId('map-errors'),
  };
  const view = createMapView(byId('map'), byId('map-words'), (cell) => {
    if (!drawing) return;
    deps.openCell(cellOverrides(drawing, cell.x, cell.y), drawing.seedStart);
  });
  let conditions: MapCondition[] = [];
  ui.by.replaceChildren(el('option', { value: '' }, m.map.byOutcome), ...FLAGS.map((f) => el('option', { value: f }, m.map.byFlag(m.flags[f].label))));
  let drawing: MapRequest | null = null;
  let abort: AbortController | null = null;

  const range = (select: HTMLSelectElement, from: HTMLInputElement, to: HTMLInputElement) => {
    const c = conditions.find((k) => k.path === select.value);
    if (c) [from.value, to.value] = [String(c.from), String(c.to)];
  };
  ui.x.addEventListener('change', () => range(ui.x, ui.xFrom, ui.xTo));
  ui.y.addEventListener('change', () => range(ui.y, ui.yFrom, ui.yTo));

  function showErrors(errors: string[]) {
    ui.errors.hidden = errors.length === 0;
    ui.errors.replaceChildren(...(errors.length ? [el('strong', {}, m.map.cannotDraw), el('ul', {}, ...errors.map((e) => el('li', {}, e)))] : []));
  }

  /** The form's axes and seeds, or the errors that name what is wrong. */
  function readForm(): { x: MapAxis; y: MapAxis; seeds: number } | string[] {
    const errors: string[] = [];
    const axis = (name: string, select: HTMLSelectElement, from: HTMLInputElement, to: HTMLInputElement, steps: HTMLInputElement): MapAxis => {
      const [f, t, n] = [Number(from.value), Number(to.value), Number(steps.value)];
      if (from.value.trim() === '' || !Number.isFinite(f)) errors.push(m.map.notANumber(name, m.map.fromWord));
      if (to.value.trim() === '' || !Number.isFinite(t)) errors.push(m.map.notANumber(name, m.map.toWord));
      if (!Number.isInteger(n) || n < 2 || n > MAX_MAP_STEPS) errors.push(m.map.badSteps(name, MAX_MAP_STEPS));
      return { path: select.value, from: f, to: t, steps: n };
    };
    const x = axis(m.map.across, ui.x, ui.xFrom, ui.xTo, ui.xSteps);
    const y = axis(m.map.up, ui.y, ui.yFrom, ui.yTo, ui.ySteps);
    if (x.path === y.path) errors.push(m.map.sameAxis);
    const seeds = Number(ui.seeds.value);
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > MAX_MAP_SEEDS) errors.push(m.map.badSeeds(MAX_MAP_SEEDS));
    return errors.length ? errors : { x, y, seeds };
  }

  async function draw() {
    const run = deps.current();
    if (!run) return;
    const form = readForm();
    if (Array.isArray(form)) return showErrors(form);
    showErrors([]);
    abort?.abort();
    const mine = new AbortController();
    abort = mine;
    const by = ui.by.value === '' ? null : (ui.by.value as Flag);
    const request: MapRequest = { text: run.text, filename: run.filename, overrides: run.overrides, x: form.x, y: form.y, seeds: form.seeds, seedStart: run.seed, by };
    drawing = request;
    const words = (path: string) => conditions.find((c) => c.path === path)?.label ?? path;
    view.start(request, { x: words(form.x.path), y: words(form.y.path) });
    byId('map').dataset.state = 'drawing';
    ui.progress.hidden = false;
    ui.progress.max = form.x.steps * form.y.steps;
    ui.progress.value = 0;
    deps.drawn({ x: `${form.x.path}=${form.x.from}:${form.x.to}:${form.x.steps}`, y: `${form.y.path}=${form.y.from}:${form.y.to}:${form.y.steps}`, seeds: form.seeds, by });
    try {
      await computeMap(
        request,
        (cell, flags, done) => {
          view.add(cell, flags);
          ui.progress.value = done;
        },
        mine.signal,
      );
      if (!mine.signal.aborted) byId('map').dataset.state = 'done';
    } catch (e) {
      if (!mine.signal.aborted) {
        byId('map').dataset.state = 'error';
        showErrors([e instanceof Error ? e.message : String(e)]);
      }
    } finally {
      if (abort === mine) ui.progress.hidden = true;
    }
  }
  ui.run.addEventListener('click', () => void draw());

  return {
    refresh(meta) {
      abort?.abort();
      abort = null;
      drawing = null;
      conditions = mapConditions(meta);
      const options = () => conditions.map((c) => el('option', { value: c.path }, c.label.charAt(0).toUpperCase() + c.label.slice(1)));
      ui.x.replaceChildren(...options());
      ui.y.replaceChildren(...options());
      ui.x.value = conditions[0].path;
      ui.y.value = conditions[Math.min(2, conditions.length - 1)].path;
      range(ui.x, ui.xFrom, ui.xTo);
      range(ui.y, ui.yFrom, ui.yTo);
      byId('map').replaceChildren();
      delete byId('map').dataset.state;
      byId('map-words').textContent = '';
      ui.progress.hidden = true;
      showErrors([]);
    },
    async draw(spec) {
      const x = readAxis(spec.x);
      const y = readAxis(spec.y);
      if (!x || !y) return showErrors([m.map.badAddress(spec.x, spec.y)]);
      for (const [a, select, from, to, steps, label] of [
        [x, ui.x, ui.xFrom, ui.xTo, ui.xSteps, spec.labels?.x],
        [y, ui.y, ui.yFrom, ui.yTo, ui.ySteps, spec.labels?.y],
      ] as const) {
        const known = conditions.find((c) => c.path === a.path);
        if (!known) conditions.push({ path: a.path, label: label ?? a.path, from: a.from, to: a.to });
        else if (label) known.label = label;
        const words = label ?? known?.label ?? a.path;
        const option = [...select.options].find((o) => o.value === a.path);
        const shown = words.charAt(0).toUpperCase() + words.slice(1);
        if (!option) select.append(el('option', { value: a.path }, shown));
        else if (label) option.textContent = shown;
        select.value = a.path;
        [from.value, to.value, steps.value] = [String(a.from), String(a.to), String(a.steps)];
      }
      ui.seeds.value = String(spec.seeds);
      ui.by.value = spec.by ?? '';
      await draw();
    },
  };
}
