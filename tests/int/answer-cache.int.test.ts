// Read answers cached by data version (docs/curation.md, part 4), on the real Neo4j with two API
// servers: an edit through one is seen at once through the other, a repeated request with its
// tag gets 304, a past version's answer may be kept for good, and under sign-in nothing says a
// shared cache may keep an answer.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInventedAgency, rewindLayer, testApp } from '../helpers/api.ts';

const TOKEN = 'test-write-token-answer-cache-0123456789';
// Two servers on one Neo4j, each with its own in-process cache, as two processes would have.
const one = testApp({ WRITE_TOKEN: TOKEN });
const two = testApp({ WRITE_TOKEN: TOKEN });
const signIn = testApp({ WRITE_TOKEN: TOKEN, READ_REQUIRES_SIGN_IN: '1' });
const { db } = one;
const P = 'test-cache-';
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const NODE = `${P}agency`;
let start = { version: 0, at: '' };

const edit = (ops: unknown[]) =>
  request(one.app)
    .post('/api/changes')
    .set('Authorization', `Bearer ${TOKEN}`)
    .send({ reason: 'Changed while testing answers cached by version', sources: [SOURCE], ops });
const readNode = (app: typeof one.app, query: Record<string, string> = {}, tag?: string) => {
  const req = request(app).get(`/api/nodes/${NODE}`).query(query);
  return tag ? req.set('If-None-Match', tag) : req;
};

async function cleanUp() {
  await db.replayStatement(`MATCH (n) WHERE (n:Entity OR n:Retired OR n:RetiredTie) AND n.id STARTS WITH '${P}' DETACH DELETE n`);
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${start.version} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${start.version}, g.at = '${start.at}'`);
  await rewindLayer(db, start.version);
}

beforeAll(async () => {
  start = (await request(one.app).get('/api/versions/current')).body;
  const added = await edit([addInventedAgency(NODE, 'Provverket Cachefjord', 'cache tests')]);
  expect(added.status, added.text).toBe(201);
});
afterAll(async () => {
  await cleanUp();
  await Promise.all([one.db.close(), two.db.close(), signIn.db.close()]);
});

describe('answers by data version, two API servers on one Neo4j', () => {
  it('an edit through one server is read at once through the other, and a tag held from before is not honoured', async () => {
    // Both servers hold the answer before the edit.
    const before = await readNode(two.app);
    expect(before.status).toBe(200);
    expect(before.body.node.name).toBe('Provverket Cachefjord');
    expect((await readNode(two.app)).body.node.name).toBe('Provverket Cachefjord');
    expect((await readNode(one.app)).headers.etag).toBe(before.headers.etag);
    expect(before.headers['cache-control']).toBe('public, max-age=0, must-revalidate');

    const rev = before.body.node.rev as number;
    const renamed = await edit([{ op: 'updateNode', id: NODE, rev, set: { name: 'Provverket Nyfjord' } }]);
    expect(renamed.status, renamed.text).toBe(201);

    const after = await readNode(two.app);
    expect(after.status).toBe(200);
    expect(after.body.node.name).toBe('Provverket Nyfjord');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(Number(after.headers['x-data-version'])).toBe(Number(before.headers['x-data-version']) + 1);
    // The old tag names an answer that is no longer the graph's: the new answer comes whole.
    const revalidated = await readNode(two.app, {}, before.headers.etag);
    expect(revalidated.status).toBe(200);
    expect(revalidated.body.node.name).toBe('Provverket Nyfjord');
    // The same holds for the search index and for neighbourhoods: every cached read.
    const found = await request(two.app).get('/api/search').query({ q: 'Nyfjord' });
    expect(found.body.hits.map((h: { id: string }) => h.id)).toContain(NODE);
  });

  it('a repeated request with its tag gets 304 and no body, on either server', async () => {
    const first = await readNode(one.app, { lang: 'sv' });
    expect(first.status).toBe(200);
    for (const app of [one.app, two.app]) {
      const again = await readNode(app, { lang: 'sv' }, first.headers.etag);
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
      expect(again.headers.etag).toBe(first.headers.etag);
    }
    // Another language is another answer, with a tag of its own.
    const english = await readNode(one.app, { lang: 'en' }, first.headers.etag);
    expect(english.status).toBe(200);
    expect(english.headers.etag).not.toBe(first.headers.etag);
  });

  it('an answer as recorded at a past version may be kept for good, and stays the answer then after later edits', async () => {
    const current = (await request(one.app).get('/api/versions/current')).body.version as number;
    const past = String(start.version + 1);
    const then = await readNode(two.app, { recordedAt: past });
    expect(then.status).toBe(200);
    expect(then.body.node.name).toBe('Provverket Cachefjord');
    expect(then.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const rev = (await readNode(one.app)).body.node.rev as number;
    expect((await edit([{ op: 'updateNode', id: NODE, rev, set: { name: 'Provverket Tredjefjord' } }])).status).toBe(201);

    const later = await readNode(two.app, { recordedAt: past });
    expect(later.body.node.name).toBe('Provverket Cachefjord');
    expect((await readNode(one.app, { recordedAt: past }, then.headers.etag)).status).toBe(304);
    // The version that was current before this edit is a past one now, and answers as it was.
    const wasCurrent = await readNode(two.app, { recordedAt: String(current) });
    expect(wasCurrent.body.node.name).toBe('Provverket Nyfjord');
    expect((await readNode(two.app)).body.node.name).toBe('Provverket Tredjefjord');
  });

  it('an answer that failed is not kept: a node added later is found through the other server', async () => {
    const missing = await request(two.app).get(`/api/nodes/${P}later`);
    expect(missing.status).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const added = await edit([addInventedAgency(`${P}later`, 'Provverket Senare', 'cache tests')]);
    expect(added.status, added.text).toBe(201);
    expect((await request(two.app).get(`/api/nodes/${P}later`)).status).toBe(200);
  });

  it('under READ_REQUIRES_SIGN_IN an answer is never marked for a shared cache, and 304 needs a sign-in first', async () => {
    const signedIn = await readNode(signIn.app).set('Authorization', `Bearer ${TOKEN}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    const past = await readNode(signIn.app, { recordedAt: String(start.version + 1) }).set('Authorization', `Bearer ${TOKEN}`);
    expect(past.headers['cache-control']).toBe('private, no-store');
    // A tag alone opens nothing: without credentials the answer is 401, not 304.
    const anonymous = await readNode(signIn.app, {}, signedIn.headers.etag);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['cache-control'] ?? '').not.toMatch(/public/);
  });

  it('reads that depend on who asks, or that are kept outside change sets, carry no tag', async () => {
    const session = await request(one.app).get('/api/session');
    expect(session.headers.etag).toBeUndefined();
    const views = await request(one.app).get('/api/views');
    expect(views.status).toBe(200);
    expect(views.headers.etag).toBeUndefined();
  });
});
