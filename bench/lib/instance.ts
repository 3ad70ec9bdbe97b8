// The benchmark's own Neo4j instances: ports 7692-7695, stores under .neo4j/bench-*, so the
// developer's database (7687) and the tests' (7688…) are never touched.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureLocalNeo4j, REPO_ROOT, stopLocalNeo4j, type LocalNeo4jHandle } from '../../neo4j-local/launcher.ts';
import { Database } from '../../server/db/database.ts';

export const BENCH_PORTS = [7692, 7693, 7694, 7695] as const;

export interface BenchInstance {
  handle: LocalNeo4jHandle;
  db: Database;
  uri: string;
  stop(): Promise<void>;
}

export interface InstanceOptions {
  /** One of BENCH_PORTS in `npm run bench`; bench/ab.ts takes a port of the caller's. */
  port: number;
  name: string;
  /** Delete the store first: loads are measured into an empty database. */
  fresh: boolean;
  heap?: string;
  pageCache?: string;
  onProgress?: (line: string) => void;
}

export function benchDataDir(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bench: instance name must be kebab-case, got "${name}"`);
  return join(REPO_ROOT, '.neo4j', `bench-${name}`);
}

export async function startInstance(o: InstanceOptions): Promise<BenchInstance> {
  const dataDir = benchDataDir(o.name);
  if (o.fresh) {
    await stopLocalNeo4j({ port: o.port, dataDir });
    rmSync(dataDir, { recursive: true, force: true });
  }
  // The launcher reads heap and page cache from the environment when it spawns the JVM.
  const saved = { heap: process.env.NEO4J_LOCAL_HEAP, pageCache: process.env.NEO4J_LOCAL_PAGECACHE };
  if (o.heap) process.env.NEO4J_LOCAL_HEAP = o.heap;
  if (o.pageCache) process.env.NEO4J_LOCAL_PAGECACHE = o.pageCache;
  let handle: LocalNeo4jHandle;
  try {
    handle = await ensureLocalNeo4j({ port: o.port, dataDir, ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
  } finally {
    restore('NEO4J_LOCAL_HEAP', saved.heap);
    restore('NEO4J_LOCAL_PAGECACHE', saved.pageCache);
  }
  // Long-running loads and exports: generous time limits, the API's defaults elsewhere.
  const db = new Database({ uri: handle.uri, queryTimeoutMs: 120_000, retryMs: 30_000 });
  return {
    handle,
    db,
    uri: handle.uri,
    async stop() {
      await db.close().catch(() => undefined);
      if (handle.startedHere) await handle.stop();
    },
  };
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
