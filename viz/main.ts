/**
 * The page's entry: wires the controls, the views and the address to the core running in a Web
 * Worker. Every worker call goes through one queue; a newer run makes older frames stale.
 */
// First: the worker and the first scenario start loading (viz/start.ts).
import { worker } from './start.ts';
import { releaseProxy, wrap } from 'comlink';
import { formatDefaultLocale } from 'd3';
import { splitOverride as splitOverrideText } from '../sim/index.ts';
import { MAX_SCENARIO_BYTES, PackedTooLarge, packScenario, readAddress, unpackScenario, writeAddress } from './address.ts';
import { wireAnalysisPanels, type Finished } from './analysis-panels.ts';
import { BUNDLED, BUNDLED_FORMAT, bundledText, FIRST_SCENARIO, firstBundled, lessonTitles, loadBundled, loadLesson } from './bundled.ts';
import { createConditionsForm, describeChange } from './conditions.ts';
import { renderComparison } from './compare.ts';
import { wireMapPanel, type MapSpec } from './map-panel.ts';
import { byId, el, forStudents } from './dom.ts';
import type { Frame, LoadReply, Meta, MinutesQuery } from './frame.ts';
import type { RunResult } from '../sim/index.ts';
import { listenToKeys } from './keyboard.ts';
import { renderLegend } from './legend.ts';
import { createLessonPlayer } from './lesson-player.ts';
import { HOOK_SCENARIO, showHook, type Hook } from './hook.ts';
import type { LessonReply } from './lesson.ts';
import { createMinutes, SHOWN_ENTRIES } from './minutes.ts';
import { renderMoments, trackMoments } from './moments.ts';
import { narrate } from './narrator.ts';
import { headlineOf, renderOutcome } from './outcome-panel.ts';
import { createPolicySpace } from './policy-space.ts';
import { createTimeline } from './timeline.ts';
import { createIssueBars } from './issue-bars.ts';
import type { SimulationApi } from './worker.ts';
import { language, m } from './messages/index.ts';
import { translatePage } from './translate-page.ts';
import './style.css';

// The page in its language before anything is drawn (index.html is written in English).
translatePage(document, m);
// The charts' axes write numbers the language's way ("0,5" and « 50 % » in French).
formatDefaultLocale(m.axisNumbers);

// The first render's steps, for the benchmark (bench/page.ts): the page's script running, the
// worker's reply to the first scenario, the room drawn (convene-ready).
performance.mark('convene-script');
const remote = wrap<SimulationApi>(worker);
addEventListener('pagehide', () => remote[releaseProxy]());

type Source = { kind: 'bundled'; id: string } | { kind: 'file'; text: string; filename: string; packed: string };

const ui = {
  picker: byId<HTMLSelectElement>('scenario-picker'),
  openFile: byId<HTMLButtonElement>('open-file'),
  fileInput: byId<HTMLInputElement>('file-input'),
  copyLink: byId<HTMLButtonElement>('copy-link'),
  classMode: byId<HTMLButtonElement>('class-mode'),
  copyStatus: byId('copy-status'),
  play: byId<HTMLButtonElement>('play'),
  step: byId<HTMLButtonElement>('step'),
  reset: byId<HTMLButtonElement>('reset'),
  speed: byId<HTMLSelectElement>('speed'),
  seed: byId<HTMLInputElement>('seed'),
  newSeed: byId<HTMLButtonElement>('new-seed'),
  round: byId<HTMLOutputElement>('round'),
  scrubber: byId<HTMLInputElement>('scrubber'),
  moments: byId('moments'),
  loadErrors: byId('load-errors'),
  axisX: byId<HTMLSelectElement>('axis-x'),
  axisY: byId<HTMLSelectElement>('axis-y'),
  outcome: byId('outcome'),
  name: byId('scenario-name'),
  description: byId('scenario-description'),
  narration: byId('narration'),
  filterConstituency: byId<HTMLSelectElement>('filter-constituency'),
  filterStakeholder: byId<HTMLInputElement>('filter-stakeholder'),
  stakeholderIds: byId<HTMLDataListElement>('stakeholder-ids'),
};

