// Curation with history on the real Neo4j: change sets are checked by the model's rules,
// applied whole or not at all, recorded with every element's before and after, undone by a
// revert that is itself recorded, and two editors never overwrite each other.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, undoTestWrites } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';
import { writeRows } from '../../seed/load.ts';

const TOKEN = 'test-write-token-curation-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN });
const P = 'test-cur-';
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const REASON = 'Added while testing curation: an invented agency';
let startVersion = 0;

const agency = (id: string, extra: Record<string, unknown> = {}) => ({
  op: 'addNode',
  node: {
    id: P + id,
    label: 'Agency',
    name: `Test agency ${id}`,
    certainty: 'inferred',
    outsideKnowledge: 'outside knowledge: invented for the curation tests',
    ...extra,
  },
});
const cooperates = (id: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  op: 'addTie',
  tie: {
    id: P + id,
    type: 'COOPERATES_WITH',
    from,
    to,
    certainty: 'inferred',
    outsideKnowledge: 'outside knowledge: invented for the curation tests',
    ...extra,
  },
});

const post = (ops: unknown[], extra: Record<string, unknown> = {}) =>
  request(app)
    .post('/api/changes')
    .set('Authorization', `Bearer ${TOKEN}`)
    .send({ reason: REASON, sources: [SOURCE], ops, ...extra });
const revert = (id: string) =>
  request(app).post(`/api/changes/${id}/revert`).set('Authorization', `Bearer ${TOKEN}`).send({ reason: 'Undone in the curation tests' });

const cleanUp = () => undoTestWrites(db, P, startVersion);

