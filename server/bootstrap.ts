// Getting from configuration to a ready database: start the embedded Neo4j when no URI is
// configured, apply the schema, load the seed graph into an empty database. Shared by the
// server, the command-line tools and the tests so they all prepare the database the same way.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { Database } from './db/database.ts';
import { ensureLocalNeo4j, REPO_ROOT, type LocalNeo4jHandle } from '../neo4j-local/launcher.ts';
import { loadRecords, loadSources } from '../seed/load.ts';
import { AUTOMATION } from './curation/actor.ts';
import { ensureLayer } from './curation/layer.ts';
import { writtenDates } from '../seed/rows.ts';
import { validateSeed } from '../seed/validate.ts';

export const SEED_DIR = join(REPO_ROOT, 'seed', 'data');

export interface Connection {
  db: Database;
  /** The embedded Neo4j, when this process had to start it. */
  local: LocalNeo4jHandle | null;
  uri: string;
  /** Closes the driver and stops the local Neo4j if this process started it (a command-line run leaves things as it found them). */
  close(): Promise<void>;
}

/** The Database at `uri` with the configured credentials, database name and query time limit. */
export function databaseFor(config: Config, uri: string): Database {
  return new Database({
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    queryTimeoutMs: config.QUERY_TIMEOUT_MS,
  });
}

export async function connect(config: Config, onProgress?: (line: string) => void): Promise<Connection> {
  let uri = config.NEO4J_URI;
  let local: LocalNeo4jHandle | null = null;
  if (!uri) {
    local = await ensureLocalNeo4j({ port: config.NEO4J_LOCAL_PORT, ...(onProgress ? { onProgress } : {}) });
    uri = local.uri;
  }
  const db = databaseFor(config, uri);
  const close = async () => {
    await db.close();
    if (local?.startedHere) await local.stop().catch(() => undefined);
  };
  return { db, local, uri, close };
}

export interface SeedOutcome {
  loaded: boolean;
  nodes: number;
  relationships: number;
}

/** Loads the seed graph; refuses (and writes nothing) when the seed files have problems. */
export async function loadSeed(db: Database, onProgress?: (done: number, total: number, phase: string) => void): Promise<SeedOutcome> {
  const seed = await validateSeed(SEED_DIR);
  if (seed.problems.length) {
    const first = seed.problems.slice(0, 5).map((p) => `${p.file}:${p.line}: ${p.message}`);
    throw new Error(`The seed data has ${seed.problems.length} problem(s); run npm run seed:check.\n${first.join('\n')}`);
  }
  await loadSources(db, seed.sources);
  // Only a first load is a change set: loading the seed again over it changes nothing.
  const [row] = await db.read('seed/count-entities');
  const first = Number(row?.nodes ?? 0) === 0;
  const report = await loadRecords(db, seed.nodes, seed.relationships, {
    written: writtenDates(seed.sources),
    history: first
      ? {
          kind: 'seed',
          reason: 'The seed graph (seed/data), loaded into an empty database',
          author: AUTOMATION,
          sources: seed.sources.map((s) => ({ file: s.file })),
        }
      : undefined,
    ...(onProgress ? { onProgress: (p) => onProgress(p.done, p.total, p.phase) } : {}),
  });
  // A store made before the recorded-states layer gets it here, once (docs/curation.md §3).
  await ensureLayer(db);
  return { loaded: true, nodes: report.nodes, relationships: report.relationships };
}

/** Schema always; the seed only into an empty database, so user data is never overwritten. */
export async function prepareDatabase(
  db: Database,
  options: { seed: boolean; onProgress?: (done: number, total: number, phase: string) => void },
): Promise<SeedOutcome> {
  await db.applySchema();
  const [row] = options.seed ? await db.read('seed/count-entities') : [];
  if (!options.seed || Number(row?.nodes ?? 0) > 0) {
    // A store made before the recorded-states layer gets it here, once (docs/curation.md §3).
    await ensureLayer(db);
    return { loaded: false, nodes: options.seed ? Number(row?.nodes) : 0, relationships: 0 };
  }
  return loadSeed(db, options.onProgress);
}
