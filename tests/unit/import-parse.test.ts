// The pure parts of import and restore, without Neo4j: which format a file is read as, and how
// a whole-graph backup file is checked before anything is written.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../server/data-io/import-parse.ts';
import { graphFileToRows } from '../../server/data-io/graph-file.ts';

describe('detectFormat', () => {
  it('knows FollowTheMoney and Popolo by the name, with or without .json', () => {
    for (const name of ['x.ftm', 'x.FTM.json', 'x.ftm.json']) expect(detectFormat('[]', name)).toBe('ftm');
    for (const name of ['x.popolo', 'x.Popolo.JSON', 'x.popolo.json']) expect(detectFormat('[]', name)).toBe('popolo');
    for (const name of ['x.ftmx', 'x.ftm.json.bak', 'x.popolox', 'x.popolo.json.bak']) expect(detectFormat('[]', name)).toBe('json');
    expect(detectFormat('[]', 'x.ftm.jsonl')).toBe('jsonl');
    expect(detectFormat('[]', 'x.popolo.csv')).toBe('csv');
  });

  it('knows an FtM entity and a Popolo file by how the text begins, spaced as writers space it', () => {
    expect(detectFormat('{"id":"x","schema":"Person"}')).toBe('ftm');
    expect(detectFormat(' \n{ "id" : "a-b" , "schema" : "Person", "properties": {}}\n{"id": "y", "schema": "Person"}')).toBe('ftm');
    expect(detectFormat('{\n\t"id"\t:\t""\n,\n"schema"\n:\n"Person"}')).toBe('ftm');
    for (const key of ['persons', 'organizations', 'posts', 'memberships']) {
      expect(detectFormat(`{"${key}":[]}`)).toBe('popolo');
      expect(detectFormat(`\n {\n  "${key}" : []}`)).toBe('popolo');
    }
    // The same keys further in, or another key first, are records of our own format.
    expect(detectFormat('[{"id": "x", "schema": "Person"}]')).toBe('json');
    expect(detectFormat('{"nodes": [], "persons": []}')).toBe('json');
    expect(detectFormat('{"x": {"persons": []}}')).toBe('json');
    expect(detectFormat('{"id": "x", "label": "Agency", "schema": "Person"}')).toBe('json');
    expect(detectFormat('{"id": 5, "schema": "Person"}')).toBe('json');
    expect(detectFormat('{"ids": "x", "schema": "Person"}')).toBe('json');
    expect(detectFormat('{x"id": "x", "schema": "Person"}')).toBe('json');
    expect(detectFormat('{"id"x: "x", "schema": "Person"}')).toBe('json');
    expect(detectFormat('{"id": x"x", "schema": "Person"}')).toBe('json');
    expect(detectFormat('{"id": "x"x, "schema": "Person"}')).toBe('json');
    expect(detectFormat('{"id": "x", x"schema": "Person"}')).toBe('json');
    expect(detectFormat('{"id": "x", "schema"x: "Person"}')).toBe('json');
    expect(detectFormat('{x"persons": []}')).toBe('json');
    expect(detectFormat('{"persons"x: []}')).toBe('json');
  });

  it('goes by the file name first', () => {
    expect(detectFormat('{"nodes": []}', 'facts.CSV')).toBe('csv');
    expect(detectFormat('[1]', 'facts.jsonl')).toBe('jsonl');
    expect(detectFormat('id,label', 'facts.json')).toBe('csv');
    expect(detectFormat('{"id": "a"}', 'facts.csv.json')).toBe('json');
    expect(detectFormat('{"id": "a"}', 'facts.jsonl.txt')).toBe('json');
  });

  it('tells JSON lines from one JSON document by the text', () => {
    expect(detectFormat('{"id": "a"}\n{"id": "b"}')).toBe('jsonl');
    expect(detectFormat('  {"id": "a"}\n  {"id": "b"}\n')).toBe('jsonl');
    expect(detectFormat('{"nodes": [\n{"id": "a"}]}')).toBe('json');
    expect(detectFormat('{"relationships": [\n  {"type": "X"}]}')).toBe('json');
    expect(detectFormat('{"id": "a"}')).toBe('json');
    expect(detectFormat('\n{"id": "a"}')).toBe('json');
    expect(detectFormat('{ "nodes": [\n {"id": "a"}]}')).toBe('json');
    expect(detectFormat('  {"nodes": [\n {"id": "a"}]}')).toBe('json');
    expect(detectFormat('{"id": "a", "x": {"nodes": 1}}\n{"id": "b"}')).toBe('jsonl');
    expect(detectFormat('\n [\n{"id": "a"}]')).toBe('json');
    expect(detectFormat('id,label\na,Agency')).toBe('csv');
    expect(detectFormat('')).toBe('csv');
  });
});

