/**
 * Integration test of neo4j-local/launcher.ts against a real embedded Neo4j.
 * Uses a free port and a temp data dir, so it never touches a developer's Neo4j.
 * Slow: first run may download Neo4j with Maven; each start takes ~5-10 s on 2 cores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalNeo4j, localNeo4jStatus, stopLocalNeo4j } from '../../neo4j-local/launcher.ts';
import type { LocalNeo4jHandle } from '../../neo4j-local/launcher.ts';
import { freePort } from '../helpers/free-port.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // An exited but unreaped child still answers signal 0; /proc shows it as a zombie.
    return !fs.existsSync(`/proc/${pid}/stat`) || !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntil(cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function query<T>(uri: string, cypher: string, pick: (rec: { get(key: string): unknown }) => T): Promise<T[]> {
  const driver = neo4j.driver(uri);
  try {
    const res = await driver.executeQuery(cypher);
    return res.records.map(pick);
  } finally {
    await driver.close();
  }
}

// Generous: a cold first run downloads Neo4j with Maven, and starts on 2 busy cores can take 30 s+.
describe('neo4j-local launcher', { timeout: 300_000 }, () => {
  let port: number;
  let dataDir: string;
  let first: LocalNeo4jHandle;
  const opts = () => ({ port, dataDir });

  beforeAll(async () => {
    port = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-local-test-'));
  });

  afterAll(async () => {
    await stopLocalNeo4j(opts());
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('starts on a free port with a temp data dir', async () => {
    const lines: string[] = [];
    first = await ensureLocalNeo4j({ ...opts(), onProgress: (l) => lines.push(l) });
    expect(first.startedHere).toBe(true);
    expect(first.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(alive(first.pid)).toBe(true);
    expect(lines.some((l) => l.includes('Neo4j ready'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'neo4j.pid'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'neo4j.log'))).toBe(true);
  });

  it('reports running with version', async () => {
    const st = await localNeo4jStatus(opts());
    expect(st).toMatchObject({ running: true, boltReady: true, pid: first.pid, port, edition: 'community' });
    expect(st.version).toMatch(/^5\.26\./);
  });

  it('answers Cypher, including full-text index procedures', async () => {
    expect(await query(first.uri, 'RETURN 1 AS n', (r) => Number(r.get('n')))).toEqual([1]);
    // Auth is off, so clients configured with credentials connect too.
    const withCreds = neo4j.driver(first.uri, neo4j.auth.basic('neo4j', 'any-password'));
    try {
      const res = await withCreds.executeQuery('RETURN 2 AS n');
      expect(Number(res.records[0]?.get('n'))).toBe(2);
    } finally {
      await withCreds.close();
    }
    await query(first.uri, 'CREATE FULLTEXT INDEX t_name IF NOT EXISTS FOR (n:T) ON EACH [n.name]', () => null);
    await query(first.uri, "CREATE (:T {name: 'Ada Lovelace'})", () => null);
    await query(first.uri, 'CALL db.awaitIndexes()', () => null);
    const hits = await query(first.uri, "CALL db.index.fulltext.queryNodes('t_name', 'ada') YIELD node RETURN node.name AS name", (r) =>
      r.get('name'),
    );
    expect(hits).toEqual(['Ada Lovelace']);
  });

  it('reuses the running instance on a second start', async () => {
    const again = await ensureLocalNeo4j(opts());
    expect(again.startedHere).toBe(false);
    expect(again.pid).toBe(first.pid);
  });

  it('recovers after the JVM is killed with SIGKILL', async () => {
    process.kill(first.pid, 'SIGKILL');
    await waitUntil(() => !alive(first.pid), 10_000);
    expect((await localNeo4jStatus(opts())).running).toBe(false);

    const revived = await ensureLocalNeo4j(opts());
    expect(revived.startedHere).toBe(true);
    expect(revived.pid).not.toBe(first.pid);
    // Data written before the crash survives recovery.
    const names = await query(revived.uri, 'MATCH (n:T) RETURN n.name AS name', (r) => r.get('name'));
    expect(names).toEqual(['Ada Lovelace']);
    first = revived;
  });

  it('stops, and status then says not running', async () => {
    const res = await stopLocalNeo4j(opts());
    expect(res).toMatchObject({ wasRunning: true, pid: first.pid, killed: false });
    expect(alive(first.pid)).toBe(false);
    const st = await localNeo4jStatus(opts());
    expect(st.running).toBe(false);
    expect(st.portInUse).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'neo4j.pid'))).toBe(false);
    expect(await stopLocalNeo4j(opts())).toMatchObject({ wasRunning: false });
  });
});
