// Each layer of the read-only console on its own, on the real Neo4j. With the keyword guard
// switched off, Neo4j's plan (EXPLAIN) must refuse every write, schema change and
// administration command; with the plan check off as well, the READ transaction must. The
// whole store is the same afterwards (digest with schema). Deleting the EXPLAIN check, or
// running the console in a write transaction, fails this file.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsoleQuery, type GuardVerdict } from '../../server/graph/console-guard.ts';
import { testApp } from '../helpers/api.ts';
import { ACCOUNT_READS, ADMIN, KEYWORD_GUARD_ONLY, PLAN_CHECK_ONLY, SCHEMA, WRITES } from '../helpers/console-corpus.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const pass = (): GuardVerdict => ({ ok: true });
const planLayer = testApp({ QUERY_TIMEOUT_MS: '5000' }, { keywordGuard: pass });
const readTxLayer = testApp({ QUERY_TIMEOUT_MS: '5000' }, { keywordGuard: pass, planCheck: async () => pass() });

const kinds = (list: string[], kind: string) => list.map((q) => [kind, q] as const);
/** What the plan says about a statement Neo4j can plan. */
const PLANNED_AS_WRITE = /^query type "(w|rw|s)" is not read-only$/;
/** Statements Neo4j will not plan at all here (Community has no such command or procedure). */
const UNPLANNABLE = /Unsupported administration command|There is no procedure with the name/;

let before: string;
beforeAll(async () => {
  before = (await graphDigest(planLayer.db)).digest;
});
afterAll(async () => {
  expect((await graphDigest(planLayer.db)).digest).toBe(before);
  await Promise.all([planLayer.db.close(), readTxLayer.db.close()]);
});

describe('with the keyword guard off, Neo4j’s plan refuses', () => {
  it.each([...kinds(WRITES, 'write'), ...kinds(SCHEMA, 'schema')])('%s: %s', async (_kind, cypher) => {
    const res = await request(planLayer.app).post('/api/query').send({ cypher });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
    expect(res.body.error.details).toEqual([{ path: 'body.cypher', message: expect.stringMatching(PLANNED_AS_WRITE) }]);
    expect(res.body.error.message).toBe('The console only reads the graph, and the database does not run this statement as a read.');
  });

  it.each([...kinds(ADMIN, 'admin'), ...kinds(PLAN_CHECK_ONLY, 'admin')])('%s: %s', async (_kind, cypher) => {
    const res = await request(planLayer.app).post('/api/query').send({ cypher });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
    expect(res.body.error.details[0].message).toMatch(new RegExp(`${PLANNED_AS_WRITE.source}|${UNPLANNABLE.source}`));
  });
});

describe('with the keyword guard off, the plan check alone keeps accounts out of sight', () => {
  it.each(ACCOUNT_READS)('%s', async (cypher) => {
    expect(checkConsoleQuery(cypher).ok).toBe(true);
    const res = await request(planLayer.app).post('/api/query').send({ cypher });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
    expect(res.body.error.details[0].message).toMatch(/accounts/);
  });

  it('still runs reads that start from labelled nodes', async () => {
    for (const cypher of [
      'MATCH (n:Entity) RETURN n.id LIMIT 3',
      'MATCH (s:Source) RETURN count(s) AS c',
      'MATCH ()-[r]->() RETURN type(r) LIMIT 1',
    ]) {
      expect((await request(planLayer.app).post('/api/query').send({ cypher })).status, cypher).toBe(200);
    }
  });
});

describe('with the keyword guard off, Neo4j’s plan lets reads through', () => {
  // A plan check that refused everything would pass every test above; reads must still run.
  it.each([
    'MATCH (n:Entity {id: $id}) RETURN n.name AS name',
    'MATCH (a:Entity {id: $id})-[r]-(b) RETURN a, r, b LIMIT 3',
    'CALL db.labels() YIELD label RETURN label',
    'RETURN 1 AS one',
  ])('%s', async (cypher) => {
    const res = await request(planLayer.app)
      .post('/api/query')
      .send({ cypher, params: { id: 'socialstyrelsen' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows.length).toBeGreaterThan(0);
  });
});

describe('with the keyword guard and the plan check off, the READ transaction refuses', () => {
  it.each([...kinds(WRITES, 'write'), ...kinds(SCHEMA, 'schema')])('%s: %s', async (_kind, cypher) => {
    const res = await request(readTxLayer.app).post('/api/query').send({ cypher });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'QUERY_REJECTED',
      message: expect.stringMatching(/^The console only reads the graph, and this statement would change it/),
    });
    expect(res.body.error.details).toEqual([{ path: 'cypher', message: 'the statement tries to write' }]);
  });

  it.each(kinds(ADMIN, 'admin'))('%s: %s', async (_kind, cypher) => {
    const res = await request(readTxLayer.app).post('/api/query').send({ cypher });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
  });
});

describe('statements only the earlier layers stop', () => {
  it.each(PLAN_CHECK_ONLY)('the plan check (and the keyword guard) stop %s', (cypher) => {
    expect(checkConsoleQuery(cypher).ok).toBe(false);
  });
  it.each(KEYWORD_GUARD_ONLY)('the keyword guard stops %s', (cypher) => {
    expect(checkConsoleQuery(cypher)).toMatchObject({ ok: false, reason: expect.any(String) });
  });
});
