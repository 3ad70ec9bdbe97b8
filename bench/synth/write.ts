// Writes a synthetic graph as seed-format JSON lines plus a manifest (counts and the ids the
// benchmark starts its queries from). Files appear under their final names only when complete,
// so an interrupted run never leaves a half graph that a later run would take for a whole one.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { NODES_FILE, RELATIONSHIPS_FILE } from '../../seed/validate.ts';
import { SynthGraph, type SynthOptions, type SynthProbes } from './generate.ts';

export const BENCH_DATA_DIR = join(REPO_ROOT, 'bench', 'data');
/** Bump when the generator's output changes, so cached files are regenerated. */
export const GENERATOR_VERSION = 1;

export interface SynthManifest {
  generatorVersion: number;
  options: Required<SynthOptions>;
  nodes: number;
  relationships: number;
  labels: Record<string, number>;
  types: Record<string, number>;
  /** Highest degrees (both directions) among the generated ties. */
  topDegrees: Array<{ id: string; degree: number }>;
  probes: SynthProbes;
  ms: number;
}

export function defaultSynthDir(options: SynthOptions): string {
  return join(BENCH_DATA_DIR, `synth-${options.nodes}-s${options.seed}${options.idPrefix ? `-${options.idPrefix.replace(/-$/, '')}` : ''}`);
}

export function readManifest(dir: string): SynthManifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SynthManifest;
    return m.generatorVersion === GENERATOR_VERSION && existsSync(join(dir, NODES_FILE)) && existsSync(join(dir, RELATIONSHIPS_FILE))
      ? m
      : null;
  } catch {
    return null;
  }
}

/** Lines gathered into ~1 MB writes; awaits the stream when it is full. */
class LineWriter {
  private chunk: string[] = [];
  private size = 0;
  constructor(private readonly out: Writable) {}
  async line(s: string): Promise<void> {
    this.chunk.push(s);
    this.size += s.length + 1;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const text = this.chunk.join('\n') + '\n';
    this.chunk = [];
    this.size = 0;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

export interface WriteSynthOptions extends SynthOptions {
  dir?: string;
  /** Regenerate even when a complete copy with the same options exists. */
  force?: boolean;
  onProgress?: (done: number, total: number, phase: 'nodes' | 'relationships') => void;
}

/** Generates (or reuses) the graph for these options; returns its directory and manifest. */
export async function writeSynth(options: WriteSynthOptions): Promise<{ dir: string; manifest: SynthManifest; reused: boolean }> {
  const dir = resolve(options.dir ?? defaultSynthDir(options));
  const existing = readManifest(dir);
  if (existing && !options.force && sameOptions(existing.options, options)) return { dir, manifest: existing, reused: true };

  const started = performance.now();
  const graph = new SynthGraph(options);
  const tmp = `${dir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  const degree = new Map<string, number>();

  const nodesOut = new LineWriter(createWriteStream(join(tmp, NODES_FILE)));
  let n = 0;
  for (const node of graph.nodes()) {
    labels[node.label] = (labels[node.label] ?? 0) + 1;
    await nodesOut.line(JSON.stringify(node));
    if (++n % 50_000 === 0) options.onProgress?.(n, graph.nodeCount, 'nodes');
  }
  await nodesOut.close();
  options.onProgress?.(n, graph.nodeCount, 'nodes');

  const relsOut = new LineWriter(createWriteStream(join(tmp, RELATIONSHIPS_FILE)));
  let r = 0;
  // The node count is known; the relationship count only at the end (about 1.8 per node).
  const estimate = Math.round(graph.nodeCount * 1.8);
  for (const rel of graph.relationships()) {
    types[rel.type] = (types[rel.type] ?? 0) + 1;
    degree.set(rel.from, (degree.get(rel.from) ?? 0) + 1);
    degree.set(rel.to, (degree.get(rel.to) ?? 0) + 1);
    await relsOut.line(JSON.stringify(rel));
    if (++r % 50_000 === 0) options.onProgress?.(r, Math.max(r, estimate), 'relationships');
  }
  await relsOut.close();
  options.onProgress?.(r, r, 'relationships');

  const topDegrees = [...degree.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([id, d]) => ({ id, degree: d }));
  const manifest: SynthManifest = {
    generatorVersion: GENERATOR_VERSION,
    options: graph.options,
    nodes: n,
    relationships: r,
    labels,
    types,
    topDegrees,
    probes: graph.probes(),
    ms: Math.round(performance.now() - started),
  };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, manifest, reused: false };
}

function sameOptions(a: Required<SynthOptions>, b: SynthOptions): boolean {
  return a.nodes === b.nodes && a.seed === b.seed && a.idPrefix === (b.idPrefix ?? '');
}

/** "10k", "1M", "2500" → a count. */
export function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) return NaN;
  const factor = m[2] === '' ? 1 : m[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  return Math.round(Number(m[1]) * factor);
}
