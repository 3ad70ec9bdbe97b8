// `npm run bench:side -- [--size 10k] [--port 7692] [--seconds 5] [--levels 1,8,32] [--mixes zipf,round-robin]`:
// the side-by-side part of `npm run bench` alone (issue 22, part 6): the same mixed reads through
// the driver alone, the API cold and the API warm, without the load, latency, soak and export
// runs around it, so that a change to the warm path can be measured in a few minutes. It shares
// bench:overhead's Neo4j store (.neo4j/bench-overhead-n*, loaded once and kept) and prints the
// load average beside every figure, since on this shared machine the load moves them most.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../neo4j-local/launcher.ts';
import { parseFlags } from '../server/cli/args.ts';
import { startApiChild } from './lib/api-child.ts';
import { DirectReplay } from './lib/direct.ts';
import { timedRequest } from './lib/http.ts';
import { startInstance } from './lib/instance.ts';
import { cpuByStage, STAGES, topFunctions, type CpuProfile } from './lib/profile-stages.ts';
import { round } from './lib/stats.ts';
import { bulkLoad } from './load/bulk-load.ts';
import { fmtCount } from './report.ts';
import { buildCases } from './scenarios/cases.ts';
import { captureCalls } from './scenarios/latency.ts';
import { measureSideBySide, questions, sideBySideRatios, type Mix, type Via } from './scenarios/side-by-side.ts';
import { WARM_CACHE_BYTES } from './size.ts';
import { parseCount, writeSynth } from './synth/write.ts';

const Flags = z.object({
  size: z.string().default('10k'),
  seed: z.coerce.number().int().min(0).default(1),
  port: z.coerce.number().int().min(1024).max(65_000).default(7692),
  seconds: z.coerce.number().int().min(1).max(120).default(5),
  levels: z.string().default('1,8,32'),
  mixes: z.string().default('round-robin,zipf'),
  vias: z.string().default('driver,api-cold,api-warm'),
  // A CPU profile of the warm server over the run: its time per warm request, by stage.
  profile: z.boolean().default(false),
  // The same for the cold server: where a request that runs its queries spends the API's CPU.
  'profile-cold': z.boolean().default(false),
});
const flags = parseFlags(Flags, process.argv.slice(2), {
  size: { type: 'string' },
  seed: { type: 'string' },
  port: { type: 'string' },
  seconds: { type: 'string' },
  levels: { type: 'string' },
  mixes: { type: 'string' },
  vias: { type: 'string' },
  profile: { type: 'boolean' },
  'profile-cold': { type: 'boolean' },
});
const levels = flags.levels.split(',').map(Number);
if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--levels: expected client counts such as 1,8,32`);
const mixes = flags.mixes.split(',') as Mix[];
for (const m of mixes) if (m !== 'zipf' && m !== 'round-robin') throw new Error(`--mixes: unknown "${m}"; expected zipf, round-robin`);
const vias = flags.vias.split(',') as Via[];
for (const v of vias)
  if (!['driver', 'api-cold', 'api-warm'].includes(v)) throw new Error(`--vias: unknown "${v}"; expected driver, api-cold, api-warm`);
// A ratio whose side was not run (--vias) is shown as a dash, not as ×NaN.
const ratio = (r: number) => (Number.isFinite(r) ? `×${r}` : '–');
const log = (line: string) => process.stderr.write(`[side] ${line}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

const nodes = parseCount(flags.size);
const { dir, manifest } = await writeSynth({ nodes, seed: flags.seed });
const instance = await startInstance({
  port: flags.port,
  name: `overhead-n${nodes}`,
  fresh: false,
  ...(nodes >= 50_000 ? { heap: '2g', pageCache: '1g' } : { heap: '1g', pageCache: '512m' }),
  onProgress: (l) => log(`neo4j: ${l}`),
});
const started = new Date();
const loadAtStart = load();
const loads: Record<string, string> = {};
let result;
let profile: CpuProfile | null = null;
let coldProfile: CpuProfile | null = null;
try {
  await instance.db.applySchema();
  await bulkLoad(instance.db, dir, {});
  const cold = await startApiChild({ neo4jUri: instance.uri });
  const warm = await startApiChild({ neo4jUri: instance.uri, answerCacheBytes: WARM_CACHE_BYTES });
  const direct = new DirectReplay(instance.uri);
  try {
    const captured = await captureCalls(
      cold,
      buildCases(manifest.probes).filter((c) => c.endpoint !== 'export-graphml'),
    );
    if (flags.profile) {
      // Every question answered once before the profile starts: it sees warm requests only.
      for (const q of questions(captured)) await timedRequest(warm.url, { method: 'GET', path: q.path });
      await warm.profile(true);
    }
    if (flags['profile-cold']) await cold.profile(true);
    result = await measureSideBySide({
      coldUrl: cold.url,
      warmUrl: warm.url,
      direct,
      captured,
      levels,
      seconds: flags.seconds,
      cacheBytes: WARM_CACHE_BYTES,
      mixes,
      vias,
      cpu: { 'api-cold': () => cold.cpu(), 'api-warm': () => warm.cpu() },
      seed: flags.seed,
      onProgress: (line) => {
        // "zipf, 32 clients, api-warm: …": the load average when that row ended.
        loads[line.split(':')[0]!] = load();
        log(`${line} (load ${load()})`);
      },
    });
    if (flags.profile) profile = (await warm.profile(false)) as CpuProfile;
    if (flags['profile-cold']) coldProfile = (await cold.profile(false)) as CpuProfile;
  } finally {
    await direct.close();
    await Promise.all([cold.stop(), warm.stop()]);
  }
} finally {
  await instance.stop();
}

