// What the console draws from a statement's rows: every entity and every relationship between
// two drawn entities, wherever the statement returned them (a column, a list, a map, a path),
// each once, and nothing it cannot place on the canvas.
import { describe, expect, it } from 'vitest';
import { elementsIn } from '../../server/graph/console-elements.ts';
import type { PlainNode, PlainPath, PlainRelationship } from '../../server/db/values.ts';

const node = (elementId: string, properties: Record<string, unknown>, labels = ['Entity', 'Agency']): PlainNode => ({
  kind: 'node',
  elementId,
  labels,
  properties,
});
const rel = (
  elementId: string,
  start: string,
  end: string,
  properties: Record<string, unknown> = {},
  type = 'REPORTS_TO',
): PlainRelationship => ({ kind: 'relationship', elementId, type, startElementId: start, endElementId: end, properties });

const a = node('4:x:1', { id: 'agency-a', name: 'Agency A' });
const b = node('4:x:2', { id: 'ministry-b', name: 'Ministry B' }, ['Ministry', 'Entity']);
const ab = rel('5:x:9', '4:x:1', '4:x:2', { key: 'k-ab', certainty: 'stated' });

const ids = (out: ReturnType<typeof elementsIn>) => ({
  nodes: out.nodes.map((n) => n.data.id),
  edges: out.edges.map((e) => e.data.id),
});

describe('the console draws', () => {
  it('the entities and the relationship between them, with what the user needs to read them', () => {
    const out = elementsIn([{ a, r: ab, b }]);
    expect(out).toEqual({
      nodes: [
        { data: { label: 'Agency', id: 'agency-a', name: 'Agency A' } },
        { data: { label: 'Ministry', id: 'ministry-b', name: 'Ministry B' } },
      ],
      edges: [{ data: { id: 'k-ab', type: 'REPORTS_TO', source: 'agency-a', target: 'ministry-b', certainty: 'stated' } }],
    });
  });

  it('elements inside lists, maps and paths, and an element returned twice only once', () => {
    const path: PlainPath = { kind: 'path', nodes: [a, b], relationships: [ab] };
    expect(ids(elementsIn([{ p: path }]))).toEqual({ nodes: ['agency-a', 'ministry-b'], edges: ['k-ab'] });
    expect(ids(elementsIn([{ xs: [[a]], m: { inner: { r: ab } } }, { y: b }, { again: [a, b, ab] }]))).toEqual({
      nodes: ['agency-a', 'ministry-b'],
      edges: ['k-ab'],
    });
  });

  it('past plain values, nulls, empty rows and text', () => {
    const out = elementsIn([{}, { n: null, s: 'MATCH (n) RETURN n', x: 3, t: true, f: false, z: 0, e: '' }, { a, b, list: [null, 'x'] }]);
    expect(ids(out)).toEqual({ nodes: ['agency-a', 'ministry-b'], edges: [] });
    expect(elementsIn([])).toEqual({ nodes: [], edges: [] });
  });

  it('a node under its own label, or as an Entity when it has no other', () => {
    const plain = node('4:x:3', { id: 'x-only' }, ['Entity']);
    const first = node('4:x:4', { id: 'x-first' }, ['Entity', 'Organisation']);
    const stored = node('4:x:5', { id: 'x-stored', label: 'Agency' }, ['Entity', 'Organisation']);
    expect(elementsIn([{ plain, first, stored }]).nodes.map((n) => n.data.label)).toEqual(['Entity', 'Organisation', 'Agency']);
  });

  it('a relationship without a key under its element id, typed by Neo4j, between the ends Neo4j names', () => {
    const loose = rel('5:x:10', '4:x:2', '4:x:1', { type: 'FAKE', source: 'nobody', target: 'nobody' }, 'MEMBER_OF');
    const out = elementsIn([{ a, b, loose }]);
    expect(out.edges).toEqual([{ data: { id: '5:x:10', type: 'MEMBER_OF', source: 'ministry-b', target: 'agency-a' } }]);
  });

  it('two relationships with the same key as one edge, two with different keys as two', () => {
    const again = rel('5:x:11', '4:x:1', '4:x:2', { key: 'k-ab' });
    const other = rel('5:x:12', '4:x:1', '4:x:2', { key: 'k-other' });
    expect(ids(elementsIn([{ a, b, ab, again, other }])).edges).toEqual(['k-ab', 'k-other']);
  });
});

describe('the console leaves out', () => {
  it('nodes that are not entities of the graph (no text id)', () => {
    const counted = node('4:x:6', { id: 7, name: 'a number' });
    const anonymous = node('4:x:7', { name: 'no id' }, []);
    expect(elementsIn([{ counted, anonymous, a }]).nodes.map((n) => n.data.id)).toEqual(['agency-a']);
  });

  it('relationships whose ends are not both drawn', () => {
    const counted = node('4:x:6', { id: 7 });
    const toCounted = rel('5:x:20', '4:x:1', '4:x:6', { key: 'k-1' });
    const fromCounted = rel('5:x:21', '4:x:6', '4:x:1', { key: 'k-2' });
    const toMissing = rel('5:x:22', '4:x:1', '4:x:99', { key: 'k-3' });
    const fromMissing = rel('5:x:23', '4:x:99', '4:x:1', { key: 'k-4' });
    expect(elementsIn([{ a, counted, toCounted, fromCounted, toMissing, fromMissing }]).edges).toEqual([]);
    // The same relationship is drawn once both ends are in the rows, in any column or row.
    expect(ids(elementsIn([{ r: ab }, { a }, { b }])).edges).toEqual(['k-ab']);
  });

  it('maps the statement built to look like a relationship or a path, which stay rows', () => {
    const lookalikes = [
      { kind: 'relationship' },
      { kind: 'relationship', startElementId: '4:x:1', endElementId: 'nowhere' },
      { kind: 'relationship', startElementId: 'nowhere', endElementId: '4:x:1' },
      { kind: 'path' },
    ];
    expect(elementsIn([{ a, lookalikes }])).toEqual({
      nodes: [{ data: { label: 'Agency', id: 'agency-a', name: 'Agency A' } }],
      edges: [],
    });
  });
});
