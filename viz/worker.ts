/**
 * The core in a Web Worker behind comlink: the page opens a scenario, steps it and reads frames;
 * it never runs a round on its own thread. One run at a time; reset is "open again".
 */
import { expose } from 'comlink';
import { createRun, foreseeProblems, forkMismatch, MEASURES, runScenario, type Flag, type Outcome, type Run, type RunEvent, type RunResult, type Scenario } from '../sim/index.ts';
import { formatScenarioError, loadScenario, isGroup } from '../sim/scenario/index.ts';
import { ROUTINE, SMALL_ROOM, type Frame, type LoadReply, type Meta, type MinutesQuery, type RoundLine } from './frame.ts';
import { readLesson, type LessonReply } from './lesson.ts';
import { chooseLanguage, type Language } from './messages/language.ts';
import { englishWorkerWords, type WorkerWords } from './messages/worker-words.ts';
import { inWords } from './scenario-words.ts';

/** The page's language, for the sentences made here: the explanation, the fork's refusals, the lessons. */
let language: Language = 'en';
let words: WorkerWords = englishWorkerWords;

/** A scenario as the page shows it: a bundled one (`bundled`: its id) in the page's language. */
const spoken = (sc: Scenario, bundled: string | undefined): Scenario => (bundled === undefined ? sc : inWords(sc, words.scenarios[bundled]));

let scenario: Scenario | null = null;
let run: Run | null = null;
let sentEvents = 0;
let sentRounds = 0;
/** Where the minutes' round lines have got to: the next round to sum up, and its first entry. */
let linedRounds = 0;
let linedEvents = 0;
/** The seed of the open run, to run it again from round 0 when the page goes back in time. */
let runSeed = 0;

function frame(): Frame {
  const s = run!.observe();
  const series = {} as Frame['series'];
  for (const m of MEASURES) series[m] = s.series[m].slice(sentRounds);
  const out: Frame = {
    round: s.round,
    fresh: sentEvents === 0 && sentRounds === 0,
    done: s.done,
    position: s.position.slice(),
    present: s.present.slice(),
    dropped: s.dropped.slice(),
    left: s.left.slice(),
    stance: s.stance.slice(),
    resources: s.resources.slice(),
    organized: s.organized.slice(),
    chair: s.chair.slice(),
    proposal: s.proposal.slice(),
    openItems: s.openItems,
    support: s.support,
    seriesFrom: sentRounds,
    series,
    events: [],
    objections: 0,
    rounds: roundLines(s.round, s.events, s.series.support),
    result: s.done ? run!.result({ words: words.explanation }) : null,
  };
  const all = s.events;
  for (let k = sentEvents; k < all.length; k++) {
    const e = all[k];
    if (!ROUTINE.has(e.type)) out.events.push(e);
    else if (e.type === 'objection' && e.round === s.round - 1) out.objections++;
  }
  sentEvents = s.events.length;
  sentRounds = s.round;
  // Copied to the page, not transferred: one transfer detaches a buffer, and from then on V8 checks
  // every typed-array access of this thread for detachment, a third slower core (BENCHMARKS.md).
  return out;
}

/** One line for each round run since the last frame (the record keeps its entries in round order). */
function roundLines(upTo: number, events: readonly RunEvent[], support: readonly number[]): RoundLine[] {
  const setting = run!.setting();
  const small = setting.n <= SMALL_ROOM;
  const out: RoundLine[] = [];
  for (; linedRounds < upTo; linedRounds++) {
    const r = linedRounds;
    let k = linedEvents;
    const objectors: number[] = [];
    const notable: RunEvent[] = [];
    const involves = small ? new Set<string>() : null;
    for (; k < events.length && events[k].round <= r; k++) {
      const e = events[k];
      if (e.round < r) continue;
      if (e.type === 'objection' && e.stakeholder !== undefined) objectors.push(setting.indexOf(e.stakeholder));
      else if (!ROUTINE.has(e.type) && e.type !== 'proposal') notable.push(e);
      if (involves) {
        if (e.stakeholder !== undefined) involves.add(e.stakeholder);
        for (const id of e.stakeholders ?? []) involves.add(id);
      }
    }
    objectors.sort((a, b) => setting.power[b] - setting.power[a] || a - b);
    out.push({
      round: r,
      entries: k - linedEvents,
      objected: objectors.length,
      objectors: objectors.slice(0, 3).map((i) => setting.id(i)),
      support: support[r] ?? 0,
      notable,
      involves: involves ? [...involves] : null,
    });
    linedEvents = k;
  }
  return out;
}

