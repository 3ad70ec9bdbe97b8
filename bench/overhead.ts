// `npm run bench:overhead -- [--size 100k] [--port 7692] [--iterations 200]`: where the API's
// time over the bare driver goes, per endpoint and per stage (issue 22, part 4). One graph, one
// API process, requests one at a time, alternating with the same Cypher through neo4j-driver
// (as `npm run bench` does). Two views of the same requests:
// - wall-clock stages from timestamps the bench's own API process takes around the app and
//   around each query (bench/lib/api-server.ts; nothing in the request path itself);
// - a CPU profile of the API process per endpoint, its samples put in stages by source file
//   (bench/lib/profile-stages.ts).
// Every request here is cold: the server keeps no answers (bench/lib/open-lanes.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../neo4j-local/launcher.ts';
import { parseFlags } from '../server/cli/args.ts';
import { startApiChild } from './lib/api-child.ts';
import type { RecordedCall, RecordedRequest } from './lib/api-server.ts';
import { DirectReplay } from './lib/direct.ts';
import { timedRequest } from './lib/http.ts';
import { startInstance } from './lib/instance.ts';
import { cpuByStage, STAGES, type CpuProfile } from './lib/profile-stages.ts';
import { percentile, ratio, round } from './lib/stats.ts';
import { bulkLoad } from './load/bulk-load.ts';
import { fmtCount } from './report.ts';
import { buildCases, ENDPOINTS, type Endpoint } from './scenarios/cases.ts';
import { captureCalls, timeBothWays, VERSION_READ } from './scenarios/latency.ts';
import { parseCount, writeSynth } from './synth/write.ts';

const Flags = z.object({
  size: z.string().default('100k'),
  seed: z.coerce.number().int().min(0).default(1),
  port: z.coerce.number().int().min(1024).max(65_000).default(7692),
  iterations: z.coerce.number().int().min(1).max(10_000).default(200),
  endpoints: z.string().default(ENDPOINTS.filter((e) => e !== 'neighborhood-d2').join(',')),
  warmup: z.coerce.number().int().min(0).max(600).default(15),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  size: { type: 'string' },
  seed: { type: 'string' },
  port: { type: 'string' },
  iterations: { type: 'string' },
  endpoints: { type: 'string' },
  warmup: { type: 'string' },
});
const endpoints = flags.endpoints.split(',') as Endpoint[];
for (const e of endpoints) if (!ENDPOINTS.includes(e)) throw new Error(`--endpoints: unknown "${e}"; expected ${ENDPOINTS.join(', ')}`);
const log = (line: string) => process.stderr.write(`[overhead] ${line}\n`);

/** Wall-clock stages of one request, in the order they happen (ms). */
const WALL = [
  'client and socket (outside the app)',
  'Express, middleware, lanes, zod',
  'data-version read',
  'cache key, handler start',
  'Cypher (driver, conversion)',
  'between queries (building the next)',
  'after the last query (mapping, JSON, send)',
] as const;

function wallStages(clientMs: number, req: RecordedRequest, calls: RecordedCall[]): number[] {
  const mine = calls.filter((c) => c.start >= req.start && c.start <= req.end).sort((a, b) => a.start - b.start);
  const version = mine.find((c) => c.name === VERSION_READ);
  const queries = mine.filter((c) => c !== version);
  const firstStart = queries[0]?.start ?? req.end;
  const lastEnd = Math.max(...queries.map((c) => c.end), version?.end ?? req.start);
  // The union of the query intervals: parallel queries count once.
  let busy = 0;
  let upTo = -Infinity;
  for (const c of queries) {
    const from = Math.max(c.start, upTo);
    if (c.end > from) busy += c.end - from;
    upTo = Math.max(upTo, c.end);
  }
  const server = req.end - req.start;
  const beforeVersion = (version?.start ?? firstStart) - req.start;
  return [
    Math.max(0, clientMs - server),
    beforeVersion,
    version ? version.end - version.start : 0,
    version ? firstStart - version.end : 0,
    busy,
    Math.max(0, lastEnd - firstStart - busy),
    req.end - lastEnd,
  ];
}

