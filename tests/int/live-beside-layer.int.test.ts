// The live graph's answers, on the real Neo4j, beside the recorded-states layer (docs/curation.md
// §3): exactly the same (order included) with the layer, with none at all and with it built
// again; and the same as the layer answers for the current version. The layer's copies are
// written in the same transactions as the live graph and so change the order the store yields
// its elements in; the web places new nodes in the order an answer gives them, so an answer
// that followed the store's order changed what a reader saw (the hub's names on zooming in).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLayer } from '../../server/curation/layer.ts';
import { testApp } from '../helpers/api.ts';

// No answer cache: every read here is read from Neo4j.
const { app, db } = testApp({ ANSWER_CACHE_BYTES: '0' });

const reads: Record<string, [string, Record<string, string>]> = {
  'a hub’s neighbourhood': ['/api/nodes/socialstyrelsen/neighborhood', {}],
  'two levels': ['/api/nodes/who/neighborhood', { depth: '2', limit: '5000' }],
  'a hub': ['/api/nodes/socialstyrelsen', {}],
  'chain up': ['/api/nodes/socialstyrelsen/mandate-chain', {}],
  'chain down': ['/api/nodes/socialdepartementet/mandate-chain', { direction: 'down' }],
  common: ['/api/nodes/post-socialstyrelsen-director-general/common', { with: 'who' }],
  search: ['/api/search', { q: 'Socialstyrelsen' }],
  counts: ['/api/health', {}],
  'counts by kind': ['/api/schema', {}],
};
/** The reads that take recordedAt, compared with the layer's answer for the current version. */
const recordable = ['a hub’s neighbourhood', 'two levels', 'a hub', 'chain up', 'chain down', 'common'];

const inIdOrder = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function readAll(query: Record<string, string> = {}, only = Object.keys(reads)) {
  const out: Record<string, unknown> = {};
  for (const name of only) {
    const [path, q] = reads[name]!;
    const res = await request(app)
      .get(path)
      .query({ ...q, ...query });
    expect(res.status, `${name}: ${res.text.slice(0, 300)}`).toBe(200);
    const { recordedAt: _r, ...body } = res.body as Record<string, unknown>;
    out[name] = body;
  }
  const exported = await request(app).post('/api/export').send({ format: 'json' }).buffer(true);
  expect(exported.status).toBe(200);
  const file = JSON.parse(exported.text) as { nodes: unknown[]; relationships: unknown[] };
  out['whole-graph export'] = { nodes: file.nodes.length, relationships: file.relationships.length };
  return out;
}

async function dropLayer() {
  await db.write('curation/save-layer-span', { from: null, at: null, format: null });
  while (Number((await db.write('curation/delete-rec-batch', { batch: 5_000 }))[0]?.deleted ?? 0) > 0);
}

let withLayer: Record<string, unknown>;
let withoutLayer: Record<string, unknown>;
let rebuilt: Record<string, unknown>;

beforeAll(async () => {
  // The layer as the seed load left it (built beside the live writes), none, then built again.
  await ensureLayer(db);
  withLayer = await readAll();
  await dropLayer();
  withoutLayer = await readAll();
  expect(await ensureLayer(db)).toBe(true);
  rebuilt = await readAll();
}, 240_000);

afterAll(async () => {
  await ensureLayer(db);
  await db.close();
});

describe('the live graph beside the recorded-states layer', () => {
  it.each(Object.keys(reads).concat('whole-graph export'))('%s: the same answer with the layer, without it and built again', (name) => {
    expect(withoutLayer[name], name).toEqual(withLayer[name]);
    expect(rebuilt[name], name).toEqual(withLayer[name]);
  });

  it('gives a view’s nodes and ties in id order, not the store’s', () => {
    const view = withLayer['two levels'] as { nodes: Array<{ data: { id: string } }>; edges: Array<{ data: { id: string } }> };
    expect(view.nodes.length).toBeGreaterThan(50);
    for (const list of [view.nodes, view.edges]) {
      const ids = list.map((e) => e.data.id);
      expect(ids).toEqual(inIdOrder(ids));
    }
  });

  it('gives each side’s ties to a shared neighbour in id order, so its sentence names the same one', () => {
    const common = withLayer.common as {
      shared: Array<{ node: { id: string }; fromA: Array<{ id: string }>; fromB: Array<{ id: string }> }>;
    };
    // Socialstyrelsen is tied to the WHO by several facts, two of them equally firm: the sentence names the first.
    expect(common.shared.some((s) => s.fromB.length > 2)).toBe(true);
    for (const s of common.shared)
      for (const side of [s.fromA, s.fromB]) {
        const ids = side.map((e) => e.id);
        expect(ids, s.node.id).toEqual(inIdOrder(ids));
      }
  });

  it('answers the current version from the layer exactly as the live graph does', async () => {
    const now = String(((await request(app).get('/api/versions/current')).body as { version: number }).version);
    const fromLayer = await readAll({ recordedAt: now }, recordable);
    for (const name of recordable) expect(fromLayer[name], name).toEqual(withLayer[name]);
  });
});
