// The app wired to the tests' Neo4j, for supertest. One Database per test file.
import { inject } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import type { ConsoleLayers } from '../../server/graph/console-guard.ts';

export function testDatabase(): Database {
  return new Database({ uri: inject('neo4jUri'), user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
}

export function testApp(overrides: Record<string, string> = {}, consoleLayers: Partial<ConsoleLayers> = {}) {
  const config: Config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', ...overrides });
  const db = testDatabase();
  const app = createApp({ db, config, log: pino({ level: 'silent' }), version: 'test', consoleLayers });
  return { app, db, config };
}

/**
 * Takes back what a test file wrote on the shared Neo4j: its elements, relationships and saved
 * views (ids and names starting with `prefix`), the change sets after `since`, and the version
 * counter. Set-up and teardown of the files that edit through the API.
 */
export async function undoTestWrites(db: Database, prefix: string, since: number): Promise<void> {
  await db.replayStatement(`MATCH (n) WHERE (n:Entity OR n:Retired OR n:RetiredTie) AND n.id STARTS WITH '${prefix}' DETACH DELETE n`);
  await db.replayStatement(`MATCH ()-[r]->() WHERE r.id STARTS WITH '${prefix}' DELETE r`);
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${since} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (v:View) WHERE v.name STARTS WITH '${prefix}' DETACH DELETE v`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${since}`);
}
