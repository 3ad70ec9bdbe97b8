// Every read "as recorded at" a version, on the real Neo4j: the answer is what the current read
// gave before the later change sets (captured then, not written down here), nothing of the
// rolled-back rewind is ever committed, and a change set that arrives meanwhile waits and lands.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLayer } from '../../server/curation/layer.ts';
import { asRecorded, rewindGraph, setPastReads } from '../../server/curation/recorded.ts';
import { ExportRequest, exportSource } from '../../server/export/subgraph.ts';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';
import { canonical, sameRoutes, type Routes } from '../helpers/unordered.ts';

const TOKEN = 'test-write-token-recorded-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN });
const P = 'test-rec-';
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const REASON = 'Changed while testing reads as recorded at a version';

// The seed's facts these tests change, and the reads that see them.
const REP_TIE = 'represents-post-socialstyrelsen-director-general-sweden';
const CHAIN_TIE = 'part-of-post-sweden-chief-nurse-officer-socialstyrelsen';
const RENAMED = 'oecd-health-committee';
const NEW_NAME = 'Provkommittén Qwertzuiop';

const get = (path: string, query: Record<string, string> = {}) => request(app).get(path).query(query);
const reads: Record<string, [string, Record<string, string>]> = {
  node: [`/api/nodes/${RENAMED}`, {}],
  neighbourhood: ['/api/nodes/who/neighborhood', { depth: '1' }],
  common: ['/api/nodes/post-socialstyrelsen-director-general/common', { with: 'who' }],
  chain: ['/api/nodes/post-sweden-chief-nurse-officer/mandate-chain', { direction: 'up' }],
  representation: ['/api/representation', { principal: 'sweden', forum: 'who' }],
  paths: ['/api/paths', { from: 'who', to: 'swedish-regions' }],
  'search, old name': ['/api/search', { q: 'OECD hälsokommitté' }],
  'search, new name': ['/api/search', { q: 'Qwertzuiop' }],
};
const exports: Record<string, Record<string, unknown>> = {
  root: { root: 'who', depth: 1 },
  selection: { ids: ['who', 'sweden', 'swedish-regions', 'post-socialstyrelsen-director-general', RENAMED] },
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
  return { file: JSON.parse(res.text) as unknown, recordedAt: res.headers['x-recorded-at'] as string | undefined };
};
type Searched = { query: string; hits: Array<{ score: number }> };
const unscored = ({ query, hits }: Searched) => ({ query, hits: hits.map(({ score: _s, ...hit }) => hit) });
/** A past answer against the answer then: as a client reads it (see canonical), routes as routes. */
function sameAnswer(name: string, answer: unknown, expected: unknown, ties: () => Map<string, { certainty: string }>) {
  if (name === 'paths') sameRoutes(answer as Routes, expected as Routes, ties(), name);
  else expect(canonical(answer), name).toEqual(canonical(expected));
}
const tiesOf = (file: unknown) =>
  new Map(
    (file as { relationships: Array<{ properties: { id: string; certainty: string } }> }).relationships.map((r) => [
      r.properties.id,
      r.properties,
    ]),
  );
const revOf = async (kind: 'node' | 'tie', id: string) =>
  Number(
    ((await db.read(kind === 'node' ? 'curation/node-states' : 'curation/tie-states', { ids: [id] }))[0]?.props as { rev: number }).rev,
  );

let start = { version: 0, at: '' };
/** The counter's own moment, put back as found (another test file may have left it later than its version). */
let counterAt = '';
const before: Record<string, unknown> = {};
const beforeExports: Record<string, unknown> = {};
let entitiesBefore = '';
let edited = 0;

