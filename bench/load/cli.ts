// `npm run load -- FILE_OR_DIR [--mode auto|create|merge] [--batch N] [--force]`: bulk-loads
// seed-format JSON lines into the configured database (NEO4J_URI, or the local Neo4j), with
// a progress bar, and reports nodes/s and relationships/s. Safe to rerun: an interrupted load
// resumes after its last committed batch, a finished one is not repeated.
import { z } from 'zod';
import { connect } from '../../server/bootstrap.ts';
import { parseFlags } from '../../server/cli/args.ts';
import { progress, type Progress } from '../../server/cli/progress.ts';
import { loadConfig } from '../../server/config.ts';
import { bulkLoad } from './bulk-load.ts';

const Flags = z.object({
  mode: z.enum(['auto', 'create', 'merge']).default('auto'),
  batch: z.coerce.number().int().min(1).max(100_000).optional(),
  force: z.boolean().default(false),
});
const argv = process.argv.slice(2);
const flags = parseFlags(Flags, argv, { mode: { type: 'string' }, batch: { type: 'string' }, force: { type: 'boolean' } });
const positional = argv.filter((a, i) => !a.startsWith('--') && !['--mode', '--batch'].includes(argv[i - 1] ?? ''));
if (positional.length !== 1) {
  process.stderr.write('usage: npm run load -- FILE_OR_DIR [--mode auto|create|merge] [--batch N] [--force]\n');
  process.exit(2);
}
const target = positional[0]!;

const config = loadConfig();
const connecting = progress('Connecting to Neo4j');
const { db, uri } = await connect(config, (line) => connecting.text(line));
connecting.succeed(`Connected to ${uri}`);
let bar: Progress | null = null;
let barPhase = '';
try {
  await db.applySchema();
  const report = await bulkLoad(db, target, {
    mode: flags.mode,
    force: flags.force,
    ...(flags.batch ? { nodeBatchSize: flags.batch, relationshipBatchSize: flags.batch } : {}),
    onPlan: (plan) => {
      if (plan.alreadyComplete) return;
      const how = plan.mode === 'create' ? 'CREATE (empty database)' : 'MERGE (upsert over the existing graph)';
      process.stderr.write(
        plan.resumed
          ? `Resuming an interrupted load after ${plan.skip.nodes} node and ${plan.skip.relationships} relationship batches, ${how}\n`
          : `Loading ${plan.totals.nodes.toLocaleString('en')} nodes and ${plan.totals.relationships.toLocaleString('en')} relationships with ${how}\n`,
      );
    },
    onProgress: ({ phase, done, total }) => {
      if (phase !== barPhase) {
        bar?.succeed(`${barPhase} done`);
        bar = progress(`Loading ${phase}`);
        barPhase = phase;
      }
      bar?.count(done, total, phase);
    },
  });
  (bar as Progress | null)?.succeed(`${barPhase} done`);
  if (report.skipped) {
    process.stderr.write(`Already loaded (marker ${report.key}); nothing to do. Use --force to load again with MERGE.\n`);
  } else {
    const rate = (n: number) => Math.round(n).toLocaleString('en');
    process.stderr.write(
      `Loaded ${report.nodes.toLocaleString('en')} nodes (${rate(report.nodesPerSecond)} nodes/s) and ` +
        `${report.relationships.toLocaleString('en')} relationships (${rate(report.relationshipsPerSecond)} relationships/s) in ${report.mode} mode\n`,
    );
    if (report.unmatchedRelationships > 0) {
      process.stderr.write(
        `Warning: ${report.unmatchedRelationships.toLocaleString('en')} relationships name a node that is not in the database and were not created.\n`,
      );
    }
  }
} catch (err) {
  (bar as Progress | null)?.fail((err as Error).message);
  if (!bar) process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await db.close();
}