const rowLoad = (mix: Mix, connections: number, via: string) => loads[`${mix}, ${connections} clients, ${via}`] ?? '–';
const lines = [
  `Side by side at ${fmtCount(nodes)} nodes, ${flags.seconds} s per row, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, load average at start ${loadAtStart}; requests a second.`,
  '',
  '| mix | clients | driver alone | API cold | API warm | cold ÷ driver | warm ÷ cold | warm p50 ms | warm p99 ms | API CPU µs per request, cold / warm | failures | load average (1 / 5 / 15 min) after the warm row |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];
for (const q of sideBySideRatios(result)) {
  const row = (via: string) => result.rows.find((x) => x.mix === q.mix && x.via === via && x.connections === q.connections);
  const [d, c, w] = [row('driver'), row('api-cold'), row('api-warm')];
  lines.push(
    `| ${q.mix === 'zipf' ? 'Zipf' : 'round robin'} | ${q.connections} | ${d?.requestsPerSecond ?? '–'} | ${c?.requestsPerSecond ?? '–'} | ${w?.requestsPerSecond ?? '–'} | ${ratio(q.coldOverDriver)} | ${ratio(q.warmOverCold)} | ${w?.p50 ?? '–'} | ${w?.p99 ?? '–'} | ${c?.cpuMicrosPerRequest ?? '–'} / ${w?.cpuMicrosPerRequest ?? '–'} | ${(d?.failures ?? 0) + (c?.failures ?? 0) + (w?.failures ?? 0)} | ${rowLoad(q.mix, q.connections, 'api-warm')} |`,
  );
}
let cpu: Record<string, number> | null = null;
if (profile) {
  // measureSideBySide asks every question once more before its rows: warm requests too.
  const warmRequests = result.rows.filter((r) => r.via === 'api-warm').reduce((s, r) => s + r.requests, 0) + result.questions;
  const file = join(tmpdir(), `side-warm-${process.pid}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  log(`CPU profile of the warm server: ${file}`);
  cpu = Object.fromEntries([...cpuByStage(profile)].map(([stage, ms]) => [stage, round((ms / warmRequests) * 1000)]));
  lines.push(
    '',
    `CPU of the warm API process per warm request (µs), from a V8 profile over its ${fmtCount(warmRequests)} requests:`,
    '',
    `| ${STAGES.join(' | ')} | all |`,
    `|${STAGES.map(() => '---:').join('|')}|---:|`,
    `| ${STAGES.map((s) => cpu![s]).join(' | ')} | ${round(Object.values(cpu).reduce((a, b) => a + b, 0))} |`,
  );
  for (const f of topFunctions(profile, 30)) log(`cpu ${round((f.ms / warmRequests) * 1000)} µs/request  ${f.name}  ${f.url}`);
}
if (coldProfile) {
  const coldRequests = result.rows.filter((r) => r.via === 'api-cold').reduce((s, r) => s + r.requests, 0);
  const file = join(tmpdir(), `side-cold-${process.pid}.cpuprofile`);
  writeFileSync(file, JSON.stringify(coldProfile));
  log(`CPU profile of the cold server: ${file}`);
  const perStage = Object.fromEntries([...cpuByStage(coldProfile)].map(([stage, ms]) => [stage, round((ms / coldRequests) * 1000)]));
  lines.push(
    '',
    `CPU of the cold API process per cold request (µs), from a V8 profile over its ${fmtCount(coldRequests)} requests:`,
    '',
    `| ${STAGES.join(' | ')} | all |`,
    `|${STAGES.map(() => '---:').join('|')}|---:|`,
    `| ${STAGES.map((s) => perStage[s]).join(' | ')} | ${round(Object.values(perStage).reduce((a, b) => a + b, 0))} |`,
  );
  for (const f of topFunctions(coldProfile, 40)) log(`cold cpu ${round((f.ms / coldRequests) * 1000)} µs/request  ${f.name}  ${f.url}`);
}
const resultsDir = join(REPO_ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'side-latest.json'),
  JSON.stringify(
    {
      at: started.toISOString(),
      nodes,
      flags,
      loadAtStart,
      loads,
      cpuPerWarmRequestMicros: cpu,
      ...result,
      zipfTopShare: round(result.zipfTopShare, 3),
    },
    null,
    2,
  ) + '\n',
);
process.stdout.write(lines.join('\n') + '\n');
