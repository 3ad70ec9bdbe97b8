// The API across a Neo4j restart: 200 while it runs, 503 with Retry-After while it is down
// (never a crash, never a hung request), 200 again by itself once it is back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalNeo4j, stopLocalNeo4j } from '../../neo4j-local/launcher.ts';
import { createApp } from '../../server/app.ts';
import { prepareDatabase } from '../../server/bootstrap.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { startNeo4jOnFreePort } from '../helpers/free-port.ts';

let PORT: number;
const dir = mkdtempSync(join(tmpdir(), 'mandate-restart-'));
const dataDir = join(dir, 'data');
let db: Database;
let neo4jPid: number;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const neo = await startNeo4jOnFreePort({ dataDir });
  PORT = neo.port;
  neo4jPid = neo.pid;
  db = new Database({ uri: neo.uri });
  await prepareDatabase(db, { seed: true });
  app = createApp({
    db,
    config: loadConfig({ RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0' }),
    log: pino({ level: 'silent' }),
    version: 'test',
  });
});

afterAll(async () => {
  await db?.close();
  if (PORT) await stopLocalNeo4j({ port: PORT, dataDir });
  rmSync(dir, { recursive: true, force: true });
});

async function timed(path: string) {
  const started = Date.now();
  const res = await request(app).get(path).timeout(20_000);
  return {
    status: res.status,
    ms: Date.now() - started,
    body: res.body as { error?: { code: string } },
    retryAfter: res.headers['retry-after'],
  };
}

async function waitUntilDead(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const deadline = Date.now() + 10_000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe('health across a Neo4j crash and restart', () => {
  // Restarting Neo4j takes most of a minute on a busy 2-core machine.
  it('goes 200 → 503 → 200 when Neo4j is killed and started again, and no request hangs', { timeout: 240_000 }, async () => {
    const up = await timed('/api/health');
    expect(up.status).toBe(200);

    // A stream of requests while Neo4j is stopped and started again.
    const results: Array<{ path: string; status: number; ms: number; code?: string }> = [];
    let streaming = true;
    // Four clients, each sending one request after another.
    const paths = ['/api/health', '/api/search?q=who', '/api/nodes/socialstyrelsen', '/api/nodes/who/neighborhood'];
    const stream = Promise.all(
      paths.map(async (_, client) => {
        for (let i = client; streaming; i++) {
          const path = paths[i % paths.length]!;
          const r = await timed(path);
          results.push({ path, status: r.status, ms: r.ms, code: r.body.error?.code });
          await new Promise((r) => setTimeout(r, 50));
        }
      }),
    );

    // A crash, not a clean stop: in-flight queries lose their connection mid-answer.
    process.kill(neo4jPid, 'SIGKILL');
    await waitUntilDead(neo4jPid);
    const down = await timed('/api/health');
    expect(down.status).toBe(503);
    expect(down.body.error?.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.retryAfter).toBeDefined();
    const search = await timed('/api/search?q=who');
    expect(search.status).toBe(503);

    neo4jPid = (await ensureLocalNeo4j({ port: PORT, dataDir })).pid;
    let back = await timed('/api/health');
    const deadline = Date.now() + 15_000;
    while (back.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      back = await timed('/api/health');
    }
    expect(back.status).toBe(200);
    streaming = false;
    await stream;

    expect(results.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
    expect(results.some((r) => r.status === 503)).toBe(true);
    // Nothing hung: a request without an answer fails `timed` with supertest's timeout error.
    console.log(
      `restart stream (4 clients, SIGKILL): ${results.length} requests, ${results.filter((r) => r.status === 503).length} answered 503, ${results.filter((r) => r.status === 200).length} answered 200, slowest ${Math.max(...results.map((r) => r.ms))} ms`,
    );
  });
});
