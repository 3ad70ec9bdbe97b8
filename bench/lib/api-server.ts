// The API under test, in its own process (forked by api-child.ts), so that its memory and CPU
// are its own and the benchmark's client does not share its event loop. Built exactly as
// server/main.ts builds it (createApp, default logging), with a Database that can record the
// named queries each request runs, so the benchmark can replay the same Cypher directly.
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { Database, type Params, type QueryOptions, type Row } from '../../server/db/database.ts';
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

export type ChildRequest =
  | { id: number; type: 'memory'; gc?: boolean }
  | { id: number; type: 'reset-peak' }
  | { id: number; type: 'record'; on: boolean }
  | { id: number; type: 'calls' };

class RecordingDatabase extends Database {
  recording = false;
  calls: RecordedCall[] = [];
  private t0 = 0;

  startRecording(): void {
    this.recording = true;
    this.calls = [];
    this.t0 = performance.now();
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
    ...BENCH_READ_LIMITS,
    SERVE_WEB: process.env.BENCH_SERVE_WEB ?? '0',
    ...(process.env.BENCH_CORS_ORIGIN ? { CORS_ORIGINS: process.env.BENCH_CORS_ORIGIN } : {}),
  });
  const db = new RecordingDatabase({ uri, queryTimeoutMs: config.QUERY_TIMEOUT_MS });
  // Logs as in production (info, one line per request), to stdout, which the parent discards.
  const app = createApp({ db, config, log: pino({ level: config.LOG_LEVEL }), version: 'bench' });
  const server = app.listen(0, '127.0.0.1');
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
