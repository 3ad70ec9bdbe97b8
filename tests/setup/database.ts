// Global setup for tests that need Neo4j: NEO4J_URI when given, else a local Neo4j of the
// tests' own (its own port and store, so a developer's data is never touched). The schema is
// applied and the seed loaded (idempotent), then the URI is handed to the test files.
//
// Each tier that needs Neo4j (int, e2e) gets a server of its own, so the two tiers run side by
// side and the int tests' "nothing was written" digests never see the browser stories' writes.
// TEST_NEO4J_PORT (int) and TEST_E2E_NEO4J_PORT (e2e) pin a tier's port (store
// .neo4j/test-<port>, kept between runs). Unset, the system hands out a free port and the store
// is a fresh .neo4j/test-auto-<port>, removed at the end: two `npm test` runs on one machine
// then never share a server or a store.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureLocalNeo4j, REPO_ROOT, type LocalNeo4jHandle } from '../../neo4j-local/launcher.ts';
import { loadConfig } from '../../server/config.ts';
import { databaseFor, loadSeed } from '../../server/bootstrap.ts';
import { startNeo4jOnFreePort } from '../helpers/free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jLocal: boolean;
    neo4jDataDir: string;
    appUrl: string;
    /** A throw-away Neo4j for the int tests that need an empty one (tests/helpers/scratch-neo4j.ts). */
    scratchNeo4jUri: string;
  }
}

const STORES = join(REPO_ROOT, '.neo4j');
const AUTO_PREFIX = 'test-auto-';

export default async function setup(project: TestProject) {
  const config = loadConfig();
  let uri = config.NEO4J_URI;
  let stop: (() => Promise<unknown>) | null = null;
  let dataDir = '';
  const onProgress = (l: string) => process.stderr.write(`[neo4j] ${l}\n`);
  // Started beside the shared one rather than by each file that needs an empty Neo4j: one
  // Java start instead of four, and it overlaps the shared one's.
  const scratch =
    project.name === 'int' && !process.env.SCRATCH_NEO4J_URI
      ? startNeo4jOnFreePort({ dataDir: (port) => join(STORES, `${AUTO_PREFIX}${port}`), onProgress })
      : null;
  if (!uri) {
    let local: LocalNeo4jHandle;
    const pinned = process.env[project.name === 'e2e' ? 'TEST_E2E_NEO4J_PORT' : 'TEST_NEO4J_PORT'];
    const auto = !pinned;
    if (pinned) {
      const port = Number(pinned);
      local = await ensureLocalNeo4j({ port, dataDir: join(STORES, `test-${port}`), onProgress });
    } else {
      sweepAbandonedStores();
      local = await startNeo4jOnFreePort({ dataDir: (port) => join(STORES, `${AUTO_PREFIX}${port}`), onProgress });
      process.stderr.write(`[neo4j] ${project.name} tests' Neo4j on a free port: ${local.uri} (store ${local.dataDir})\n`);
    }
    uri = local.uri;
    dataDir = local.dataDir;
    if (local.startedHere && !process.env.KEEP_NEO4J) {
      stop = async () => {
        await local.stop();
        if (auto) rmSync(local.dataDir, { recursive: true, force: true });
      };
    }
  }
  // A newly started Java answers its first queries slowly on a busy machine: the seed load here
  // gets minutes, not the API's per-query limit (as npm start's preparation does).
  const db = databaseFor(config, uri).withQueryTimeout(Math.max(config.QUERY_TIMEOUT_MS, 180_000));
  let scratchLocal: LocalNeo4jHandle | null = null;
  const teardown = async () => {
    if (stop) await stop();
    if (scratchLocal && !process.env.KEEP_NEO4J) {
      await scratchLocal.stop();
      rmSync(scratchLocal.dataDir, { recursive: true, force: true });
    }
  };
  try {
    await db.applySchema();
    await loadSeed(db);
    scratchLocal = await scratch;
  } catch (err) {
    // vitest runs no teardown for a set-up that threw: stop the Javas started here, or they
    // outlive the run.
    scratchLocal = (await scratch?.catch(() => null)) ?? null;
    await teardown().catch(() => undefined);
    throw err;
  } finally {
    await db.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jLocal', !config.NEO4J_URI);
  project.provide('neo4jDataDir', dataDir);
  project.provide('scratchNeo4jUri', scratchLocal?.uri ?? process.env.SCRATCH_NEO4J_URI ?? '');
  return teardown;
}

/** Stores of free-port runs that were killed before their teardown: no live server, an hour old. */
function sweepAbandonedStores(): void {
  if (!existsSync(STORES)) return;
  for (const name of readdirSync(STORES)) {
    if (!name.startsWith(AUTO_PREFIX)) continue;
    const dir = join(STORES, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < 3_600_000) continue;
      const pidFile = join(dir, 'neo4j.pid');
      if (existsSync(pidFile)) {
        const { pid } = JSON.parse(readFileSync(pidFile, 'utf8')) as { pid: number };
        if (existsSync(`/proc/${pid}`)) continue;
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run may be removing it at the same moment.
    }
  }
}
