// `npm start` as a user runs it, in a child process of its own process group so that a
// Ctrl-C (SIGINT to the group) reaches it as it does from a terminal: it loads the seed only
// into an empty database, finishes a request in flight and stops the Neo4j it started on
// Ctrl-C, starts nothing when NEO4J_URI is set, and stops on a wrong setting with one line
// naming the variable.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { Database } from '../../server/db/database.ts';
import { freePort } from '../helpers/free-port.ts';

const dir = mkdtempSync(join(tmpdir(), 'mandate-start-'));
const children: ChildProcess[] = [];
afterAll(async () => {
  // A failed test may leave its server running: Ctrl-C it like the others.
  for (const c of children) if (c.pid && groupAlive(c.pid)) process.kill(-c.pid, 'SIGINT');
  await Promise.all(children.map((c) => c.pid && waitGroupGone(c.pid)));
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

interface Started {
  child: ChildProcess;
  stderr: () => string;
  url: string;
  exited: Promise<number | null>;
}

async function npmStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SERVE_WEB: '0', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (/is running at/.test(stderr)) resolve();
    };
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before it served:\n${stderr}`)));
  });
  return { child, stderr: () => stderr, url: `http://127.0.0.1:${port}`, exited };
}

const ctrlC = (s: Started) => process.kill(-s.child.pid!, 'SIGINT');

/** Whether any process of the group (npm, the shell, tsx, the server) is still there. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** npm itself dies of the SIGINT; the server in its group exits once it has finished. */
async function waitGroupGone(pgid: number): Promise<void> {
  while (groupAlive(pgid)) await new Promise((r) => setTimeout(r, 50));
}

/** Until the Neo4j at `uri` runs `query` (a transaction whose text starts with it). */
async function untilNeo4jRuns(uri: string, query: string): Promise<void> {
  const db = new Database({ uri });
  const running = 'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH $query RETURN count(*) AS n';
  try {
    while (Number((await db.readText(running, { query }, { rowLimit: 1 })).rows[0]?.n) === 0) await new Promise((r) => setTimeout(r, 50));
  } finally {
    await db.close();
  }
}

/**
 * The first `npm start` without NEO4J_URI: it starts a local Neo4j and seeds it. Started once,
 * by whichever test asks first. The NEO4J_URI test points an `npm start` of its own at that
 * Neo4j (a graph already there, as a user's would be) instead of waiting for a Java start of
 * its own; the test that owns it Ctrl-Cs it only once that test is done with it.
 */
let localStart: Promise<{ first: Started; localPort: number; env: NodeJS.ProcessEnv }> | undefined;
function firstLocalStart() {
  localStart ??= (async () => {
    const localPort = await freePort();
    const env = { NEO4J_URI: '', NEO4J_LOCAL_PORT: String(localPort), NEO4J_LOCAL_DIR: join(dir, 'local') };
    return { first: await npmStart(env), localPort, env };
  })();
  return localStart;
}
/** Settles when the NEO4J_URI test no longer needs the first local Neo4j; unset while that test has not begun. */
let uriTestDone: Promise<void> | undefined;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

// The tests run side by side: each waits mostly on processes of its own (a Java start, npm's
// and tsx's starts). Only the first local Neo4j is shared, as said at firstLocalStart.
describe('npm start', { timeout: 400_000, concurrent: true }, () => {
  it('with NEO4J_URI set starts nothing, reloads no seed, and on Ctrl-C finishes the request in flight', async ({ expect }) => {
    let done = () => {};
    uriTestDone = new Promise<void>((resolve) => (done = resolve));
    try {
      await withNeo4jUri(expect, `bolt://127.0.0.1:${(await firstLocalStart()).localPort}`);
    } finally {
      done();
    }
  });

  /** The NEO4J_URI test's steps, against the Neo4j at `uri`. */
  async function withNeo4jUri(expect: ExpectStatic, uri: string) {
    const localPort = await freePort();
    const localDir = join(dir, 'never');
    const s = await npmStart({
      NEO4J_URI: uri,
      NEO4J_LOCAL_PORT: String(localPort),
      NEO4J_LOCAL_DIR: localDir,
      QUERY_TIMEOUT_MS: '120000',
    });
    expect(s.stderr()).toMatch(/Using bolt:\/\//);
    expect(s.stderr()).toMatch(/graph already present, seed not reloaded/);
    expect(existsSync(localDir)).toBe(false);
    expect(await portOpen(localPort)).toBe(false);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);

    // A read that takes a while, interrupted by Ctrl-C once Neo4j runs it (not after a fixed
    // wait: on a loaded machine a second may be too short, and on a quiet one it is idle time).
    const slowQuery = 'UNWIND range(1, 30000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n';
    const slow = fetch(`${s.url}/api/query`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ cypher: slowQuery }),
    });
    await untilNeo4jRuns(uri, slowQuery);
    ctrlC(s);
    const res = await slow.catch((err: Error) => {
      throw new Error(`the request in flight was cut: ${String(err.cause ?? err)}\n${s.stderr()}`);
    });
    expect(res.status).toBe(200);
    expect((await res.json()).rows[0].n).toBe(4285714);
    await waitGroupGone(s.child.pid!);
    expect(s.stderr()).toMatch(/finishing requests in flight/);
  }

  it('without NEO4J_URI starts a local Neo4j, seeds it only while empty, and stops it on Ctrl-C', async ({ expect }) => {
    const { first, localPort, env } = await firstLocalStart();
    expect(first.stderr()).toMatch(/Local Neo4j started at bolt:\/\/127\.0\.0\.1:/);
    expect(first.stderr()).toMatch(/Seed graph loaded: \d{3} nodes/);
    // The NEO4J_URI test, begun beside this one, uses this Neo4j until it is done.
    await uriTestDone;
    // Someone edits the graph: the next start must not bring the seed back over it.
    const db = new Database({ uri: `bolt://127.0.0.1:${localPort}` });
    try {
      await db.replayStatement("MATCH (n:Entity {id: 'who'}) DETACH DELETE n");
    } finally {
      await db.close();
    }
    ctrlC(first);
    await waitGroupGone(first.child.pid!);
    expect(first.stderr()).toMatch(/Stopping the local Neo4j this run started/);
    expect(await portOpen(localPort)).toBe(false);

    const second = await npmStart(env);
    expect(second.stderr()).toMatch(/graph already present, seed not reloaded/);
    expect((await fetch(`${second.url}/api/nodes/who`)).status).toBe(404);
    expect((await fetch(`${second.url}/api/nodes/socialstyrelsen`)).status).toBe(200);
    ctrlC(second);
    await waitGroupGone(second.child.pid!);
    expect(await portOpen(localPort)).toBe(false);
  });

  it.for([
    ['PORT', 'abc'],
    ['NEO4J_URI', 'http://localhost:7474'],
    ['QUERY_TIMEOUT_MS', '5'],
    ['LOG_LEVEL', 'loud'],
  ] as const)('stops on a wrong %s with one line naming it', async ([name, value], { expect }) => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: REPO_ROOT,
      env: { ...process.env, [name]: value },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdout.resume();
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).not.toBe(0);
    const lines = stderr.split('\n').filter((l) => l.trim());
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
  });
});
