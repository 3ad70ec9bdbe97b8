// Hostile statements sent to the read-only console: every one is refused (400) or cut by the
// time limit or the row cap, and the graph's digest is identical before and after.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
import { ACCOUNT_READS, ADMIN, KEYWORD_GUARD_ONLY, OTHER, PLAN_CHECK_ONLY, SCHEMA, WRITES } from '../helpers/console-corpus.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const { app, db } = testApp({ QUERY_TIMEOUT_MS: '1500', CONSOLE_ROW_LIMIT: '500' });
let before: Awaited<ReturnType<typeof graphDigest>>;
const outcomes: Record<string, number> = {};

beforeAll(async () => {
  before = await graphDigest(db);
});
afterAll(async () => {
  const after = await graphDigest(db);
  expect(after.digest).toBe(before.digest);
  console.log(
    `hostile console corpus: ${JSON.stringify(outcomes)}; graph digest unchanged (${after.nodes} nodes, ${after.relationships} relationships)`,
  );
  await db.close();
});

/** Statements that must be refused before or by Neo4j, every layer in place. */
const refused = [...WRITES, ...SCHEMA, ...ADMIN, ...PLAN_CHECK_ONLY, ...KEYWORD_GUARD_ONLY, ...OTHER, ...ACCOUNT_READS];

/** Runaway reads: they must stop at the time limit or the row cap, never hang or flood. */
const runaway = [
  'MATCH (a:Entity), (b:Entity), (c:Entity), (d:Entity) WHERE a.name < b.name AND c.name < d.name RETURN count(*)',
  'MATCH p = (a:Entity)-[*]-(b) RETURN count(p)',
  'UNWIND range(1, 100000000) AS x RETURN x',
  'MATCH (a:Entity), (b:Entity) RETURN a.id, b.id',
  'UNWIND range(1, 10000000) AS x WITH x ORDER BY x DESC RETURN x',
];

describe('hostile console statements', () => {
  it('has a corpus of at least 40 statements that must be refused or cut', () => {
    expect(refused.length + runaway.length).toBeGreaterThanOrEqual(40);
  });

  it.each(refused.map((q) => [q]))('refuses %s', async (cypher) => {
    const res = await request(app).post('/api/query').send({ cypher });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
    expect(JSON.stringify(res.body)).not.toMatch(/Neo\.ClientError|at .*\.(ts|js):\d+/);
    outcomes.refused = (outcomes.refused ?? 0) + 1;
  });

  it.each(runaway.map((q) => [q]))('cuts %s', async (cypher) => {
    // A hang shows up as this request's timeout error, not as a measured duration.
    const res = await request(app).post('/api/query').send({ cypher }).timeout(30_000);
    if (res.status === 200) {
      expect(res.body.truncated).toBe(true);
      expect(res.body.rows.length).toBeLessThanOrEqual(500);
      outcomes.capped = (outcomes.capped ?? 0) + 1;
    } else if (res.status === 408) {
      expect(res.body.error.code).toBe('QUERY_TIMEOUT');
      outcomes.timedOut = (outcomes.timedOut ?? 0) + 1;
    } else {
      // Neo4j's per-transaction memory guard can stop a huge sort before the clock does.
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('QUERY_TOO_LARGE');
      outcomes.memoryCut = (outcomes.memoryCut ?? 0) + 1;
    }
  });
});