beforeAll(async () => {
  startVersion = (await request(app).get('/api/versions/current')).body.version;
  await cleanUp();
});
afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('change sets', () => {
  it('adds a node and a tie with a citation, and both carry the new version as rev', async () => {
    const res = await post([agency('a'), cooperates('a-who', P + 'a', 'who', { validFrom: '2019' })]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const v = res.body.changeSet.version;
    expect(res.body.changeSet).toMatchObject({ kind: 'edit', author: 'automation', reason: REASON, sources: [SOURCE], opCount: 2 });
    expect(res.body.elements).toEqual([
      { id: P + 'a', kind: 'node', action: 'addNode', rev: v },
      { id: P + 'a-who', kind: 'tie', action: 'addTie', rev: v },
    ]);
    const current = await request(app).get('/api/versions/current');
    expect(current.body.version).toBe(v);
    const node = await request(app).get(`/api/nodes/${P}a`);
    expect(node.status).toBe(200);
    // The citation stands for the record's sources and the reason for its evidence.
    const history = await request(app).get(`/api/history/${P}a-who`);
    expect(history.body.entries[0].after.properties).toMatchObject({
      sources: ['001_1c1597dd7120e666.txt#L3-L4'],
      evidence: REASON,
      validFrom: '2019',
    });
    expect(history.body.entries[0].before).toBeNull();
    // Operations come in pages; opCount is the whole.
    const page = await request(app).get(`/api/changes/cs-${v}`).query({ offset: 1, limit: 1 });
    expect(page.body.opCount).toBe(2);
    expect(page.body.ops.map((o: { seq: number; elementId: string }) => [o.seq, o.elementId])).toEqual([[1, P + 'a-who']]);
  });

  it('corrects a date, retires a tie, and the history and change log show each step', async () => {
    const before = (await request(app).get(`/api/history/${P}a-who`)).body.entries[0].changeSet.version;
    const corrected = await post([{ op: 'updateTie', id: P + 'a-who', rev: before, set: { validFrom: '2020-03' } }], {
      reason: 'The cited lines give March 2020, not 2019',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    const v2 = corrected.body.changeSet.version;
    const retired = await post([{ op: 'retireTie', id: P + 'a-who', rev: v2, reason: 'The cooperation was a one-off visit' }], {
      reason: 'Retiring a tie the source does not support',
    });
    expect(retired.status, JSON.stringify(retired.body)).toBe(201);

    const history = await request(app).get(`/api/history/${P}a-who`);
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['retireTie', 'updateTie', 'addTie']);
    expect(history.body.entries[1].before.properties.validFrom).toBe('2019');
    expect(history.body.entries[1].after.properties.validFrom).toBe('2020-03');
    expect(history.body.entries[0].after).toBeNull();

    // The retired tie is gone from the current graph, and its node's neighbourhood.
    const hood = await request(app).get(`/api/nodes/${P}a/neighborhood`);
    expect(JSON.stringify(hood.body)).not.toContain(P + 'a-who');

    const log = await request(app).get('/api/changes').query({ limit: 2 });
    expect(log.body.changes.map((c: { version: number }) => c.version)).toEqual([v2 + 1, v2]);
    expect(log.body.next).toBe(v2);
    const one = await request(app).get(`/api/changes/cs-${v2}`);
    expect(one.body.ops).toHaveLength(1);
    expect(one.body.ops[0]).toMatchObject({ elementId: P + 'a-who', elementKind: 'tie', action: 'updateTie' });
    const byElement = await request(app)
      .get('/api/changes')
      .query({ element: P + 'a-who' });
    expect(byElement.body.changes).toHaveLength(3);
  });

  it('refuses a change set with one bad op, names the field, and writes nothing', async () => {
    const digest = await graphDigest(db);
    const res = await post([agency('b'), cooperates('b-who', P + 'b', 'who', { certainty: 'probably' })]);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('body.ops[1].tie.certainty');
    const wrongType = await post([{ op: 'addTie', tie: { type: 'REPRESENTS', from: 'who', to: 'socialstyrelsen', certainty: 'stated' } }]);
    expect(wrongType.status).toBe(400);
    expect((await graphDigest(db)).digest).toBe(digest.digest);
  });

  it('refuses a citation of a document that is not registered, and a change without reason', async () => {
    const unregistered = await post([agency('c')], { sources: [{ file: 'no-such-document.txt' }] });
    expect(unregistered.status).toBe(400);
    expect(unregistered.body.error.details[0].path).toBe('body.sources[0].file');
    const short = await post([agency('c')], { reason: 'because' });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe('body.reason');
  });

  it('refuses an uploaded source text over 2 MB (400 at the field) and a body over 5 MB (413), registering nothing', async () => {
    const before = (await request(app).get('/api/versions/current')).body.version;
    const source = (file: string, text: string) => ({ op: 'addSource', source: { file, title: 'An oversized upload' }, text });
    const big = await post([source(`${P}big.txt`, 'x'.repeat(2_000_001))], { sources: [{ file: `${P}big.txt` }] });
    expect(big.status).toBe(400);
    expect(big.body.error.details.map((d: { path: string }) => d.path).join(' ')).toMatch(/ops\W+0\W+text/);
    const huge = await post([source(`${P}huge.txt`, 'x'.repeat(5_300_000))], { sources: [{ file: `${P}huge.txt` }] });
    expect(huge.status).toBe(413);
    expect((await request(app).get('/api/versions/current')).body.version).toBe(before);
    const files = (await request(app).get('/api/sources')).body.sources.map((s: { file: string }) => s.file);
    expect(files.filter((f: string) => f.startsWith(P))).toEqual([]);
  });

  it('needs the write token', async () => {
    const res = await request(app)
      .post('/api/changes')
      .send({ reason: REASON, sources: [SOURCE], ops: [agency('d')] });
    expect(res.status).toBe(401);
  });

  it('keeps script text in names and reasons as data, verbatim', async () => {
    const name = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const reason = 'Testing that <b>markup</b> in a reason stays "text" & nothing else';
    const res = await post([agency('script', { name })], { reason });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.changeSet.reason).toBe(reason);
    const node = await request(app).get(`/api/history/${P}script`);
    expect(node.body.entries[0].after.properties.name).toBe(name);
    expect(node.body.entries[0].changeSet.reason).toBe(reason);
  });
});

describe('conflicts', () => {
  it('two concurrent edits of one element: one lands, the other gets 409 with the current state, nothing is lost', async () => {
    const add = await post([agency('e')]);
    const rev = add.body.changeSet.version;
    const [one, two] = await Promise.all([
      post([{ op: 'updateNode', id: P + 'e', rev, set: { description: 'first editor' } }]),
      post([{ op: 'updateNode', id: P + 'e', rev, set: { description: 'second editor' } }]),
    ]);
    const statuses = [one.status, two.status].sort();
    expect(statuses).toEqual([201, 409]);
    const [won, lost] = one.status === 201 ? [one, two] : [two, one];
    const winner = won === one ? 'first editor' : 'second editor';
    expect(lost.body.error.code).toBe('CONFLICT');
    expect(lost.body.error.details[0].current.properties.description).toBe(winner);
    expect(lost.body.error.details[0].current.rev).toBe(won.body.changeSet.version);
    const node = await request(app).get(`/api/nodes/${P}e`);
    expect(JSON.stringify(node.body)).toContain(winner);
  });

  it('a date correction that would give a tie the key of another live tie is refused, naming it; both facts stay on the canvas', async () => {
    const add = await post([
      agency('k'),
      cooperates('k-2015', P + 'k', 'who', { validFrom: '2015' }),
      cooperates('k-2018', P + 'k', 'who', { validFrom: '2018', validTo: '2019' }),
    ]);
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    const rev = add.body.changeSet.version;
    const digest = await graphDigest(db);
    const clash = await post([{ op: 'updateTie', id: P + 'k-2018', rev, set: { validFrom: '2015' } }]);
    expect(clash.status, JSON.stringify(clash.body)).toBe(409);
    expect(clash.body.error.details).toEqual([
      expect.objectContaining({
        path: 'body.ops[0]',
        message: `a tie with the same type, ends and dates exists: ${P}k-2015`,
        current: expect.objectContaining({ id: P + 'k-2015', rev }),
      }),
    ]);
    // Adding a second fact with that key is refused the same way.
    const again = await post([cooperates('k-2015b', P + 'k', 'who', { validFrom: '2015' })]);
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].message).toContain(`${P}k-2015`);
    expect((await graphDigest(db)).digest).toBe(digest.digest);

    // Both facts are still two elements with their own ids and sources.
    const hood = await request(app).get(`/api/nodes/${P}k/neighborhood`);
    const edges = (hood.body.edges as Array<{ data: { id: string; factId: string } }>).map((e) => e.data);
    const facts = edges.filter((e) => e.factId.startsWith(P + 'k-'));
    expect(facts.map((e) => e.factId).sort()).toEqual([P + 'k-2015', P + 'k-2018']);
    expect(new Set(facts.map((e) => e.id)).size).toBe(2);

    // A correction that keeps the keys apart goes through.
    const ok = await post([{ op: 'updateTie', id: P + 'k-2018', rev, set: { validFrom: '2017' } }]);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });
});

