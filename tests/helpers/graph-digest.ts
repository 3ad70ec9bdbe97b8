// A digest of everything in a graph (nodes, relationships, their properties), to show that a
// refused write, a failed import or a backup round trip left the graph exactly as it was.
import { createHash } from 'node:crypto';
import type { Database } from '../../server/db/database.ts';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function graphDigest(db: Database): Promise<{ digest: string; nodes: number; relationships: number }> {
  const lines: string[] = [];
  const nodes = await db.readStream('export/all-nodes', {}, (row) => void lines.push('N' + canonical(row.node)));
  const rels: string[] = [];
  const relationships = await db.readStream('export/all-relationships', {}, (row) => void rels.push('R' + canonical(row.relationship)));
  const hash = createHash('sha256');
  for (const l of lines) hash.update(l + '\n');
  for (const l of rels.sort()) hash.update(l + '\n');
  return { digest: hash.digest('hex'), nodes, relationships };
}