const space = createPolicySpace(byId('space'), byId('tooltip'));
const timeline = createTimeline(byId('timeline'), byId('timeline-legend'));
const issueBars = createIssueBars(byId('issue-bars'));
const minutes = createMinutes(byId<HTMLOListElement>('minutes'), byId('minutes-note'), (round) => call(() => remote.roundEntries(round, SHOWN_ENTRIES)));
const moments = trackMoments();
const conditions = createConditionsForm(byId('conditions'), byId('condition-errors'), (path, value) => {
  // What if: with the box ticked, the change forks the meeting at the round shown.
  if (forkMode.checked && frame && frame.round > 0) {
    void forkAt(frame.round, new Map([...(fork?.at === frame.round ? fork.changes : []), [path, value]]));
    return;
  }
  const next = new Map(overrides);
  next.delete(path);
  next.set(path, value);
  void openRun({ overrides: next, fromForm: true });
});
const forkMode = byId<HTMLInputElement>('fork-mode');
/** The fork shown beside the run: the round it parts at and its changes, or null. */
let fork: { at: number; changes: Map<string, string> } | null = null;

const lessons = createLessonPlayer(byId('lessons'), {
  async read(id) {
    const text = await loadLesson(id);
    return call<LessonReply>(() => remote.lesson(id, text, [...BUNDLED.keys()]));
  },
  async open(step) {
    const ok = await openRun({
      source: { kind: 'bundled', id: step.scenario },
      overrides: new Map(step.set.map((o) => splitOverride(o))),
      seed: step.seed,
    });
    return ok ? meta : null;
  },
  play: () => void play(),
  seek: (roundsRun) => void seekTo(roundsRun),
  map(spec) {
    byId('map').closest('section')!.scrollIntoView({ behavior: reducedMotion.matches ? 'auto' : 'smooth', block: 'start' });
    void mapPanel.draw(spec);
  },
});

let filter: MinutesQuery = { stakeholder: null, constituency: null };
let minutesPending = false;
let minutesStale = false;

/** Asks the worker for the latest entries that match the filter; one question at a time, the last one always asked. */
async function refreshMinutes() {
  if (filter.stakeholder === null && filter.constituency === null) {
    minutes.unfiltered();
    return;
  }
  if (minutesPending) {
    minutesStale = true;
    return;
  }
  minutesPending = true;
  minutesStale = false;
  try {
    const gen = generation;
    const asked = filter;
    const { entries, total } = await call(() => remote.minutes(asked, SHOWN_ENTRIES));
    if (gen === generation && asked === filter) minutes.show(entries, `${asked.constituency ?? ''}|${asked.stakeholder ?? ''}`, total);
  } finally {
    minutesPending = false;
    if (minutesStale) void refreshMinutes();
  }
}

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const address = readAddress(location.search);
let source: Source = { kind: 'bundled', id: FIRST_SCENARIO };
let overrides = new Map<string, string>();
let seed: number | null = address.seed;
let meta: Meta | null = null;
let frame: Frame | null = null;
let playing = false;
/** The furthest round this run has reached, and its result once it has ended: kept while going back in time. */
let furthest = 0;
let ending: RunResult | null = null;
/** The first screen's question, while it is up. */
let hook: Hook | null = null;
let hookScenario: string | null = null;
/** The one-screen view for a class: the sandbox's controls one click away (the Class mode button). */
let classMode = address.mode === 'class';

function setClassMode(on: boolean) {
  classMode = on;
  document.body.classList.toggle('class-mode', on);
  ui.classMode.setAttribute('aria-pressed', String(on));
  ui.classMode.textContent = on ? m.page.fullControls : m.page.classMode;
  updateAddress();
}
ui.classMode.addEventListener('click', () => setClassMode(!classMode));
// Another language is another page load: every view is drawn in one language from its first frame.
const languagePicker = byId<HTMLSelectElement>('language');
languagePicker.value = language;
languagePicker.addEventListener('change', () => {
  const params = new URLSearchParams(location.search);
  params.set('lang', languagePicker.value);
  location.search = params.toString();
});
document.body.classList.toggle('class-mode', classMode);
ui.classMode.setAttribute('aria-pressed', String(classMode));
ui.classMode.textContent = classMode ? m.page.fullControls : m.page.classMode;
/** Bumped by every new run; a frame from an older run is dropped. */
let generation = 0;
/** A run is being opened; Play pressed meanwhile plays it once it is open. */
let loading = 0;
let playWhenOpen = false;
let queue: Promise<unknown> = Promise.resolve();

