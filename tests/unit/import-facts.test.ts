// An import from start to end, with Neo4j replaced by a stand-in graph that answers the
// look-ups and records the one write transaction: what is added, what is already there, what
// conflicts, and that nothing is written unless everything is right. The same on the real
// Neo4j: tests/int/import-backup.int.test.ts. This file is what lets `npm run mutate` judge
// import.ts in minutes (docs/mutation-testing.md).
import { describe, expect, it } from 'vitest';
import { importFacts } from '../../server/data-io/import.ts';
import type { Database, Params, Row } from '../../server/db/database.ts';
import { ConflictError, ValidationError } from '../../server/errors.ts';

interface Written {
  name: string;
  rows: Array<{ id?: string; key?: string; properties: Row }>;
}

/** A graph of stored nodes (by id), facts (id → type) and relationships (key → properties). */
function standIn(graph: { nodes?: Row[]; facts?: Record<string, string>; relationships?: Record<string, Row> } = {}) {
  const transactions: Written[][] = [];
  const db = {
    read: async (name: string, params: Params) => {
      if (name === 'nodes/nodes-by-ids')
        return (graph.nodes ?? []).filter((n) => (params.ids as string[]).includes(n.id as string)).map((node) => ({ node }));
      if (name === 'import/facts-by-ids')
        return (params.ids as string[]).filter((id) => graph.facts?.[id]).map((id) => ({ id, type: graph.facts![id] }));
      if (name === 'import/existing-relationships')
        return (params.rows as Array<{ key: string }>)
          .filter((r) => graph.relationships?.[r.key])
          .map((r) => ({ key: r.key, properties: graph.relationships![r.key] }));
      throw new Error(`unexpected read ${name}`);
    },
    writeTransaction: async (work: (tx: { run: (name: string, params: Params) => Promise<Row[]> }) => Promise<unknown>) => {
      const runs: Written[] = [];
      await work({
        run: async (name, params) => {
          runs.push({ name, rows: params.rows as Written['rows'] });
          return [];
        },
      });
      transactions.push(runs);
    },
  };
  // Only the methods above exist; the cast lets the import take a partial stand-in.
  return { db: db as unknown as Database, transactions };
}

const SOURCE = '001_1c1597dd7120e666.txt#L3-L3';
const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: 'Agency',
  name: `Agency ${id}`,
  aliases: [],
  sources: [SOURCE],
  evidence: 'A body made up for the import unit test.',
  certainty: 'inferred',
  outsideKnowledge: 'outside knowledge: made up for the import unit test',
  ...extra,
});
const tie = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
  id: `tie-${from}-${to}`,
  type: 'COOPERATES_WITH',
  from,
  to,
  sources: [SOURCE],
  evidence: 'A tie made up for the import unit test.',
  certainty: 'inferred',
  outsideKnowledge: 'outside knowledge: made up for the import unit test',
  ...extra,
});
const stored = (id: string, label = 'Agency') => ({ id, label, name: id });
const json = (body: unknown) => JSON.stringify(body);

async function refusal(promise: Promise<unknown>) {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as ValidationError | ConflictError;
}

describe('a new file', () => {
  it('is written in one transaction, tied to nodes the graph already holds', async () => {
    const { db, transactions } = standIn({ nodes: [stored('held-agency')] });
    const report = await importFacts(
      db,
      json({ nodes: [node('x-a'), node('x-b')], relationships: [tie('x-a', 'x-b'), tie('x-a', 'held-agency')] }),
    );
    expect(report).toEqual({
      nodes: { added: 2, replaced: 0, unchanged: 0 },
      relationships: { added: 2, replaced: 0, unchanged: 0 },
      written: true,
    });
    expect(transactions).toHaveLength(1);
    expect(transactions[0]!.map((run) => [run.name, run.rows.map((r) => r.id ?? r.key)])).toEqual([
      ['seed/merge-nodes', ['x-a', 'x-b']],
      ['seed/merge-relationships', [expect.any(String), expect.any(String)]],
    ]);
    expect(transactions[0]![1]!.rows.map((r) => r.properties.id)).toEqual(['tie-x-a-x-b', 'tie-x-a-held-agency']);
  });

  it('read from CSV when its name says so, and from JSON lines', async () => {
    const csv = `id,label,name,sources,evidence,certainty,outsideKnowledge\nx-c,Agency,C,${SOURCE},A body made up for the test.,inferred,outside knowledge: made up\n`;
    const { db, transactions } = standIn();
    expect(await importFacts(db, csv, { name: 'facts.csv' })).toMatchObject({ nodes: { added: 1 }, written: true });
    expect(transactions.map((runs) => runs.map((run) => run.name))).toEqual([['seed/merge-nodes']]);
    const lines = `${json(node('x-d'))}\n${json(node('x-e'))}\n`;
    expect((await importFacts(standIn().db, lines)).nodes.added).toBe(2);
    expect((await importFacts(standIn().db, lines, { format: 'jsonl' })).nodes.added).toBe(2);
  });

  it('checked in a dry run is counted and not written', async () => {
    const { db, transactions } = standIn();
    const report = await importFacts(db, json({ nodes: [node('x-a')] }), { dryRun: true });
    expect(report).toEqual({
      nodes: { added: 1, replaced: 0, unchanged: 0 },
      relationships: { added: 0, replaced: 0, unchanged: 0 },
      written: false,
    });
    expect(transactions).toEqual([]);
  });
});

