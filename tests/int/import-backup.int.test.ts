// Adding data safely: imports need the write token, check the whole file first, report every
// bad record with its position and write all or nothing; backup and restore round-trip.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareDatabase } from '../../server/bootstrap.ts';
import { backupGraph, restoreGraph } from '../../server/data-io/backup.ts';
import { importFacts } from '../../server/data-io/import.ts';
import { AUTOMATION } from '../../server/curation/actor.ts';
import { applyChangeSet } from '../../server/curation/apply.ts';
import { diffVersions } from '../../server/curation/diff.ts';
import { currentVersion, elementHistory, listChanges } from '../../server/curation/log.ts';
import { revertChangeSet } from '../../server/curation/revert.ts';
import { loadQueries } from '../../server/db/cypher-registry.ts';
import { Database } from '../../server/db/database.ts';
import { ConflictError, ValidationError } from '../../server/errors.ts';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';
import { emptyScratchNeo4j } from '../helpers/scratch-neo4j.ts';

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
  // And their recorded states, or a read of the past would still find them.
  await db.replayStatement(`MATCH (c:Rec|RecState) WHERE c.id STARTS WITH '${PREFIX}' DETACH DELETE c`);
}

const post = (body: unknown, query: Record<string, string> = {}) =>
  request(app)
    .post('/api/import')
    .query(query)
    .set('Authorization', `Bearer ${TOKEN}`)
    .send(body as object);

/**
 * The throw-away Neo4j, emptied and seeded for the backup and restore test. Begun before the
 * first test and awaited by that test's set-up: the seed load there (a cold Neo4j planning every
 * statement for the first time) overlaps the import tests, which use the shared Neo4j.
 */
let seededScratch: Promise<string> | undefined;