/** One worker call at a time, in order. */
function call<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => {});
  return next;
}
// The worker's sentences (the explanation, the lessons, the bundled scenarios' words) in the
// page's language: its first call. It answers with the scenarios' names for the picker.
if (language !== 'en') {
  void call(() => remote.speak(language)).then((names) => {
    for (const option of ui.picker.options) if (Object.hasOwn(names, option.value)) option.textContent = names[option.value];
  });
}

/** The run's changed conditions as `PATH=VALUE` texts, as the core and the address take them. */
const overrideTexts = () => [...overrides].map(([p, v]) => `${p}=${v}`);

const speedValue = () => ui.speed.value;
const interval = () => (speedValue() === 'max' ? 0 : 1000 / Number(speedValue()));

for (const [id, name] of BUNDLED) ui.picker.append(el('option', { value: id }, name));
ui.picker.append(el('option', { value: '', disabled: '' }, m.page.openedFile));

/**
 * The source's text and file name, and a bundled scenario's id (the worker says it in the page's
 * language). A bundled scenario's text is loaded when it is opened (openRun), before this is asked.
 */
function sourceText(s: Source): { text: string; filename: string; bundled?: string } {
  if (s.kind === 'bundled') return { text: bundledText(s.id), filename: `${s.id}.${BUNDLED_FORMAT}`, bundled: s.id };
  return { text: s.text, filename: s.filename };
}

function updateAddress() {
  const scenario = source.kind === 'bundled' ? source.id : source.packed;
  const search = writeAddress({
    scenario,
    seed,
    overrides: overrideTexts(),
    autoplay: false,
    speed: null,
    mode: classMode ? 'class' : null,
    lang: address.lang ?? null,
    fork: fork?.at ?? null,
    forkSet: fork ? [...fork.changes].map(([p, v]) => `${p}=${v}`) : [],
    map: mapSpec,
  });
  history.replaceState(null, '', search + location.hash);
}

/**
 * The counter. Rounds are numbered from 0, as in the record, the minutes and the explanation
 * (RESULT.md): after 34 rounds the room shows round 33, the last one run.
 */
function roundWords(run: number): string {
  return m.page.round(run);
}

function show(f: Frame, duration: number) {
  frame = f;
  ui.round.textContent = roundWords(f.round);
  ui.round.dataset.round = String(f.round);
  furthest = Math.max(furthest, f.round);
  if (f.result) ending = f.result;
  ui.scrubber.max = String(furthest);
  ui.scrubber.value = String(f.round);
  ui.scrubber.setAttribute('aria-valuetext', m.page.roundOf(roundWords(f.round), furthest, ending !== null));
  space.draw(f, duration);
  issueBars.draw(f);
  timeline.draw(f);
  const known = moments.list().length;
  moments.add(f.events);
  const told = moments.list().slice(known);
  timeline.mark(moments.list());
  renderMoments(ui.moments, moments.list(), f.round, (r) => void seekTo(r));
  if (f.fresh) minutes.open(meta!);
  minutes.add(f.rounds);
  if (filter.stakeholder !== null || filter.constituency !== null) void refreshMinutes();
  renderOutcome(ui.outcome, f.result, f.round, ending, meta);
  // At full speed a sentence per frame would drown a screen reader: only the story's moments and the end are told.
  const story = told.map((t) => m.page.momentSentence(t.round, t.text)).join(' ');
  if (!(playing && speedValue() === 'max')) ui.narration.textContent = narrate(meta!, f);
  else if (f.done) ui.narration.textContent = `${story} ${narrate(meta!, f)}`.trim();
  else if (story) ui.narration.textContent = story;
  ui.step.disabled = f.done;
  ui.play.disabled = f.done;
  if (f.done) setPlaying(false);
  if (f.result) lessons.ended(f.result, meta!, moments.list().find((m) => m.kind === 'blocked')?.round ?? null);
  if (f.result && hook) hook.ended(f.result.outcome, headlineOf(f.result, meta));
}

