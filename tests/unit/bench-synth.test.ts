// The synthetic graph generator and the benchmark's pure helpers, on tiny sizes: the same
// seed gives the same graph, the shape is institutional (labels, a hub, dated ties), and the
// output passes the seed validator, so the loaders can take it as they take the seed.
import { describe, expect, it } from 'vitest';
import { parallelGroups } from '../../bench/lib/direct.ts';
import { percentile, summarize } from '../../bench/lib/stats.ts';
import { relationshipLine } from '../../bench/load/bulk-load.ts';
import { checkTargets, toMarkdown } from '../../bench/report.ts';
import { benchResults } from '../helpers/bench-results.ts';
import { buildCases } from '../../bench/scenarios/cases.ts';
import { SynthGraph } from '../../bench/synth/generate.ts';
import { apportion, createRng, Zipf } from '../../bench/synth/prng.ts';
import { parseCount } from '../../bench/synth/write.ts';
import { toRelationshipRow } from '../../seed/rows.ts';
import { EntityId } from '../../seed/schema.ts';
import { validateSeedText } from '../../seed/validate.ts';

function generate(nodes: number, seed: number, idPrefix?: string) {
  const g = new SynthGraph({ nodes, seed, ...(idPrefix ? { idPrefix } : {}) });
  return { graph: g, nodes: [...g.nodes()], relationships: [...g.relationships()] };
}

describe('synthetic graph', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generate(500, 7);
    const b = generate(500, 7);
    const c = generate(500, 8);
    expect(JSON.stringify(a.nodes)).toBe(JSON.stringify(b.nodes));
    expect(JSON.stringify(a.relationships)).toBe(JSON.stringify(b.relationships));
    expect(a.graph.probes()).toEqual(b.graph.probes());
    expect(JSON.stringify(c.relationships)).not.toBe(JSON.stringify(a.relationships));
  });

  it('has exactly the requested nodes, with kebab-case unique ids carrying the prefix', () => {
    const { nodes } = generate(1234, 3, 'synth-');
    expect(nodes).toHaveLength(1234);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(1234);
    for (const n of nodes) {
      expect(EntityId.safeParse(n.id).success).toBe(true);
      expect(n.id.startsWith('synth-')).toBe(true);
    }
  });

  it('passes the seed validator: schema, endpoint labels, qualifiers, forum ties, chains, provenance refs', { timeout: 30_000 }, () => {
    for (const [size, seed] of [
      [40, 1],
      [2000, 2],
    ] as const) {
      const { nodes, relationships } = generate(size, seed);
      const result = validateSeedText({
        nodesText: nodes.map((n) => JSON.stringify(n)).join('\n'),
        relationshipsText: relationships.map((r) => JSON.stringify(r)).join('\n'),
      });
      expect(result.problems.slice(0, 5)).toEqual([]);
      expect(result.nodes).toHaveLength(size);
      expect(result.relationships).toHaveLength(relationships.length);
    }
  });

  it('is shaped like an administration: every label, a heavy-tailed hub, dated and successive ties', () => {
    const { nodes, relationships } = generate(5000, 1);
    const labels = new Set(nodes.map((n) => n.label));
    for (const l of [
      'Country',
      'Government',
      'Ministry',
      'Agency',
      'Unit',
      'Post',
      'Person',
      'Organisation',
      'Treaty',
      'Programme',
      'Document',
      'Region',
    ]) {
      expect(labels).toContain(l);
    }
    const degree = new Map<string, number>();
    for (const r of relationships) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const [hubId, hubDegree] = [...degree.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(nodes.find((n) => n.id === hubId)?.label).toMatch(/Organisation|Government/);
    expect(hubDegree).toBeGreaterThan(50 * median);
    const dated = relationships.filter((r) => r.validFrom).length;
    expect(dated / relationships.length).toBeGreaterThan(0.3);
    // Posts are held by one person after another.
    const holders = new Map<string, number>();
    for (const r of relationships) if (r.type === 'HOLDS_POST') holders.set(r.to, (holders.get(r.to) ?? 0) + 1);
    expect(Math.max(...holders.values())).toBeGreaterThan(1);
    expect(relationships.some((r) => r.type === 'REPRESENTS' && r.forum && r.capacity)).toBe(true);
    expect(relationships.some((r) => r.type === 'MANDATES' && r.task)).toBe(true);
  });

  it('names probes that exist in the graph', () => {
    const { graph, nodes } = generate(800, 4);
    const ids = new Set(nodes.map((n) => n.id));
    const p = graph.probes();
    for (const list of [p.hubs, p.governments, p.ministries, p.agencies, p.units, p.posts, p.persons]) {
      expect(list.length).toBeGreaterThan(0);
      for (const id of list) expect(ids.has(id)).toBe(true);
    }
    expect(p.searchTerms.length).toBeGreaterThan(0);
    const cases = buildCases(p);
    for (const c of cases) expect(c.variants.length).toBeGreaterThan(0);
  });

  it('refuses sizes and prefixes it cannot honour', () => {
    expect(() => new SynthGraph({ nodes: 10, seed: 1 })).toThrow(/at least 40/);
    expect(() => new SynthGraph({ nodes: 100, seed: 1, idPrefix: 'Bad_' })).toThrow(/kebab-case/);
  });
});

