// Where a server's CPU time goes, from a V8 CPU profile: each sample's function is put in a
// stage by the file it comes from. Builtins such as JSON.stringify count towards the function
// that called them (V8 reports no frame of their own), so our route framework's own time is
// mostly the answer's serialisation.

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export const STAGES = [
  'Node internals (HTTP, sockets, natives)',
  'Express, its middleware and logging',
  'zod validation',
  'readers’ lanes and answer cache',
  'route framework (parse call, JSON.stringify, send)',
  'neo4j-driver (Bolt, sessions)',
  'value conversion (server/db)',
  'answer building (server/graph, answers, routes)',
  'promises and timers',
  'garbage collection',
  'other',
] as const;
export type Stage = (typeof STAGES)[number];

export function stageOf(url: string, fn: string): Stage | null {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(root)' || fn === '(program)') return null;
  if (/node_modules\/(neo4j-driver|neo4j-driver-core|neo4j-driver-bolt-connection)\//.test(url)) return 'neo4j-driver (Bolt, sessions)';
  if (/node_modules\/zod\//.test(url)) return 'zod validation';
  if (
    /node_modules\/(express|router|helmet|cors|express-rate-limit|pino|pino-http|sonic-boom|thread-stream|on-finished|finalhandler|send|qs|path-to-regexp|debug|ms|content-type|type-is|accepts|negotiator|mime-types|vary|parseurl|encodeurl|escape-html|statuses|http-errors|depd|fast-redact|quick-format-unescaped|safe-stable-stringify|atomic-sleep|on-exit-leak-free)\//.test(
      url,
    )
  )
    return 'Express, its middleware and logging';
  if (/server\/api\/(read-lanes|answer-cache)\.ts/.test(url)) return 'readers’ lanes and answer cache';
  if (/server\/api\/route\.ts/.test(url)) return 'route framework (parse call, JSON.stringify, send)';
  if (/server\/db\//.test(url)) return 'value conversion (server/db)';
  if (/server\//.test(url)) return 'answer building (server/graph, answers, routes)';
  if (/^node:internal\/(process\/task_queues|timers)|^node:timers/.test(url)) return 'promises and timers';
  if (/^node:/.test(url) || url === '') return 'Node internals (HTTP, sockets, natives)';
  return 'other';
}

/** Milliseconds of CPU per stage over the whole profile. */
export function cpuByStage(profile: CpuProfile): Map<Stage, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<Stage, number>(STAGES.map((s) => [s, 0]));
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const stage = stageOf(node.callFrame.url, node.callFrame.functionName);
    if (stage) out.set(stage, out.get(stage)! + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return out;
}

/** The functions with the most self time over the whole profile (ms), for finding what to cut. */
export function topFunctions(profile: CpuProfile, n: number): Array<{ name: string; url: string; ms: number }> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, { name: string; url: string; ms: number }>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f || f.functionName === '(idle)') return;
    const key = `${f.functionName}\u0000${f.url}`;
    const entry = self.get(key) ?? { name: f.functionName || '(anonymous)', url: f.url.replace(/^.*node_modules\//, ''), ms: 0 };
    entry.ms += (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key, entry);
  });
  return [...self.values()].sort((a, b) => b.ms - a.ms).slice(0, n);
}
