/**
 * The bundled scenarios and lessons. The page lists them by name (read at build time,
 * scripts/bundled-files.ts) and loads a file only when it is opened, each file its own small
 * chunk: a visit loads the scenario it shows, and a lesson only when a teacher picks it. A
 * scenario comes as its data in JSON, read from its YAML at build time by the core's reader, so
 * the worker validates it without parsing YAML (BUNDLED_FORMAT).
 */
type Names = Readonly<Record<string, string>>;

const idOf = (path: string) => path.replace(/^.*\//, '').replace(/\.yaml$/, '');

/** id → T, in id order. */
function byId<T>(files: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(files).map(([path, v]) => [idOf(path), v] as [string, T]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Loads each file's text once, and keeps it. */
function texts(loaders: Record<string, () => Promise<string>>) {
  const byFile = byId(loaders);
  const loaded = new Map<string, string>();
  const loading = new Map<string, Promise<string>>();
  return {
    load(id: string): Promise<string> {
      const loader = byFile.get(id);
      if (!loader) return Promise.resolve('');
      let p = loading.get(id);
      if (!p) loading.set(id, (p = loader().then((text) => (loaded.set(id, text), text))));
      return p;
    },
    /** The text once `load` has brought it ('' before). */
    text: (id: string): string => loaded.get(id) ?? '',
  };
}

const scenarioNames = import.meta.glob('../scenarios/*.yaml', { query: '?name', import: 'default', eager: true }) as Record<string, Names>;
const scenarioTexts = texts(import.meta.glob('../scenarios/*.yaml', { query: '?json', import: 'default' }) as Record<string, () => Promise<string>>);

/** How a bundled scenario's text is written: its file's data, as JSON. */
export const BUNDLED_FORMAT = 'json';

/** The bundled scenarios: id (file name without .yaml) → name, in id order. */
export const BUNDLED: ReadonlyMap<string, string> = new Map([...byId(scenarioNames)].map(([id, names]) => [id, names.en || id]));
/** A bundled scenario's text (JSON), loaded once. */
export const loadBundled = scenarioTexts.load;
/** A bundled scenario's text once loadBundled has brought it ('' before). */
export const bundledText = scenarioTexts.text;

/** The scenario a first visit opens. */
export const FIRST_SCENARIO = 'rough-consensus';
/** The scenario a fresh visit opens on: the hook's question is about it (viz/hook.ts). */
export const HOOK_SCENARIO = 'tyranny-of-the-minority';

/**
 * The bundled scenario the address asks the page to open first (the hook's for an address with
 * nothing in it), or null: its text starts loading with the worker, before the page's words.
 */
export function firstBundled(search: string): string | null {
  if (search === '' || search === '?') return HOOK_SCENARIO;
  const id = new URLSearchParams(search).get('scenario') ?? FIRST_SCENARIO;
  return BUNDLED.has(id) ? id : null;
}

const lessonNames = import.meta.glob('../scenarios/lessons/*.yaml', { query: '?name', import: 'default', eager: true }) as Record<string, Names>;
const lessonTexts = texts(import.meta.glob('../scenarios/lessons/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>);

/** The lessons for teachers, id and title in `language` (English where it has none), in id order. */
export function lessonTitles(language: string): { id: string; title: string }[] {
  return [...byId(lessonNames)].map(([id, names]) => ({ id, title: names[language] ?? names.en ?? id }));
}
/** A lesson's text, loaded once (the worker reads it). */
export const loadLesson = lessonTexts.load;
