/**
 * `npm run schema`: writes `scenarios/schema.json`, the JSON Schema of the scenario format made
 * from the one zod definition in `sim/scenario/schema.ts`. A test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../sim/scenario/index.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));

export function schemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
