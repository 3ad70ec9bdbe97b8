// The benchmark's own code on a tiny graph, so it cannot rot between benchmark runs: generate
// ~200 nodes with ids prefixed "synth-", bulk-load them beside the seed graph (interrupted and
// resumed), time each endpoint through a separate API process and through the driver, run the
// throughput loop and the export-memory probe for a second, then remove exactly those nodes.
// Nothing here asserts a timing: benchmarks are not tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiChild, type ApiChild } from '../../bench/lib/api-child.ts';
import { DirectReplay } from '../../bench/lib/direct.ts';
import { bulkLoad, deletePrefixed, resolveInput, inputKey } from '../../bench/load/bulk-load.ts';
import { checkTargets, toMarkdown } from '../../bench/report.ts';
import { buildCases, type Case } from '../../bench/scenarios/cases.ts';
import { measureExportMemory } from '../../bench/scenarios/export-memory.ts';
import { captureCalls, measureLatency, VERSION_READ, type Captured } from '../../bench/scenarios/latency.ts';
import { measureSideBySide, type SideBySideResult } from '../../bench/scenarios/side-by-side.ts';
import { p95Chart, throughputChart } from '../../bench/charts.ts';
import { measureSoak } from '../../bench/scenarios/soak.ts';
import { measureThroughput } from '../../bench/scenarios/throughput.ts';
import { writeSynth, type SynthManifest } from '../../bench/synth/write.ts';
import { toRelationshipRow } from '../../seed/rows.ts';
import { RelationshipRecord } from '../../seed/schema.ts';
import { readFileSync } from 'node:fs';
import { Database } from '../../server/db/database.ts';
import { testDatabase } from '../helpers/api.ts';
import { emptyScratchNeo4j } from '../helpers/scratch-neo4j.ts';

const PREFIX = 'synth-';
const db = testDatabase();
const work = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
let dir = '';
let manifest: SynthManifest;
let key = '';

beforeAll(async () => {
  // Leftovers of an earlier, interrupted run.
  await deletePrefixed(db, PREFIX);
  ({ dir, manifest } = await writeSynth({ nodes: 200, seed: 11, idPrefix: PREFIX, dir: join(work, 'graph') }));
  key = inputKey(resolveInput(dir));
  await db.write('bulk/delete-marker', { key, all: true });
});

afterAll(async () => {
  await deletePrefixed(db, PREFIX);
  if (key) await db.write('bulk/delete-marker', { key, all: true });
  await db.close();
  rmSync(work, { recursive: true, force: true });
});

