// The API under test, in its own process (forked by api-child.ts), so that its memory and CPU
// are its own and the benchmark's client does not share its event loop. Built exactly as
// server/main.ts builds it (createApp, default logging), with a Database that can record the
// named queries each request runs, so the benchmark can replay the same Cypher directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { Database, type NamedTransaction, type Params, type QueryOptions, type Reader, type Row } from '../../server/db/database.ts';
import type { QueryName } from '../../server/db/cypher-registry.ts';
import { BENCH_READ_LIMITS } from './open-lanes.ts';

export interface RecordedCall {
  name: QueryName;
  params: Params;
  stream: boolean;
  /** ms since the recording started; overlapping calls ran in parallel (Promise.all). */
  start: number;
  end: number;
}

/** One request seen while recording, on the same clock as the calls: the bench's stage timers. */
export interface RecordedRequest {
  url: string;
  start: number;
  /** When the last byte was handed to the socket ('finish'). */
  end: number;
  bytes: number;
}

export type ChildRequest =
  | { id: number; type: 'memory'; gc?: boolean }
  | { id: number; type: 'reset-peak' }
  | { id: number; type: 'record'; on: boolean }
  | { id: number; type: 'calls' }
  | { id: number; type: 'requests' }
  | { id: number; type: 'profile'; on: boolean }
  | { id: number; type: 'cpu' };

class RecordingDatabase extends Database {
  recording = false;
  calls: RecordedCall[] = [];
  requests: RecordedRequest[] = [];
  private t0 = 0;

  startRecording(): void {
    this.recording = true;
    this.calls = [];
    this.requests = [];
    this.t0 = performance.now();
  }

  /** ms since the recording started. */
  now(): number {
    return performance.now() - this.t0;
  }

  private async track<T>(name: QueryName, params: Params, stream: boolean, run: () => Promise<T>): Promise<T> {
    if (!this.recording) return run();
    const call: RecordedCall = { name, params: structuredClone(params), stream, start: performance.now() - this.t0, end: 0 };
    this.calls.push(call);
    try {
      return await run();
    } finally {
      call.end = performance.now() - this.t0;
    }
  }

  override read(name: QueryName, params: Params = {}, options: QueryOptions = {}): Promise<Row[]> {
    return this.track(name, params, false, () => super.read(name, params, options));
  }

  // A request's reads of the graph now run in one transaction (server/curation/recorded.ts): each
  // is recorded as a call of its own, which the direct replay runs in a transaction of its own.
  override readTransaction<T>(work: (tx: NamedTransaction & Reader) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    if (!this.recording) return super.readTransaction(work, options);
    return super.readTransaction((tx) => {
      const run = (name: QueryName, params: Params = {}) => this.track(name, params, false, () => tx.run(name, params));
      return work({ run, read: run });
    }, options);
  }

  override readStream(
    name: QueryName,
    params: Params,
    onRow: (row: Row) => void | Promise<void>,
    options: QueryOptions = {},
  ): Promise<number> {
    return this.track(name, params, true, () => super.readStream(name, params, onRow, options));
  }
}

/** Peak and current resident memory from /proc (Linux); the peak can be reset. */
function memory(): { rss: number; peakRss: number; heapUsed: number } {
  const usage = process.memoryUsage();
  let peakRss = usage.rss;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) peakRss = Number(m[1]) * 1024;
  } catch {
    // not Linux: the current RSS is the best we have
  }
  return { rss: usage.rss, peakRss, heapUsed: usage.heapUsed };
}

// A CPU profile of this process between two messages (bench/overhead.ts), through the
// inspector, so that warming up is not in it.
const inspector = new Session();
async function profile(on: boolean): Promise<unknown> {
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => inspector.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  if (on) {
    inspector.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    return true;
  }
  const { profile: taken } = (await post('Profiler.stop')) as { profile: unknown };
  inspector.disconnect();
  return taken;
}

function resetPeak(): boolean {
  // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0).
  try {
    (globalThis as { gc?: () => void }).gc?.();
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri) throw new Error('bench api-server: BENCH_NEO4J_URI is not set');
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    HOST: '127.0.0.1',
    // The benchmark is one client sending thousands of requests a minute.
    RATE_LIMIT_PER_MINUTE: '100000000',
    // A cold Neo4j on a loaded machine may take longer than production's limit for its first
    // answers; the bench measures time, it does not enforce a limit.
    QUERY_TIMEOUT_MS: '120000',
    ...BENCH_READ_LIMITS,
    SERVE_WEB: process.env.BENCH_SERVE_WEB ?? '0',
    ...(process.env.BENCH_CORS_ORIGIN ? { CORS_ORIGINS: process.env.BENCH_CORS_ORIGIN } : {}),
  });
  const db = new RecordingDatabase({ uri, queryTimeoutMs: config.QUERY_TIMEOUT_MS });
  // Logs as in production (info, one line per request), to stdout, which the parent discards.
  const app = createApp({ db, config, log: pino({ level: config.LOG_LEVEL }), version: 'bench' });
  // Outside the app, so the request path is exactly production's: when each request came and
  // when its last byte left, for the stage timers of bench/overhead.ts.
  const server = createServer((req, res) => {
    if (db.recording) {
      const seen: RecordedRequest = { url: req.url ?? '', start: db.now(), end: 0, bytes: 0 };
      db.requests.push(seen);
      const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
      const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => typeof res;
      const count = (chunk: unknown) => {
        if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) seen.bytes += Buffer.byteLength(chunk);
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => (count(chunk), end(chunk, ...rest))) as typeof res.end;
      res.once('finish', () => (seen.end = db.now()));
    }
    app(req, res);
  }).listen(0, '127.0.0.1');
  // The bench's client keeps sockets alive across long pauses (an export replayed through the
  // driver on a loaded machine): a socket the server closed as idle just as the client reused
  // it would fail the run with ECONNRESET.
  server.keepAliveTimeout = 120_000;
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  process.on('message', (msg: ChildRequest) => {
    const reply = (body: unknown) => process.send?.({ id: msg.id, body });
    if (msg.type === 'memory') {
      if (msg.gc) (globalThis as { gc?: () => void }).gc?.();
      reply(memory());
    } else if (msg.type === 'reset-peak') reply(resetPeak());
    else if (msg.type === 'record') {
      if (msg.on) db.startRecording();
      else db.recording = false;
      reply(true);
    } else if (msg.type === 'calls') reply(db.calls);
    else if (msg.type === 'requests') reply(db.requests);
    else if (msg.type === 'profile') void profile(msg.on).then(reply);
    else if (msg.type === 'cpu') reply(process.cpuUsage());
  });
  process.on('disconnect', () => {
    server.closeAllConnections();
    server.close();
    void db.close().finally(() => process.exit(0));
  });
  process.send?.({ type: 'ready', port });
}

void main().catch((err: Error) => {
  process.stderr.write(`bench api-server: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
