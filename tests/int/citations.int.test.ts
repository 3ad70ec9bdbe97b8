// Citations that hold (issue 21, part 2), on the real Neo4j with the real seed documents as the
// server's registered texts: cited lines must be in the text, cited lines that name neither
// end of a tie need a note saying why (seed:audit's rule: names, English names, aliases and
// Swedish inflected forms), and a start after today is a fact only when recorded as planned.
// The same for imports, where the error names the record and field. Nothing is written on a 400.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { testApp, undoTestWrites } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const SEEDS = [process.env.SOURCES_DIR, resolve(REPO_ROOT, '../shared/seeds'), resolve(REPO_ROOT, '../../shared/seeds')].find(
  (d) => d && existsSync(resolve(d, '003_1f946c82219b01d6.txt')),
);
if (!SEEDS) throw new Error('citations.int.test.ts needs the seed documents (SOURCES_DIR or ../shared/seeds)');

const TOKEN = 'test-write-token-citations-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN, SOURCES_DIR: SEEDS });
const P = 'test-cite-';
const CHAPTER = '003_1f946c82219b01d6.txt';
let startVersion = 0;

const tie = (id: string, extra: Record<string, unknown> = {}) => ({
  op: 'addTie',
  tie: {
    id: P + id,
    type: 'COOPERATES_WITH',
    from: 'folkhalsomyndigheten',
    to: 'sida',
    certainty: 'stated',
    validFrom: '2011',
    ...extra,
  },
});
const post = (ops: unknown[], lines = 'L987-L989', extra: Record<string, unknown> = {}) =>
  request(app)
    .post('/api/changes')
    .set('Authorization', `Bearer ${TOKEN}`)
    .send({ reason: 'Testing that citations hold against the registered text', sources: [{ file: CHAPTER, lines, ...extra }], ops });
const everything = async () => (await graphDigest(db)).digest;

const cleanUp = () => undoTestWrites(db, P, startVersion);
beforeAll(async () => {
  startVersion = (await request(app).get('/api/versions/current')).body.version;
  await cleanUp();
});
afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('cited lines must be in the registered text', () => {
  it('line 99999 of the 1,026-line chapter is refused at the citation, in plain words, and nothing is written', async () => {
    const before = await everything();
    const res = await post([tie('far')], 'L99999');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({
      path: 'body.sources[0].lines',
      message: 'the document has 1,026 lines, so line 99,999 is not in it',
      problem: { code: 'beyond-end', lines: 1026, line: 99999 },
    });
    expect(await everything()).toBe(before);
  });

  it('a range that runs past the end, given on the fact itself, is refused at that source', async () => {
    const res = await post([tie('own', { sources: [`${CHAPTER}#L1020-L1030`], evidence: 'Its own citation runs past the end.' })]);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({
      path: 'body.ops[0].tie.sources[0]',
      message: 'the document has 1,026 lines, so line 1,030 is not in it',
      problem: { code: 'beyond-end', lines: 1026, line: 1030 },
    });
  });
});

describe('cited lines that name neither end need a note', () => {
  it('lines naming an end in an inflected form ("Sidas") need none', async () => {
    const res = await post([tie('named')], 'L987-L987');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('lines naming neither end are refused at the note; a note on the fact or on the citation lets them through', async () => {
    const before = await everything();
    const refused = await post([tie('unnamed', { validFrom: '2012' })], 'L1-L3');
    expect(refused.status).toBe(400);
    const detail = refused.body.error.details.find((d: { path: string }) => d.path === 'body.ops[0].tie.citationNote');
    expect(detail.message).toMatch(/^the cited lines name neither Folkhälsomyndigheten nor Sida/);
    expect(await everything()).toBe(before);

    const noted = await post(
      [tie('unnamed', { validFrom: '2012', citationNote: 'The heading says what the whole chapter is about.' })],
      'L1-L3',
    );
    expect(noted.status, JSON.stringify(noted.body)).toBe(201);
    const onCitation = await post([tie('unnamed-2', { validFrom: '2013' })], 'L1-L3', {
      note: 'The heading introduces the cooperation the chapter describes.',
    });
    expect(onCitation.status, JSON.stringify(onCitation.body)).toBe(201);
  });
});

describe('a date after today', () => {
  it('is refused as a fact, at the field, in plain words', async () => {
    const res = await post([tie('future', { validFrom: '2030' })]);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({
      path: 'body.ops[0].tie.validFrom',
      message: '2030 is after today, so it cannot be recorded as a fact; if the change is planned, record it as planned',
      problem: { code: 'future-start', date: '2030' },
    });
  });

  it('is recorded when the change is marked planned, and the fact says so', async () => {
    const res = await post([tie('planned', { validFrom: '2030', planned: true })]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const history = await request(app).get(`/api/history/${P}planned`);
    expect(history.body.entries[0].after.properties).toMatchObject({ planned: true, validFrom: '2030' });
  });

  it('a correction that moves the start past today is refused at the set field', async () => {
    const added = await post([tie('moved', { validFrom: '2014' })]);
    expect(added.status).toBe(201);
    const res = await post([{ op: 'updateTie', id: P + 'moved', rev: added.body.changeSet.version, set: { validFrom: '2030-05' } }]);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.ops[0].set.validFrom' });
  });
});

describe('imports are checked the same way', () => {
  const record = (extra: Record<string, unknown>) => ({
    id: `${P}imported`,
    type: 'COOPERATES_WITH',
    from: 'folkhalsomyndigheten',
    to: 'sida',
    validFrom: '2010',
    sources: [`${CHAPTER}#L987-L987`],
    evidence: 'A tie imported while testing citations.',
    certainty: 'stated',
    ...extra,
  });
  const imp = (records: unknown[]) =>
    request(app).post('/api/import').set('Authorization', `Bearer ${TOKEN}`).send({ relationships: records });

  it('names the record and field of a citation past the end, a start after today and lines naming neither end', async () => {
    const before = await everything();
    const res = await imp([
      record({ sources: [`${CHAPTER}#L99999`] }),
      record({ id: `${P}imported-2`, validFrom: '2030' }),
      record({ id: `${P}imported-3`, validFrom: '2009', sources: [`${CHAPTER}#L1-L3`] }),
    ]);
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(['relationships[0].sources[0]', 'relationships[1].validFrom', 'relationships[2].citationNote']);
    expect(res.body.error.details[0].message).toBe('the document has 1,026 lines, so line 99,999 is not in it');
    expect(await everything()).toBe(before);
  });
});
