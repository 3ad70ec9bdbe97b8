// Adding data safely: imports need the write token, check the whole file first, report every
// bad record with its position and write all or nothing; backup and restore round-trip.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalNeo4jHandle } from '../../neo4j-local/launcher.ts';
import { prepareDatabase } from '../../server/bootstrap.ts';
import { backupGraph, restoreGraph } from '../../server/data-io/backup.ts';
import { Database } from '../../server/db/database.ts';
import { testApp } from '../helpers/api.ts';
import { startNeo4jOnFreePort } from '../helpers/free-port.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const TOKEN = 'test-write-token-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN });
const { app: readOnlyApp, db: db2 } = testApp();
const PREFIX = 'test-import-';

const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id: PREFIX + id,
  label: 'Agency',
  name: `Test agency ${id}`,
  aliases: [],
  sources: ['001_1c1597dd7120e666.txt#L3-L3'],
  evidence: 'A body invented for the import tests, removed afterwards.',
  certainty: 'inferred',
  outsideKnowledge: 'outside knowledge: invented for the import tests',
  ...extra,
});
const rel = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
  id: `${PREFIX}tie-${from}-${to}`,
  type: 'COOPERATES_WITH',
  from,
  to,
  sources: ['001_1c1597dd7120e666.txt#L36-L36'],
  evidence: 'A tie invented for the import tests, removed afterwards.',
  certainty: 'inferred',
  outsideKnowledge: 'outside knowledge: invented for the import tests',
  ...extra,
});

async function cleanUp() {
  await db.replayStatement(`MATCH (n:Entity) WHERE n.id STARTS WITH '${PREFIX}' DETACH DELETE n`);
}

const post = (body: unknown, query: Record<string, string> = {}) =>
  request(app)
    .post('/api/import')
    .query(query)
    .set('Authorization', `Bearer ${TOKEN}`)
    .send(body as object);

beforeAll(cleanUp);
afterAll(async () => {
  await cleanUp();
  await Promise.all([db.close(), db2.close()]);
});

