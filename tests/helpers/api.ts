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