describe('bench: bulk loader', () => {
  it('loads with CREATE, resumes after an interruption, and does not load twice', async () => {
    const small = { nodeBatchSize: 40, relationshipBatchSize: 50, concurrency: 2 };
    const first = await bulkLoad(db, dir, { ...small, mode: 'create', stopAfterBatches: 3 });
    expect(first.interrupted).toBe(true);
    expect(first.nodes).toBe(120);

    const second = await bulkLoad(db, dir, { ...small, mode: 'create' });
    expect(second.resumed).toBe(true);
    expect(second.mode).toBe('create');
    expect(first.nodes + second.nodes).toBe(manifest.nodes);
    expect(second.relationships).toBe(manifest.relationships);
    expect(second.unmatchedRelationships).toBe(0);

    const third = await bulkLoad(db, dir);
    expect(third.skipped).toBe(true);
    expect(third.nodes + third.relationships).toBe(0);
  });

  it('into an empty database, builds the indexes once at the end and searches the loaded graph', async () => {
    // The deferred-index path only runs on an empty database: the throw-away one.
    const empty = new Database({ uri: await emptyScratchNeo4j() });
    try {
      await empty.applySchema();
      const indexNames = async () => (await empty.read('bulk/list-deferrable-indexes')).map((r) => String(r.name)).sort();
      const before = await indexNames();
      expect(before).toContain('entity_names');

      // Stopped halfway: the indexes are back all the same.
      const small = { nodeBatchSize: 40, relationshipBatchSize: 50 };
      const stopped = await bulkLoad(empty, dir, { ...small, stopAfterBatches: 2 });
      expect(stopped).toMatchObject({ mode: 'create', interrupted: true });
      expect(await indexNames()).toEqual(before);

      const report = await bulkLoad(empty, dir, small);
      expect(report).toMatchObject({ resumed: true, relationships: manifest.relationships, unmatchedRelationships: 0 });
      expect(report.indexSeconds).toBeGreaterThan(0);
      expect(await indexNames()).toEqual(before);
      // The full-text index covers nodes created while it did not exist.
      const hub = manifest.probes.hubs[0]!;
      const hits = await empty.read('search/search-nodes', { query: hub, exact: hub, labels: null, limit: 1, candidates: 10 });
      expect((hits[0]?.node as { id: string } | undefined)?.id).toBe(hub);

      // A later create-mode load finds the ends it did not create itself, and skips a tie
      // whose end is nowhere in the graph instead of failing.
      const extra = join(work, 'extra');
      mkdirSync(extra);
      const provenance = {
        sources: ['extra.txt#L1'],
        evidence: 'Test record.',
        certainty: 'inferred',
        outsideKnowledge: 'outside knowledge: made up for the test',
      };
      writeFileSync(
        join(extra, 'nodes.jsonl'),
        JSON.stringify({ id: 'synth-extra-1', label: 'Country', name: 'Extraland', properties: {}, ...provenance }) + '\n',
      );
      writeFileSync(
        join(extra, 'relationships.jsonl'),
        [
          { id: 'synth-extra-tie-1', type: 'MEMBER_OF', from: 'synth-extra-1', to: hub, ...provenance },
          { id: 'synth-extra-tie-2', type: 'MEMBER_OF', from: 'synth-extra-1', to: 'synth-nowhere-1', ...provenance },
        ]
          .map((r) => JSON.stringify(r))
          .join('\n') + '\n',
      );
      const later = await bulkLoad(empty, extra, { mode: 'create' });
      expect(later).toMatchObject({ nodes: 1, relationships: 1, unmatchedRelationships: 1 });
      const ties = await empty.read('nodes/degree', { id: 'synth-extra-1' });
      expect(ties.map((t) => [t.type, t.direction, Number(t.count)])).toEqual([['MEMBER_OF', 'out', 1]]);
    } finally {
      await empty.close();
    }
  });

  it('stores relationships exactly as the seed loader would', async () => {
    const lines = readFileSync(join(dir, 'relationships.jsonl'), 'utf8').trim().split('\n');
    const record = RelationshipRecord.parse(JSON.parse(lines.find((l) => l.includes('"REPRESENTS"')) ?? lines[0]!));
    const expected = toRelationshipRow(record);
    const [row] = await db.read('nodes/expand-level', {
      frontier: [record.from],
      seenIncident: 0,
      types: [record.type],
      labels: null,
      direction: 'out',
      asOfStart: null,
      asOfEnd: null,
      seenKeys: [],
      stated: false,
      limit: 100,
    });
    const stored = (row?.relationships as Array<Record<string, unknown>>).find((r) => r.key === expected.key);
    expect(stored).toBeDefined();
    const { type: _t, source: _s, target: _g, timeStatus: _ts, validFromDate, validToDate, ...props } = stored!;
    expect(props).toEqual(expected.properties);
    expect(validFromDate ?? null).toBe(expected.validFromDay);
    expect(validToDate ?? null).toBe(expected.validToDay);
  });

  it('merges over an existing graph when asked to load again with --force', async () => {
    const again = await bulkLoad(db, dir, { force: true, nodeBatchSize: 100, relationshipBatchSize: 200 });
    expect(again.mode).toBe('merge');
    expect(again.relationships).toBe(manifest.relationships);
    const [counts] = await db.read('nodes/degree', { id: manifest.probes.hubs[0]! });
    expect(counts).toBeDefined();
  });
});

