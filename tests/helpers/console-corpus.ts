// Hostile statements for the read-only console, by what they would do. The end-to-end test
// sends all of them through every layer; the layer tests send the writes, schema changes and
// administration commands through one layer at a time.

/** Statements that write data or labels. */
export const WRITES = [
  "CREATE (n:Entity {id: 'hostile-1'})",
  'CREATE ()',
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
  'match (n:Entity) detach delete n',
  "MATCH (n:Entity {id: 'who'}) CALL (n) { SET n.name = 'pwned' } RETURN n",
];

/** Statements that change the schema. */
export const SCHEMA = [
  'CREATE INDEX hostile IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'DROP INDEX entity_label',
  'DROP CONSTRAINT entity_id',
  'CREATE CONSTRAINT hostile FOR (n:Entity) REQUIRE n.name IS UNIQUE',
  'CREATE FULLTEXT INDEX hostile_ft FOR (n:Entity) ON EACH [n.name]',
];

/** Administration commands and procedures that change the server. */
export const ADMIN = [
  "CREATE USER mallory SET PASSWORD 'secret123'",
  "ALTER USER neo4j SET PASSWORD 'changed123'",
  'GRANT ALL ON DATABASE * TO PUBLIC',
  'STOP DATABASE neo4j',
  'CREATE DATABASE other',
  "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
  "CALL db.createLabel('Hacked')",
  'CALL db.index.fulltext.drop("entity_names")',
  "CALL dbms.killQueries(['query-1'])",
];

/**
 * Neo4j plans this as a schema command ('s'), so the plan check refuses it, but a READ
 * transaction runs it (it changes no data): the keyword guard and the plan check stop it.
 */
export const PLAN_CHECK_ONLY = ['CALL db.clearQueryCaches()'];

/**
 * Neo4j plans this as a read ('r') and runs it in a READ transaction: only the keyword guard
 * stops a reader from ending other people's transactions.
 */
export const KEYWORD_GUARD_ONLY = ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'"];

/** Reads the console refuses all the same: files, other databases, listings, several statements. */
export const OTHER = [
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
  'SHOW USERS',
  'SHOW DATABASES',
  'SHOW TRANSACTIONS',
  'CALL dbms.security.listUsers()',
  'CALL apoc.periodic.iterate("MATCH (n) RETURN n", "DETACH DELETE n", {})',
  "RETURN apoc.load.json('file:///etc/passwd')",
  'USE system SHOW USERS',
  'USE neo4j MATCH (n) RETURN n',
  'MATCH (n) RETURN n; MATCH (n) DETACH DELETE n',
  'MATCH (n) RETURN n /* harmless */ ; CREATE (x)',
  "MATCH (n) WHERE n.id = 'x' CALL db.createProperty('y') RETURN n",
  ':begin',
];

/**
 * Reads of accounts, API tokens and sessions (password and secret hashes): only the plan check
 * stops them, since they write nothing and name no forbidden word. Accounts have no
 * relationships, so these are all the ways to reach them.
 */
export const ACCOUNT_READS = [
  'MATCH (u:User) RETURN u.passwordHash',
  'MATCH (t:ApiToken) RETURN t',
  "MATCH (s:Session {idHash: 'x'}) RETURN s",
  'MATCH (n:Entity|User) RETURN properties(n)',
  'MATCH (n) RETURN properties(n) LIMIT 5',
  'MATCH (n:!Entity) RETURN n',
  "MATCH (n:$('Us' + 'er')) RETURN n",
  'MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN n',
  'MATCH (n) WHERE id(n) = 0 RETURN n',
  "MATCH (n) WHERE elementId(n) = '4:x:0' RETURN n",
  'MATCH (e:Entity) RETURN COLLECT { MATCH (u:User) RETURN u.name } AS names LIMIT 1',
];
