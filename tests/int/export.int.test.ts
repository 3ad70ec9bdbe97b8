// Each export format is judged by something other than the exporter: the JSON's counts by an
// independent count query, the Cypher script by an empty Neo4j, GraphML by networkx, the CSV
// zip by the real `neo4j-admin database import` into a fresh store, Cytoscape JSON by headless
// Cytoscape and against the ids of the view it came from.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cytoscape from 'cytoscape';
import JSZip from 'jszip';
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIntoLocalNeo4j } from '../../neo4j-local/launcher.ts';
import { Database, type Row } from '../../server/db/database.ts';
import { testApp } from '../helpers/api.ts';
import { startNeo4jOnFreePort } from '../helpers/free-port.ts';
import { graphDigest } from '../helpers/graph-digest.ts';
import { emptyScratchNeo4j } from '../helpers/scratch-neo4j.ts';

const { app, db } = testApp();
afterAll(() => db.close());

/** A test query from tests/cypher, run through the READ-transaction path. */
async function rows(on: Database, name: string): Promise<Row[]> {
  const text = readFileSync(join(import.meta.dirname, '..', 'cypher', `${name}.cypher`), 'utf8');
  return (await on.readText(text, {}, { rowLimit: Number.MAX_SAFE_INTEGER, timeoutMs: 120_000 })).rows;
}

/** Statements run in order in one write transaction, as `cypher-shell` runs a `:begin` … `:commit` block. */
async function replayInOneTransaction(uri: string, statements: string[]): Promise<void> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      for (const s of statements) await tx.run(s);
    });
  } finally {
    await session.close();
    await driver.close();
  }
}

