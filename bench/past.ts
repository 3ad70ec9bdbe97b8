// `npm run bench:past -- [--port 7698] [--edits 40] [--readers 16] [--import 100000] [--iterations 30]
//  [--past-concurrency N] [--editors-first-ms N]`:
// what reads of the past cost now that they read the recorded states (docs/curation.md §3). On
// its own Neo4j (store .neo4j/bench-past, emptied first) it loads the seed and then measures, by
// bench/scenarios/past.ts (which `npm run bench` runs too):
//   1. an editor's change set (one node's description, POST /api/changes), p50 and p95, with no
//      readers and then while --readers clients (each its own address) repeat a read of the past
//      (a neighbourhood as recorded at version 1), with the server's lanes as configured: by
//      default PAST_READ_CONCURRENCY and EDITORS_FIRST_MS are the server's own defaults;
//   2. a read of the past at the version before an import of --import elements (half nodes, half
//      ties, one change set written in batches) against the same read now, in alternation;
//   3. the layer's nodes and relationships against the live graph's, after the edits and the import.
// Prints the figures and their ratios (progress goes to stderr); asserts nothing. The targets: (1) p95 at most 1.5×, (2) at most 3×.
import { rmSync } from 'node:fs';
import { z } from 'zod';
import { parseFlags } from '../server/cli/args.ts';
import { Database } from '../server/db/database.ts';
import { ensureLocalNeo4j, stopLocalNeo4j } from '../neo4j-local/launcher.ts';
import { benchDataDir } from './lib/instance.ts';
import { measurePast, pastLanes, pastTables } from './scenarios/past.ts';

const Flags = z.object({
  port: z.coerce.number().int().min(1024).max(65535).default(7698),
  edits: z.coerce.number().int().min(5).max(1000).default(40),
  readers: z.coerce.number().int().min(1).max(256).default(16),
  import: z.coerce.number().int().min(2).max(1_000_000).default(100_000),
  iterations: z.coerce.number().int().min(1).max(1000).default(30),
  /** The server's PAST_READ_CONCURRENCY; its default when absent. */
  'past-concurrency': z.coerce.number().int().min(1).max(1000).optional(),
  /** The server's EDITORS_FIRST_MS; its default when absent (0: editors do not go first). */
  'editors-first-ms': z.coerce.number().int().min(0).max(600_000).optional(),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  port: { type: 'string' },
  edits: { type: 'string' },
  readers: { type: 'string' },
  import: { type: 'string' },
  iterations: { type: 'string' },
  'past-concurrency': { type: 'string' },
  'editors-first-ms': { type: 'string' },
});
const log = (line: string) => process.stdout.write(`${line}\n`);

const dataDir = benchDataDir('past');
await stopLocalNeo4j({ port: flags.port, dataDir });
rmSync(dataDir, { recursive: true, force: true });
const handle = await ensureLocalNeo4j({ port: flags.port, dataDir });
const db = new Database({ uri: handle.uri, queryTimeoutMs: 120_000 });

try {
  const result = await measurePast(db, {
    fresh: true,
    edits: flags.edits,
    readers: flags.readers,
    importElements: flags.import,
    iterations: flags.iterations,
    pastReadConcurrency: flags['past-concurrency'],
    editorsFirstMs: flags['editors-first-ms'],
    // Progress beside the tables, which stay alone on stdout.
    log: (line) => process.stderr.write(`${line}\n`),
  });
  log(`## Reads of the past (bench/past.ts): ${flags.edits} edits, ${flags.readers} readers, an import of ${flags.import} elements`);
  log(pastLanes(result));
  log('');
  for (const line of pastTables(result)) log(line);
} finally {
  await db.close();
  if (handle.startedHere) await handle.stop();
}