const nodes = parseCount(flags.size);
const { dir, manifest } = await writeSynth({ nodes, seed: flags.seed });
const instance = await startInstance({
  port: flags.port,
  name: `overhead-n${nodes}`,
  fresh: false,
  ...(nodes >= 50_000 ? { heap: '2g', pageCache: '1g' } : { heap: '1g', pageCache: '512m' }),
  onProgress: (l) => log(`neo4j: ${l}`),
});
const lines: string[] = [];
const out: Record<string, unknown>[] = [];
try {
  await instance.db.applySchema();
  await bulkLoad(instance.db, dir, {});
  const api = await startApiChild({ neo4jUri: instance.uri });
  const direct = new DirectReplay(instance.uri);
  try {
    const cases = buildCases(manifest.probes).filter((c) => endpoints.includes(c.endpoint));
    const captured = await captureCalls(api, cases);
    const warmUntil = performance.now() + flags.warmup * 1000;
    for (let round = 0; round < 3 || performance.now() < warmUntil; round++) {
      for (const [c, { recorded }] of captured)
        for (let k = 0; k < c.variants.length; k++) {
          await timedRequest(api.url, c.variants[k]!);
          await direct.replay(recorded[k]!);
        }
      if (round > 30) break;
    }
    log('warmed up');
    lines.push(
      `Stages at ${fmtCount(nodes)} nodes, medians over ${flags.iterations} cold requests per endpoint (export: a quarter, at most 15); ms.`,
      '',
      `| endpoint | API p50 | driver p50 | ratio | bytes | ${WALL.join(' | ')} |`,
      `|---|---:|---:|---:|---:|${WALL.map(() => '---:').join('|')}|`,
    );
    const cpuLines: string[] = [];
    for (const [c, { recorded }] of captured) {
      const n = c.endpoint === 'export-graphml' ? Math.max(5, Math.min(15, Math.round(flags.iterations / 4))) : flags.iterations;
      await api.record(true);
      await api.profile(true);
      const { apiMs, directMs, bytes } = await timeBothWays(api.url, direct, c, recorded, n);
      const profile = (await api.profile(false)) as CpuProfile;
      await api.record(false);
      const requests = await api.requests();
      const calls = await api.calls();
      const stages = requests.map((req, i) => wallStages(apiMs[i] ?? 0, req, calls));
      const median = (xs: number[]) =>
        round(
          percentile(
            [...xs].sort((x, y) => x - y),
            50,
          ),
        );
      const apiP50 = median(apiMs);
      const directP50 = median(directMs);
      const wall = WALL.map((_, s) => median(stages.map((x) => x[s]!)));
      lines.push(
        `| ${c.endpoint} | ${apiP50} | ${directP50} | ×${ratio(apiP50, directP50)} | ${fmtCount(Math.round(bytes / n))} | ${wall.join(' | ')} |`,
      );
      const cpu = cpuByStage(profile);
      cpuLines.push(`| ${c.endpoint} | ${STAGES.map((s) => round(cpu.get(s)! / n, 2)).join(' | ')} |`);
      out.push({
        endpoint: c.endpoint,
        n,
        apiP50,
        directP50,
        bytes: bytes / n,
        wall: Object.fromEntries(WALL.map((w, i) => [w, wall[i]])),
        cpu: Object.fromEntries(cpu),
      });
      log(`${c.endpoint}: API ${apiP50} ms, driver ${directP50} ms; ${WALL.map((w, i) => `${w} ${wall[i]}`).join(', ')}`);
    }
    lines.push(
      '',
      'CPU of the API process per request (ms), from a V8 profile over the same requests, by source file:',
      '',
      `| endpoint | ${STAGES.join(' | ')} |`,
      `|---|${STAGES.map(() => '---:').join('|')}|`,
      ...cpuLines,
    );
  } finally {
    await direct.close();
    await api.stop();
  }
} finally {
  await instance.stop();
}
const resultsDir = join(REPO_ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'overhead-latest.json'),
  JSON.stringify({ at: new Date().toISOString(), nodes, flags, endpoints: out }, null, 2) + '\n',
);
process.stdout.write(lines.join('\n') + '\n');
