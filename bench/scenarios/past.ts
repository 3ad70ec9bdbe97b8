// Reads of the past beside editors, and after a large import (issue 22, docs/curation.md §3), on
// a Neo4j the caller started. Through an in-process API with the server's lanes as configured:
//   1. an editor's change set (one node's description, POST /api/changes), with no readers and
//      while `readers` clients (each its own address) repeat a read of the past (a neighbourhood
//      as recorded at version 1), in alternating blocks so drift falls on both sides alike;
//   2. a read of the past at the version before an import of `importElements` elements (half
//      nodes, half ties, one change set written in batches) against the same read now;
//   3. the layer's nodes and relationships against the live graph's, after the edits and the import.
// Used by `npm run bench` (bench/run.ts) and `npm run bench:past` (bench/past.ts). Asserts nothing.
import { availableParallelism } from 'node:os';
import { pino } from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app.ts';
import { loadSeed } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/config.ts';
import { AUTOMATION } from '../../server/curation/actor.ts';
import type { Database } from '../../server/db/database.ts';
import { loadRecords } from '../../seed/load.ts';
import type { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';

export interface PastOptions {
  /** Timed edits on each side (alone, beside the readers), spread over four blocks (rounded up per block). */
  edits: number;
  readers: number;
  importElements: number;
  /** Rounds of each now/past read after the import. */
  iterations: number;
  /** The server's PAST_READ_CONCURRENCY and EDITORS_FIRST_MS; its defaults when absent. */
  pastReadConcurrency?: number;
  editorsFirstMs?: number;
  /**
   * True: the store is empty; the schema and the seed are loaded first. False: it already holds
   * the seed (the tests' Neo4j), which is kept; the caller undoes the edits and the import.
   */
  fresh: boolean;
  /** Id prefix of the imported nodes and ties. */
  idPrefix?: string;
  /** Untimed edits first (plans every query, lets the JIT settle); 10 by default. */
  warmupEdits?: number;
  /** Readers' head start before the first timed edit, and the rest after they stop (ms). */
  readerLeadMs?: number;
  settleMs?: number;
  log?: (line: string) => void;
}

export interface StorageRow {
  when: string;
  liveNodes: number;
  liveTies: number;
  layerNodes: number;
  layerTies: number;
  /** Open states and tie copies: the live graph's elements, when the layer is in step. */
  openNodes: number;
  openTies: number;
}

export interface PastRead {
  name: string;
  nowP50: number;
  pastP50: number;
  /** pastP50 ÷ nowP50. */
  ratio: number;
}

export interface PastResult {
  edits: number;
  readers: number;
  importElements: number;
  iterations: number;
  cores: number;
  pastReadConcurrency: number;
  /** 0: editors do not go first. */
  editorsFirstMs: number;
  editor: {
    alone: { n: number; p50: number; p95: number };
    withReaders: { n: number; p50: number; p95: number };
    ratioP50: number;
    ratioP95: number;
  };
  readsOfThePast: { reads: number; seconds: number; perSecond: number };
  /** Change sets written before the import, warm-up included. */
  changeSets: number;
  import: { elements: number; seconds: number; versionBefore: number; version: number };
  reads: PastRead[];
  storage: StorageRow[];
}

const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const WRITE_TOKEN = 'bench-past-write-token-0123456789';
const EDITED = 'socialstyrelsen';
const BLOCKS = 4;

/** The p-quantile by floor(p·n), as bench/past.ts has always printed it. */
export function quantile(ms: number[], p: number): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

export async function measurePast(db: Database, o: PastOptions): Promise<PastResult> {
  const log = o.log ?? (() => {});
  const prefix = o.idPrefix ?? 'bench-past-';
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  if (o.fresh) {
    log('past: loading the schema and the seed');
    await db.applySchema();
    let phase = '';
    await loadSeed(db, (_done, total, now) => {
      if (now !== phase) log(`past: seed ${(phase = now)} (${total} to load)`);
    });
  }
  // The server's own lanes: every reader below is a client of its own (X-Forwarded-For from
  // loopback is trusted), so nothing needs opening. No answers kept: every read runs its queries.
  const config = loadConfig({
    ...process.env,
    SERVE_WEB: '0',
    WRITE_TOKEN,
    RATE_LIMIT_PER_MINUTE: '1000000',
    ANSWER_CACHE_BYTES: '0',
    ...(o.pastReadConcurrency ? { PAST_READ_CONCURRENCY: String(o.pastReadConcurrency) } : {}),
    ...(o.editorsFirstMs !== undefined ? { EDITORS_FIRST_MS: String(o.editorsFirstMs) } : {}),
  });
  const app = createApp({ db, config, log: pino({ level: 'silent' }), version: 'bench' });

  let n = 0;
  const edit = async () => {
    const [row] = await db.read('curation/node-states', { ids: [EDITED] });
    const rev = (row!.props as { rev: number }).rev;
    const t = performance.now();
    const res = await request(app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${WRITE_TOKEN}`)
      .send({
        reason: `Benchmark: small edit ${++n}`,
        sources: [SOURCE],
        ops: [{ op: 'updateNode', id: EDITED, rev, set: { description: `Bench ${n}` } }],
      });
    if (res.status !== 201) throw new Error(`change set: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    return performance.now() - t;
  };

  // 1. Warm-up, then blocks without and with readers take turns, so that drift over the run
  // (the layer growing, the JIT, the machine) falls on both sides alike.
  const warmup = o.warmupEdits ?? 10;
  log(`past: ${warmup} warm-up edits`);
  for (let i = 0; i < warmup; i++) await edit();
  const alone: number[] = [];
  const withReaders: number[] = [];
  let reads = 0;
  let readingSeconds = 0;
  const readErrors: number[] = [];
  const perBlock = Math.ceil(o.edits / BLOCKS);
  for (let block = 0; block < BLOCKS; block++) {
    for (let i = 0; i < perBlock; i++) alone.push(await edit());
    let reading = true;
    const reader = async (_: unknown, i: number) => {
      while (reading) {
        const res = await request(app)
          .get('/api/nodes/who/neighborhood')
          .set('X-Forwarded-For', `10.22.0.${i + 1}`)
          .query({ depth: '1', recordedAt: '1' });
        if (res.status !== 200) readErrors.push(res.status);
        reads++;
      }
    };
    const readers = Array.from({ length: o.readers }, reader);
    await pause(o.readerLeadMs ?? 1000);
    const started = performance.now();
    for (let i = 0; i < perBlock; i++) withReaders.push(await edit());
    readingSeconds += (performance.now() - started) / 1000;
    reading = false;
    await Promise.all(readers);
    // The readers' garbage is Neo4j's and Node's to collect before "no readers" is timed again.
    await pause(o.settleMs ?? 2000);
    log(`past: edits block ${block + 1}/${BLOCKS} done (${perBlock} alone, ${perBlock} with ${o.readers} readers)`);
  }
  if (readErrors.length) throw new Error(`reads of the past failed: ${readErrors.slice(0, 5).join(', ')}`);

  // 3a. Storage after the edits.
  const storage: StorageRow[] = [];
  const count = async (when: string) => {
    const [row] = await db.read('curation/count-layer');
    const r = row as Record<string, number>;
    storage.push({
      when,
      liveNodes: Number(r.liveNodes),
      liveTies: Number(r.liveTies),
      layerNodes: Number(r.recNodes),
      layerTies: Number(r.recTies),
      openNodes: Number(r.openNodes),
      openTies: Number(r.openTies),
    });
  };
  await count(`seed and ${n} edits of one node`);

  // 2. A read of the past at the version before a large import, against the same read now.
  const before = Number((await db.read('curation/graph-version'))[0]?.version);
  const half = Math.floor(o.importElements / 2);
  const nodes: NodeRecord[] = [];
  const ties: RelationshipRecord[] = [];
  const fact = {
    properties: {},
    sources: ['001_1c1597dd7120e666.txt#L3-L3'],
    evidence: 'Invented for the bench.',
    certainty: 'inferred' as const,
    outsideKnowledge: 'outside knowledge: bench data',
  };
  for (let i = 0; i < half; i++)
    nodes.push({ id: `${prefix}${i}`, label: 'Agency', name: `Bench agency ${i}`, aliases: [], ...fact } as NodeRecord);
  for (let i = 0; i < o.importElements - half; i++)
    ties.push({
      id: `${prefix}tie-${i}`,
      type: 'COOPERATES_WITH',
      from: `${prefix}${i % half}`,
      to: `${prefix}${(i + 1) % half}`,
      ...fact,
    } as RelationshipRecord);
  log(`past: importing ${o.importElements} elements`);
  const t0 = performance.now();
  await loadRecords(db, nodes, ties, {
    atomic: false,
    batchSize: 5000,
    history: { kind: 'import', reason: 'Benchmark: a large import', author: AUTOMATION, sources: [] },
  });
  const importSeconds = (performance.now() - t0) / 1000;
  const version = Number((await db.read('curation/graph-version'))[0]?.version);
  const questions = {
    neighbourhood: ['/api/nodes/socialstyrelsen/neighborhood', { depth: '2' }],
    representation: ['/api/representation', { principal: 'sweden', forum: 'who' }],
    search: ['/api/search', { q: 'Socialstyrelsen' }],
  } as const;
  const pastReads: PastRead[] = [];
  for (const [name, [path, query]] of Object.entries(questions)) {
    log(`past: ${name} now and as recorded at version ${before}, ${o.iterations} rounds`);
    const now: number[] = [];
    const past: number[] = [];
    for (let i = -1; i < o.iterations; i++)
      for (const [list, q] of [
        [now, query],
        [past, { ...query, recordedAt: String(before) }],
      ] as const) {
        const t = performance.now();
        const res = await request(app).get(path).query(q);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        if (i >= 0) list.push(performance.now() - t);
      }
    const nowP50 = quantile(now, 0.5);
    const pastP50 = quantile(past, 0.5);
    pastReads.push({ name, nowP50, pastP50, ratio: pastP50 / nowP50 });
  }
  await count(`and the import of ${o.importElements}`);

  return {
    edits: o.edits,
    readers: o.readers,
    importElements: o.importElements,
    iterations: o.iterations,
    cores: availableParallelism(),
    pastReadConcurrency: config.PAST_READ_CONCURRENCY,
    editorsFirstMs: config.EDITORS_FIRST_MS,
    editor: {
      alone: { n: alone.length, p50: quantile(alone, 0.5), p95: quantile(alone, 0.95) },
      withReaders: { n: withReaders.length, p50: quantile(withReaders, 0.5), p95: quantile(withReaders, 0.95) },
      ratioP50: quantile(withReaders, 0.5) / quantile(alone, 0.5),
      ratioP95: quantile(withReaders, 0.95) / quantile(alone, 0.95),
    },
    readsOfThePast: { reads, seconds: readingSeconds, perSecond: reads / readingSeconds },
    changeSets: n,
    import: { elements: o.importElements, seconds: importSeconds, versionBefore: before, version },
    reads: pastReads,
    storage,
  };
}

const f1 = (n: number) => n.toFixed(1);

/** The stage's tables in Markdown, as `npm run bench:past` prints them and bench/results keeps them. */
export function pastTables(r: PastResult): string[] {
  const e = r.editor;
  const lines = [
    '| change set | p50 (ms) | p95 (ms) |',
    '|---|---:|---:|',
    `| no readers | ${f1(e.alone.p50)} | ${f1(e.alone.p95)} |`,
    `| ${r.readers} clients reading the past (${f1(r.readsOfThePast.perSecond)} reads/s) | ${f1(e.withReaders.p50)} | ${f1(e.withReaders.p95)} |`,
    `| ratio | ×${e.ratioP50.toFixed(2)} | ×${e.ratioP95.toFixed(2)} |`,
  ];
  const storageHead = [
    '',
    '| storage | live nodes | live ties | layer nodes | layer ties | nodes ratio | ties ratio |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const storageRow = (s: StorageRow) =>
    `| ${s.when} | ${s.liveNodes} | ${s.liveTies} | ${s.layerNodes} | ${s.layerTies} | ×${(s.layerNodes / s.liveNodes).toFixed(2)} | ×${(s.layerTies / s.liveTies).toFixed(2)} |`;
  const [afterEdits, afterImport] = r.storage;
  lines.push(...storageHead);
  if (afterEdits) lines.push(storageRow(afterEdits));
  lines.push('', `import of ${r.importElements} elements: ${f1(r.import.seconds)} s, as version ${r.import.version}`);
  lines.push('', `| read | now p50 (ms) | as recorded at version ${r.import.versionBefore} p50 (ms) | ratio |`, '|---|---:|---:|---:|');
  for (const q of r.reads) lines.push(`| ${q.name} | ${f1(q.nowP50)} | ${f1(q.pastP50)} | ×${q.ratio.toFixed(2)} |`);
  lines.push(...storageHead);
  if (afterImport) lines.push(storageRow(afterImport));
  return lines;
}

/** The lanes line bench:past prints above its tables. */
export function pastLanes(r: PastResult): string {
  return `Reads of the past at once: ${r.pastReadConcurrency} (${r.cores} cores here); editors first: ${r.editorsFirstMs ? `${r.editorsFirstMs} ms at most per write` : 'off'}`;
}
