// `npm run bench:ab -- --old DIR`: old code against new code on the same synthetic graph, in
// one process, request by request in alternation. On a shared, loaded machine absolute figures
// move between runs by more than a change costs or saves; a ratio of two servers measured side
// by side does not. DIR holds the old `server/`, `cypher/` and `seed/`, e.g.
//   mkdir -p .ab-old && git archive main server cypher seed | tar -x -C .ab-old
// (inside the repository, so the old code finds node_modules). Both servers run the same
// requests as `npm run bench` (bench/scenarios/cases.ts) against one Neo4j of the benchmark's.
// With --compare, answers that differ between old and new are reported (for changes meant to
// keep answers as they were).
//
// `npm run bench:ab -- --history`: the same code on two graphs, one loaded plainly and one
// loaded as a recorded change set (an Op per element) and then edited by --edits change sets,
// each on its own Neo4j: what reads of the current graph pay for the history kept beside it.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { z } from 'zod';
import * as newApp from '../server/app.ts';
import { parseFlags } from '../server/cli/args.ts';
import { loadConfig } from '../server/config.ts';
import * as newDb from '../server/db/database.ts';
import type { Database } from '../server/db/database.ts';
import { startInstance } from './lib/instance.ts';
import { alternate, type Side } from './lib/alternate.ts';
import { synthRows } from './load/synth-rows.ts';
import { AUTOMATION } from '../server/curation/actor.ts';
import { applyChangeSet } from '../server/curation/apply.ts';
import { writeRows, type LoadHistory } from '../seed/load.ts';
import { bulkLoad } from './load/bulk-load.ts';
import { buildCases, ENDPOINTS, type Endpoint } from './scenarios/cases.ts';
import { parseCount, writeSynth } from './synth/write.ts';
import { BENCH_READ_LIMITS } from './lib/open-lanes.ts';

const Flags = z.object({
  old: z.string().optional(),
  history: z.boolean().default(false),
  edits: z.coerce.number().int().min(0).max(10_000).default(200),
  sizes: z.string().default('10k,100k'),
  seed: z.coerce.number().int().min(0).default(1),
  iterations: z.coerce.number().int().min(1).max(10_000).default(100),
  endpoints: z.string().default('mandate-chain,paths'),
  port: z.coerce.number().int().min(1024).max(65_000).default(7692),
  compare: z.boolean().default(false),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  old: { type: 'string' },
  history: { type: 'boolean' },
  edits: { type: 'string' },
  sizes: { type: 'string' },
  seed: { type: 'string' },
  iterations: { type: 'string' },
  endpoints: { type: 'string' },
  port: { type: 'string' },
  compare: { type: 'boolean' },
});
const endpoints = flags.endpoints.split(',') as Endpoint[];
for (const e of endpoints) if (!ENDPOINTS.includes(e)) throw new Error(`--endpoints: unknown "${e}"; expected ${ENDPOINTS.join(', ')}`);
if (!flags.old === !flags.history)
  throw new Error('give either --old DIR (old code against new) or --history (a graph with history against one without)');
const oldDir = flags.old ? resolve(flags.old) : null;
if (oldDir && !existsSync(resolve(oldDir, 'server/app.ts'))) throw new Error(`--old: ${oldDir} holds no server/app.ts`);

type AppModule = typeof newApp;
type DbModule = typeof newDb;
const oldApp = oldDir ? ((await import(pathToFileURL(resolve(oldDir, 'server/app.ts')).href)) as AppModule) : newApp;
const oldDb = oldDir ? ((await import(pathToFileURL(resolve(oldDir, 'server/db/database.ts')).href)) as DbModule) : newDb;

const log = (line: string) => process.stderr.write(`[ab] ${line}\n`);

async function serve(make: AppModule['createApp'], db: Database, port: number): Promise<{ url: string; close(): void }> {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: 'bolt://127.0.0.1:1',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '100000000',
    SERVE_WEB: '0',
    ...BENCH_READ_LIMITS,
  });
  const app = make({ db, config, log: pino({ level: 'silent' }), version: 'ab' });
  const server = app.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const lines: string[] = [];