describe('revert', () => {
  it('restores the entity graph exactly (digest), step by step, and is itself a change set', async () => {
    const d0 = await graphDigest(db, { entities: true, history: false });
    const add = await post([agency('r'), cooperates('r-who', P + 'r', 'who', { validFrom: '2015' })]);
    expect(add.status).toBe(201);
    const d1 = await graphDigest(db, { entities: true, history: false });
    expect(d1.digest).not.toBe(d0.digest);

    const edit = await post([
      { op: 'updateTie', id: P + 'r-who', rev: add.body.changeSet.version, set: { validFrom: '2016', validTo: '2024' } },
    ]);
    expect(edit.status).toBe(201);
    const r1 = await revert(edit.body.changeSet.id);
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    expect(r1.body.changeSet).toMatchObject({ kind: 'revert', revertOf: edit.body.changeSet.id });
    expect((await graphDigest(db, { entities: true, history: false })).digest).toBe(d1.digest);

    // Retiring the node retires its tie with it; the revert brings both back, same ids.
    const retire = await post([{ op: 'retireNode', id: P + 'r', rev: add.body.changeSet.version, reason: 'Merged into another agency' }]);
    expect(retire.status, JSON.stringify(retire.body)).toBe(201);
    expect(retire.body.elements.map((e: { action: string }) => e.action)).toEqual(['retireTie', 'retireNode']);
    expect((await request(app).get(`/api/nodes/${P}r`)).status).toBe(404);
    expect((await revert(retire.body.changeSet.id)).status).toBe(201);
    expect((await graphDigest(db, { entities: true, history: false })).digest).toBe(d1.digest);

    // A revert compares states, not revs: the edit and the retirement were both undone since,
    // so the node and tie are as the addition left them, and reverting it finishes.
    const again = await revert(add.body.changeSet.id);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((await graphDigest(db, { entities: true, history: false })).digest).toBe(d0.digest);
    // Reverting that revert re-applies the addition.
    expect((await revert(again.body.changeSet.id)).status).toBe(201);
    expect((await graphDigest(db, { entities: true, history: false })).digest).toBe(d1.digest);
  });

  it('a revert of an unknown change set is 404', async () => {
    expect((await revert('cs-999999')).status).toBe(404);
  });
});

