/** The bundled scenarios, shipped inside the page: id (file name without .yaml) → text. */
const files = import.meta.glob('../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const BUNDLED: ReadonlyMap<string, string> = new Map(
  Object.entries(files)
    .map(([path, text]) => [path.replace(/^.*\//, '').replace(/\.yaml$/, ''), text] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);

/** A bundled scenario's name, read from its `name:` line for the picker (the worker validates it). */
export function bundledName(id: string): string {
  const line = /^name:[ \t]*(.+)$/m.exec(BUNDLED.get(id) ?? '')?.[1]?.trim() ?? id;
  return line.replace(/^(['"])(.*)\1$/, '$2');
}

/** The scenario a first visit opens. */
export const FIRST_SCENARIO = 'rough-consensus';

const lessonFiles = import.meta.glob('../scenarios/lessons/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The lessons for teachers: id (file name without .yaml) → text, read by the worker. */
export const LESSONS: ReadonlyMap<string, string> = new Map(
  Object.entries(lessonFiles)
    .map(([path, text]) => [path.replace(/^.*\//, '').replace(/\.yaml$/, ''), text] as [string, string])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
