// Each export format is read back by a real consumer: the Cypher script by an empty Neo4j,
// GraphML by networkx, the CSV zip against neo4j-admin's header rules, Cytoscape JSON by
// headless Cytoscape, JSON by its documented shape.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cytoscape from 'cytoscape';
import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalNeo4jHandle } from '../../neo4j-local/launcher.ts';
import { Database } from '../../server/db/database.ts';
import { testApp } from '../helpers/api.ts';
import { startNeo4jOnFreePort } from '../helpers/free-port.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const { app, db } = testApp();
afterAll(() => db.close());

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
    const { nodes, relationships } = await graphDigest(db);
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
  let other: LocalNeo4jHandle;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mandate-replay-'));
    other = await startNeo4jOnFreePort({ dataDir: join(dir, 'data') });
  });
  afterAll(async () => {
    await other?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replayed into an empty Neo4j gives the same graph', async () => {
    const res = await request(app).post('/api/export').send({ format: 'cypher' });
    expect(res.status).toBe(200);
    const statements = res.text
      .split(';\n')
      .map((s) => s.replace(/^\/\/.*$/gm, '').trim())
      .filter(Boolean);
    const empty = new Database({ uri: other.uri });
    try {
      expect((await graphDigest(empty)).nodes).toBe(0);
      for (const s of statements) await empty.replayStatement(s);
      const [original, replayed] = await Promise.all([graphDigest(db), graphDigest(empty)]);
      expect(replayed.nodes).toBe(original.nodes);
      expect(replayed.relationships).toBe(original.relationships);
      expect(replayed.digest).toBe(original.digest);
      // The schema came along: search works on the copy.
      const hits = await empty.read('search/search-nodes', {
        query: '+(socialstyrelsen^3 OR socialstyrelsen*)',
        exact: 'socialstyrelsen',
        labels: null,
        limit: 1,
        candidates: 50,
      });
      expect((hits[0]?.node as { id: string }).id).toBe('socialstyrelsen');
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

describe('CSV for neo4j-admin', () => {
  it('is a zip of nodes.csv and relationships.csv with import headers', async () => {
    const res = await request(app)
      .post('/api/export')
      .send({ format: 'csv', ids: ['socialstyrelsen', 'who', 'sweden', 'swedish-government'] })
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(res.body as Buffer);
    expect(Object.keys(zip.files).sort()).toEqual(['nodes.csv', 'relationships.csv']);
    const nodes = (await zip.file('nodes.csv')!.async('string')).trim().split('\n');
    const rels = (await zip.file('relationships.csv')!.async('string')).trim().split('\n');
    const nodeHeader = nodes[0]!.split(',');
    const relHeader = rels[0]!.split(',');
    // neo4j-admin: one :ID column, optional :LABEL, typed columns name:type with known types.
    expect(nodeHeader.filter((h) => /:ID(\(.*\))?$/.test(h))).toHaveLength(1);
    expect(nodeHeader).toContain(':LABEL');
    expect(relHeader.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    const allowed =
      /^(:?[A-Za-z_][A-Za-z0-9_]*)?(:(ID|LABEL|START_ID|END_ID|TYPE|string|int|long|float|double|boolean|date|string\[\]|int\[\]))?$/;
    for (const h of [...nodeHeader, ...relHeader]) expect(h).toMatch(allowed);
    expect(nodes).toHaveLength(5);
    expect(nodes.some((l) => l.startsWith('socialstyrelsen,Entity;Agency,'))).toBe(true);
    expect(rels.length).toBeGreaterThan(1);
  });
});

describe('Cytoscape JSON', () => {
  it('loads into headless Cytoscape with the same elements', async () => {
    const res = await request(app).post('/api/export').send({ format: 'cytoscape', root: 'who', depth: 1 });
    expect(res.status).toBe(200);
    const json = JSON.parse(res.text);
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(json.elements.nodes.length);
    expect(cy.edges().length).toBe(json.elements.edges.length);
    expect(cy.getElementById('who').data('name')).toBeTruthy();
    expect(cy.edges()[0]!.data('sources')).toBeTruthy();
  });
});
