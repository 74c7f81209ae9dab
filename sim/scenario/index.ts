/**
 * The scenario half of the core: a file's text in, a validated scenario (or every error, with its
 * field path, line and column) out. Reading YAML and JSON, the schema and the rules no schema can
 * say, `--set` overrides and the error front ends raise for bad input.
 */
export * from './schema.ts';
export * from './load.ts';
export * from './errors.ts';
export * from './path.ts';
export * from './overrides.ts';
export * from './yaml-read.ts';
export * from './stakeholder-entries.ts';
export * from './attribute-ranges.ts';
