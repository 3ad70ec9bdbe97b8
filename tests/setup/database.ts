// Global setup for tests that need Neo4j: NEO4J_URI when given, else a local Neo4j of the
// tests' own (its own port and store, so a developer's data is never touched). The schema is
// applied and the seed loaded (idempotent), then the URI is handed to the test files.
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureLocalNeo4j, REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { loadSeed } from '../../server/bootstrap.ts';

export const TEST_NEO4J_PORT = Number(process.env.TEST_NEO4J_PORT ?? 7688);

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jLocal: boolean;
    neo4jDataDir: string;
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const config = loadConfig();
  let uri = config.NEO4J_URI;
  let stop: (() => Promise<unknown>) | null = null;
  const dataDir = join(REPO_ROOT, '.neo4j', TEST_NEO4J_PORT === 7688 ? 'test' : `test-${TEST_NEO4J_PORT}`);
  if (!uri) {
    const local = await ensureLocalNeo4j({ port: TEST_NEO4J_PORT, dataDir, onProgress: (l) => process.stderr.write(`[neo4j] ${l}\n`) });
    uri = local.uri;
    if (local.startedHere && !process.env.KEEP_NEO4J) stop = local.stop;
  }
  const db = new Database({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE });
  await db.applySchema();
  await loadSeed(db);
  await db.close();
  project.provide('neo4jUri', uri);
  project.provide('neo4jLocal', !config.NEO4J_URI);
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    if (stop) await stop();
  };
}
