// npm run seed:check [-- --dir D]: validate the seed files and list every problem as file:line.
import { join } from 'node:path';
import { formatProblem, NODES_FILE, RELATIONSHIPS_FILE, validateSeed } from '../validate.ts';
import { DEFAULT_DATA_DIR, dirFlag, shown } from './args.ts';

const dir = dirFlag(process.argv.slice(2), 'dir', DEFAULT_DATA_DIR);
const { nodes, relationships, problems: found, missingForms } = validateSeed(dir);
// In the seed a missing Swedish or English form is a problem like any other.
const problems = [...found, ...missingForms].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
// Report paths relative to the working directory rather than absolute ones.
const names = new Map([
  [join(dir, NODES_FILE), shown(join(dir, NODES_FILE))],
  [join(dir, RELATIONSHIPS_FILE), shown(join(dir, RELATIONSHIPS_FILE))],
]);
for (const p of problems) console.error(formatProblem({ ...p, file: names.get(p.file) ?? p.file }));
if (problems.length > 0) {
  console.error(
    `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${shown(dir)} (${nodes.length} nodes, ${relationships.length} relationships parsed)`,
  );
  process.exit(1);
}
console.log(`${nodes.length} nodes, ${relationships.length} relationships OK (${shown(dir)})`);
