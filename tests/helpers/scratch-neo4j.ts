// A throw-away Neo4j for the int tests that need an empty database of their own (a replay, a
// restore, a round trip, a bulk load into nothing). The int tier's global setup starts it once,
// beside the shared one; each file that takes it gets it emptied, schema and all. Files of the
// int tier run one at a time, so two never hold it at once. SCRATCH_NEO4J_URI names another one
// (npm run mutate:int passes its own).
import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { Database } from '../../server/db/database.ts';

/** The scratch Neo4j's URI, emptied of every node, relationship, index and constraint. */
export async function emptyScratchNeo4j(): Promise<string> {
  const uri = process.env.SCRATCH_NEO4J_URI ?? inject('scratchNeo4jUri');
  const password = process.env.NEO4J_PASSWORD;
  const driver = neo4j.driver(uri, password ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', password) : undefined);
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    // Names come from the server's own schema listing, never from a request.
    const quote = (name: string) => '`' + name.replaceAll('`', '``') + '`';
    for (const r of (await session.run('SHOW CONSTRAINTS YIELD name')).records)
      await session.run(`DROP CONSTRAINT ${quote(String(r.get('name')))} IF EXISTS`);
    for (const r of (await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")).records)
      await session.run(`DROP INDEX ${quote(String(r.get('name')))} IF EXISTS`);
  } finally {
    await session.close();
    await driver.close();
  }
  return uri;
}

/** The scratch Neo4j, emptied, as the project's Database. */
export async function emptyScratchDatabase(options: { queryTimeoutMs?: number } = {}): Promise<Database> {
  return new Database({ uri: await emptyScratchNeo4j(), ...options });
}
