// Undo that always finishes (issue "Provenance that holds over time", part 1), on the real
// Neo4j: a revert compares states, so undoing in reverse order leaves the graph's facts exactly
// as they were; a later change that really stands in the way is named in plain words (who,
// when, what, never an id) and can be undone together with it as one change set.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/auth/accounts.ts';
import { rewindLayer, testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';
import { otherLanguageWords } from '../helpers/report-text.ts';

const TOKEN = 'test-write-token-revert-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN });
const P = 'test-rev-';
const PEOPLE = `rev${randomBytes(3).toString('hex')}-`;
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const REASON = 'Added while testing reverts: an invented agency';
let startVersion = 0;
let ana = '';

const agency = (id: string) => ({
  op: 'addNode',
  node: {
    id: P + id,
    label: 'Agency',
    name: `Revert test agency ${id}`,
    certainty: 'inferred',
    outsideKnowledge: 'outside knowledge: invented for the revert tests',
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
    outsideKnowledge: 'outside knowledge: invented for the revert tests',
    ...extra,
  },
});

const post = (ops: unknown[], token = TOKEN) =>
  request(app)
    .post('/api/changes')
    .set('Authorization', `Bearer ${token}`)
    .send({ reason: REASON, sources: [SOURCE], ops });
const revert = (id: string, extra: Record<string, unknown> = {}, token = TOKEN) =>
  request(app)
    .post(`/api/changes/${id}/revert`)
    .set('Authorization', `Bearer ${token}`)
    .send({ reason: 'Undone in the revert tests', ...extra });
const facts = async () => (await graphDigest(db, { entities: true, history: false })).digest;
const everything = async () => (await graphDigest(db)).digest;

async function cleanUp() {
  await db.replayStatement(`MATCH (n) WHERE (n:Entity OR n:Retired OR n:RetiredTie) AND n.id STARTS WITH '${P}' DETACH DELETE n`);
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${startVersion} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${startVersion}`);
  await rewindLayer(db, startVersion);
  await db.write('accounts/delete-prefixed', { prefix: PEOPLE });
}

beforeAll(async () => {
  startVersion = (await request(app).get('/api/versions/current')).body.version;
  await cleanUp();
  const made = await createUser(db, { name: `${PEOPLE}ana`, role: 'editor', password: `pw-${randomBytes(9).toString('base64url')}` });
  ana = made!.token;
});
afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('undo in reverse order', () => {
  it('add, correct, revert the correction, revert the addition: the whole graph’s facts are exactly as before', async () => {
    const d0 = await facts();
    const add = await post([agency('a'), cooperates('a-who', P + 'a', 'who', { validFrom: '2015' })]);
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    const correct = await post([{ op: 'updateTie', id: P + 'a-who', rev: add.body.changeSet.version, set: { validFrom: '2016' } }]);
    expect(correct.status, JSON.stringify(correct.body)).toBe(201);
    expect((await revert(correct.body.changeSet.id)).status).toBe(201);
    // The tie's rev is the first revert's version now, but its state is the one the addition left.
    const undoAdd = await revert(add.body.changeSet.id);
    expect(undoAdd.status, JSON.stringify(undoAdd.body)).toBe(201);
    expect(undoAdd.body.changeSet).toMatchObject({ kind: 'revert', revertOf: add.body.changeSet.id });
    expect(await facts()).toBe(d0);
    expect((await request(app).get(`/api/nodes/${P}a`)).status).toBe(404);
  });

  it('a retirement reverted since does not stand in the way either', async () => {
    const d0 = await facts();
    const add = await post([agency('b'), cooperates('b-who', P + 'b', 'who')]);
    const retire = await post([{ op: 'retireNode', id: P + 'b', rev: add.body.changeSet.version, reason: 'Merged into another agency' }]);
    expect(retire.status).toBe(201);
    expect((await revert(retire.body.changeSet.id)).status).toBe(201);
    expect((await revert(add.body.changeSet.id)).status).toBe(201);
    expect(await facts()).toBe(d0);
  });
});

describe('a later change in the way', () => {
  it('names it in plain words to the same person, writes nothing, and undoes both together when asked', async () => {
    const d0 = await facts();
    const add = await post([agency('c'), cooperates('c-who', P + 'c', 'who', { validFrom: '2015' })]);
    const correct = await post([
      { op: 'updateTie', id: P + 'c-who', rev: add.body.changeSet.version, set: { validFrom: '2016', validTo: '2020' } },
    ]);
    expect(correct.status).toBe(201);
    const v = correct.body.changeSet.version;

    const before = await everything();
    const refused = await revert(add.body.changeSet.id);
    expect(refused.status).toBe(409);
    expect(await everything()).toBe(before);
    const { message, details } = refused.body.error;
    // The same person: "you", the version, what changed; no ids, no model words.
    expect(message).toContain(`You changed its dates again in version ${v}.`);
    expect(message).toContain('The tie between Revert test agency c and World Health Organization was changed later.');
    expect(message).toContain('together with it');
    expect(message).not.toMatch(/test-rev-|cs-\d|COOPERATES_WITH|Someone/);
    // In Swedish too: the version, how many stand in the way and what to do, in Swedish words only.
    const sv = await revert(add.body.changeSet.id).set('Accept-Language', 'sv');
    expect(sv.status).toBe(409);
    expect(sv.body.error.message).toMatch(
      new RegExp(
        `^Version ${add.body.changeSet.version} kan inte ångras ensam: (ett|\\d+) element har ändrats senare eller står i vägen\\. Ångra version ${v} tillsammans med den, eller ångra den först\\. Inget skrevs\\.$`,
      ),
    );
    expect(otherLanguageWords(sv.body.error.message, 'sv')).toEqual([]);
    expect(await everything()).toBe(before);
    // Programs get the ids in the details.
    expect(details[0]).toMatchObject({
      path: `tie:${P}c-who`,
      later: [{ id: correct.body.changeSet.id, version: v, what: ['dates'], you: true }],
    });

    const both = await revert(add.body.changeSet.id, { withLater: true });
    expect(both.status, JSON.stringify(both.body)).toBe(201);
    expect(both.body.changeSet).toMatchObject({
      kind: 'revert',
      revertOf: add.body.changeSet.id,
      revertsAlso: [correct.body.changeSet.id],
    });
    // One Op per element, though two change sets are undone.
    expect(both.body.elements).toHaveLength(2);
    expect(await facts()).toBe(d0);
  });

  it('names another editor, the date and what they changed', async () => {
    const add = await post([agency('d'), cooperates('d-who', P + 'd', 'who')]);
    const theirs = await post([{ op: 'updateNode', id: P + 'd', rev: add.body.changeSet.version, set: { name: 'Renamed agency d' } }], ana);
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    const refused = await revert(add.body.changeSet.id);
    expect(refused.status).toBe(409);
    const day = new Date(theirs.body.changeSet.at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    expect(refused.body.error.message).toContain(
      `Renamed agency d was changed later. ${PEOPLE}ana changed its name in version ${theirs.body.changeSet.version} on ${day}.`,
    );
    expect(refused.body.error.details[0].later[0]).toMatchObject({ author: `${PEOPLE}ana`, you: false, what: ['name'] });
    // Undoing the later one first, then the first: in reverse order it finishes.
    expect((await revert(theirs.body.changeSet.id)).status).toBe(201);
    expect((await revert(add.body.changeSet.id)).status).toBe(201);
  });

  it('a tie added later to a node the revert would retire is named, and goes with it when asked', async () => {
    const d0 = await facts();
    const add = await post([agency('e')]);
    const later = await post([cooperates('e-who', P + 'e', 'who')], ana);
    expect(later.status).toBe(201);
    const refused = await revert(add.body.changeSet.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(
      `The tie between Revert test agency e and World Health Organization, which ${PEOPLE}ana added in version ${later.body.changeSet.version}`,
    );
    const both = await revert(add.body.changeSet.id, { withLater: true });
    expect(both.status, JSON.stringify(both.body)).toBe(201);
    expect(await facts()).toBe(d0);
  });

  it('undoing a change already undone says there is nothing left to undo', async () => {
    const add = await post([agency('f')]);
    expect((await revert(add.body.changeSet.id)).status).toBe(201);
    const again = await revert(add.body.changeSet.id, { withLater: true });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/nothing left to undo/);
  });
});