describe('bulk loader text rows', () => {
  it('carry exactly the properties the seed loader writes', () => {
    const { relationships } = generate(600, 5);
    for (const r of relationships.slice(0, 300)) {
      const c = relationshipLine(r).split('\u001f');
      // What cypher/bulk/create-relationships.cypher sets, read back the same way.
      const get = (i: number) => (c[i] === '' ? undefined : c[i]);
      const decoded: Record<string, unknown> = {
        key: c[3],
        sources: c[4]!.split('\u001d'),
        evidence: c[5],
        certainty: c[6],
        validFrom: get(7),
        validTo: get(8),
        forum: get(11),
        capacity: get(12),
        principal: get(13),
        task: get(14),
        role: get(15),
        subject: get(16),
        agreement: get(17),
        chain: get(18),
        step: get(19) === undefined ? undefined : Number(c[19]),
        id: c[20],
        hedge: get(21),
        inferredFrom: get(22)?.split('\u001d'),
        outsideKnowledge: get(23),
        scope: get(24),
        basisKind: get(25),
        basisRef: get(26),
        basisNote: get(27),
        basisCertainty: get(28),
      };
      const expected = toRelationshipRow(r);
      expect(Object.fromEntries(Object.entries(decoded).filter(([, v]) => v !== undefined))).toEqual(expected.properties);
      expect([c[0], c[1], c[2], get(9) ?? null, get(10) ?? null]).toEqual([
        r.type,
        r.from,
        r.to,
        expected.validFromDay,
        expected.validToDay,
      ]);
    }
  });
});

describe('benchmark helpers', () => {
  it('draws the same numbers for the same seed, and Zipf favours the first index', () => {
    const a = createRng(9);
    const b = createRng(9);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    const z = new Zipf(100, 1.1);
    const rng = createRng(1);
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < 5000; i++) counts[z.sample(rng)]!++;
    expect(counts[0]).toBeGreaterThan(counts[50]! * 10);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [3, 1], 10).reduce((x, y) => x + y, 0)).toBe(100);
  });

  it('computes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(summarize([3, 1, 2]).p50).toBe(2);
  });

  it('parses sizes and groups overlapping recorded calls', () => {
    expect([parseCount('10k'), parseCount('1M'), parseCount('2500')]).toEqual([10_000, 1_000_000, 2500]);
    const call = (start: number, end: number) => ({ name: 'nodes/get-node' as const, params: {}, stream: false, start, end });
    expect(parallelGroups([call(0, 5), call(1, 4), call(6, 9)]).map((g) => g.length)).toEqual([2, 1]);
  });

  it('judges targets and renders a Markdown table', () => {
    const latency = (endpoint: 'search', api: number, direct: number) => ({
      endpoint,
      api: { n: 10, p50: api, p95: api, p99: api, mean: api, max: api },
      direct: { n: 10, p50: direct, p95: direct, p99: direct, mean: direct, max: direct },
      ratioP50: api / direct,
      queriesPerRequest: 1,
      bytes: 100,
    });
    const load = {
      key: 'k',
      mode: 'create' as const,
      resumed: false,
      skipped: false,
      interrupted: false,
      nodes: 10,
      relationships: 20,
      unmatchedRelationships: 0,
      nodeSeconds: 1,
      relationshipSeconds: 1,
      indexSeconds: 0,
      totalSeconds: 2,
      nodesPerSecond: 10,
      relationshipsPerSecond: 40_000,
    };
    const size = (nodes: number, p: number) => ({
      nodes,
      relationships: nodes * 2,
      largestHub: null,
      generateSeconds: 0,
      load,
      latency: [latency('search', p, p / 1.2)],
      throughput: [],
      serverPeakRss: 1e8,
      soak:
        nodes === 1_000_000
          ? {
              run: {
                connections: 50,
                seconds: 30,
                requests: 3000,
                requestsPerSecond: 100,
                p50: 400,
                p99: 900,
                errors: 0,
                non2xx: 0,
                server5xx: 0,
                tool: 'autocannon' as const,
              },
              rssBefore: 100 * 2 ** 20,
              peakRss: 180 * 2 ** 20,
              rssAfter: 130 * 2 ** 20,
            }
          : null,
      exportMemory: null,
    });
    const base = benchResults({ mode: 'quick', sizes: [size(10_000, 10), size(1_000_000, 30)] });
    const targets = checkTargets(base);
    expect(targets.find((t) => t.target.includes('overhead'))?.met).toBe(true);
    expect(targets.find((t) => t.target.includes('Growth'))?.met).toBe(false);
    expect(targets.find((t) => t.target.includes('Load'))?.met).toBe(true);
    // Memory 100 → 130 MiB after the load run is more than the 20% allowed.
    const soak = targets.find((t) => t.target.startsWith('Bounded load run'));
    expect(soak?.met).toBe(false);
    expect(soak?.measured).toContain('0 answered 5xx');
    const md = toMarkdown({ ...base, targets });
    expect(md).toContain('| 1M | search |');
    expect(md).toContain('#### Targets');
  });
});