function start(seed: number): Frame {
  run = createRun(scenario!, { seed, record: true });
  runSeed = seed;
  sentEvents = 0;
  sentRounds = 0;
  linedRounds = 0;
  linedEvents = 0;
  return frame();
}

function describe(seed: number): Meta {
  const s = run!.setting();
  const sc = scenario!;
  return {
    name: sc.name,
    description: sc.description ?? '',
    seed,
    scenarioSeed: sc.seed,
    issues: sc.issues.map((i) => ({ id: i.id, label: i.label ?? i.id })),
    constituencies: sc.constituencies.map((c) => ({ id: c.id, label: c.label ?? c.id, roles: [...c.roles] })),
    n: s.n,
    d: s.d,
    ids: Array.from({ length: s.n }, (_, i) => s.id(i)),
    labels: sc.stakeholders.flatMap((e) => (isGroup(e) ? Array<string>(e.generate).fill(e.label ?? '') : [e.label ?? ''])),
    ideal: s.ideal.slice(),
    power: s.power.slice(),
    resources: s.resources.slice(),
    reservation: s.reservation.slice(),
    constituency: s.constituency.slice(),
    roles: s.roles.slice(),
    boxMin: Array.from(s.boxMin),
    boxMax: Array.from(s.boxMax),
    preferred: s.preferred ? Array.from(s.preferred) : null,
    rule: s.rule,
    threshold: s.threshold,
    roughConsensus: s.roughConsensus,
    kernel: s.kernel,
    horizon: s.horizon,
    // Structured cloning copies it to the page as it is.
    convenor: s.convenor,
    warnings: foreseeProblems(sc, seed).map((f) => ({ path: f.path, text: f.message })),
  };
}

