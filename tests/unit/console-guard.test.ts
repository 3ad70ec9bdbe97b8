// The console's keyword guard on its own, without Neo4j: what it refuses, why, and what it
// lets through. Fast, so mutation testing can judge the guard (npm run mutate).
import { describe, expect, it } from 'vitest';
import { checkConsoleQuery, planReachesAccounts, stripLiterals } from '../../server/graph/console-guard.ts';

const refusedFor = (cypher: string) => checkConsoleQuery(cypher).reason;

describe('stripLiterals', () => {
  it('drops line and block comments', () => {
    expect(stripLiterals('MATCH (n) // CREATE\nRETURN n')).toBe('MATCH (n)  \nRETURN n');
    expect(stripLiterals('MATCH /* DELETE */ (n) RETURN n')).toBe('MATCH   (n) RETURN n');
    expect(stripLiterals('RETURN 1 /* never closed DELETE')).toBe('RETURN 1  ');
  });

  it('replaces strings, with escaped quotes inside, by an empty placeholder', () => {
    expect(stripLiterals(`RETURN 'it\\'s CREATE' AS a, "SET" AS b`)).toBe('RETURN  ""  AS a,  ""  AS b');
    expect(stripLiterals(`RETURN 'never closed DELETE`)).toBe('RETURN  "" ');
  });

  it('replaces escaped names by a neutral identifier', () => {
    expect(stripLiterals('MATCH (n:`DELETE`) RETURN n')).toBe('MATCH (n: _name_ ) RETURN n');
    expect(stripLiterals('RETURN `open')).toBe('RETURN  _name_ ');
  });

  it('keeps a lone slash and a star that opens no comment', () => {
    expect(stripLiterals('RETURN 4 / 2')).toBe('RETURN 4 / 2');
    expect(stripLiterals('MATCH (a)-[*]-(b) RETURN 2*3')).toBe('MATCH (a)-[*]-(b) RETURN 2*3');
  });

  it('does not end a block comment on the star that opened it', () => {
    expect(stripLiterals('/*/ DELETE */ RETURN 1')).toBe('  RETURN 1');
  });
});

