// `npm run bench:ab -- --old DIR`: old code against new code on the same synthetic graph, in
// one process, request by request in alternation. On a shared, loaded machine absolute figures
// move between runs by more than a change costs or saves; a ratio of two servers measured side
// by side does not. DIR holds the old `server/` and `cypher/`, e.g.
//   mkdir -p .ab-old && git archive main server cypher | tar -x -C .ab-old
// (inside the repository, so the old code finds node_modules). Both servers run the same
// requests as `npm run bench` (bench/scenarios/cases.ts) against one Neo4j of the benchmark's.
// With --compare, answers that differ between old and new are reported (for changes meant to
// keep answers as they were).
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { z } from 'zod';
import * as newApp from '../server/app.ts';
import { parseFlags } from '../server/cli/args.ts';
import { loadConfig } from '../server/config.ts';
import * as newDb from '../server/db/database.ts';
import type { Database } from '../server/db/database.ts';
import { startInstance } from './lib/instance.ts';
import { timedRequest, type RequestSpec } from './lib/http.ts';
import { percentile } from './lib/stats.ts';
import { bulkLoad } from './load/bulk-load.ts';
import { buildCases, ENDPOINTS, type Endpoint } from './scenarios/cases.ts';
import { parseCount, writeSynth } from './synth/write.ts';

const Flags = z.object({
  old: z.string(),
  sizes: z.string().default('10k,100k'),
  seed: z.coerce.number().int().min(0).default(1),
  iterations: z.coerce.number().int().min(1).max(10_000).default(100),
  endpoints: z.string().default('mandate-chain,paths'),
  port: z.coerce.number().int().min(1024).max(65_000).default(7692),
  compare: z.boolean().default(false),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  old: { type: 'string' },
  sizes: { type: 'string' },
  seed: { type: 'string' },
  iterations: { type: 'string' },
  endpoints: { type: 'string' },
  port: { type: 'string' },
  compare: { type: 'boolean' },
});
const endpoints = flags.endpoints.split(',') as Endpoint[];
for (const e of endpoints) if (!ENDPOINTS.includes(e)) throw new Error(`--endpoints: unknown "${e}"; expected ${ENDPOINTS.join(', ')}`);
const oldDir = resolve(flags.old);
if (!existsSync(resolve(oldDir, 'server/app.ts'))) throw new Error(`--old: ${oldDir} holds no server/app.ts`);

type AppModule = typeof newApp;
type DbModule = typeof newDb;
const oldApp = (await import(pathToFileURL(resolve(oldDir, 'server/app.ts')).href)) as AppModule;
const oldDb = (await import(pathToFileURL(resolve(oldDir, 'server/db/database.ts')).href)) as DbModule;

const log = (line: string) => process.stderr.write(`[ab] ${line}\n`);

async function serve(make: AppModule['createApp'], db: Database, port: number): Promise<{ url: string; close(): void }> {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: 'bolt://127.0.0.1:1',
    HOST: '127.0.0.1',
    RATE_LIMIT_PER_MINUTE: '100000000',
    SERVE_WEB: '0',
  });
  const app = make({ db, config, log: pino({ level: 'silent' }), version: 'ab' });
  const server = app.listen(port, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const lines: string[] = [];
for (const nodes of flags.sizes.split(',').map(parseCount)) {
  const { dir, manifest } = await writeSynth({ nodes, seed: flags.seed });
  // A store of its own per size, kept between runs: the loader skips a load it finished before.
  const instance = await startInstance({
    port: flags.port,
    name: `ab-n${nodes}`,
    fresh: false,
    ...(nodes >= 50_000 ? { heap: '2g', pageCache: '1g' } : { heap: '1g', pageCache: '512m' }),
    onProgress: (l) => log(`neo4j: ${l}`),
  });
  try {
    await instance.db.applySchema();
    await bulkLoad(instance.db, dir, {});
    const dbNew = new newDb.Database({ uri: instance.uri });
    const dbOld = new oldDb.Database({ uri: instance.uri });
    const sNew = await serve(newApp.createApp, dbNew, flags.port + 1);
    const sOld = await serve(oldApp.createApp, dbOld as unknown as Database, flags.port + 2);
    try {
      for (const c of buildCases(manifest.probes).filter((x) => endpoints.includes(x.endpoint))) {
        const run = (base: string, v: RequestSpec) => timedRequest(base, v, { keepBody: flags.compare });
        // Warm both sides (JIT, query plans) before anything is timed.
        for (let i = 0; i < 3; i++) for (const v of c.variants) for (const base of [sNew.url, sOld.url]) await run(base, v);
        const times = { old: [] as number[], new: [] as number[] };
        let differ = 0;
        for (let i = 0; i < flags.iterations; i++) {
          for (const v of c.variants) {
            // Alternate which side goes first, so neither always meets a warmer cache.
            const order = (i + c.variants.indexOf(v)) % 2 ? (['old', 'new'] as const) : (['new', 'old'] as const);
            const got: Partial<Record<'old' | 'new', string>> = {};
            for (const side of order) {
              const t = await run(side === 'old' ? sOld.url : sNew.url, v);
              if (t.status !== 200) throw new Error(`${side} ${v.path}: HTTP ${t.status}`);
              times[side].push(t.ms);
              got[side] = t.body;
            }
            if (flags.compare && i === 0 && got.old !== got.new) {
              differ++;
              log(`${c.endpoint}: answers differ for ${v.path}`);
            }
          }
        }
        const f = (xs: number[], p: number) =>
          percentile(
            [...xs].sort((a, b) => a - b),
            p,
          );
        const line =
          `${nodes.toLocaleString('en')} nodes, ${c.endpoint} (${times.new.length} requests each): ` +
          `p50 old ${f(times.old, 50).toFixed(2)} / new ${f(times.new, 50).toFixed(2)} ms (×${(f(times.new, 50) / f(times.old, 50)).toFixed(3)}), ` +
          `p95 old ${f(times.old, 95).toFixed(2)} / new ${f(times.new, 95).toFixed(2)} ms (×${(f(times.new, 95) / f(times.old, 95)).toFixed(3)})` +
          (flags.compare ? `; ${differ} of ${c.variants.length} answers differ` : '');
        log(line);
        lines.push(line);
      }
    } finally {
      sNew.close();
      sOld.close();
      await dbNew.close();
      await dbOld.close();
    }
  } finally {
    await instance.stop();
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
