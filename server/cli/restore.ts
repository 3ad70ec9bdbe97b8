// `npm run restore -- FILE --yes`: replaces the graph with a backup. The file is checked as a
// whole first; with any problem nothing is changed.
import { z } from 'zod';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { restoreGraph } from '../data-io/backup.ts';
import { QueryTooLargeError, ValidationError } from '../errors.ts';
import { UserName } from '../auth/actor.ts';
import { parseFlags } from './args.ts';
import { progress } from './progress.ts';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('-'));
const flags = parseFlags(
  z.object({ yes: z.boolean().default(false), author: UserName.optional(), reason: z.string().trim().min(10).max(2000).optional() }),
  args,
  { yes: { type: 'boolean', short: 'y' }, author: { type: 'string' }, reason: { type: 'string' } },
);
if (!file) {
  process.stderr.write('usage: npm run restore -- BACKUP.json --yes [--author NAME] [--reason TEXT]   (replaces the whole graph)\n');
  process.exit(2);
}
if (!flags.yes) {
  process.stderr.write(`Restoring replaces every node and relationship in the database with ${file}. Add --yes to go ahead.\n`);
  process.exit(2);
}
const step = progress('Connecting to Neo4j');
const connection = await connect(loadConfig(), (l) => step.text(l));
const { db, uri } = connection;
try {
  step.text(`Checking ${file}`);
  const report = await restoreGraph(db, file, {
    // The change set names who restored: the account given, else the server's automation.
    ...(flags.author ? { actor: { name: flags.author, role: 'admin' as const, via: 'token' as const } } : {}),
    ...(flags.reason ? { reason: flags.reason } : {}),
    onProgress: (p) =>
      p.phase === 'compare'
        ? step.text(`Compared ${p.done} elements in the graph with ${p.total} in ${file}`)
        : step.count(p.done, p.total, p.phase),
  });
  step.succeed(
    `Restored ${report.nodes} nodes and ${report.relationships} relationships into ${uri}: ${report.added} added, ${report.changed} changed, ${report.retired} retired` +
      (report.changeSet ? ` (change set ${report.changeSet})` : ' (the graph already equalled the backup; nothing recorded)'),
  );
} catch (err) {
  step.fail((err as Error).message);
  if (err instanceof ValidationError) for (const d of err.details.slice(0, 20)) process.stderr.write(`  ${d.path}: ${d.message}\n`);
  // The restore is one transaction: a large one can pass Neo4j's memory limit for a transaction.
  if (err instanceof QueryTooLargeError)
    process.stderr.write(
      '  Nothing was changed. A restore is one transaction; give Neo4j more heap (NEO4J_LOCAL_HEAP=3g for the local one; bench/README.md has the figures) and run it again.\n',
    );
  process.exitCode = 1;
} finally {
  await connection.close();
}
