// `npm run golden`: writes the golden results (test/golden/results.json) anew. Run it when the
// model changes on purpose, and say why in the commit that carries the new file.
import { writeFileSync } from 'node:fs';
import { GOLDEN_FILE, goldenCases } from '../test/golden/golden-cases.ts';

const cases = goldenCases();
// One case a line, so a change shows as the cases it moved.
const lines = cases.map((c) => `  ${JSON.stringify(c.name)}: ${JSON.stringify(c.result)}`);
writeFileSync(GOLDEN_FILE, `{\n${lines.join(',\n')}\n}\n`);
console.log(`${cases.length} golden results written to ${GOLDEN_FILE}`);