async function cleanUp() {
  // The seed's own facts changed here go back through the rewind itself, committed this once.
  await db.writeTransaction((tx) => rewindGraph(tx, start.version));
  await db.replayStatement(`MATCH (n) WHERE (n:Entity OR n:Retired OR n:RetiredTie) AND n.id STARTS WITH '${P}' DETACH DELETE n`);
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${start.version} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${start.version}, g.at = '${counterAt}'`);
}

beforeAll(async () => {
  // The recorded states hold the version these tests start at (another file may have set the
  // counter back by hand, which the layer answers by building itself again at the next change set).
  await ensureLayer(db);
  const counter = (await get('/api/versions/current')).body;
  counterAt = counter.at;
  // When the current version was made, as its change set says.
  const [made] = await db.read('curation/version-made', { version: counter.version });
  start = { version: counter.version, at: String(made?.at) };
  for (const [name, [path, query]] of Object.entries(reads)) {
    const res = await get(path, query);
    expect(res.status, name).toBe(200);
    before[name] = res.body;
  }
  for (const [name, body] of Object.entries(exports)) beforeExports[name] = (await exported(body)).file;
  entitiesBefore = (await graphDigest(db, { entities: true })).digest;

  // Four change sets, each changing what one of the reads answers.
  const edits = [
    [{ op: 'retireTie', id: REP_TIE, rev: await revOf('tie', REP_TIE), reason: 'Testing: retired to read the graph before it' }],
    [{ op: 'updateNode', id: RENAMED, rev: await revOf('node', RENAMED), set: { name: NEW_NAME, nameEn: NEW_NAME } }],
    [
      {
        op: 'addTie',
        tie: {
          id: P + 'who-regions',
          type: 'COOPERATES_WITH',
          from: 'who',
          to: 'swedish-regions',
          certainty: 'inferred',
          outsideKnowledge: 'outside knowledge: invented for the recorded-at tests',
        },
      },
    ],
    [
      {
        op: 'updateTie',
        id: CHAIN_TIE,
        rev: await revOf('tie', CHAIN_TIE),
        set: { certainty: 'inferred', outsideKnowledge: 'outside knowledge: changed for the recorded-at tests' },
      },
    ],
  ];
  for (const ops of edits) {
    const res = await post(ops);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    edited = res.body.changeSet.version;
  }
});

afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('reads as recorded before later change sets', () => {
  it.each(Object.keys(reads))('%s: as recorded before the edits is what the read said then', async (name) => {
    const [path, query] = reads[name]!;
    const now = await get(path, query);
    const then = await get(path, { ...query, recordedAt: String(start.version) });
    expect(then.status, JSON.stringify(then.body).slice(0, 300)).toBe(200);
    expect(then.body.recordedAt).toMatchObject({ version: start.version, at: start.at, undone: 0, method: 'layer' });
    if (!name.startsWith('search')) sameAnswer(name, then.body, before[name], () => tiesOf(beforeExports['whole graph']));
    else {
      // The index weighs words as it is now: hits and their order as then, scores not, and said so.
      expect(unscored(then.body)).toEqual(unscored(before[name] as Searched));
      expect(then.body.recordedAt.note).toMatch(/scores/i);
    }
    // The edit shows in the current answer, or this test would prove nothing.
    if (name !== 'search, new name' || now.body.hits.length) expect(now.body).not.toEqual(before[name]);
  });

  it.each(Object.keys(reads))('%s: as recorded at the current version is the current answer', async (name) => {
    const [path, query] = reads[name]!;
    const now = await get(path, query);
    const then = await get(path, { ...query, recordedAt: String(edited) });
    expect(then.body.recordedAt).toMatchObject({ version: edited, undone: 0 });
    const current = name === 'paths' ? tiesOf((await exported({})).file) : new Map();
    sameAnswer(name, then.body, now.body, () => current);
  });

  it('search: the full-text index answers from the rewound names, the old found and the new not', async () => {
    const then = (q: string) => get('/api/search', { q, recordedAt: String(start.version) });
    expect((await then('hälsokommitté')).body.hits.map((h: { id: string }) => h.id)).toContain(RENAMED);
    expect((await then('Qwertzuiop')).body.hits.map((h: { id: string }) => h.id)).not.toContain(RENAMED);
    expect((await get('/api/search', { q: 'Qwertzuiop' })).body.hits.map((h: { id: string }) => h.id)).toContain(RENAMED);
  });

  it('each step between: as recorded after the retirement, the renamed node still has its old name', async () => {
    const res = await get('/api/search', { q: 'Qwertzuiop', recordedAt: String(start.version + 1) });
    expect(res.body.recordedAt).toMatchObject({ version: start.version + 1, undone: 0, method: 'layer' });
    expect(res.body.hits.map((h: { id: string }) => h.id)).not.toContain(RENAMED);
    const rep = await get('/api/representation', { principal: 'sweden', forum: 'who', recordedAt: String(start.version + 1) });
    expect(rep.body.representations.map((r: { relationship: { factId: string } }) => r.relationship.factId)).not.toContain(REP_TIE);
  });

  it.each(Object.keys(exports))('export (%s): as recorded before the edits is the file exported then', async (name) => {
    const then = await exported({ ...exports[name], recordedAt: String(start.version) });
    expect(JSON.parse(then.recordedAt ?? 'null')).toEqual({ version: start.version, at: start.at, undone: 0, method: 'layer' });
    // Records come in the store's order, which has no meaning (a root's nodes as the
    // neighbourhood meets them): compared as sets; the whole graph's nodes come in id order.
    expect(canonical(then.file)).toEqual(canonical(beforeExports[name]));
    if (name === 'whole graph') expect((then.file as { nodes: unknown }).nodes).toEqual((beforeExports[name] as { nodes: unknown }).nodes);
    expect((await exported(exports[name]!)).file).not.toEqual(beforeExports[name]);
  });

  it('takes an ISO moment as the last version made at or before it', async () => {
    const [path, query] = reads.representation!;
    const res = await get(path, { ...query, recordedAt: start.at });
    expect(res.body.recordedAt).toEqual({ version: start.version, at: start.at, undone: 0, method: 'layer' });
    expect(canonical(res.body)).toEqual(canonical(before.representation));
  });
});

describe('refusals', () => {
  it('a version not made yet, or a moment to come, is a 400 that names the parameter', async () => {
    for (const [path, query] of Object.values(reads)) {
      const res = await get(path, { ...query, recordedAt: String(edited + 1) });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'query.recordedAt' })]);
    }
    const future = await get('/api/representation', { recordedAt: '2999-01-01T00:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('query.recordedAt');
    for (const body of Object.values(exports)) {
      const res = await request(app)
        .post('/api/export')
        .send({ format: 'json', ...body, recordedAt: String(edited + 1) });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('body.recordedAt');
    }
    const notAVersion = await get('/api/search', { q: 'who', recordedAt: 'yesterday' });
    expect(notAVersion.status).toBe(400);
    expect(notAVersion.body.error.details[0].path).toBe('query.recordedAt');
  });

  it('a node that did not exist then is 404', async () => {
    const res = await get(`/api/nodes/${P}later/mandate-chain`, { recordedAt: String(start.version) });
    expect(res.status).toBe(404);
  });
});

describe('nothing is committed, nothing is lost', () => {
  it('as-recorded reads leave the store as it was, rev and all', async () => {
    const digest = await graphDigest(db);
    for (const [path, query] of Object.values(reads)) expect((await get(path, { ...query, recordedAt: '0' })).status).toBeLessThan(500);
    for (const body of Object.values(exports))
      await request(app)
        .post('/api/export')
        .send({ format: 'json', ...body, recordedAt: '1' });
    expect((await graphDigest(db)).digest).toBe(digest.digest);
    expect((await get('/api/versions/current')).body.version).toBe(edited);
  });

  it('a change set sent during an as-recorded read lands without waiting for it; the read still answers then', async () => {
    const answer = await asRecorded(db, String(start.version), 'query.recordedAt', async (reader) => {
      const res = await post([
        {
          op: 'addNode',
          node: {
            id: P + 'meanwhile',
            label: 'Agency',
            name: 'Test agency meanwhile',
            certainty: 'inferred',
            outsideKnowledge: 'outside knowledge: invented for the recorded-at tests',
          },
        },
      ]);
      // Still inside the read: the change set has committed, and the graph then is what we read.
      const renamed = await reader.read('nodes/get-node', { id: RENAMED });
      const meanwhile = await reader.read('nodes/get-node', { id: P + 'meanwhile' });
      return { res, name: (renamed[0]?.node as { name: string }).name, meanwhile: meanwhile.length };
    });
    expect(answer.res.status, JSON.stringify(answer.res.body)).toBe(201);
    expect(answer.res.body.changeSet.version).toBe(edited + 1);
    expect(answer.name).not.toBe(NEW_NAME);
    expect(answer.meanwhile).toBe(0);
    expect((await get(`/api/nodes/${P}meanwhile`)).status).toBe(200);
    edited = answer.res.body.changeSet.version;
  });

  it('a whole-graph export as recorded streams the graph then, whatever lands meanwhile', async () => {
    const source = await exportSource(db, ExportRequest.parse({ format: 'json', recordedAt: String(start.version) }));
    expect(source.recordedAt).toMatchObject({ version: start.version, method: 'layer' });
    expect(source.settled).toBeUndefined();
    const meanwhile = await post([
      {
        op: 'addNode',
        node: {
          id: P + 'during-export',
          label: 'Agency',
          name: 'Test agency during an export',
          certainty: 'inferred',
          outsideKnowledge: 'outside knowledge: invented for the recorded-at tests',
        },
      },
    ]);
    expect(meanwhile.status).toBe(201);
    edited = meanwhile.body.changeSet.version;
    const ids: string[] = [];
    for await (const n of source.nodes) ids.push(n.id);
    expect(ids).toContain(RENAMED);
    expect(ids).not.toContain(P + 'during-export');
    expect(ids).not.toContain(P + 'meanwhile');
  });

  it('by replay, a whole-graph export as recorded is refused at its end when a change set landed during it', async () => {
    setPastReads('replay');
    const source = await exportSource(db, ExportRequest.parse({ format: 'json', recordedAt: String(start.version) })).finally(() =>
      setPastReads('layer'),
    );
    expect(source.recordedAt).toMatchObject({ version: start.version, method: 'replay' });
    await expect(source.settled?.()).resolves.toBeUndefined();
    const meanwhile = await post([
      {
        op: 'addNode',
        node: {
          id: P + 'during-replayed-export',
          label: 'Agency',
          name: 'Test agency during a replayed export',
          certainty: 'inferred',
          outsideKnowledge: 'outside knowledge: invented for the recorded-at tests',
        },
      },
    ]);
    expect(meanwhile.status).toBe(201);
    edited = meanwhile.body.changeSet.version;
    await expect(source.settled?.()).rejects.toThrow(/graph changed while the file was being written/);
  });

  it('the rewind, once committed, gives back the entity graph exactly as it was, each rev included', async () => {
    await cleanUp();
    expect((await graphDigest(db, { entities: true })).digest).toBe(entitiesBefore);
  });
});

describe('the API document', () => {
  it('describes recordedAt on every read that takes it', async () => {
    const doc = (await get('/api/openapi.json')).body;
    for (const path of [
      '/api/nodes/{id}',
      '/api/nodes/{id}/common',
      '/api/nodes/{id}/neighborhood',
      '/api/nodes/{id}/mandate-chain',
      '/api/representation',
      '/api/paths',
      '/api/search',
    ]) {
      const names = (doc.paths[path].get.parameters as Array<{ name: string }>).map((p) => p.name);
      expect(names, path).toContain('recordedAt');
    }
    expect(doc.components.schemas.ExportRequest.properties).toHaveProperty('recordedAt');
    expect(doc.components.schemas.RecordedAtAnswer.required).toEqual(['version', 'at', 'undone', 'method']);
  });
});