/** supertest collects binary bodies only when asked to. */
function binary(res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('whole-graph JSON', () => {
  it('has the documented shape, with provenance on every node and relationship', async () => {
    const res = await request(app).post('/api/export').send({ format: 'json' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="mandate-explorer-graph-.*\.json"/);
    const body = JSON.parse(res.text);
    const [{ nodes, relationships }] = (await rows(db, 'count-all')) as [{ nodes: number; relationships: number }];
    expect(nodes).toBeGreaterThan(100);
    expect(body.nodes).toHaveLength(nodes);
    expect(body.relationships).toHaveLength(relationships);
    for (const n of body.nodes) {
      expect(n).toMatchObject({ id: expect.any(String), labels: expect.arrayContaining(['Entity']) });
      expect(n.properties.sources.length).toBeGreaterThan(0);
    }
    for (const r of body.relationships) {
      expect(r).toMatchObject({ type: expect.any(String), start: expect.any(String), end: expect.any(String) });
      expect(r.properties.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('Cypher script', () => {
  let emptyUri: string;
  beforeAll(async () => {
    emptyUri = await emptyScratchNeo4j();
  });

  it('replayed into an empty Neo4j gives the same graph', { timeout: 240_000 }, async () => {
    const res = await request(app).post('/api/export').send({ format: 'cypher' });
    expect(res.status).toBe(200);
    const statements = res.text
      .split(';\n')
      .map((s) => s.replace(/^\/\/.*$/gm, '').trim())
      .filter(Boolean);
    const empty = new Database({ uri: emptyUri });
    try {
      expect((await graphDigest(empty)).nodes).toBe(0);
      // Neo4j takes no schema change and data write in one transaction: the schema statements
      // one by one, as the script lists them first; then its data statements in their order in
      // one transaction (about twice as fast as one commit each, the same graph).
      const isSchema = (s: string) => /^(CREATE|DROP)\s+(CONSTRAINT|(\w+\s+)?INDEX)\b/i.test(s);
      const firstData = statements.findIndex((s) => !isSchema(s));
      expect(firstData).toBeGreaterThan(0);
      expect(statements.slice(firstData).filter(isSchema)).toEqual([]);
      for (const s of statements.slice(0, firstData)) await empty.replayStatement(s);
      await replayInOneTransaction(emptyUri, statements.slice(firstData));
      const [original, replayed] = await Promise.all([graphDigest(db, { entities: true }), graphDigest(empty, { entities: true })]);
      expect(replayed.nodes).toBe(original.nodes);
      expect(replayed.relationships).toBe(original.relationships);
      expect(replayed.digest).toBe(original.digest);
      // The schema came along: search works on the copy.
      const hits = await empty.read('search/search-nodes', {
        query: '+(socialstyrelsen^3 OR socialstyrelsen*)',
        exact: 'socialstyrelsen',
        labels: null,
        limit: 50,
        candidates: 50,
      });
      expect(hits.map((h) => (h.node as { id: string }).id)).toContain('socialstyrelsen');
    } finally {
      await empty.close();
    }
  });
});

describe('GraphML', () => {
  it('parses in networkx with every node and edge and typed attributes', async () => {
    const res = await request(app).post('/api/export').send({ format: 'graphml', root: 'socialstyrelsen', depth: 2 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/graphml+xml');
    const elements = await request(app).get('/api/nodes/socialstyrelsen/neighborhood').query({ depth: 2, limit: 5000 });
    const dir = mkdtempSync(join(tmpdir(), 'mandate-graphml-'));
    const file = join(dir, 'export.graphml');
    writeFileSync(file, res.text);
    const script = [
      'import json, sys, networkx as nx',
      'g = nx.read_graphml(sys.argv[1], force_multigraph=True)',
      'n = g.nodes["socialstyrelsen"]',
      'steps = [d.get("step") for _, _, d in g.edges(data=True) if "step" in d]',
      'print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "name": n.get("name"), "sources": n.get("sources"), "stepTypes": sorted({type(s).__name__ for s in steps})}))',
    ].join('\n');
    const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
    rmSync(dir, { recursive: true, force: true });
    expect(out.nodes).toBe(elements.body.nodes.length);
    expect(out.edges).toBe(elements.body.edges.length);
    expect(out.name).toBe('Socialstyrelsen');
    expect(out.sources).toMatch(/\.txt#L\d+/);
    if (out.stepTypes.length) expect(out.stepTypes).toEqual(['int']);
  });
});

async function exportZip(body: object): Promise<{ status: number; zip: JSZip | null }> {
  const res = await request(app)
    .post('/api/export')
    .send(body)
    .buffer(true)
    .parse(binary as never);
  return { status: res.status, zip: res.status === 200 ? await JSZip.loadAsync(res.body as Buffer) : null };
}

/**
 * The whole graph as CSV, imported by neo4j-admin into a fresh store, and that store started.
 * Begun before the first test and awaited by the one that judges it: the importer's and the new
 * Neo4j's Java starts then overlap the Cypher replay, which mostly waits on the scratch Neo4j.
 */
async function importWholeGraphCsv(dir: string) {
  const { status, zip } = await exportZip({ format: 'csv' });
  if (!zip) return { status, output: '', copy: null };
  const files = { nodes: join(dir, 'nodes.csv'), relationships: join(dir, 'relationships.csv') };
  writeFileSync(files.nodes, await zip.file('nodes.csv')!.async('nodebuffer'));
  writeFileSync(files.relationships, await zip.file('relationships.csv')!.async('nodebuffer'));
  const store = join(dir, 'store');
  const { output } = await importIntoLocalNeo4j({
    dataDir: store,
    nodes: [files.nodes],
    relationships: [files.relationships],
    // Evidence and descriptions may hold line breaks inside quotes.
    extraArgs: ['--multiline-fields=true'],
  });
  if (!/IMPORT DONE/.test(output)) return { status, output, copy: null };
  return { status, output, copy: await startNeo4jOnFreePort({ dataDir: store }) };
}

const csvDir = mkdtempSync(join(tmpdir(), 'mandate-csv-import-'));
let csvImport: ReturnType<typeof importWholeGraphCsv> | undefined;
beforeAll(() => {
  csvImport = importWholeGraphCsv(csvDir);
  // Awaited by its test; a failure here must not count as an unhandled rejection before then.
  csvImport.catch(() => undefined);
});
afterAll(async () => {
  const copy = await csvImport?.then((r) => r.copy).catch(() => null);
  await copy?.stop();
  rmSync(csvDir, { recursive: true, force: true });
});

describe('CSV for neo4j-admin', () => {
  it('a selection is a zip of nodes.csv and relationships.csv holding just those nodes', async () => {
    const { status, zip } = await exportZip({ format: 'csv', ids: ['socialstyrelsen', 'who', 'sweden', 'swedish-government'] });
    expect(status).toBe(200);
    expect(Object.keys(zip!.files).sort()).toEqual(['nodes.csv', 'relationships.csv']);
    const nodes = (await zip!.file('nodes.csv')!.async('string')).trim().split('\n');
    expect(nodes).toHaveLength(5);
    expect(nodes.some((l) => l.startsWith('socialstyrelsen,Entity;Agency,'))).toBe(true);
  });

  it('the whole graph, imported by the real neo4j-admin into a fresh store, is the source graph', { timeout: 300_000 }, async () => {
    const { status, output, copy } = await csvImport!;
    expect(status).toBe(200);
    expect(output).toMatch(/IMPORT DONE/);
    const imported = new Database({ uri: copy!.uri });
    try {
      const [source, target] = await Promise.all([compareView(db), compareView(imported)]);
      expect(target.nodes.size).toBe(source.nodes.size);
      expect(target.relationships.size).toBe(source.relationships.size);
      // What the CSV format leaves out by design, over the whole graph: the label property
      // (it is the :LABEL column), empty values, and the derived date properties.
      const leftOut = new Set<string>();
      for (const [id, want] of source.nodes) {
        const got = target.nodes.get(id);
        expect(got, `node ${id} missing from the import`).toBeDefined();
        expect(got!.labels).toEqual(want.labels);
        for (const [k, v] of Object.entries(spread(got!.props))) expect([id, k, v]).toEqual([id, k, want.props[k]]);
        for (const [k, v] of Object.entries(want.props)) if (!(k in spread(got!.props)) && !isEmpty(v)) leftOut.add(`node.${k}`);
      }
      for (const [key, want] of source.relationships) {
        const got = target.relationships.get(key);
        expect(got, `relationship ${key} missing from the import`).toBeDefined();
        for (const [k, v] of Object.entries(spread(got!))) expect([key, k, v]).toEqual([key, k, want[k]]);
        for (const [k, v] of Object.entries(want)) if (!(k in spread(got!)) && !isEmpty(v)) leftOut.add(`relationship.${k}`);
      }
      expect([...leftOut].filter((k) => !/\.(label|(valid(From|To)|attested)Date)$/.test(k))).toEqual([]);
    } finally {
      await imported.close();
    }
  });
});

/** Nodes by id and relationships by (start, type, end, key), with their properties. */
async function compareView(on: Database) {
  const nodes = new Map<string, { labels: string[]; props: Record<string, unknown> }>();
  for (const r of await rows(on, 'csv-compare-nodes'))
    nodes.set(String(r.id), { labels: [...(r.labels as string[])].sort(), props: r.props as Record<string, unknown> });
  const relationships = new Map<string, Record<string, unknown>>();
  for (const r of await rows(on, 'csv-compare-relationships'))
    relationships.set(`${r.start}-[${r.type} ${r.key}]->${r.end}`, r.props as Record<string, unknown>);
  return { nodes, relationships };
}

/** The CSV carries a record's extra properties as one JSON column, `properties`. */
function spread(props: Record<string, unknown>): Record<string, unknown> {
  const { properties, ...rest } = props;
  return typeof properties === 'string' ? { ...rest, ...(JSON.parse(properties) as Record<string, unknown>) } : rest;
}

const isEmpty = (v: unknown) => v === '' || v === null || (Array.isArray(v) && v.length === 0);

describe('Cytoscape JSON', () => {
  it('holds exactly the nodes and edges of the view it came from, and loads into headless Cytoscape', async () => {
    const res = await request(app).post('/api/export').send({ format: 'cytoscape', root: 'who', depth: 1 });
    expect(res.status).toBe(200);
    const json = JSON.parse(res.text);
    // The view: the same neighbourhood as the explorer asks the API for it.
    const view = await request(app).get('/api/nodes/who/neighborhood').query({ depth: 1, limit: 5000 });
    expect(view.status).toBe(200);
    const ids = (list: Array<{ data: { id: string } }>) => list.map((e) => e.data.id).sort();
    expect(ids(json.elements.nodes)).toEqual(ids(view.body.nodes));
    expect(ids(json.elements.edges)).toEqual(ids(view.body.edges));
    expect(json.elements.nodes.length).toBeGreaterThan(5);
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(json.elements.nodes.length);
    expect(cy.edges().length).toBe(json.elements.edges.length);
    expect(cy.getElementById('who').data('name')).toBeTruthy();
    expect(cy.edges()[0]!.data('sources')).toBeTruthy();
  });
});