function showMeta(m: Meta) {
  meta = m;
  // Which passes the worker's core runs (WebAssembly from 1,000 stakeholders on), for tests and tools.
  document.body.dataset.kernel = String(m.kernel);
  seed = m.seed;
  ui.seed.value = String(m.seed);
  ui.name.textContent = m.name;
  document.title = `${m.name} — Convene`;
  ui.description.textContent = forStudents(m.description);
  if (source.kind === 'bundled') ui.picker.value = source.id;
  else ui.picker.value = '';
  space.open(m);
  issueBars.open(m);
  timeline.open(m);
  minutes.open(m);
  newRun(m);
  renderLegend(byId('space-legend'), m);
  conditions.open(m, overrides);
  panels.refresh(m);
  // A cell opened from the map keeps the map beside it; anything else starts without one.
  if (keepMap) keepMap = false;
  else {
    mapSpec = null;
    mapPanel.refresh(m);
  }
  showWarnings(m.warnings);
  fillAxes(m);
  ui.filterConstituency.replaceChildren(el('option', { value: '' }, 'all'), ...m.constituencies.map((c) => el('option', { value: c.id }, c.label)));
  ui.stakeholderIds.replaceChildren(...m.ids.slice(0, 2000).map((id) => el('option', { value: id })));
  ui.filterStakeholder.value = '';
  filter = { stakeholder: null, constituency: null };
}

let axesFor = '';

function fillAxes(room: Meta) {
  // A changed condition keeps the issues the reader chose; a new scenario starts from the default.
  const issues = room.issues.map((i) => i.id).join('\n');
  const keep = issues === axesFor ? [ui.axisX.value, ui.axisY.value] : null;
  axesFor = issues;
  const options = () => room.issues.map((issue, k) => el('option', { value: String(k) }, issue.label));
  ui.axisX.replaceChildren(...options());
  ui.axisY.replaceChildren(...options());
  if (room.d > 2) ui.axisX.append(el('option', { value: 'projection' }, m.page.projection));
  // Two issues in the room and every issue in the bars beside it; the projection is a choice.
  ui.axisX.value = keep?.[0] ?? '0';
  ui.axisY.value = keep?.[1] ?? String(Math.min(1, room.d - 1));
  ui.axisY.disabled = room.d < 2;
  applyAxes();
}

function applyAxes() {
  ui.axisY.closest('label')!.hidden = ui.axisX.value === 'projection' || (meta?.d ?? 0) < 2;
  if (ui.axisX.value === 'projection') {
    space.setAxes({ mode: 'projection' });
  } else {
    ui.axisY.disabled = (meta?.d ?? 0) < 2;
    space.setAxes({ mode: 'issues', x: Number(ui.axisX.value), y: Number(ui.axisY.value) });
  }
}

/** What the scenario cannot do that it seems meant to, beside the conditions (as text, never markup). */
function showWarnings(warnings: { path: string; text: string }[]) {
  const box = byId('condition-warnings');
  box.hidden = warnings.length === 0;
  box.replaceChildren(
    el('strong', {}, m.page.foreseen),
    el('ul', {}, ...warnings.map((w) => el('li', { 'data-path': w.path }, w.text))),
  );
}

function showLoadErrors(errors: { path: string; text: string }[], heading = m.page.cannotOpen) {
  ui.loadErrors.replaceChildren();
  ui.loadErrors.hidden = errors.length === 0;
  if (errors.length) ui.loadErrors.append(el('strong', {}, heading), el('ul', {}, ...errors.map((e) => el('li', {}, e.text))));
}

/** Validates and opens a run; on errors the current run stays and the errors are shown. */
async function openRun(change: { source?: Source; overrides?: Map<string, string>; fromForm?: boolean; seed?: number | null }): Promise<boolean> {
  setPlaying(false);
  const nextSource = change.source ?? source;
  if (hook && (nextSource.kind !== 'bundled' || nextSource.id !== hookScenario)) {
    hook.dismiss();
    hook = null;
  }
  const nextOverrides = change.overrides ?? overrides;
  const gen = ++generation;
  const keepSeed =
    change.seed !== undefined ? change.seed : change.source === undefined || change.source.kind === 'file' ? seed : (address.seed ?? null);
  loading++;
  const reply = await (async () => {
    if (nextSource.kind === 'bundled') await loadBundled(nextSource.id);
    const { text, filename, bundled } = sourceText(nextSource);
    return call<LoadReply>(() => remote.open(text, { filename, bundled, overrides: [...nextOverrides].map(([p, v]) => `${p}=${v}`), seed: keepSeed }));
  })().finally(() => loading--);
  if (performance.getEntriesByName('convene-reply').length === 0) performance.mark('convene-reply');
  if (gen !== generation) return false;
  if (!reply.ok) {
    if (change.fromForm) conditions.showErrors(reply.errors);
    else showLoadErrors(reply.errors);
    return false;
  }
  source = nextSource;
  overrides = nextOverrides;
  conditions.showErrors([]);
  showLoadErrors([]);
  showMeta(reply.meta);
  show(reply.frame, 0);
  updateAddress();
  if (playWhenOpen && loading === 0) {
    playWhenOpen = false;
    void play();
  }
  return true;
}

