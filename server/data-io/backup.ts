// Backup and restore of the whole graph through the whole-graph JSON file. A backup streams;
// a restore validates the entire file before it touches the database.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Database } from '../db/database.ts';
import { exportSource } from '../export/subgraph.ts';
import { writeExport } from '../export/write.ts';
import { writeRows, type LoadProgress, type LoadReport } from '../../seed/load.ts';
import { readGraphFile } from './graph-file.ts';

export async function backupGraph(db: Database, file: string): Promise<void> {
  const out = createWriteStream(file);
  const source = await exportSource(db, { format: 'json', depth: 1, direction: 'both', limit: 50_000 });
  await writeExport('json', source, out);
  out.end();
  await once(out, 'finish');
}

export interface RestoreOptions {
  onProgress?: (p: LoadProgress | { phase: 'wipe'; done: number; total: number }) => void;
}

/** Replaces the graph with the file's content: check all, wipe, then load in batches. */
export async function restoreGraph(db: Database, file: string, options: RestoreOptions = {}): Promise<LoadReport> {
  const rows = readGraphFile(file);
  let deleted = 0;
  for (;;) {
    const [row] = await db.write('admin/delete-batch', { batch: 10_000 });
    const n = Number(row?.deleted ?? 0);
    deleted += n;
    options.onProgress?.({ phase: 'wipe', done: deleted, total: deleted });
    if (n === 0) break;
  }
  await db.applySchema();
  return writeRows(db, rows.nodes, rows.relationships, {
    batchSize: 2000,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