const api = {
  /** Speaks the page's language from now on; the bundled scenarios' names in it, by id. */
  async speak(lang: string): Promise<Record<string, string>> {
    language = chooseLanguage(lang, []);
    words = language === 'fr' ? (await import('./messages/worker-fr.ts')).frenchWorkerWords : englishWorkerWords;
    const names: Record<string, string> = {};
    for (const [id, w] of Object.entries(words.scenarios)) if (w.name) names[id] = w.name;
    return names;
  },
  /** Validates a scenario text with its overrides and starts a run; errors carry field paths. */
  open(text: string, options: { filename?: string; bundled?: string; overrides?: string[]; seed?: number | null }): LoadReply {
    const loaded = loadScenario(text, { filename: options.filename, overrides: options.overrides ?? [] });
    if (!loaded.ok) {
      return { ok: false, errors: loaded.errors.map((e) => ({ path: e.path, text: formatScenarioError(e, options.filename) })) };
    }
    scenario = spoken(loaded.scenario, options.bundled);
    const seed = options.seed ?? scenario.seed;
    const first = start(seed);
    return { ok: true, meta: describe(seed), frame: first };
  },
  /** Starts the open scenario again from round 0, with this seed. */
  restart(seed: number): Frame {
    if (!scenario) throw new Error('no scenario is open');
    return start(seed);
  },
  /** Runs up to `rounds` rounds, or stops early after `budgetMs` once at least one ran. */
  step(rounds: number, budgetMs = Infinity): Frame {
    if (!run) throw new Error('no scenario is open');
    const began = performance.now();
    for (let k = 0; k < rounds && !run.done; k++) {
      run.step(1);
      if (performance.now() - began > budgetMs) break;
    }
    return frame();
  },
  /**
   * The open run at round `round` (after that many rounds, or at its end if it ends sooner): on from
   * here when it lies ahead, else run again from round 0 with the same seed, which the core makes
   * the same run bit for bit. A frame from round 0 on is `fresh`: the page redraws from it alone.
   */
  seek(round: number): Frame {
    if (!run) throw new Error('no scenario is open');
    const target = Math.max(0, Math.floor(round));
    if (target < run.round) start(runSeed);
    while (!run.done && run.round < target) run.step(1);
    return frame();
  },
  /**
   * What if: the open scenario's run with this seed to `at` rounds, then on to its end once as it
   * was and once under `changes` (on top of `overrides`, the conditions it was opened with), from
   * that round's exact state (sim/fork.ts), as `convene run --fork-at` does. Errors name the field.
   */
  fork(text: string, options: { filename?: string; bundled?: string; overrides: string[]; changes: string[]; seed: number; at: number }): { original: RunResult; fork: RunResult } | { errors: string[] } {
    const base = loadScenario(text, { filename: options.filename, overrides: options.overrides });
    if (!base.ok) return { errors: base.errors.map((e) => formatScenarioError(e, options.filename)) };
    const changed = loadScenario(text, { filename: options.filename, overrides: [...options.overrides, ...options.changes] });
    if (!changed.ok) return { errors: changed.errors.map((e) => formatScenarioError(e, options.filename)) };
    const why = forkMismatch(base.scenario, changed.scenario);
    if (why) return { errors: [words.forkMidway(why)] };
    const original = createRun(spoken(base.scenario, options.bundled), { seed: options.seed, record: false });
    original.step(options.at);
    if (original.round < options.at) return { errors: [words.forkTooLate(original.round - 1, options.at)] };
    const fork = original.fork({ scenario: spoken(changed.scenario, options.bundled) });
    return { original: original.finish({ series: true, words: words.explanation }), fork: fork.finish({ series: true, words: words.explanation }) };
  },
  /** One whole run with its series, for comparing two runs side by side; errors carry field paths. */
  finished(text: string, options: { filename?: string; bundled?: string; overrides?: string[]; seed: number }): RunResult | { errors: string[] } {
    const loaded = loadScenario(text, { filename: options.filename, overrides: options.overrides ?? [] });
    if (!loaded.ok) return { errors: loaded.errors.map((e) => formatScenarioError(e, options.filename)) };
    return runScenario(spoken(loaded.scenario, options.bundled), { seed: options.seed, series: true, words: words.explanation });
  },
  /** Reads a lesson file (YAML is parsed here, keeping the parser out of the page's bundle). */
  lesson(id: string, text: string, scenarios: string[]): LessonReply {
    return readLesson(id, text, scenarios, language);
  },
  /** The first `limit` entries of the record in round `round`, and how many it has. */
  roundEntries(round: number, limit: number): { entries: RunEvent[]; total: number } {
    if (!run) return { entries: [], total: 0 };
    const events = run.observe().events;
    const entries: RunEvent[] = [];
    let total = 0;
    for (const e of events) {
      if (e.round !== round) continue;
      if (entries.length < limit) entries.push(e);
      total++;
    }
    return { entries, total };
  },
  /** The latest `limit` entries of the record about a stakeholder or a constituency, oldest first, and how many there are. */
  minutes(query: MinutesQuery, limit: number): { entries: RunEvent[]; total: number } {
    if (!run || !scenario) return { entries: [], total: 0 };
    const setting = run.setting();
    const c = query.constituency === null ? -1 : scenario.constituencies.findIndex((k) => k.id === query.constituency);
    const inConstituency = (id: string | undefined) => id !== undefined && setting.constituency[setting.indexOf(id)] === c;
    const about = (e: RunEvent, id: string) => e.stakeholder === id || (e.stakeholders?.includes(id) ?? false);
    const matches = (e: RunEvent) =>
      (query.stakeholder === null || about(e, query.stakeholder)) &&
      (c < 0 || e.constituency === query.constituency || inConstituency(e.stakeholder) || (e.stakeholders?.some(inConstituency) ?? false));
    const events = run.observe().events;
    const out: RunEvent[] = [];
    let total = 0;
    for (let k = events.length - 1; k >= 0; k--) {
      if (!matches(events[k])) continue;
      if (out.length < limit) out.push(events[k]);
      total++;
    }
    return { entries: out.reverse(), total };
  },
  /** The outcome and flags of each seed from `seedStart` on, without a record: one share of "Run 200 seeds". */
  outcomes(text: string, options: { filename?: string; overrides?: string[] }, seedStart: number, count: number): { outcome: Outcome; flags: Flag[] }[] {
    const loaded = loadScenario(text, { filename: options.filename, overrides: options.overrides ?? [] });
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => formatScenarioError(e, options.filename)).join('\n'));
    const out: { outcome: Outcome; flags: Flag[] }[] = [];
    for (let k = 0; k < count; k++) {
      const r = runScenario(loaded.scenario, { seed: seedStart + k });
      out.push({ outcome: r.outcome, flags: r.flags });
    }
    return out;
  },
};

export type SimulationApi = typeof api;

expose(api);