describe('access', () => {
  it('is off without a configured token: a token is refused with 403, no token is asked for with 401', async () => {
    const res = await request(readOnlyApp)
      .post('/api/import')
      .set('Authorization', 'Bearer any-token-at-all-0123456789')
      .send({ nodes: [node('a')] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const bare = await request(readOnlyApp)
      .post('/api/import')
      .send({ nodes: [node('a')] });
    expect(bare.status).toBe(401);
    expect(bare.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(bare.body.error.message).toContain('writes are off');
  });

  it('refuses a missing or wrong token', async () => {
    expect(
      (
        await request(app)
          .post('/api/import')
          .send({ nodes: [node('a')] })
      ).status,
    ).toBe(401);
    const wrong = await request(app)
      .post('/api/import')
      .set('Authorization', 'Bearer nope')
      .send({ nodes: [node('a')] });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.details[0].path).toBe('headers.authorization');
  });
});

describe('broken files write nothing', () => {
  const cases: Array<[string, unknown, string]> = [
    ['wrong types', { nodes: [node('a', { name: 42, aliases: 'x' })] }, 'nodes[0]'],
    ['an unknown label', { nodes: [node('a', { label: 'Org' })] }, 'nodes[0]'],
    ['a dangling id', { nodes: [node('a')], relationships: [rel(PREFIX + 'a', PREFIX + 'nowhere')] }, 'relationships[0]'],
    [
      'reversed dates',
      { nodes: [node('a'), node('b')], relationships: [rel(PREFIX + 'a', PREFIX + 'b', { validFrom: '2020', validTo: '2010' })] },
      'relationships[0]',
    ],
    ['one bad record at the end', { nodes: [node('a'), node('b'), node('c'), node('d', { sources: [] })] }, 'nodes[3]'],
    ['a record that is neither', [node('a'), { hello: 'world' }], '[1]'],
  ];
  it.each(cases)('%s → 400 naming the record, graph unchanged', async (_name, body, where) => {
    const before = await graphDigest(db);
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.some((d: { path: string }) => d.path.startsWith(where))).toBe(true);
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('bad JSON → 400, graph unchanged', async () => {
    const before = await graphDigest(db);
    const res = await request(app)
      .post('/api/import')
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'application/json')
      .send('{"nodes": [');
    expect(res.status).toBe(400);
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('reports every bad record at once', async () => {
    const res = await post({ nodes: [node('a', { label: 'Org' }), node('b'), node('c', { certainty: 'maybe' })] });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths.some((p: string) => p.startsWith('nodes[0]'))).toBe(true);
    expect(paths.some((p: string) => p.startsWith('nodes[2]'))).toBe(true);
  });
});

describe('good files', () => {
  it('adds new facts in one go, tied to nodes already in the graph', async () => {
    const res = await post({
      nodes: [node('a'), node('b')],
      relationships: [rel(PREFIX + 'a', PREFIX + 'b'), rel(PREFIX + 'a', 'socialstyrelsen')],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nodes: { added: 2 }, relationships: { added: 2 }, written: true });
    const read = await request(app).get(`/api/nodes/${PREFIX}a`);
    expect(read.status).toBe(200);
    expect(read.body.degree.reduce((s: number, d: { count: number }) => s + d.count, 0)).toBe(2);
  });

  it('importing the same file again changes nothing', async () => {
    const before = await graphDigest(db);
    const res = await post({
      nodes: [node('a'), node('b')],
      relationships: [rel(PREFIX + 'a', PREFIX + 'b'), rel(PREFIX + 'a', 'socialstyrelsen')],
    });
    expect(res.body).toMatchObject({ nodes: { unchanged: 2, added: 0 }, relationships: { unchanged: 2 } });
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('never silently overwrites: a conflict is reported unless replace is given', async () => {
    const before = await graphDigest(db);
    const conflict = await post({ nodes: [node('a', { name: 'Renamed agency' }), node('e')] });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.details[0]).toMatchObject({ path: 'nodes[0]' });
    expect((await graphDigest(db)).digest).toBe(before.digest);
    const replaced = await post({ nodes: [node('a', { name: 'Renamed agency' })] }, { replace: 'true' });
    expect(replaced.status).toBe(200);
    expect(replaced.body.nodes.replaced).toBe(1);
    expect((await request(app).get(`/api/nodes/${PREFIX}a`)).body.node.name).toBe('Renamed agency');
  });

  it('takes CSV with the documented headers', async () => {
    const csv = [
      'id,label,name,nameEn,aliases,description,validFrom,validTo,sources,evidence,certainty',
      `${PREFIX}csv,Agency,CSV-myndigheten,The CSV Agency,CSVM;Csv Agency,,2020,,001_1c1597dd7120e666.txt#L3-L3,A body invented for the CSV import test.,stated`,
    ].join('\n');
    const res = await request(app).post('/api/import').set('Authorization', `Bearer ${TOKEN}`).set('Content-Type', 'text/csv').send(csv);
    expect(res.status).toBe(200);
    const hit = await request(app).get('/api/search').query({ q: 'csvm' });
    expect(hit.body.hits[0].id).toBe(`${PREFIX}csv`);
  });

  it('a dry run checks and writes nothing', async () => {
    const before = await graphDigest(db);
    const res = await post({ nodes: [node('dry')] }, { dryRun: 'true' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ nodes: { added: 1 }, written: false });
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });
});

describe('backup and restore', () => {
  let other: LocalNeo4jHandle;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mandate-backup-'));
    other = await startNeo4jOnFreePort({ dataDir: join(dir, 'data') });
  });
  afterAll(async () => {
    await other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a round trip gives the same graph, and a broken backup changes nothing', { timeout: 240_000 }, async () => {
    const copy = new Database({ uri: other.uri });
    try {
      await prepareDatabase(copy, { seed: true });
      const original = await graphDigest(copy);
      // A backup carries the entity graph; the :Source registry stays in place through a restore.
      const entities = (await graphDigest(copy, { entities: true })).nodes;
      const file = join(dir, 'backup.json');
      await backupGraph(copy, file);
      // Restoring over a changed graph brings back exactly the backup.
      await copy.replayStatement("MATCH (n:Entity {id: 'who'}) SET n.name = 'changed'");
      await copy.replayStatement("CREATE (:Entity:Agency {id: 'extra-node', label: 'Agency', name: 'Extra'})");
      const report = await restoreGraph(copy, file);
      expect(report.nodes).toBe(entities);
      const restored = await graphDigest(copy);
      expect(restored.digest).toBe(original.digest);

      const broken = join(dir, 'broken.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.relationships.push({ type: 'MEMBER_OF', start: 'who', end: 'no-such-node', properties: { key: 'x' } });
      writeFileSync(broken, JSON.stringify(json));
      await expect(restoreGraph(copy, broken)).rejects.toThrow(/nothing was changed/);
      expect((await graphDigest(copy)).digest).toBe(original.digest);
    } finally {
      await copy.close();
    }
  });
});
