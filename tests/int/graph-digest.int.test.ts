// The digest that "nothing was written" rests on sees every kind of write: an unlabelled
// node, a label added or taken away, a property's type, a relationship, a dropped index or
// constraint. Each change is undone at once, and the digest is back where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../helpers/api.ts';
import { graphDigest, type GraphDigest } from '../helpers/graph-digest.ts';

const db = testDatabase();
let before: GraphDigest;
beforeAll(async () => {
  before = await graphDigest(db);
});
afterAll(async () => {
  expect((await graphDigest(db)).digest).toBe(before.digest);
  await db.close();
});

const changes: Array<[string, string, string]> = [
  [
    'a node with no label',
    'CREATE (:`_DigestProbe` {probe: 1}) WITH 1 AS x MATCH (p:`_DigestProbe`) REMOVE p:`_DigestProbe`',
    'MATCH (n) WHERE size(labels(n)) = 0 AND n.probe = 1 DELETE n',
  ],
  ['a node with no label and no properties', 'CREATE ()', 'MATCH (n) WHERE size(labels(n)) = 0 AND size(keys(n)) = 0 DELETE n'],
  ['a label added', "MATCH (n:Entity {id: 'who'}) SET n:Hacked", "MATCH (n:Entity {id: 'who'}) REMOVE n:Hacked"],
  ['a label removed', "MATCH (n:Entity {id: 'who'}) REMOVE n:Organisation", "MATCH (n:Entity {id: 'who'}) SET n:Organisation"],
  [
    'a date turned into the string that prints alike',
    'MATCH ()-[r]->() WHERE r.validFromDate IS NOT NULL WITH r ORDER BY r.key LIMIT 1 SET r.validFromDate = toString(r.validFromDate), r.digestProbe = true',
    'MATCH ()-[r]->() WHERE r.digestProbe SET r.validFromDate = date(r.validFromDate) REMOVE r.digestProbe',
  ],
  [
    'a relationship between existing nodes',
    "MATCH (a:Entity {id: 'who'}), (b:Entity {id: 'sweden'}) CREATE (a)-[:DIGEST_PROBE]->(b)",
    'MATCH ()-[r:DIGEST_PROBE]->() DELETE r',
  ],
  ['a dropped index', 'DROP INDEX entity_label', 'CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label)'],
  ['a dropped constraint', 'DROP CONSTRAINT entity_id', 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE'],
  ['a new index', 'CREATE INDEX digest_probe FOR (n:Entity) ON (n.digestProbe)', 'DROP INDEX digest_probe'],
];

describe('graph digest', () => {
  it('counts every node, relationship, index and constraint in the store', () => {
    expect(before.nodes).toBeGreaterThan(0);
    expect(before.relationships).toBeGreaterThan(0);
    // The four from cypher/schema.cypher plus the constraint's own index and Neo4j's two token lookups.
    expect(before.indexes).toBeGreaterThanOrEqual(5);
    expect(before.constraints).toBeGreaterThanOrEqual(1);
  });

  it.each(changes)('changes with %s, and comes back when it is undone', async (_name, change, undo) => {
    await db.replayStatement(change);
    let changed: GraphDigest;
    try {
      changed = await graphDigest(db);
    } finally {
      await db.replayStatement(undo);
    }
    expect(changed.digest).not.toBe(before.digest);
    expect((await graphDigest(db)).digest).toBe(before.digest);
  });
});