const node = (id: string, label = 'Agency', properties: Record<string, unknown> = {}) => ({
  id,
  labels: ['Entity', label],
  properties: { name: id, aliases: ['A', 'B'], ...properties },
});
const rel = (start: string, end: string, key = `k-${start}-${end}`, properties: Record<string, unknown> = {}) => ({
  type: 'MEMBER_OF',
  start,
  end,
  properties: { key, ...properties },
});

describe('graphFileToRows', () => {
  it('turns a valid file into rows with day bounds, the label and the alias text', () => {
    const out = graphFileToRows({
      nodes: [
        node('a', 'Agency', { validFrom: '2015', validTo: '2018-06' }),
        node('b', 'Organisation', { validFrom: 'soon' }),
        node('agency-one-2'),
      ],
      relationships: [rel('a', 'b', 'k1', { validFrom: '2016-02', validTo: 2020 })],
    });
    expect(out.problems).toEqual([]);
    expect(out.nodes[0]).toEqual({
      id: 'a',
      label: 'Agency',
      validFromDay: '2015-01-01',
      validToDay: '2018-06-30',
      attestedDay: null,
      properties: { name: 'a', aliases: ['A', 'B'], validFrom: '2015', validTo: '2018-06', id: 'a', label: 'Agency', aliasText: 'A | B' },
    });
    expect(out.nodes[1]).toMatchObject({ label: 'Organisation', validFromDay: null, validToDay: null });
    expect(out.relationships).toEqual([
      {
        type: 'MEMBER_OF',
        from: 'a',
        to: 'b',
        key: 'k1',
        validFromDay: '2016-02-01',
        validToDay: null,
        attestedDay: null,
        properties: { key: 'k1', validFrom: '2016-02', validTo: 2020 },
      },
    ]);
  });

  it('wants kebab-case ids and a key on every relationship', () => {
    const out = graphFileToRows({
      nodes: [node('ok-id!'), node('Ab')],
      relationships: [{ type: 'MEMBER_OF', start: 'a', end: 'b', properties: {} }],
    });
    expect(out.problems.map((p) => p.path).sort()).toEqual(['nodes.0.id', 'nodes.1.id', 'relationships.0.properties.key']);
  });

  it('makes an alias text from no aliases at all', () => {
    const out = graphFileToRows({ nodes: [{ id: 'a', labels: ['Entity', 'Agency'], properties: {} }], relationships: [] });
    expect(out.nodes[0]!.properties.aliasText).toBe('');
  });

  it('names each problem with its path, and writes no rows for a file of the wrong shape', () => {
    const bad = graphFileToRows({ nodes: [{ id: 'Not Kebab', labels: ['Agency'], properties: {} }], relationships: [{ type: 'LIKES' }] });
    expect(bad.nodes).toEqual([]);
    expect(bad.relationships).toEqual([]);
    const paths = bad.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['nodes.0.id', 'nodes.0.labels', 'relationships.0.type', 'relationships.0.start']));
    expect(bad.problems.find((p) => p.path === 'nodes.0.id')!.message).toBe('expected a kebab-case id');
    expect(bad.problems.find((p) => p.path === 'nodes.0.labels')!.message).toBe('expected the Entity label');
    expect(graphFileToRows(null).problems.length).toBeGreaterThan(0);
  });

  it('stops listing problems at 200', () => {
    const nodes = Array.from({ length: 300 }, () => ({ id: 'X', labels: [], properties: {} }));
    expect(graphFileToRows({ nodes, relationships: [] }).problems).toHaveLength(200);
  });

  it('finds an unknown label, a duplicate id, an unknown end and a duplicate key', () => {
    const out = graphFileToRows({
      nodes: [node('a'), node('a'), node('c', 'Planet')],
      relationships: [rel('a', 'nowhere', 'k'), rel('nobody', 'a', 'k')],
    });
    expect(out.problems).toEqual([
      { path: 'nodes.1.id', message: 'duplicate id "a"' },
      { path: 'nodes.2.labels', message: expect.stringMatching(/^expected Entity and one of \w+, \w+, .*Agency/) },
      { path: 'relationships.0.end', message: 'unknown node id "nowhere"' },
      { path: 'relationships.1.start', message: 'unknown node id "nobody"' },
      { path: 'relationships.1.properties.key', message: 'duplicate relationship key' },
    ]);
    expect(out.nodes[2]!.properties.label).toBe('Planet');
  });

  it('refuses a node with only the Entity label', () => {
    const out = graphFileToRows({ nodes: [{ id: 'a', labels: ['Entity'], properties: {} }], relationships: [] });
    expect(out.problems).toEqual([{ path: 'nodes.0.labels', message: expect.stringMatching(/^expected Entity and one of/) }]);
    expect(out.nodes[0]!.label).toBe('Entity');
  });
});
