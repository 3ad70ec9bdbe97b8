// Reads of the past from the recorded-states layer (docs/curation.md §3), on the real Neo4j:
// every read that takes recordedAt answers, at every version around an add, a correction, a
// retirement, a revert, an import and a node update with ties, exactly what the replay (the
// rolled-back method, the oracle) answers; a store made before the layer gets it from its
// current version on and earlier versions are replayed and say so; and a read of the past
// holds no lock: a change set lands while one is open, and eight run beside an edit.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOMATION } from '../../server/curation/actor.ts';
import { applyChangeSet } from '../../server/curation/apply.ts';
import { ensureLayer } from '../../server/curation/layer.ts';
import { asRecorded, rewindGraph, setPastReads } from '../../server/curation/recorded.ts';
import { testApp } from '../helpers/api.ts';
import { canonical, sameRoutes, type Routes } from '../helpers/unordered.ts';

const TOKEN = 'test-write-token-past-reads-0123456789';
// No answer cache: each read here is read, by the layer or by the replay, never served kept.
const { app, db } = testApp({ WRITE_TOKEN: TOKEN, ANSWER_CACHE_BYTES: '0' });
const P = 'test-past-';
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const REASON = 'Changed while testing reads of the past from the recorded states';
const INVENTED = 'outside knowledge: invented for the past-reads tests';

// Seed facts the change sets touch, and the reads that meet them.
const REP_TIE = 'represents-post-socialstyrelsen-director-general-sweden';
const CHAIN_TIE = 'part-of-post-sweden-chief-nurse-officer-socialstyrelsen';
const RENAMED = 'oecd-health-committee';

const get = (path: string, query: Record<string, string> = {}) => request(app).get(path).query(query);
const reads: Record<string, [string, Record<string, string>]> = {
  node: [`/api/nodes/${RENAMED}`, {}],
  'new node': [`/api/nodes/${P}agency`, {}],
  neighbourhood: ['/api/nodes/who/neighborhood', { depth: '1' }],
  'neighbourhood, two levels, filtered': ['/api/nodes/socialstyrelsen/neighborhood', { depth: '2', asOf: '2020', certainty: 'stated' }],
  'neighbourhood of the new node': [`/api/nodes/${P}agency/neighborhood`, { depth: '2' }],
  common: ['/api/nodes/post-socialstyrelsen-director-general/common', { with: 'who' }],
  'chain up': ['/api/nodes/post-sweden-chief-nurse-officer/mandate-chain', { direction: 'up' }],
  'chain down': ['/api/nodes/socialdepartementet/mandate-chain', { direction: 'down' }],
  representation: ['/api/representation', { principal: 'sweden', forum: 'who' }],
  'representation by agent': ['/api/representation', { agent: 'socialstyrelsen' }],
  paths: ['/api/paths', { from: 'who', to: 'swedish-regions' }],
  'paths, filtered': ['/api/paths', { from: 'who', to: 'sweden', types: 'REPRESENTS,PART_OF,MEMBER_OF,COOPERATES_WITH' }],
  search: ['/api/search', { q: 'OECD hälsokommitté' }],
  'search, new name': ['/api/search', { q: 'Qwertzuiop' }],
};
const exports: Record<string, Record<string, unknown>> = {
  root: { root: 'who', depth: 1 },
  selection: { ids: ['who', 'sweden', 'swedish-regions', `${P}agency`, RENAMED] },
  'whole graph': {},
};

const post = (ops: unknown[]) =>
  request(app)
    .post('/api/changes')
    .set('Authorization', `Bearer ${TOKEN}`)
    .send({ reason: REASON, sources: [SOURCE], ops });
const exported = async (body: Record<string, unknown>) => {
  const res = await request(app)
    .post('/api/export')
    .send({ format: 'json', ...body })
    .buffer(true);
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  return { file: JSON.parse(res.text) as unknown, recordedAt: JSON.parse(String(res.headers['x-recorded-at'])) as { method: string } };
};
const revOf = async (kind: 'node' | 'tie', id: string) =>
  Number(
    ((await db.read(kind === 'node' ? 'curation/node-states' : 'curation/tie-states', { ids: [id] }))[0]?.props as { rev: number }).rev,
  );

/** The ties of the graph at a version, by fact id, from the replay's whole-graph export. */
async function tiesAt(v: number) {
  setPastReads('replay');
  const graph = (await exported({ recordedAt: String(v) })).file as {
    relationships: Array<{ properties: { id: string; certainty: string } }>;
  };
  setPastReads('layer');
  return new Map(graph.relationships.map((r) => [r.properties.id, r.properties]));
}