describe('bench: measurements on a tiny graph', () => {
  let api: ApiChild;
  let direct: DirectReplay;
  let cases: Case[];
  let captured: Captured;
  let sideBySide: SideBySideResult | null = null;
  beforeAll(async () => {
    api = await startApiChild({ neo4jUri: inject('neo4jUri') });
    direct = new DirectReplay(inject('neo4jUri'));
    cases = buildCases(manifest.probes, 3);
    captured = await captureCalls(api, cases);
  });
  afterAll(async () => {
    await direct.close();
    await api.stop();
  });

  // Each starts API processes of its own, which on a loaded machine take a while to come up.
  it(
    'runs the mixed reads through the driver alone, the API cold and the API warm, round robin and Zipf',
    { timeout: 240_000 },
    async () => {
      const warm = await startApiChild({ neo4jUri: inject('neo4jUri'), answerCacheBytes: 2 ** 20 });
      try {
        sideBySide = await measureSideBySide({
          coldUrl: api.url,
          warmUrl: warm.url,
          direct,
          captured,
          levels: [2],
          seconds: 1,
          cacheBytes: 2 ** 20,
        });
      } finally {
        await warm.stop();
      }
      expect(sideBySide.rows.map((r) => `${r.mix} ${r.via} ${r.connections}`).sort()).toEqual(
        ['round-robin', 'zipf'].flatMap((mix) => ['driver', 'api-cold', 'api-warm'].map((via) => `${mix} ${via} 2`)).sort(),
      );
      for (const r of sideBySide.rows) {
        expect(r.requests).toBeGreaterThan(0);
        expect(r.failures).toBe(0);
      }
      expect(sideBySide.questions).toBe(cases.filter((c) => c.endpoint !== 'export-graphml').reduce((n, c) => n + c.variants.length, 0));
    },
  );

  it('times every endpoint through the API and the same Cypher through the driver', { timeout: 240_000 }, async () => {
    // The answer cache's version read is the server's own cost: the driver side does not replay it.
    for (const { recorded } of captured.values())
      for (const calls of recorded) expect(calls.map((c) => c.name)).not.toContain(VERSION_READ);
    const latency = await measureLatency(
      api,
      direct,
      cases,
      { iterations: 3, slowIterations: 1, warmupRounds: 1, warmupSeconds: 0 },
      captured,
    );
    expect(latency.map((l) => l.endpoint).sort()).toEqual(cases.map((c) => c.endpoint).sort());
    for (const l of latency) {
      expect(l.api.n).toBeGreaterThan(0);
      expect(l.direct.n).toBe(l.api.n);
      expect(l.queriesPerRequest).toBeGreaterThan(0);
    }
    const throughput = await measureThroughput(api.url, cases, [1, 2], 1);
    expect(throughput).toHaveLength(2);
    for (const t of throughput) {
      expect(t.requests).toBeGreaterThan(0);
      expect(t.errors + t.non2xx).toBe(0);
    }
    const memory = await api.memory();
    expect(memory.peakRss).toBeGreaterThan(0);
    const soak = await measureSoak(api, cases, 2);
    expect(soak.run.requests).toBeGreaterThan(0);
    expect(soak.run.server5xx).toBe(0);
    expect(soak.rssAfter).toBeGreaterThan(0);

    const exportMemory = await measureExportMemory(inject('neo4jUri'));
    expect(exportMemory.elements).toBeGreaterThan(manifest.nodes);
    // The same whole-graph export streams through a server whose heap is capped.
    const exportMemoryCapped = await measureExportMemory(inject('neo4jUri'), { heapCapMiB: 64 });
    expect(exportMemoryCapped).toMatchObject({ heapCapMiB: 64, elements: exportMemory.elements, bytes: exportMemory.bytes });

    const size = {
      nodes: manifest.nodes,
      relationships: manifest.relationships,
      largestHub: manifest.topDegrees[0] ?? null,
      generateSeconds: 0,
      load: {
        key,
        mode: 'create' as const,
        resumed: false,
        skipped: false,
        interrupted: false,
        nodes: 1,
        relationships: 1,
        unmatchedRelationships: 0,
        nodeSeconds: 1,
        relationshipSeconds: 1,
        indexSeconds: 1,
        totalSeconds: 3,
        nodesPerSecond: 1,
        relationshipsPerSecond: 1,
      },
      latency,
      throughput,
      sideBySide,
      serverPeakRss: memory.peakRss,
      soak,
      exportMemory,
      exportMemoryCapped,
    };
    const base = {
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      seconds: 1,
      mode: 'custom' as const,
      machine: { cpus: 2, memoryGiB: 24, node: process.versions.node, loadAverageAtStart: [0, 0, 0] },
      options: {},
      sizes: [size],
      browser: null,
      notes: [],
    };
    const all = { ...base, targets: checkTargets(base) };
    const md = toMarkdown(all);
    expect(md).toContain('neighborhood-d2');
    expect(md).toContain('Side by side: mixed reads through the driver alone');
    expect(all.targets.map((t) => t.target)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Warm mixed reads ≥ 10×/),
        expect.stringMatching(/^Cold mixed reads ≥ 0.8× the driver alone at 2 clients \(Zipf mix\)/),
      ]),
    );
    const chart = throughputChart(all);
    for (const name of ['API warm, Zipf mix', 'API cold, Zipf mix', 'driver alone, Zipf mix', 'driver alone, round robin'])
      expect(chart).toContain(name);
    expect(p95Chart(all)).toContain('mandate-chain');
    expect(md).toContain('Bounded load run (50 clients');
    expect(md).toContain('capped at 64 MiB');
  });
});
