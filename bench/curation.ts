// `npm run bench:curation -- [--nodes 10k] [--port 7696] [--ops 1000] [--change-set-only]`: what recording history
// costs. On its own Neo4j (port --port, store .neo4j/bench-curation, emptied first) it loads
// the synthetic graph through the seed/import path (batched MERGE) twice, without and with a
// change set (one Op per element, written in the same batches), and then applies one change
// set of --ops operations and reverts it, each in a single transaction. Prints the times.
import { rmSync } from 'node:fs';
import { z } from 'zod';
import { parseFlags } from '../server/cli/args.ts';
import { AUTOMATION } from '../server/curation/actor.ts';
import { applyChangeSet } from '../server/curation/apply.ts';
import { revertChangeSet } from '../server/curation/revert.ts';
import type { ChangeSetInput } from '../server/curation/schemas.ts';
import { writeRows, type LoadHistory } from '../seed/load.ts';
import { Database } from '../server/db/database.ts';
import { benchDataDir } from './lib/instance.ts';
import { ensureLocalNeo4j, stopLocalNeo4j } from '../neo4j-local/launcher.ts';
import { parseCount, writeSynth } from './synth/write.ts';
import { synthRows } from './load/synth-rows.ts';

const Flags = z.object({
  nodes: z.string().default('10k'),
  port: z.coerce.number().int().min(1024).max(65535).default(7696),
  ops: z.coerce.number().int().min(2).max(5000).default(1000),
  'change-set-only': z.boolean().default(false),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  nodes: { type: 'string' },
  port: { type: 'string' },
  ops: { type: 'string' },
  'change-set-only': { type: 'boolean' },
});
const nodes = parseCount(flags.nodes);
const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

const { dir, manifest } = await writeSynth({ nodes, seed: 1 });
const { nodeRows, relRows } = synthRows(dir);
log(`graph: ${manifest.nodes.toLocaleString('en')} nodes, ${manifest.relationships.toLocaleString('en')} relationships (${dir})`);

const dataDir = benchDataDir('curation');
await stopLocalNeo4j({ port: flags.port, dataDir });
rmSync(dataDir, { recursive: true, force: true });
const handle = await ensureLocalNeo4j({ port: flags.port, dataDir });
const db = new Database({ uri: handle.uri, queryTimeoutMs: 300_000, retryMs: 30_000 });

async function wipe(d: Database) {
  for (;;) {
    const [row] = await d.write('admin/delete-batch', { batch: 10_000 });
    if (Number(row?.deleted ?? 0) === 0) break;
  }
}

try {
  await db.applySchema();
  const history: LoadHistory = {
    kind: 'import',
    reason: 'Benchmark: the synthetic graph',
    author: AUTOMATION,
    sources: [{ file: 'synthetic-1.txt' }],
  };
  // Plain, recorded, plain again: the JVM warms up during the first load, so the recorded one
  // is compared with the mean of the two plain ones around it.
  const load = async (withHistory: boolean) => {
    await wipe(db);
    await db.applySchema();
    return (await writeRows(db, nodeRows, relRows, { batchSize: 1000, atomic: false, ...(withHistory ? { history } : {}) })).ms;
  };
  if (!flags['change-set-only']) {
    const plain1 = await load(false);
    const recorded = await load(true);
    const plain2 = await load(false);
    const plain = (plain1 + plain2) / 2;
    log(`load without history: ${seconds(plain1)} s and ${seconds(plain2)} s`);
    log(`load recorded as a change set: ${seconds(recorded)} s (${((recorded / plain - 1) * 100).toFixed(0)} % against their mean)`);
    await load(true);
  }

  // A change set of --ops operations: a source, then new agencies and ties between them. The
  // first round warms the JVM and plans every query; the second is the figure.
  const changeSet = (round: string): ChangeSetInput => {
    const half = Math.floor((flags.ops - 1) / 2);
    const id = (i: number) => `bench-cs-${round}-${i}`;
    const ops: ChangeSetInput['ops'] = [{ op: 'addSource', source: { file: `bench-${round}.txt`, title: 'Benchmark source' } }];
    const provenance = { certainty: 'inferred', outsideKnowledge: 'outside knowledge: generated for the benchmark' };
    for (let i = 0; i < half; i++)
      ops.push({ op: 'addNode', node: { id: id(i), label: 'Agency', name: `Bench agency ${i}`, ...provenance } });
    for (let i = 0; ops.length < flags.ops; i++)
      ops.push({
        op: 'addTie',
        tie: {
          id: `${id(i)}-tie`,
          type: 'COOPERATES_WITH',
          from: id(i % half),
          to: id((i + 1 + Math.floor(i / half)) % half),
          ...provenance,
        },
      });
    return { reason: 'Benchmark: one large change set', sources: [{ file: `bench-${round}.txt`, lines: 'L1-L2' }], ops };
  };
  for (const round of ['warm', 'timed']) {
    const input = changeSet(round);
    let t = performance.now();
    const applied = await applyChangeSet(db, input, AUTOMATION);
    log(`${round}: change set of ${input.ops.length} operations applied in one transaction: ${seconds(performance.now() - t)} s`);
    t = performance.now();
    await revertChangeSet(db, applied.changeSet.id, 'Benchmark: undo the large change set', AUTOMATION);
    log(`${round}: its revert (${applied.elements.length - 1} elements): ${seconds(performance.now() - t)} s`);
  }
} finally {
  await db.close();
  if (handle.startedHere) await handle.stop();
}