/** Asks `reads[name]` at each version of the replay and of the layer and compares; returns the answers seen. */
async function sameAsReplay(name: string, at: ReadonlyArray<[string, number]>): Promise<Set<string>> {
  const [path, query] = reads[name]!;
  const seen = new Set<string>();
  for (const [when, v] of at) {
    setPastReads('replay');
    const oracle = await get(path, { ...query, recordedAt: String(v) });
    setPastReads('layer');
    const layer = await get(path, { ...query, recordedAt: String(v) });
    expect(layer.status, `${when}: ${JSON.stringify(layer.body).slice(0, 300)}`).toBe(oracle.status);
    if (oracle.status === 200) {
      expect(oracle.body.recordedAt.method, when).toBe('replay');
      expect(layer.body.recordedAt, when).toMatchObject({ version: v, at: oracle.body.recordedAt.at, undone: 0, method: 'layer' });
    }
    // Sentences name hops, shared neighbours and their ties in the answer's own defined order
    // (not the store's, which differs between the copies and the live graph), so the texts
    // are compared word for word.
    if (name.startsWith('paths') && oracle.status === 200) sameRoutes(layer.body as Routes, oracle.body as Routes, await tiesAt(v), when);
    else expect(canonical(layer.body), `${name} ${when}`).toEqual(canonical(oracle.body));
    seen.add(JSON.stringify(canonical(oracle.body)));
  }
  return seen;
}

let start = { version: 0, at: '' };
let counterAt = '';
const versions: Array<[string, number]> = [];