/** Play or pause; pressed while a run opens, it plays that run when it is open. */
function togglePlay() {
  if (loading > 0) {
    playWhenOpen = !playWhenOpen;
    ui.play.textContent = playWhenOpen ? m.page.pause : m.page.play;
    ui.play.setAttribute('aria-pressed', String(playWhenOpen));
    return;
  }
  if (playing) setPlaying(false);
  else void play();
}

async function restart(nextSeed: number) {
  setPlaying(false);
  const gen = ++generation;
  const f = await call(() => remote.restart(nextSeed));
  if (gen !== generation) return;
  seed = nextSeed;
  ui.seed.value = String(nextSeed);
  space.open(meta!);
  timeline.open(meta!);
  minutes.open(meta!);
  newRun(meta!);
  show(f, 0);
  updateAddress();
}

/** A new run (another scenario, condition or seed): nothing of the last one's story is kept, nor its fork. */
function newRun(m: Meta) {
  furthest = 0;
  ending = null;
  moments.reset(m);
  fork = null;
  byId('fork-panel').hidden = true;
  byId('fork').replaceChildren();
}

/**
 * What if: the meeting after `at` rounds, on to its end as it was and under `changes`, side by
 * side; the room stays on the meeting as it was. The address holds the fork (`fork=` and
 * `fork.set.`), as `convene run --fork-at` makes it.
 */
async function forkAt(at: number, changes: Map<string, string>) {
  if (!meta || seed === null) return;
  setPlaying(false);
  const gen = generation;
  const panel = byId('fork-panel');
  const host = byId('fork');
  panel.hidden = false;
  host.replaceChildren(el('p', { class: 'muted' }, m.page.forkRunning(at)));
  const { text, filename, bundled } = sourceText(source);
  const change = [...changes].map(([p, v]) => `${p}=${v}`);
  type Forked = { original: RunResult; fork: RunResult } | { errors: string[] };
  const reply = await call<Forked>(() => remote.fork(text, { filename, bundled, overrides: overrideTexts(), changes: change, seed: seed!, at }));
  if (gen !== generation) return;
  if ('errors' in reply) {
    host.replaceChildren(el('div', { class: 'errors', role: 'alert' }, el('strong', {}, m.page.forkCannot), el('ul', {}, ...reply.errors.map((e) => el('li', {}, e)))));
    return;
  }
  fork = { at, changes };
  const words = [...changes].map(([p, v]) => describeChange(meta!, p, v)).join('; ');
  renderComparison(
    host,
    [
      { title: m.page.asItWas(seed), result: reply.original },
      { title: m.page.changedFrom(at, words), result: reply.fork },
    ],
    meta.threshold,
    { forkAt: at, meta },
  );
  host.dataset.forkAt = String(at);
  updateAddress();
}

let seekWanted: number | null = null;
let seeking = false;

/**
 * Time travel: the room, the timeline and the minutes at the end of round `roundsRun`, back or
 * forth; the worker runs the meeting again from round 0 when it goes back (the same run, bit for
 * bit). While one trip is under way only the latest asked for is made next.
 */
async function seekTo(roundsRun: number) {
  setPlaying(false);
  seekWanted = roundsRun;
  if (seeking) return;
  seeking = true;
  try {
    while (seekWanted !== null) {
      const want = seekWanted;
      seekWanted = null;
      const gen = generation;
      const f = await call(() => remote.seek(want));
      if (gen !== generation) return;
      show(f, 0);
    }
  } finally {
    seeking = false;
  }
}