describe('diffs and saved views', () => {
  it('lists what was added, retired and changed between two versions, around a node', async () => {
    const v0 = (await request(app).get('/api/versions/current')).body.version;
    const add = await post([agency('d1'), agency('d2'), cooperates('d1-who', P + 'd1', 'who', { validFrom: '2012' })]);
    expect(add.status).toBe(201);
    const v1 = add.body.changeSet.version;
    const edit = await post([
      { op: 'updateTie', id: P + 'd1-who', rev: v1, set: { validTo: '2020' } },
      { op: 'retireNode', id: P + 'd2', rev: v1, reason: 'Duplicate of another test agency' },
    ]);
    expect(edit.status, JSON.stringify(edit.body)).toBe(201);
    const v2 = edit.body.changeSet.version;

    const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();
    const whole = await request(app).get('/api/diff').query({ from: v0, to: v2 });
    expect(whole.status).toBe(200);
    // Added and retired within the span: d2 is in neither list, since it did not exist before
    // and does not now.
    expect(ids(whole.body.added)).toEqual([P + 'd1', P + 'd1-who']);
    expect(whole.body.retired).toEqual([]);
    const later = await request(app)
      .get('/api/diff')
      .query({ from: v1, around: P + 'd1' });
    expect(later.body.to).toBe((await request(app).get('/api/versions/current')).body.version);
    expect(later.body.changed).toHaveLength(1);
    expect(later.body.changed[0]).toMatchObject({ id: P + 'd1-who', kind: 'tie', fields: ['validTo'] });
    expect(later.body.retired).toEqual([]);
    const retired = await request(app).get('/api/diff').query({ from: v1, to: v2 });
    expect(ids(retired.body.retired)).toEqual([P + 'd2']);
  });

  it('a diff from version 0 is paged: counts of each list in all, one page of each, truncated', async () => {
    const seed = (await request(app).get('/api/changes').query({ limit: 1, before: 2 })).body.changes[0];
    expect(seed.kind).toBe('seed');
    const first = await request(app).get('/api/diff').query({ from: 0, to: 1, limit: 5 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ truncated: true, offset: 0, limit: 5, counts: { added: seed.opCount, retired: 0, changed: 0 } });
    expect(first.body.added).toHaveLength(5);
    const next = await request(app).get('/api/diff').query({ from: 0, to: 1, limit: 5, offset: 5 });
    const key = (i: { kind: string; id: string }) => `${i.kind}:${i.id}`;
    const keys = [...first.body.added, ...next.body.added].map(key);
    // Pages follow one order (kind, then id) and do not overlap.
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(10);
    const whole = await request(app).get('/api/diff').query({ from: 0, to: 1, limit: 5000 });
    expect(whole.body.truncated).toBe(false);
    expect(whole.body.added).toHaveLength(seed.opCount);
    expect((await request(app).get('/api/diff').query({ from: 0, limit: 5001 })).status).toBe(400);
  });

  it('an element changed and changed back within the span is not listed', async () => {
    const add = await post([agency('cb'), cooperates('cb-who', P + 'cb', 'who', { validFrom: '2001' })]);
    const v1 = add.body.changeSet.version;
    const there = await post([{ op: 'updateTie', id: P + 'cb-who', rev: v1, set: { validFrom: '2002' } }]);
    const back = await post([{ op: 'updateTie', id: P + 'cb-who', rev: v1 + 1, set: { validFrom: '2001' } }]);
    expect([there.status, back.status]).toEqual([201, 201]);
    const diff = await request(app)
      .get('/api/diff')
      .query({ from: v1, around: P + 'cb' });
    expect(diff.body.changed).toEqual([]);
    const half = await request(app)
      .get('/api/diff')
      .query({ from: v1, to: v1 + 1, around: 'who' });
    expect(half.body.changed).toEqual([expect.objectContaining({ id: P + 'cb-who', fields: ['key', 'validFrom'] })]);
  });

  it('compares 2016 with 2024 around Socialstyrelsen: only dated ties that hold at one date and not the other', async () => {
    const res = await request(app).get('/api/diff').query({ fromDate: '2016', toDate: '2024', around: 'socialstyrelsen' });
    expect(res.status).toBe(200);
    expect(res.body.mode).toBe('dates');
    const listed = [...res.body.added, ...res.body.retired];
    expect(listed.length).toBeGreaterThan(0);
    expect(res.body.added.map((t: { id: string }) => t.id)).toContain('authored-socialstyrelsen-socialstyrelsen-2024');
    for (const t of listed) {
      const tie = t.after ?? t.before;
      expect([tie.from, tie.to]).toContain('socialstyrelsen');
      expect(tie.validFrom ?? tie.validTo).toBeTruthy();
    }
    // A tie for 2017–2019 holds at neither date, so it is not a difference between them.
    expect(listed.map((t: { id: string }) => t.id)).not.toContain('cooperates-with-socialstyrelsen-who-2018');
    const missing = await request(app).get('/api/diff').query({ fromDate: '2016', toDate: '2024' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('query.around');
  });

  it('a saved view is pinned to its version and counts the change sets since', async () => {
    const saved = await request(app)
      .post('/api/views')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ name: `${P}view <b>WHO</b>`, link: '/?focus=who&asOf=2020' });
    expect(saved.status).toBe(201);
    const opened = await request(app).get(`/api/views/${saved.body.id}`);
    expect(opened.body).toMatchObject({ name: `${P}view <b>WHO</b>`, link: '/?focus=who&asOf=2020', changesSince: 0 });
    expect((await post([agency('v')])).status).toBe(201);
    const later = await request(app).get(`/api/views/${saved.body.id}`);
    expect(later.body.changesSince).toBe(1);
    expect(later.body.diff).toBe(`/api/diff?from=${saved.body.version}&to=${saved.body.version + 1}`);
    const list = await request(app).get('/api/views');
    expect(list.body.views.find((v: { id: string }) => v.id === saved.body.id).changesSince).toBe(1);
    expect((await request(app).get('/api/views/view-000000000000')).status).toBe(404);
  });
});

