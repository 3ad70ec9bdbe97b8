// Starts bench/lib/api-server.ts as a child process and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordedCall, RecordedRequest } from './api-server.ts';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), 'api-server.ts');
const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');

/** The Node flags `npm start` gives the server (package.json), so that the bench's API runs as the product does. */
export function startFlags(script = (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { scripts: { start: string } }).scripts.start): string[] {
  return script.split(/\s+/).filter((word) => /^--[a-z][\w-]*(=\S+)?$/.test(word));
}

export interface ApiChild {
  url: string;
  pid: number;
  /** With gc, after a full garbage collection: what the process really holds on to. */
  memory(gc?: boolean): Promise<{ rss: number; peakRss: number; heapUsed: number }>;
  resetPeak(): Promise<boolean>;
  record(on: boolean): Promise<void>;
  calls(): Promise<RecordedCall[]>;
  /** The requests seen while recording, on the calls' clock. */
  requests(): Promise<RecordedRequest[]>;
  /** Starts a CPU profile of the server (true), or stops it and returns it (false). */
  profile(on: boolean): Promise<unknown>;
  /** The process's CPU time so far (µs, user and system), as process.cpuUsage() gives it. */
  cpu(): Promise<{ user: number; system: number }>;
  stop(): Promise<void>;
}

export interface ApiChildOptions {
  neo4jUri: string;
  serveWeb?: boolean;
  corsOrigin?: string;
  /** Extra flags for the server's Node process (the export-memory probe caps the heap with them). */
  nodeArgs?: string[];
  /** Keep answers in memory up to this many bytes (the warm server); by default none (cold). */
  answerCacheBytes?: number;
}

export async function startApiChild(o: ApiChildOptions): Promise<ApiChild> {
  const child: ChildProcess = fork(SERVER, [], {
    // tsx runs the TypeScript sources as `npm start` does; --expose-gc lets the peak be reset cleanly.
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...startFlags(),
      ...(o.nodeArgs ?? []),
      // More flags for the API's Node process, to measure one (e.g. a GC setting) without a code change.
      ...(process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: {
      ...process.env,
      BENCH_NEO4J_URI: o.neo4jUri,
      BENCH_SERVE_WEB: o.serveWeb ? '1' : '0',
      ...(o.answerCacheBytes !== undefined ? { BENCH_ANSWER_CACHE_BYTES: String(o.answerCacheBytes) } : {}),
      ...(o.corsOrigin ? { BENCH_CORS_ORIGIN: o.corsOrigin } : {}),
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (m: { type?: string; port?: number }) => {
      if (m.type === 'ready' && m.port) {
        child.off('message', onMessage);
        resolve(m.port);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`bench: the API server exited (code ${code}) before it listened`)));
  });
  let next = 0;
  const pending = new Map<number, (body: unknown) => void>();
  child.on('message', (m: { id?: number; body?: unknown }) => {
    if (m.id !== undefined) {
      pending.get(m.id)?.(m.body);
      pending.delete(m.id);
    }
  });
  const ask = <T>(msg: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve) => {
      const id = next++;
      pending.set(id, resolve as (b: unknown) => void);
      child.send({ ...msg, id });
    });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    memory: (gc = false) => ask({ type: 'memory', gc }),
    resetPeak: () => ask({ type: 'reset-peak' }),
    record: (on) => ask({ type: 'record', on }),
    calls: () => ask({ type: 'calls' }),
    requests: () => ask({ type: 'requests' }),
    profile: (on) => ask({ type: 'profile', on }),
    cpu: () => ask({ type: 'cpu' }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