function setPlaying(on: boolean) {
  playing = on;
  ui.play.textContent = on ? m.page.pause : m.page.play;
  ui.play.setAttribute('aria-pressed', String(on));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function play() {
  if (playing || !frame || frame.done) return;
  setPlaying(true);
  const gen = generation;
  while (playing && gen === generation && frame && !frame.done) {
    const began = performance.now();
    const max = speedValue() === 'max';
    const f = await call(() => remote.step(max ? 1_000_000 : 1, max ? 50 : Infinity));
    if (gen !== generation) return;
    const wait = interval();
    show(f, reducedMotion.matches || max ? 0 : Math.min(450, wait * 0.85));
    await sleep(Math.max(max ? 0 : 4, wait - (performance.now() - began)));
  }
  if (gen === generation) setPlaying(false);
}

async function stepOnce() {
  if (!frame || frame.done) return;
  setPlaying(false);
  const gen = generation;
  const f = await call(() => remote.step(1));
  if (gen === generation) show(f, reducedMotion.matches ? 0 : 300);
}

/** "5 MB (5000000 bytes)": the limit as the messages name it, and as `convene` names it. */
const LIMIT_TEXT = `${MAX_SCENARIO_BYTES / 1e6} MB (${MAX_SCENARIO_BYTES} bytes)`;

async function openFile(file: File) {
  // Measured before a byte is read: a file of gigabytes is refused at once, and the current run stays.
  if (file.size > MAX_SCENARIO_BYTES) {
    showLoadErrors([{ path: '', text: m.page.tooLarge(file.name, file.size, LIMIT_TEXT) }]);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    showLoadErrors([{ path: '', text: m.page.unreadable(file.name, error instanceof Error ? error.message : String(error)) }]);
    return;
  }
  const packed = await packScenario(text);
  seed = null;
  await openRun({ source: { kind: 'file', text, filename: file.name, packed }, overrides: new Map() });
}

// Controls.
ui.play.addEventListener('click', togglePlay);
ui.step.addEventListener('click', () => void stepOnce());
ui.scrubber.addEventListener('input', () => void seekTo(Number(ui.scrubber.value)));
ui.reset.addEventListener('click', () => void restart(seed ?? meta?.scenarioSeed ?? 1));
ui.newSeed.addEventListener('click', () => void restart(1 + Math.floor(Math.random() * 999_999)));
ui.seed.addEventListener('change', () => {
  const v = ui.seed.value.trim();
  // Seeds as the scenario format allows them: whole numbers from 0 to 2^32 − 1.
  if (/^\d{1,10}$/.test(v) && Number(v) <= 2 ** 32 - 1) void restart(Number(v));
  else ui.seed.value = String(seed ?? '');
});
ui.picker.addEventListener('change', () => {
  seed = null;
  address.seed = null;
  void openRun({ source: { kind: 'bundled', id: ui.picker.value }, overrides: new Map() });
});
ui.openFile.addEventListener('click', () => ui.fileInput.click());
ui.fileInput.addEventListener('change', () => {
  const file = ui.fileInput.files?.[0];
  if (file) void openFile(file);
  ui.fileInput.value = '';
});
ui.copyLink.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    ui.copyStatus.textContent = m.page.linkCopied;
  } catch {
    ui.copyStatus.textContent = m.page.copyByHand;
  }
});
ui.axisX.addEventListener('change', applyAxes);
ui.axisY.addEventListener('change', applyAxes);
const applyFilter = () => {
  const id = ui.filterStakeholder.value.trim();
  filter = { stakeholder: id === '' ? null : id, constituency: ui.filterConstituency.value || null };
  void refreshMinutes();
  // Naming a stakeholder in the filter also rings it in the policy space (the keyboard's way to select).
  const index = meta && id !== '' ? meta.ids.indexOf(id) : -1;
  space.select(index >= 0 ? index : null);
  minutes.highlight(index >= 0 ? id : null);
};
ui.filterConstituency.addEventListener('change', applyFilter);
ui.filterStakeholder.addEventListener('change', applyFilter);
byId('minutes').addEventListener('click', (event) => {
  const id = (event.target as HTMLElement).closest<HTMLElement>('li[data-stakeholder]')?.dataset.stakeholder;
  if (!id || !meta) return;
  space.select(meta.ids.indexOf(id));
  minutes.highlight(id);
});
space.onSelect((i, via) => {
  const id = i === null ? null : meta!.ids[i];
  if (via === 'keyboard' && (id !== null || ui.filterStakeholder.value !== '')) {
    // Enter filters the minutes to the stakeholder, Escape lifts that filter.
    ui.filterStakeholder.value = id ?? '';
    applyFilter();
  } else minutes.highlight(id, { reveal: true });
});
space.onMark((i) => minutes.highlight(i === null ? null : meta!.ids[i], { reveal: true }));