const sizing = (nodes: number) => (nodes >= 50_000 ? { heap: '2g', pageCache: '1g' } : { heap: '1g', pageCache: '512m' });

/** A graph loaded through writeRows (the seed and import path), with or without its history. */
async function loadThroughRows(db: Database, dir: string, recorded: boolean): Promise<void> {
  const [row] = await db.read('seed/count-entities');
  const { nodeRows, relRows } = synthRows(dir);
  if (Number(row?.nodes ?? 0) === 0) {
    const history: LoadHistory = {
      kind: 'import',
      reason: 'Benchmark: the synthetic graph',
      author: AUTOMATION,
      sources: [{ file: 'synthetic-1.txt' }],
    };
    log(`loading ${nodeRows.length.toLocaleString('en')} nodes ${recorded ? 'with' : 'without'} history`);
    await writeRows(db, nodeRows, relRows, { batchSize: 1000, atomic: false, ...(recorded ? { history } : {}) });
  }
  if (!recorded) return;
  // Edits spread over the graph, each its own change set: a rev and Ops on elements the reads
  // meet. The load is version 1, so a store kept from an earlier run goes on where it stopped.
  const [v] = await db.read('curation/graph-version');
  const ids = nodeRows.map((n) => String(n.id));
  for (let i = Math.max(0, Number(v?.version ?? 1) - 1); i < flags.edits; i++) {
    const id = ids[Math.floor((i * ids.length) / Math.max(1, flags.edits))]!;
    const [state] = await db.read('nodes/nodes-by-ids', { ids: [id] });
    const rev = Number((state?.node as { rev?: number } | undefined)?.rev ?? 0);
    const source = { op: 'addSource' as const, source: { file: 'synthetic-1.txt', title: 'Synthetic benchmark graph' } };
    const edit = { op: 'updateNode' as const, id, rev, set: { description: `Edited by the benchmark (${i + 1})` } };
    await applyChangeSet(
      db,
      {
        reason: `Benchmark: edit ${i + 1} of ${flags.edits}`,
        sources: [{ file: 'synthetic-1.txt', lines: 'L1-L2' }],
        ops: i === 0 ? [source, edit] : [edit],
      },
      AUTOMATION,
    );
  }
  log(`recorded the load and ${flags.edits} edits`);
}

for (const nodes of flags.sizes.split(',').map(parseCount)) {
  const { dir, manifest } = await writeSynth({ nodes, seed: flags.seed });
  // A store of its own per size (and per history), kept between runs.
  const first = await startInstance({
    port: flags.port,
    name: flags.history ? `ab-plain-n${nodes}` : `ab-n${nodes}`,
    fresh: false,
    ...sizing(nodes),
    onProgress: (l) => log(`neo4j: ${l}`),
  });
  const second = flags.history
    ? await startInstance({
        port: flags.port + 10,
        name: `ab-history-n${nodes}`,
        fresh: false,
        ...sizing(nodes),
        onProgress: (l) => log(`neo4j 2: ${l}`),
      })
    : null;
  try {
    await first.db.applySchema();
    if (second) {
      await second.db.applySchema();
      await loadThroughRows(first.db, dir, false);
      await loadThroughRows(second.db, dir, true);
    } else await bulkLoad(first.db, dir, {});
    const dbA = new oldDb.Database({ uri: first.uri }) as unknown as Database;
    const dbB = new newDb.Database({ uri: (second ?? first).uri });
    const sA = await serve(oldApp.createApp, dbA, flags.port + 2);
    const sB = await serve(newApp.createApp, dbB, flags.port + 1);
    const a: Side = { label: flags.history ? 'without history' : 'old', url: sA.url };
    const b: Side = { label: flags.history ? 'with history' : 'new', url: sB.url };
    try {
      for (const c of buildCases(manifest.probes).filter((x) => endpoints.includes(x.endpoint))) {
        const line = await alternate(`${nodes.toLocaleString('en')} nodes`, c, a, b, {
          iterations: flags.iterations,
          compare: flags.compare,
          log,
        });
        log(line);
        lines.push(line);
      }
    } finally {
      sA.close();
      sB.close();
      await dbA.close();
      await dbB.close();
    }
  } finally {
    await first.stop();
    await second?.stop();
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
