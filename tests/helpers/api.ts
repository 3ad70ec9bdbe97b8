// The app wired to the tests' Neo4j, for supertest. One Database per test file.
import { inject } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import type { ConsoleLayers } from '../../server/graph/console-guard.ts';
import { TEST_QUERY_TIMEOUT_MS } from './time-limit.ts';

export function testDatabase(): Database {
  return new Database({
    uri: inject('neo4jUri'),
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    queryTimeoutMs: TEST_QUERY_TIMEOUT_MS,
  });
}

export function testApp(overrides: Record<string, string> = {}, consoleLayers: Partial<ConsoleLayers> = {}) {
  const config: Config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', ...overrides });
  const db = testDatabase();
  const app = createApp({ db, config, log: pino({ level: 'silent' }), version: 'test', consoleLayers });
  return { app, db, config };
}

/** The change-set op that adds an agency invented for a test file (`what`: the tests it is for). */
export function addInventedAgency(id: string, name: string, what: string) {
  return {
    op: 'addNode',
    node: { id, label: 'Agency', name, certainty: 'inferred', outsideKnowledge: `outside knowledge: invented for the ${what}` },
  };
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
  await rewindLayer(db, since);
}

const OPEN = '9223372036854775807';

/**
 * Puts the recorded-states layer back as it was at `since`, after a test set the counter back by
 * hand: copies made later go, copies closed later are open again, and the layer answers up to
 * `since`. Otherwise the next change set, taking a version number again, would meet the copies
 * of a change set that no longer exists, and the whole-store digests would see them.
 */
export async function rewindLayer(db: Database, since: number): Promise<void> {
  await db.replayStatement(`MATCH (s:RecState) WHERE s.recFrom > ${since} DELETE s`);
  await db.replayStatement(`MATCH (:Rec)-[r]->(:Rec) WHERE r.recFrom > ${since} DELETE r`);
  await db.replayStatement(`MATCH (s:RecState) WHERE s.recTo > ${since} AND s.recTo < ${OPEN} SET s.recTo = ${OPEN}`);
  await db.replayStatement(`MATCH (:Rec)-[r]->(:Rec) WHERE r.recTo > ${since} AND r.recTo < ${OPEN} SET r.recTo = ${OPEN}`);
  // An identity whose every state went (a node first recorded after `since`) goes too.
  await db.replayStatement(`MATCH (c:Rec) WHERE NOT EXISTS { MATCH (s:RecState {id: c.id}) } DETACH DELETE c`);
  await db.replayStatement(
    `MATCH (g:GraphVersion {id: 'graph'}) WHERE g.layerFrom <= ${since} AND g.layerAt > ${since} SET g.layerAt = ${since}`,
  );
}
