// `npm run import -- FILE [--replace] [--dry-run]`: adds facts from a seed-format file (JSON,
// JSON lines or CSV). Everything is checked first; with any problem or unreported conflict
// nothing is written.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { importFacts } from '../data-io/import.ts';
import { AppError } from '../errors.ts';
import { parseFlags } from './args.ts';
import { progress } from './progress.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('-'));
const flags = parseFlags(z.object({ replace: z.boolean().default(false), 'dry-run': z.boolean().default(false) }), args, {
  replace: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
});
if (!file) {
  process.stderr.write('usage: npm run import -- FILE [--replace] [--dry-run]\n');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  process.stderr.write(`Cannot read ${file}: ${(err as Error).message}\n`);
  process.exit(2);
}
const step = progress('Connecting to Neo4j');
const config = loadConfig();
const connection = await connect(config, (l) => step.text(l));
const { db } = connection;
try {
  step.text(`Checking ${file}`);
  const r = await importFacts(db, text, {
    name: basename(file),
    replace: flags.replace,
    dryRun: flags['dry-run'],
    sourcesDir: config.SOURCES_DIR,
  });
  const summary = `nodes +${r.nodes.added} ~${r.nodes.replaced} =${r.nodes.unchanged}, relationships +${r.relationships.added} ~${r.relationships.replaced} =${r.relationships.unchanged} (added ~replaced =already there)`;
  step.succeed(r.written ? `Imported ${file}: ${summary}` : `Nothing written (${flags['dry-run'] ? 'dry run' : 'no changes'}): ${summary}`);
} catch (err) {
  step.fail((err as Error).message);
  if (err instanceof AppError) for (const d of err.details.slice(0, 50)) process.stderr.write(`  ${d.path}: ${d.message}\n`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
