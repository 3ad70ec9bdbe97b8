// Backup and restore as the command-line tools run them, with Neo4j replaced by a stand-in
// that records what it is asked: a broken file changes nothing, a good one wipes the graph in
// batches, puts the schema back and loads every row, and a backup restores to the graph it was
// taken from. The same on the real Neo4j: tests/int/import-backup.int.test.ts. This file is
// what lets `npm run mutate` judge backup.ts in minutes (docs/mutation-testing.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupGraph, restoreGraph } from '../../server/data-io/backup.ts';
import { readGraphFile } from '../../server/data-io/graph-file.ts';
import type { Database, Params, Row } from '../../server/db/database.ts';
import { ValidationError } from '../../server/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'backup-restore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = (content: unknown) => {
  const path = join(dir, `graph-${files++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

/** Records every call; deletes as many as `deleted` says, batch after batch. */
function standIn(deleted: Array<Row | undefined> = [{ deleted: 0 }], stored: { nodes?: Row[]; relationships?: Row[] } = {}) {
  const calls: Array<{ name: string; params?: Params; rows?: number }> = [];
  let batch = 0;
  const db = {
    write: async (name: string, params: Params) => {
      if (name === 'admin/delete-batch') {
        calls.push({ name, params });
        const row = deleted[Math.min(batch++, deleted.length - 1)];
        return row ? [row] : [];
      }
      calls.push({ name, rows: (params.rows as unknown[]).length });
      return [];
    },
    applySchema: async () => {
      calls.push({ name: 'schema' });
      return 1;
    },
    read: async (name: string) => (name === 'export/source-documents' ? [] : Promise.reject(new Error(`unexpected read ${name}`))),
    readStream: async (name: string, _params: Params, onRow: (row: Row) => Promise<void> | void) => {
      const rows =
        name === 'export/all-nodes'
          ? (stored.nodes ?? []).map((node) => ({ node }))
          : (stored.relationships ?? []).map((relationship) => ({ relationship }));
      for (const row of rows) await onRow(row);
      return rows.length;
    },
  };
  // Only the methods above exist; the cast lets backup and restore take a partial stand-in.
  return { db: db as unknown as Database, calls };
}

const node = (id: string, label = 'Agency') => ({ id, labels: ['Entity', label], properties: { name: id, label } });
const rel = (start: string, end: string, key: string) => ({ type: 'MEMBER_OF', start, end, properties: { key } });

describe('a broken backup file', () => {
  it.each([
    [
      'that is not JSON',
      () => file('{"nodes": ['),
      /^\S+graph-\d+\.json is not valid JSON: \S/,
      [{ path: 'file', message: 'expected JSON' }],
    ],
    [
      'that does not exist',
      () => join(dir, 'missing.json'),
      /^\S+missing\.json is not valid JSON: ENOENT/,
      [{ path: 'file', message: 'expected JSON' }],
    ],
    [
      'of the wrong shape',
      () => file({ nodes: [node('a'), node('a')], relationships: [rel('a', 'b', 'k')] }),
      /^\S+graph-\d+\.json is not a Mandate Explorer graph file \(2 problem\(s\)\); nothing was changed\.$/,
      [
        { path: 'nodes.1.id', message: 'duplicate id "a"' },
        { path: 'relationships.0.end', message: 'unknown node id "b"' },
      ],
    ],
  ])('%s is refused, naming its problems, and the graph is never touched', async (_name, path, message, details) => {
    const { db, calls } = standIn();
    const err = await restoreGraph(db, path()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(message);
    expect((err as ValidationError).details).toEqual(details);
    expect(calls).toEqual([]);
  });
});

describe('a good backup file', () => {
  const nodes = Array.from({ length: 2001 }, (_, i) => node(`n${i}`));
  const good = () => file({ nodes, relationships: [rel('n0', 'n1', 'k1'), rel('n1', 'n2', 'k2')] });

  it('replaces the graph: wipes it batch by batch, puts the schema back, then loads every row in batches', async () => {
    const { db, calls } = standIn([{ deleted: 10_000 }, { deleted: 7 }, { deleted: 0 }]);
    const progress: unknown[] = [];
    const report = await restoreGraph(db, good(), { onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ nodes: 2001, relationships: 2 });
    const wipe = { name: 'admin/delete-batch', params: { batch: 10_000 } };
    expect(calls).toEqual([
      wipe,
      wipe,
      wipe,
      { name: 'schema' },
      { name: 'seed/merge-nodes', rows: 2000 },
      { name: 'seed/merge-nodes', rows: 1 },
      { name: 'seed/merge-relationships', rows: 2 },
    ]);
    expect(progress).toEqual([
      { phase: 'wipe', done: 10_000, total: 10_000 },
      { phase: 'wipe', done: 10_007, total: 10_007 },
      { phase: 'wipe', done: 10_007, total: 10_007 },
      { phase: 'nodes', done: 2000, total: 2001 },
      { phase: 'nodes', done: 2001, total: 2001 },
      { phase: 'relationships', done: 2, total: 2 },
    ]);
  });

  it('loads into an empty graph too, and without anyone watching the progress', async () => {
    for (const emptyAnswer of [undefined, { deleted: null }]) {
      const { db, calls } = standIn([emptyAnswer]);
      await restoreGraph(db, good());
      expect(calls.map((c) => c.name)).toEqual([
        'admin/delete-batch',
        'schema',
        'seed/merge-nodes',
        'seed/merge-nodes',
        'seed/merge-relationships',
      ]);
    }
  });
});

describe('a backup', () => {
  it('holds every node and relationship of the graph, and restores to the same rows', async () => {
    const stored = {
      nodes: [
        { id: 'a', label: 'Agency', name: 'A', aliasText: 'derived', validFrom: '2019' },
        { id: 'm', label: 'Ministry', name: 'M', hedge: null },
      ],
      relationships: [{ type: 'UNDER', source: 'a', target: 'm', key: 'k-am', id: 'f1', certainty: 'stated' }],
    };
    const path = join(dir, 'backup.json');
    await backupGraph(standIn([], stored).db, path);
    const rows = readGraphFile(path);
    expect(rows.nodes.map((n) => [n.id, n.label, n.validFromDay, n.properties.name])).toEqual([
      ['a', 'Agency', '2019-01-01', 'A'],
      ['m', 'Ministry', null, 'M'],
    ]);
    expect(rows.relationships).toEqual([
      expect.objectContaining({
        type: 'UNDER',
        from: 'a',
        to: 'm',
        key: 'k-am',
        properties: { key: 'k-am', id: 'f1', certainty: 'stated' },
      }),
    ]);
  });
});