beforeAll(async () => {
  seededScratch = (async () => {
    // A restore wipes the store it runs on, so it never runs on the tests' shared Neo4j.
    const uri = await emptyScratchNeo4j();
    const copy = new Database({ uri });
    try {
      await prepareDatabase(copy, { seed: true });
    } finally {
      await copy.close();
    }
    return uri;
  })();
  // Awaited below; a failure must not count as an unhandled rejection before then.
  seededScratch.catch(() => undefined);
  await cleanUp();
});
afterAll(async () => {
  await seededScratch?.catch(() => undefined);
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
    expect(bare.body.error.message).toMatch(/^You need to be signed in/);
    expect(bare.body.error.details[0].message).toContain('writes are off');
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

describe('an import as the command-line tool runs it', () => {
  // Its own ids, so it needs nothing the tests above left behind.
  const id = (s: string) => `${PREFIX}f-${s}`;
  const file = {
    nodes: [node('f-a'), node('f-b')],
    relationships: [rel(id('a'), id('b')), rel(id('a'), 'socialstyrelsen')],
  };
  const json = (body: unknown) => JSON.stringify(body);
  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    return err as ValidationError | ConflictError;
  };
  const none = { added: 0, replaced: 0, unchanged: 0 };
  // The counts; the warnings about texts with one language form are checked on their own.
  const counts = (report: object) => Object.fromEntries(Object.entries(report).filter(([k]) => k !== 'warnings'));
  beforeAll(cleanUp);
  afterAll(cleanUp);

  it('writes a new file, tied to a node the graph already holds, and says what it added', async () => {
    const report = await importFacts(db, json(file));
    expect(counts(report)).toEqual({
      nodes: { ...none, added: 2 },
      relationships: { ...none, added: 2 },
      written: true,
    });
    // The file's texts are in one language only, and the report says which form is missing.
    expect((report as { warnings?: Array<{ message: string }> }).warnings?.map((w) => w.message)).toContain(
      'The name has no English form yet',
    );
    const tie = await request(app).get(`/api/nodes/${id('a')}/neighborhood`);
    expect(tie.body.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual([id('a'), id('b'), 'socialstyrelsen'].sort());
  });

  it('the same file again is unchanged and writes nothing, with replace or without', async () => {
    const before = await graphDigest(db);
    const same = { nodes: { ...none, unchanged: 2 }, relationships: { ...none, unchanged: 2 }, written: false };
    expect(counts(await importFacts(db, json(file)))).toEqual(same);
    expect(counts(await importFacts(db, json(file), { replace: true }))).toEqual(same);
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('names every fact that conflicts, node and relationship, and writes nothing unless told to replace', async () => {
    const before = await graphDigest(db);
    const changed = {
      nodes: [node('f-a', { name: 'Renamed agency' }), node('f-c')],
      relationships: [rel(id('a'), id('b'), { certainty: 'stated', outsideKnowledge: undefined })],
    };
    const err = await refusal(importFacts(db, json(changed)));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe(
      '2 facts in the file differ from those the graph holds; nothing was written. Send the file again, choosing to replace, to overwrite them.',
    );
    expect(err.details).toEqual([
      { path: 'nodes[0]', message: `node "${id('a')}" already exists with other values` },
      { path: 'relationships[0]', message: `COOPERATES_WITH ${id('a')} → ${id('b')} already exists with other values` },
    ]);
    expect((await graphDigest(db)).digest).toBe(before.digest);
    expect(counts(await importFacts(db, json(changed), { replace: true }))).toEqual({
      nodes: { ...none, added: 1, replaced: 1 },
      relationships: { ...none, replaced: 1 },
      written: true,
    });
    expect((await request(app).get(`/api/nodes/${id('a')}`)).body.node.name).toBe('Renamed agency');
    expect((await request(app).get(`/api/nodes/${id('c')}`)).status).toBe(200);
  });

  it('reads CSV when the file name says so, and JSON lines', async () => {
    const csv = [
      'id,label,name,sources,evidence,certainty,outsideKnowledge',
      `${id('csv')},Agency,C,001_1c1597dd7120e666.txt#L3-L3,A body invented for the import tests.,inferred,outside knowledge: invented`,
    ].join('\n');
    expect(await importFacts(db, csv, { name: 'facts.csv' })).toMatchObject({ nodes: { added: 1 }, relationships: none, written: true });
    const lines = `${json(node('f-l1'))}\n${json(node('f-l2'))}\n`;
    expect((await importFacts(db, lines, { dryRun: true })).nodes.added).toBe(2);
    expect((await importFacts(db, lines, { format: 'jsonl', dryRun: true })).nodes.added).toBe(2);
    expect((await request(app).get(`/api/nodes/${id('csv')}`)).body.node.name).toBe('C');
    expect((await request(app).get(`/api/nodes/${id('l1')}`)).status).toBe(404);
  });

  it('names a file that does not parse by the name it was sent under, and writes nothing', async () => {
    const before = await graphDigest(db);
    const named = await refusal(importFacts(db, '{"nodes": [', { name: 'facts.json' }));
    expect(named.message).toMatch(/^The file cannot be read as JSON/);
    expect(named.details).toEqual([{ path: 'facts.json', message: expect.stringMatching(/^expected JSON: /) }]);
    expect((await refusal(importFacts(db, '{"nodes": ['))).details[0]?.path).toBe('file');
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('names a relationship to a node neither the file nor the graph holds, at its place in the file, and writes nothing', async () => {
    const before = await graphDigest(db);
    const err = await refusal(
      importFacts(db, json({ nodes: [node('f-d')], relationships: [rel('socialstyrelsen', id('d')), rel(id('d'), 'nowhere')] })),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toBe('The file has one problem, listed below; nothing was written.');
    expect(err.details).toEqual([{ path: 'relationships[1].to', message: expect.stringContaining('nowhere') }]);
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('writes nothing when Neo4j refuses the relationships after the nodes', async () => {
    // The same Neo4j, with a relationship write that Neo4j stops at run time (division by
    // zero): the nodes sent before it in the same import must not stay behind.
    const failing = new Database(
      { uri: inject('neo4jUri') },
      { ...loadQueries(), 'seed/merge-relationships': 'UNWIND $rows AS row RETURN 1 / 0 AS boom' },
    );
    try {
      const before = await graphDigest(db);
      await expect(
        importFacts(failing, json({ nodes: [node('f-h1'), node('f-h2')], relationships: [rel(id('h1'), id('h2'))] })),
      ).rejects.toThrow('The database could not run the statement');
      expect((await graphDigest(db)).digest).toBe(before.digest);
      expect((await request(app).get(`/api/nodes/${id('h1')}`)).status).toBe(404);
    } finally {
      await failing.close();
    }
  });

  it('accepts an inference from a fact the graph holds and names one it does not hold', async () => {
    const { rows } = await db.readText(
      'MATCH (:Entity)-[r:COOPERATES_WITH]->(b:Entity) WHERE NOT b.id STARTS WITH $prefix RETURN r.id AS id LIMIT 1',
      { prefix: PREFIX },
      { rowLimit: 1 },
    );
    const held = rows[0];
    const inferred = (basis: string) =>
      json({ nodes: [node('f-i1'), node('f-i2')], relationships: [rel(id('i1'), id('i2'), { inferredFrom: [basis] })] });
    const missing = await refusal(importFacts(db, inferred('no-such-fact'), { dryRun: true }));
    expect(missing.details).toEqual([
      { path: expect.stringMatching(/^relationships\[0\]\.inferredFrom/), message: expect.stringContaining('no-such-fact') },
    ]);
    expect(await importFacts(db, inferred(String(held!.id)), { dryRun: true })).toMatchObject({ relationships: { added: 1 } });
  });
});

describe('backup and restore', () => {
  // A restore wipes the store it runs on, so it never runs on the tests' shared Neo4j: it takes
  // the throw-away one (tests/helpers/scratch-neo4j.ts), emptied and seeded above.
  let uri: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mandate-backup-'));
    uri = await seededScratch!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const count = async (copy: Database, cypher: string) => Number((await copy.readText(cypher, {}, { rowLimit: 1 })).rows[0]!.n);

  const version = async (copy: Database) => (await currentVersion(copy)).version;

  it(
    'a restore is a change set: what differed is written and recorded (history, diff, rev), the rest is left alone; a failed restore writes nothing',
    { timeout: 300_000 },
    async () => {
      const copy = new Database({ uri });
      try {
        const graph = () => graphDigest(copy, { entities: true, history: false });
        const original = await graph();
        const entities = original.nodes;
        const ties = await count(copy, 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n');
        const file = join(dir, 'backup.json');
        await backupGraph(copy, file);

        // After the backup: an edit recorded as a change set, a change behind the log's back,
        // and more than a chunk of new nodes tied to the seed's.
        const who = (await copy.readText("MATCH (n:Entity {id: 'who'}) RETURN n.rev AS rev", {}, { rowLimit: 1 })).rows[0]!;
        const edit = await applyChangeSet(
          copy,
          {
            reason: 'An edit made after the backup was taken',
            sources: [{ file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' }],
            ops: [{ op: 'updateNode', id: 'who', rev: Number(who.rev), set: { description: 'edited after the backup' } }],
          },
          AUTOMATION,
        );
        await copy.replayStatement("MATCH (n:Entity {id: 'socialstyrelsen'}) SET n.name = 'changed'");
        await copy.replayStatement(
          "UNWIND range(1, 6000) AS i CREATE (n:Entity:Agency {id: 'extra-' + i, label: 'Agency', name: 'Extra ' + i}) WITH n, i WHERE i % 100 = 0 MATCH (w:Entity {id: 'who'}) CREATE (n)-[:MEMBER_OF {id: 'extra-tie-' + i, key: 'extra-' + i}]->(w)",
        );
        const before = await version(copy);

        const progress: Array<{ phase: string; done: number; total: number }> = [];
        const report = await restoreGraph(copy, file, {
          reason: 'Back to the backup taken before the test edits',
          onProgress: (p) => progress.push(p),
        });
        expect(report).toMatchObject({ nodes: entities, relationships: ties, added: 0, changed: 2, retired: 6060 });
        expect(report.changeSet).toBe(`cs-${before + 1}`);
        expect(await graph()).toEqual(original);
        expect(progress.filter((p) => p.phase === 'nodes').at(-1)).toEqual({ phase: 'nodes', done: 6002, total: 6002 });
        expect(progress.filter((p) => p.phase === 'relationships').at(-1)).toEqual({ phase: 'relationships', done: 60, total: 60 });
        expect(progress.at(-1)).toEqual({ phase: 'history', done: 6062, total: 6062 });

        // The log, an element's history and a diff all see the restore.
        const [logged] = (await listChanges(copy, { limit: 1 })).changes;
        expect(logged).toMatchObject({
          kind: 'restore',
          author: 'automation',
          reason: 'Back to the backup taken before the test edits',
          opCount: 6062,
        });
        const history = await elementHistory(copy, 'socialstyrelsen');
        expect(history.entries[0]).toMatchObject({
          action: 'updateNode',
          before: { properties: expect.objectContaining({ name: 'changed' }) },
          after: { properties: expect.objectContaining({ name: 'Socialstyrelsen' }) },
        });
        const diff = await diffVersions(copy, before, before + 1);
        expect(diff.counts).toEqual({ added: 0, retired: 6060, changed: 2 });
        expect(diff.changed.map((c) => c.id)).toEqual(['socialstyrelsen', 'who']);
        // Elements the backup lacks are retired, not lost: a revert of the restore brings them back.
        expect(await count(copy, "MATCH (n:Retired) WHERE n.id STARTS WITH 'extra-' RETURN count(n) AS n")).toBe(6000);
        // The edit made after the backup cannot be reverted blind over the restore.
        await expect(revertChangeSet(copy, edit.changeSet.id, 'Undo the edit after the restore', AUTOMATION)).rejects.toThrow(
          ConflictError,
        );
        // Elements that were equal kept their rev; those the restore wrote carry its version.
        const revs = await copy.readText(
          "MATCH (n:Entity) WHERE n.id IN ['who', 'socialstyrelsen', 'msb'] RETURN n.id AS id, n.rev AS rev ORDER BY id",
          {},
          { rowLimit: 3 },
        );
        expect(revs.rows).toEqual([
          { id: 'msb', rev: 1 },
          { id: 'socialstyrelsen', rev: before + 1 },
          { id: 'who', rev: before + 1 },
        ]);

        // Restoring again changes nothing and records nothing.
        expect(await restoreGraph(copy, file)).toMatchObject({ added: 0, changed: 0, retired: 0, changeSet: null });
        expect(await version(copy)).toBe(before + 1);

        // A failure in the database halfway (Neo4j refuses a map as a property value, in the
        // second chunk of nodes) writes nothing, not even the change set.
        const whole = await graphDigest(copy);
        const broken = join(dir, 'fails-halfway.json');
        const json = JSON.parse(readFileSync(file, 'utf8'));
        for (let i = 0; i < 6000; i++)
          json.nodes.push({ id: `late-${i}`, labels: ['Entity', 'Agency'], properties: { name: `Late ${i}` } });
        json.nodes.push({ id: 'late-bad', labels: ['Entity', 'Agency'], properties: { name: 'Bad', nested: { a: 1 } } });
        writeFileSync(broken, JSON.stringify(json));
        await expect(restoreGraph(copy, broken)).rejects.toThrow();
        expect((await graphDigest(copy)).digest).toBe(whole.digest);
        expect(await version(copy)).toBe(before + 1);

        // A file that is not a graph file is refused before anything is read or written.
        const invalid = join(dir, 'invalid.json');
        json.nodes.pop();
        json.relationships.push({ type: 'MEMBER_OF', start: 'who', end: 'no-such-node', properties: { key: 'x' } });
        writeFileSync(invalid, JSON.stringify(json));
        await expect(restoreGraph(copy, invalid)).rejects.toThrow(/nothing was changed/);
        expect((await graphDigest(copy)).digest).toBe(whole.digest);

        // Into an empty store: every element is added, and the graph is the backup's.
        await copy.replayStatement('MATCH (n:Entity) DETACH DELETE n');
        expect(await restoreGraph(copy, file)).toMatchObject({ added: entities + ties, changed: 0, retired: 0 });
        expect(await graph()).toEqual(original);

        // Into a store with no element at all (a new machine), the restore is loaded in batches,
        // since one transaction outgrows Neo4j's memory for a large graph; a failure in a later
        // batch takes back all it wrote, its record included.
        await copy.replayStatement('MATCH (n) WHERE n:Entity OR n:Retired OR n:RetiredTie DETACH DELETE n');
        const emptyAt = await version(copy);
        const changeSets = () => count(copy, 'MATCH (c:ChangeSet) RETURN count(c) AS n');
        const recordedBefore = await changeSets();
        json.relationships.pop(); // the tie to a missing node, so the file passes the checks
        json.nodes.push({ id: 'late-bad', labels: ['Entity', 'Agency'], properties: { name: 'Bad', nested: { a: 1 } } });
        writeFileSync(broken, JSON.stringify(json));
        const batches: number[] = [];
        await expect(restoreGraph(copy, broken, { onProgress: (p) => p.phase === 'nodes' && batches.push(p.done) })).rejects.toThrow();
        expect(batches.length).toBeGreaterThan(0); // earlier batches had been written, and were taken back
        expect(await count(copy, 'MATCH (n:Entity) RETURN count(n) AS n')).toBe(0);
        expect(await count(copy, 'MATCH (o:Op) WHERE NOT (:ChangeSet)-[:HAS_OP]->(o) RETURN count(o) AS n')).toBe(0);
        expect(await changeSets()).toBe(recordedBefore);
        expect(await version(copy)).toBe(emptyAt);
        const fresh = await restoreGraph(copy, file, { reason: 'A new machine gets the backup' });
        expect(fresh).toMatchObject({ added: entities + ties, changed: 0, retired: 0, changeSet: `cs-${emptyAt + 1}` });
        expect(await graph()).toEqual(original);
        expect((await listChanges(copy, { limit: 1 })).changes[0]).toMatchObject({ kind: 'restore', opCount: entities + ties });
      } finally {
        await copy.close();
      }
    },
  );
});