async function cleanUp() {
  setPastReads('layer');
  // The seed's own facts changed here go back through the rewind itself, committed this once;
  // the counter goes back, and the layer is built again at it.
  await db.writeTransaction((tx) => rewindGraph(tx, start.version), { timeoutMs: 120_000 });
  await db.replayStatement(`MATCH (n) WHERE (n:Entity OR n:Retired OR n:RetiredTie) AND n.id STARTS WITH '${P}' DETACH DELETE n`);
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${start.version} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${start.version}, g.at = '${counterAt}'`);
  await ensureLayer(db);
}

beforeAll(async () => {
  const counter = (await get('/api/versions/current')).body as { version: number; at: string };
  counterAt = counter.at;
  const [made] = await db.read('curation/version-made', { version: counter.version });
  start = { version: counter.version, at: String(made?.at) };
  // As a store made before the layer: none, then built once from the live graph.
  await db.write('curation/save-layer-span', { from: null, at: null, format: null });
  expect(await ensureLayer(db)).toBe(true);
  expect(await ensureLayer(db)).toBe(false);
  versions.push(['before the edits', start.version]);

  const step = async (name: string, res: request.Response) => {
    expect(res.status, `${name}: ${JSON.stringify(res.body).slice(0, 400)}`).toBe(201);
    versions.push([`after ${name}`, Number(res.body.changeSet.version)]);
  };
  await step(
    'an add',
    await post([
      {
        op: 'addNode',
        node: { id: `${P}agency`, label: 'Agency', name: 'Past-reads test agency', certainty: 'inferred', outsideKnowledge: INVENTED },
      },
      {
        op: 'addTie',
        tie: { id: `${P}coop`, type: 'COOPERATES_WITH', from: `${P}agency`, to: 'who', certainty: 'inferred', outsideKnowledge: INVENTED },
      },
      {
        op: 'addTie',
        tie: {
          id: `${P}regions`,
          type: 'COOPERATES_WITH',
          from: 'who',
          to: 'swedish-regions',
          certainty: 'inferred',
          outsideKnowledge: INVENTED,
        },
      },
    ]),
  );
  await step(
    'a correction',
    await post([
      {
        op: 'updateTie',
        id: CHAIN_TIE,
        rev: await revOf('tie', CHAIN_TIE),
        set: { certainty: 'inferred', outsideKnowledge: 'outside knowledge: changed for the past-reads tests' },
      },
    ]),
  );
  await step(
    'a retirement',
    await post([{ op: 'retireTie', id: REP_TIE, rev: await revOf('tie', REP_TIE), reason: 'Testing reads of the past' }]),
  );
  const retired = versions.at(-1)![1];
  await step(
    'a revert',
    await request(app)
      .post(`/api/changes/cs-${retired}/revert`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ reason: 'Undone in the past-reads tests' }),
  );
  const imported = await request(app)
    .post('/api/import')
    .set('Authorization', `Bearer ${TOKEN}`)
    .send({
      nodes: [
        {
          id: `${P}imported`,
          label: 'Agency',
          name: 'Past-reads imported agency',
          aliases: [],
          sources: ['001_1c1597dd7120e666.txt#L3-L3'],
          evidence: 'A body invented for the past-reads tests, removed afterwards.',
          certainty: 'inferred',
          outsideKnowledge: INVENTED,
        },
      ],
      relationships: [
        {
          id: `${P}imported-who`,
          type: 'MEMBER_OF',
          from: `${P}imported`,
          to: 'who',
          sources: ['001_1c1597dd7120e666.txt#L36-L36'],
          evidence: 'A tie invented for the past-reads tests, removed afterwards.',
          certainty: 'inferred',
          outsideKnowledge: INVENTED,
        },
      ],
    });
  expect(imported.status, JSON.stringify(imported.body).slice(0, 400)).toBe(200);
  versions.push(['after an import', (await get('/api/versions/current')).body.version as number]);
  await step(
    'a node update with ties',
    await post([
      {
        op: 'updateNode',
        id: RENAMED,
        rev: await revOf('node', RENAMED),
        set: { name: 'Provkommittén Qwertzuiop', nameEn: 'Qwertzuiop Committee' },
      },
      { op: 'updateNode', id: 'who', rev: await revOf('node', 'who'), set: { description: 'Changed for the past-reads tests' } },
    ]),
  );
  await step(
    'a node retired with its ties',
    await post([{ op: 'retireNode', id: `${P}agency`, rev: await revOf('node', `${P}agency`), reason: 'Testing reads of the past' }]),
  );
}, 240_000);

afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('the recorded states answer as the replay does', () => {
  it('answers every version from the layer, each change set a version of its own', async () => {
    expect(versions.map(([, v]) => v)).toEqual(versions.map((_, i) => start.version + i));
    for (const [, v] of versions) {
      const res = await get('/api/nodes/who', { recordedAt: String(v) });
      expect(res.body.recordedAt).toMatchObject({ version: v, undone: 0, method: 'layer' });
    }
  });

  it.each(Object.keys(reads))('%s: at every version, the same answer as the replay', async (name) => {
    const seen = await sameAsReplay(name, versions);
    // The edits change what this read answers, or the comparison would prove little.
    expect(seen.size, 'answers that differ between versions').toBeGreaterThan(1);
  });

  it.each(Object.keys(exports))('export (%s): at every version, the same file as the replay', async (name) => {
    for (const [when, v] of versions) {
      setPastReads('replay');
      const oracle = await exported({ ...exports[name], recordedAt: String(v) });
      setPastReads('layer');
      const layer = await exported({ ...exports[name], recordedAt: String(v) });
      expect(oracle.recordedAt.method, when).toBe('replay');
      expect(layer.recordedAt.method, when).toBe('layer');
      expect(canonical(layer.file), `${name} ${when}`).toEqual(canonical(oracle.file));
    }
  });

  it('keeps one open copy of each live element, and a copy of each state written', async () => {
    const [counts] = await db.read('curation/count-layer');
    const c = counts as Record<string, number>;
    expect(c.openNodes).toBe(c.liveNodes);
    expect(c.openTies).toBe(c.liveTies);
    // Every change set here wrote new states: the layer holds more than the live graph.
    expect(c.recNodes).toBeGreaterThan(c.liveNodes!);
    expect(c.recTies).toBeGreaterThan(c.liveTies!);
  });

  it('answers the current version as the live graph, and a retired node not at all', async () => {
    const [row] = await db.read('curation/layer-state');
    expect(row).toMatchObject({ layerFrom: start.version, layerAt: versions.at(-1)![1] });
    const atNow = (await get('/api/nodes/who/neighborhood', { depth: '1', recordedAt: String(versions.at(-1)![1]) })).body;
    const now = (await get('/api/nodes/who/neighborhood', { depth: '1' })).body;
    expect(canonical(atNow)).toEqual(canonical(now));
    expect((await get(`/api/nodes/${P}agency`, { recordedAt: String(versions.at(-1)![1]) })).status).toBe(404);
    expect((await get(`/api/nodes/${P}agency`, { recordedAt: String(versions[1]![1]) })).status).toBe(200);
  });
});

describe('a store made before the layer', () => {
  it('answers versions before the layer by replay, and says so', async () => {
    if (start.version === 0) return;
    const res = await get('/api/representation', { principal: 'sweden', forum: 'who', recordedAt: String(start.version - 1) });
    expect(res.status).toBe(200);
    expect(res.body.recordedAt).toMatchObject({ version: start.version - 1, method: 'replay' });
  });
});

describe('a read of the past holds no lock', () => {
  it('lets a change set land while it is open, and reads on after it', async () => {
    const v = start.version;
    const answer = await asRecorded(db, String(v), 'query.recordedAt', async (reader) => {
      const [first] = await reader.read('nodes/get-node', { id: RENAMED });
      // The read transaction is still open here: a change set that waited for it would never land.
      const applied = await applyChangeSet(
        db,
        {
          reason: REASON,
          sources: [SOURCE],
          ops: [{ op: 'updateNode', id: RENAMED, rev: await revOf('node', RENAMED), set: { description: 'Landed during a past read' } }],
        },
        AUTOMATION,
      );
      const [second] = await reader.read('nodes/get-node', { id: RENAMED });
      return { first, second, landed: applied.changeSet.version };
    });
    expect(answer.recordedAt).toMatchObject({ version: v, method: 'layer' });
    expect(answer.landed).toBeGreaterThan(versions.at(-1)![1]);
    expect(answer.second).toEqual(answer.first);
    versions.push(['after a change set during a past read', answer.landed]);
  });

  it('eight reads of the past and an edit, all at once, all succeed', async () => {
    const pastReads = Array.from({ length: 8 }, (_, i) =>
      get('/api/nodes/who/neighborhood', { depth: '2', recordedAt: String(versions[i % versions.length]![1]) }),
    );
    const edit = post([
      { op: 'updateNode', id: RENAMED, rev: await revOf('node', RENAMED), set: { description: 'Edited beside eight past reads' } },
    ]);
    const [written, ...answers] = await Promise.all([edit, ...pastReads]);
    expect(written!.status, JSON.stringify(written!.body).slice(0, 300)).toBe(201);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.recordedAt.method).toBe('layer');
    }
    versions.push(['after an edit beside past reads', written!.body.changeSet.version]);
  });
});

describe('a node edited many times', () => {
  // A node with ties of many kinds (the bench's hub): its edits must cost the layer one state
  // each, and its neighbours nothing.
  const HUB = 'socialstyrelsen';
  const EDITS = 30;
  const edited: Array<[string, number]> = [];
  let before: Record<string, number> = {};
  const count = async () => (await db.read('curation/count-layer'))[0] as Record<string, number>;

  beforeAll(async () => {
    before = await count();
    edited.push(['before the edits of one node', versions.at(-1)![1]]);
    for (let i = 1; i <= EDITS; i++) {
      const res = await post([{ op: 'updateNode', id: HUB, rev: await revOf('node', HUB), set: { description: `Edit ${i} of one node` } }]);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
      if (i === 1 || i === 15 || i === EDITS) edited.push([`after edit ${i} of one node`, Number(res.body.changeSet.version)]);
    }
  }, 240_000);

  it('adds one state per edit and no tie copy', async () => {
    const degree = (await db.read('nodes/degree', { id: HUB })).reduce((n, r) => n + Number(r.count), 0);
    expect(degree, 'the edited node has many ties').toBeGreaterThan(10);
    const after = await count();
    expect(after.recStates).toBe(before.recStates! + EDITS);
    expect(after.recIdentities).toBe(before.recIdentities);
    expect(after.recTies).toBe(before.recTies);
    expect(after.openNodes).toBe(after.liveNodes);
    expect(after.openTies).toBe(after.liveTies);
  });

  it.each(Object.keys(reads).filter((n) => !n.includes('new')))('%s: around the edits, the same answer as the replay', async (name) => {
    await sameAsReplay(name, edited);
  });
});

describe('a store whose layer is of the first format', () => {
  it('drops it, builds the layer again from the live graph, and replays the versions before', async () => {
    // What the first format left: per-state copies with their intervals, ties between them, and no layerFormat.
    await db.replayStatement(
      `CREATE (:Rec {id: '${P}old-a', label: 'Agency', recFrom: 0, recTo: 9223372036854775807})
         -[:COOPERATES_WITH {factId: '${P}old-tie', recFrom: 0, recTo: 9223372036854775807}]->
         (:Rec {id: '${P}old-b', label: 'Agency', recFrom: 0, recTo: 9223372036854775807})`,
    );
    await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) REMOVE g.layerFormat`);
    const now = (await get('/api/versions/current')).body.version as number;
    // Until it is built again the past is replayed, never read from the old copies.
    expect((await get('/api/nodes/who', { recordedAt: String(now) })).body.recordedAt.method).toBe('replay');

    expect(await ensureLayer(db)).toBe(true);
    const c = (await db.read('curation/count-layer'))[0] as Record<string, number>;
    expect(c).toMatchObject({ recIdentities: c.liveNodes, recStates: c.liveNodes, recTies: c.liveTies, openTies: c.liveTies });
    expect((await get(`/api/nodes/${P}old-a`, { recordedAt: String(now) })).status).toBe(404);
    const [row] = await db.read('curation/layer-state');
    expect(row).toMatchObject({ layerFrom: now, layerAt: now, layerFormat: 2 });
    expect((await get('/api/nodes/who', { recordedAt: String(now) })).body.recordedAt.method).toBe('layer');
    expect((await get('/api/nodes/who', { recordedAt: String(now - 1) })).body.recordedAt.method).toBe('replay');
  });
});