describe('loads recorded as change sets', () => {
  it('the seed load is a change set: every seeded element has an Op with its state after', async () => {
    const history = await request(app).get('/api/history/socialstyrelsen');
    expect(history.status).toBe(200);
    const seeded = history.body.entries.at(-1);
    expect(seeded.changeSet.kind).toBe('seed');
    expect(seeded).toMatchObject({ action: 'addNode', before: null, after: { label: 'Agency', id: 'socialstyrelsen' } });
    const tie = await request(app).get('/api/history/authored-socialstyrelsen-socialstyrelsen-2024');
    expect(tie.body.entries.at(-1).after).toMatchObject({ type: 'AUTHORED', from: 'socialstyrelsen' });
  });

  it('a recorded load that fails in a middle batch leaves no change set, no Ops and no elements', async () => {
    const before = await graphDigest(db);
    const version = (await request(app).get('/api/versions/current')).body.version;
    const row = (id: string, extra: Record<string, unknown> = {}) => ({
      id: P + id,
      label: 'Agency',
      validFromDay: null,
      validToDay: null,
      attestedDay: null,
      properties: { id: P + id, label: 'Agency', name: `Load ${id}`, ...extra },
    });
    // Neo4j refuses a map as a property value: the second batch of two fails in the database.
    const rows = [row('l1'), row('l2'), row('l3'), row('l4', { nested: { not: 'storable' } }), row('l5')];
    const reason = `${P}a load that fails halfway`;
    await expect(
      writeRows(db, rows, [], {
        batchSize: 2,
        history: { kind: 'seed', reason, author: { name: 'automation', role: 'admin', via: 'write-token' }, sources: [] },
      }),
    ).rejects.toThrow();
    const left = await db.readText(
      'OPTIONAL MATCH (c:ChangeSet {reason: $reason}) OPTIONAL MATCH (o:Op) WHERE o.elementId STARTS WITH $p OPTIONAL MATCH (n:Entity) WHERE n.id STARTS WITH $p RETURN count(DISTINCT c) AS c, count(DISTINCT o) AS o, count(DISTINCT n) AS n',
      { reason, p: P + 'l' },
      { rowLimit: 1 },
    );
    expect(left.rows[0]).toEqual({ c: 0, o: 0, n: 0 });
    expect((await request(app).get('/api/versions/current')).body.version).toBe(version);
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });

  it('a file import is a change set that a revert undoes', async () => {
    const d0 = await graphDigest(db, { entities: true, history: false });
    const file = {
      nodes: [
        {
          ...agency('imp').node,
          aliases: [],
          sources: ['001_1c1597dd7120e666.txt#L3-L3'],
          evidence: 'An agency invented for the import test.',
        },
      ],
    };
    const res = await request(app).post('/api/import').set('Authorization', `Bearer ${TOKEN}`).send(file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const log = await request(app).get('/api/changes').query({ limit: 1 });
    const change = log.body.changes[0];
    expect(change).toMatchObject({ kind: 'import', opCount: 1, sources: [{ file: '001_1c1597dd7120e666.txt' }] });
    expect((await request(app).get(`/api/history/${P}imp`)).body.entries[0].action).toBe('addNode');
    expect((await revert(change.id)).status).toBe(201);
    expect((await graphDigest(db, { entities: true, history: false })).digest).toBe(d0.digest);
  });
});

describe('as recorded at', () => {
  it('answers a neighbourhood as the graph was at an earlier version, by version or moment', async () => {
    const v0 = (await request(app).get('/api/versions/current')).body.version;
    const add = await post([agency('h', { name: 'Old name' }), cooperates('h-who', P + 'h', 'who', { validFrom: '2011' })]);
    const v1 = add.body.changeSet.version;
    const at1 = add.body.changeSet.at;
    expect(
      (
        await post([
          { op: 'retireTie', id: P + 'h-who', rev: v1, reason: 'Not supported by the cited lines' },
          { op: 'updateNode', id: P + 'h', rev: v1, set: { name: 'New name' } },
        ])
      ).status,
    ).toBe(201);

    const now = await request(app).get(`/api/nodes/${P}h/neighborhood`);
    expect(now.body.edges).toEqual([]);
    expect(now.body.recordedAt).toBeUndefined();
    for (const recordedAt of [String(v1), at1]) {
      const then = await request(app).get(`/api/nodes/${P}h/neighborhood`).query({ recordedAt });
      expect(then.status, JSON.stringify(then.body)).toBe(200);
      expect(then.body.recordedAt).toEqual({ version: v1, at: at1, undone: 0, method: 'layer' });
      expect(then.body.nodes.find((n: { data: { id: string } }) => n.data.id === P + 'h').data.name).toBe('Old name');
      expect(then.body.nodes.map((n: { data: { id: string } }) => n.data.id)).toContain('who');
      expect(then.body.edges.map((e: { data: { factId: string } }) => e.data.factId)).toEqual([P + 'h-who']);
    }
    const before = await request(app)
      .get(`/api/nodes/${P}h/neighborhood`)
      .query({ recordedAt: String(v0) });
    expect(before.status).toBe(404);
  });
});

describe('exports as recorded at', () => {
  it('a neighbourhood export and a whole-graph export give the graph of that version', async () => {
    const add = await post([agency('x', { name: 'Export old name' }), cooperates('x-who', P + 'x', 'who', { validFrom: '2013' })]);
    const v1 = add.body.changeSet.version;
    const later = await post([
      { op: 'retireTie', id: P + 'x-who', rev: v1, reason: 'Not supported by the cited lines' },
      { op: 'updateNode', id: P + 'x', rev: v1, set: { name: 'Export new name' } },
      agency('x2'),
    ]);
    expect(later.status).toBe(201);
    const exported = async (body: Record<string, unknown>) => {
      const res = await request(app)
        .post('/api/export')
        .send({ format: 'json', ...body })
        .buffer(true);
      expect(res.status).toBe(200);
      return JSON.parse(res.text) as {
        nodes: Array<{ id: string; properties: { name: string } }>;
        relationships: Array<{ properties: { id: string } }>;
      };
    };
    for (const scope of [{ root: P + 'x' }, {}]) {
      const now = await exported(scope);
      const then = await exported({ ...scope, recordedAt: String(v1) });
      const ties = (g: typeof now) => g.relationships.map((r) => r.properties.id).filter((id) => id.startsWith(P + 'x'));
      const name = (g: typeof now) => g.nodes.find((n) => n.id === P + 'x')?.properties.name;
      expect(ties(now)).toEqual([]);
      expect(ties(then)).toEqual([P + 'x-who']);
      expect(name(now)).toBe('Export new name');
      expect(name(then)).toBe('Export old name');
      expect(then.nodes.some((n) => n.id === P + 'x2')).toBe(false);
    }
  });
});
