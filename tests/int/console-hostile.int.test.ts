// Hostile statements sent to the read-only console: every one is refused (400) or cut by the
// time limit or the row cap, and the graph's digest is identical before and after.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
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

/** Statements that must be refused before or by Neo4j. */
const refused = [
  // Every write clause.
  "CREATE (n:Entity {id: 'hostile-1'})",
  "MATCH (n:Entity {id: 'who'}) CREATE (n)-[:MEMBER_OF]->(n)",
  "MERGE (n:Entity {id: 'hostile-2'}) RETURN n",
  "MATCH (n:Entity {id: 'who'}) SET n.name = 'pwned'",
  "MATCH (n:Entity {id: 'who'}) SET n += {name: 'pwned'}",
  'MATCH (n:Entity {id: "who"}) SET n:Hacked',
  "MATCH (n:Entity {id: 'who'}) REMOVE n.name",
  "MATCH (n:Entity {id: 'who'}) REMOVE n:Organisation",
  'MATCH (n) DELETE n',
  'MATCH (n) DETACH DELETE n',
  'MATCH ()-[r]->() DELETE r',
  "UNWIND range(1, 10) AS i FOREACH (x IN [i] | CREATE (:Entity {id: 'f' + x}))",
  'MATCH (n) WITH n LIMIT 1 CALL { WITH n DETACH DELETE n } IN TRANSACTIONS',
  'MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS',
  'MATCH (n) CALL (n) { DELETE n } IN 2 CONCURRENT TRANSACTIONS',
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
  // Schema.
  'CREATE INDEX hostile IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'DROP INDEX entity_label',
  'DROP CONSTRAINT entity_id',
  'CREATE CONSTRAINT hostile FOR (n:Entity) REQUIRE n.name IS UNIQUE',
  // Administration.
  'SHOW USERS',
  'SHOW DATABASES',
  'SHOW TRANSACTIONS',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  "CREATE USER mallory SET PASSWORD 'secret123'",
  "ALTER USER neo4j SET PASSWORD 'changed123'",
  'GRANT ALL ON DATABASE * TO PUBLIC',
  'STOP DATABASE neo4j',
  'CREATE DATABASE other',
  // Procedures that write or reach outside.
  'CALL dbms.security.listUsers()',
  "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
  'CALL db.clearQueryCaches()',
  "CALL db.createLabel('Hacked')",
  'CALL apoc.periodic.iterate("MATCH (n) RETURN n", "DETACH DELETE n", {})',
  "RETURN apoc.load.json('file:///etc/passwd')",
  'CALL db.index.fulltext.drop("entity_names")',
  "CALL dbms.killQueries(['query-1'])",
  // Another database, several statements, disguises.
  'USE system SHOW USERS',
  'USE neo4j MATCH (n) RETURN n',
  'MATCH (n) RETURN n; MATCH (n) DETACH DELETE n',
  'MATCH (n) RETURN n /* harmless */ ; CREATE (x)',
  'match (n:Entity) detach delete n',
  "MATCH (n) WHERE n.id = 'x' CALL db.createProperty('y') RETURN n",
  ':begin',
];

/** Runaway reads: they must stop at the time limit or the row cap, never hang or flood. */
const runaway = [
  'MATCH (a), (b), (c), (d) WHERE a.name < b.name AND c.name < d.name RETURN count(*)',
  'MATCH p = (a)-[*]-(b) RETURN count(p)',
  'UNWIND range(1, 100000000) AS x RETURN x',
  'MATCH (a), (b) RETURN a.id, b.id',
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