// The regime map of two conditions, with the run's other conditions as set.
let mapSpec: MapSpec | null = null;
let keepMap = false;
const mapPanel = wireMapPanel({
  current: () => (meta && seed !== null ? { ...sourceText(source), overrides: overrideTexts(), seed, meta } : null),
  openCell(cellOverrides, cellSeed) {
    keepMap = true;
    void openRun({ overrides: new Map(cellOverrides.map((o) => splitOverride(o))), seed: cellSeed }).then((ok) => {
      if (ok) void play();
      else keepMap = false;
    });
  },
  drawn(spec) {
    mapSpec = spec;
    updateAddress();
  },
});

// Compare two runs, and many seeds, with the run as it is now set.
const panels = wireAnalysisPanels({
  current: () => (meta && seed !== null ? { ...sourceText(source), overrides: overrideTexts(), seed, meta } : null),
  finished: (text, options) => call<Finished>(() => remote.finished(text, options)),
});

listenToKeys({
  togglePlay,
  step: () => void stepOnce(),
  back: () => {
    if (frame && frame.round > 0) void seekTo(frame.round - 1);
  },
});

// Drop a scenario file anywhere on the page.
addEventListener('dragover', (event) => event.preventDefault());
addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (file) void openFile(file);
});

async function start() {
  if (address.speed === 'max') ui.speed.value = 'max';
  else if (address.speed && [...ui.speed.options].some((o) => o.value === address.speed)) ui.speed.value = address.speed;
  // A fresh visit (nothing in the address) opens on the hook: a question before anything plays.
  const fresh = location.search === '' || location.search === '?';
  // The bundled scenario the address opens, the one viz/start.ts has already begun to load.
  const bundled = firstBundled(location.search);
  let first: Source = { kind: 'bundled', id: bundled ?? FIRST_SCENARIO };
  let unknown: { heading: string; text: string } | null = null;
  const wanted = address.scenario;
  if (wanted !== null && bundled === null) {
    try {
      const text = await unpackScenario(wanted);
      first = { kind: 'file', text, filename: m.page.sharedScenario, packed: wanted };
    } catch (error) {
      unknown =
        error instanceof PackedTooLarge
          ? {
              heading: m.page.addressTooLarge,
              text: m.page.addressTooLargeText(LIMIT_TEXT, FIRST_SCENARIO),
            }
          : {
              heading: m.page.addressUnknown,
              text: m.page.addressUnknownText(wanted.slice(0, 60), FIRST_SCENARIO),
            };
    }
  }
  let ok = await openRun({ source: first, overrides: new Map(address.overrides.map((o) => splitOverride(o))) });
  if (!ok && address.overrides.length > 0) {
    // Keep the page usable: open the scenario as it is, and keep the errors of the address in view.
    const shown = [...ui.loadErrors.querySelectorAll('li')].map((li) => ({ path: '', text: li.textContent ?? '' }));
    ok = await openRun({ source: first, overrides: new Map() });
    if (ok) showLoadErrors(shown, m.page.addressChanges);
  }
  if (unknown) showLoadErrors([{ path: '', text: unknown.text }], unknown.heading);
  if (ok && fresh) {
    hook = showHook(byId('outcome').parentElement!, () => void play());
    hookScenario = HOOK_SCENARIO;
  }
  document.body.dataset.ready = ok ? 'true' : 'error';
  // The first render, for the benchmark (bench/page.ts): the room drawn and the controls live.
  performance.mark('convene-ready');
  const listed = lessonTitles(language);
  lessons.setLessons(listed);
  document.body.dataset.lessons = String(listed.length);
  if (ok && address.map) void mapPanel.draw(address.map);
  if (ok && address.fork !== null && address.fork !== undefined) {
    // A fork's link: the room at the fork's round, the two endings beside it.
    const at = address.fork;
    const changes = new Map((address.forkSet ?? []).map((o) => splitOverride(o)));
    await seekTo(at);
    forkMode.checked = true;
    await forkAt(at, changes);
  } else if (ok && address.autoplay) void play();
}

/** A `set.PATH=VALUE` of the address as the form holds it, split as the core's parser splits it. */
function splitOverride(text: string): [string, string] {
  const split = splitOverrideText(text);
  return split ? [split.path, split.value] : [text, ''];
}

void start();