describe('a file with problems writes nothing', () => {
  it('names a file that does not parse by the name it was sent under', async () => {
    const { db, transactions } = standIn();
    expect((await refusal(importFacts(db, '{"nodes": [', { name: 'facts.json' }))).message).toMatch(/^facts\.json is not valid JSON: /);
    expect((await refusal(importFacts(db, '{"nodes": ['))).message).toMatch(/^the file is not valid JSON: /);
    expect(transactions).toEqual([]);
  });

  it('names a relationship to a node neither the file nor the graph holds, at its place in the file', async () => {
    const { db, transactions } = standIn({ nodes: [stored('held-agency')] });
    const err = await refusal(
      importFacts(db, json({ nodes: [node('x-a')], relationships: [tie('held-agency', 'x-a'), tie('x-a', 'nowhere')] })),
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toBe('The file has 1 problem(s); nothing was written.');
    expect(err.details).toEqual([{ path: 'relationships[1].to', message: expect.stringContaining('nowhere') }]);
    expect(transactions).toEqual([]);
  });

  it('names a record the validator refuses, at its row of the CSV', async () => {
    const csv = `id,label,name,sources,evidence,certainty\nx-c,Agency,C,${SOURCE},A body made up for the test.,stated\nx-d,Planet,D,${SOURCE},A body made up for the test.,stated\n`;
    const err = await refusal(importFacts(standIn().db, csv, { format: 'csv' }));
    expect(err.details).toEqual([{ path: 'row 3.label', message: expect.stringContaining('Planet') }]);
  });

  it('names a basis or inference the graph does not hold, and accepts one it holds', async () => {
    const file = json({ nodes: [node('x-a'), node('x-b')], relationships: [tie('x-a', 'x-b', { inferredFrom: ['held-fact'] })] });
    const missing = await refusal(importFacts(standIn().db, file));
    expect(missing.details).toEqual([
      { path: expect.stringMatching(/^relationships\[0\]\.inferredFrom/), message: expect.stringContaining('held-fact') },
    ]);
    const held = await importFacts(standIn({ facts: { 'held-fact': 'COOPERATES_WITH' } }).db, file);
    expect(held.written).toBe(true);
  });
});

describe('a file the graph already holds', () => {
  async function imported(body: unknown) {
    const { db, transactions } = standIn({ nodes: [stored('held-agency')] });
    await importFacts(db, json(body));
    const [nodes, rels] = transactions[0]!;
    return standIn({
      nodes: [stored('held-agency'), ...nodes!.rows.map((r) => r.properties)],
      relationships: Object.fromEntries((rels?.rows ?? []).map((r) => [r.key, r.properties])),
    });
  }
  const file = { nodes: [node('x-a'), node('x-b')], relationships: [tie('x-a', 'x-b'), tie('x-a', 'held-agency')] };

  it('again changes nothing and writes nothing', async () => {
    const { db, transactions } = await imported(file);
    expect(await importFacts(db, json(file))).toEqual({
      nodes: { added: 0, replaced: 0, unchanged: 2 },
      relationships: { added: 0, replaced: 0, unchanged: 2 },
      written: false,
    });
    expect(transactions).toEqual([]);
  });

  it('with other values is a conflict, named at its place, unless replace is given', async () => {
    const { db, transactions } = await imported(file);
    const changed = {
      nodes: [node('x-a', { name: 'Renamed' }), node('x-c')],
      relationships: [tie('x-a', 'x-b', { certainty: 'stated', outsideKnowledge: undefined })],
    };
    const err = await refusal(importFacts(db, json(changed)));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe('2 fact(s) conflict with the graph; nothing was written. Send them again with replace to overwrite.');
    expect(err.details).toEqual([
      { path: 'nodes[0]', message: 'node "x-a" already exists with other values' },
      { path: 'relationships[0]', message: 'COOPERATES_WITH x-a → x-b already exists with other values' },
    ]);
    expect(transactions).toEqual([]);
    const report = await importFacts(db, json(changed), { replace: true });
    expect(report).toEqual({
      nodes: { added: 1, replaced: 1, unchanged: 0 },
      relationships: { added: 0, replaced: 1, unchanged: 0 },
      written: true,
    });
    expect(transactions[0]!.map((run) => run.rows.map((r) => r.properties.id))).toEqual([['x-a', 'x-c'], ['tie-x-a-x-b']]);
  });

  it('with replace but no difference writes nothing', async () => {
    const { db, transactions } = await imported(file);
    expect((await importFacts(db, json(file), { replace: true })).written).toBe(false);
    expect(transactions).toEqual([]);
  });
});