describe('checkConsoleQuery refuses', () => {
  it.each([
    ['CREATE (n)', 'CREATE writes to the graph or the schema'],
    ['MERGE (n:X)', 'MERGE writes to the graph'],
    ['MATCH (n) DELETE n', 'DELETE removes data'],
    ['MATCH (n) DETACH  n', 'DETACH DELETE removes data'],
    ['MATCH (n) SET n.x = 1', 'SET changes properties or labels'],
    ['MATCH (n) REMOVE n.x', 'REMOVE changes properties or labels'],
    ['DROP INDEX x', 'DROP changes the schema'],
    ['ALTER USER x', 'ALTER is an administration command'],
    ['RENAME USER a TO b', 'RENAME is an administration command'],
    ['GRANT ROLE x TO y', 'privilege commands are not allowed'],
    ['DENY READ ON GRAPH * TO x', 'privilege commands are not allowed'],
    ['REVOKE ROLE x FROM y', 'privilege commands are not allowed'],
    ['START DATABASE x', 'database administration is not allowed'],
    ['STOP  DATABASE x', 'database administration is not allowed'],
    ['SHOW USERS', 'SHOW commands are administration commands'],
    ["TERMINATE TRANSACTIONS 'x'", 'TERMINATE is an administration command'],
    ['ENABLE SERVER x', 'server administration is not allowed'],
    ['DEALLOCATE DATABASES FROM SERVER x', 'server administration is not allowed'],
    ['REALLOCATE DATABASES', 'server administration is not allowed'],
    ["LOAD CSV FROM 'x' AS l RETURN l", 'LOAD CSV reads files and URLs'],
    ['LOAD  CSV FROM $u AS l RETURN l', 'LOAD CSV reads files and URLs'],
    ['UNWIND [1] AS x FOREACH (y IN [x] | MATCH (n) RETURN n)', 'FOREACH exists to write'],
    ['MATCH (n) CALL (n) { RETURN 1 AS one } IN TRANSACTIONS RETURN one', 'CALL { … } IN TRANSACTIONS writes in batches'],
    ['MATCH (n) CALL (n) { RETURN 1 AS one } IN 3 CONCURRENT TRANSACTIONS RETURN one', 'CALL { … } IN TRANSACTIONS writes in batches'],
    ['MATCH (n) CALL (n) { RETURN 1 AS one } IN CONCURRENT TRANSACTIONS RETURN one', 'CALL { … } IN TRANSACTIONS writes in batches'],
    ['MATCH (n) CALL (n) { RETURN 1 AS one } IN  TRANSACTIONS RETURN one', 'CALL { … } IN TRANSACTIONS writes in batches'],
    ['MATCH (n) CALL (n) { RETURN 1 AS one } IN 25  TRANSACTIONS RETURN one', 'CALL { … } IN TRANSACTIONS writes in batches'],
    ['MATCH (n) CALL (n) { RETURN 1 AS one } IN 2 CONCURRENT  TRANSACTIONS RETURN one', 'CALL { … } IN TRANSACTIONS writes in batches'],
    ['USE other MATCH (n) RETURN n', 'USE switches to another database'],
    ['MATCH (n) FINISH', 'FINISH only makes sense after a write'],
    ['USING PERIODIC  COMMIT 10 MATCH (n) RETURN n', 'periodic commit writes'],
    [':begin', 'shell commands are not Cypher'],
    [': commit', 'shell commands are not Cypher'],
    [':rollback', 'shell commands are not Cypher'],
    [':params {a: 1}', 'shell commands are not Cypher'],
    [':param a => 1', 'shell commands are not Cypher'],
    [':source x.cypher', 'shell commands are not Cypher'],
  ])('%s: %s', (cypher, reason) => {
    expect(checkConsoleQuery(cypher)).toEqual({ ok: false, reason });
  });

  it('in any case, and whole words only', () => {
    expect(refusedFor('match (n) detach delete n')).toBe('DELETE removes data');
    expect(checkConsoleQuery('MATCH (n) WHERE n.created IS NOT NULL AND n.settled RETURN n.reset, n.user').ok).toBe(true);
  });

  it('an empty statement, or one that is only a comment', () => {
    expect(checkConsoleQuery('')).toEqual({ ok: false, reason: 'the statement is empty' });
    expect(checkConsoleQuery('   // CREATE (n)')).toEqual({ ok: false, reason: 'the statement is empty' });
  });

  it('several statements at once, but not one with a trailing semicolon', () => {
    expect(checkConsoleQuery('RETURN 1; RETURN 2')).toEqual({ ok: false, reason: 'send one statement at a time' });
    expect(checkConsoleQuery('RETURN 1;RETURN 2')).toEqual({ ok: false, reason: 'send one statement at a time' });
    expect(checkConsoleQuery('RETURN 1;')).toEqual({ ok: true });
    expect(checkConsoleQuery('RETURN 1;  \n')).toEqual({ ok: true });
    expect(checkConsoleQuery("RETURN ';x' AS s")).toEqual({ ok: true });
  });

  it('procedures outside the read-only list, named as written', () => {
    expect(checkConsoleQuery('CALL db.createLabel("X")')).toEqual({
      ok: false,
      reason: "the procedure db.createLabel is not on the console's list of read-only procedures",
    });
    expect(refusedFor('MATCH (n) CALL my.proc() YIELD x RETURN x')).toMatch(/my\.proc is not on the console's list/);
    expect(refusedFor('CALL  db.createLabel("X")')).toBe(
      "the procedure db.createLabel is not on the console's list of read-only procedures",
    );
  });

  it('functions of the database, APOC or GDS outside the list', () => {
    expect(checkConsoleQuery("RETURN apoc.load.json('x')")).toEqual({
      ok: false,
      reason: 'the function apoc.load.json is not allowed in the console',
    });
    expect(refusedFor('RETURN gds.version()')).toBe('the function gds.version is not allowed in the console');
    expect(refusedFor('RETURN dbms.info ()')).toBe('the function dbms.info is not allowed in the console');
    expect(refusedFor('RETURN db.nameFromElementId(1)')).toBe('the function db.nameFromElementId is not allowed in the console');
  });
});

describe('checkConsoleQuery lets through', () => {
  it.each([
    'MATCH (n:Entity) RETURN n LIMIT 5',
    "MATCH (n) WHERE n.name = 'CREATE SET DELETE' RETURN n",
    'MATCH (n:`SET`) RETURN n',
    'MATCH (n) // DELETE later\nRETURN n',
    'CALL db.labels()',
    'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
    'CALL db.propertyKeys()',
    'CALL db.schema.visualization()',
    'CALL db.schema.nodeTypeProperties()',
    'CALL db.schema.relTypeProperties()',
    "CALL db.index.fulltext.queryNodes('entity_names', 'who') YIELD node RETURN node",
    "CALL db.index.fulltext.queryRelationships('x', 'y') YIELD relationship RETURN relationship",
    'MATCH (n) CALL (n) { RETURN count(*) AS c } RETURN n, c',
    "CALL db.labels() YIELD label WITH label CALL db.index.fulltext.queryNodes('entity_names', label) YIELD node RETURN node",
    'RETURN 1 AS used',
    // Neo4j itself refuses a procedure called as a function; the guard has no reason to.
    'RETURN db.labels()',
  ])('%s', (cypher) => {
    expect(checkConsoleQuery(cypher)).toEqual({ ok: true });
  });
});

describe('planReachesAccounts', () => {
  const op = (type: string, details = '') => ({ type, details });
  it.each([
    [[op('AllNodesScan', 'n')], 'AllNodesScan'],
    [[op('PartitionedAllNodesScan', 'n')], 'PartitionedAllNodesScan'],
    [[op('NodeByIdSeek', 'n WHERE id(n) = $autoint_0')], 'NodeByIdSeek'],
    [[op('NodeByElementIdSeek', 'n WHERE elementId(n) = $x')], 'NodeByElementIdSeek'],
    [[op('ProduceResults', 'n'), op('NodeByLabelScan', 'n:User')], 'accounts'],
    [[op('UnionNodeByLabelsScan', 'n:Entity|ApiToken')], 'accounts'],
    [[op('NodeUniqueIndexSeek', 'UNIQUE s:Session(idHash) WHERE idHash = $autostring_0')], 'accounts'],
    [[op('NodeCountFromCountStore', 'count( (:User) ) AS c')], 'accounts'],
    [[op('Filter', 'NOT n:`User`')], 'accounts'],
    [[op('Filter', 'n: Session')], 'accounts'],
  ])('refuses %j', (operators, reason) => {
    expect(planReachesAccounts(operators)).toContain(reason);
  });

  it.each([
    [[op('ProduceResults', 'n'), op('NodeByLabelScan', 'n:Entity')]],
    [[op('NodeByLabelScan', 'n:Source')]],
    [[op('Expand(All)', '(a)-[r]->(b)'), op('NodeByLabelScan', 'a:Entity')]],
    [[op('DirectedAllRelationshipsScan', '(anon_0)-[r]->(anon_1)')]],
    [[op('Filter', "a.name = 'User'"), op('NodeByLabelScan', 'a:UserGroup')]],
    [[]],
  ])('lets %j through', (operators) => {
    expect(planReachesAccounts(operators)).toBeNull();
  });
});
