// What an import makes of a file before the graph is asked anything: its records as nodes and
// relationships, each with the place the user will be pointed to (nodes[3], line 5, row 7),
// every unreadable record named at once, and how incoming facts compare with stored ones.
import { describe, expect, it } from 'vitest';
import {
  classify,
  CSV_NODE_HEADERS,
  CSV_RELATIONSHIP_HEADERS,
  factIdsToLookUp,
  knownFactsOf,
  knownNodesOutsideFile,
  locateProblems,
  nodeIdsToLookUp,
  parseImportText,
  type Parsed,
} from '../../server/data-io/import-parse.ts';
import { parseFtm, parsePopolo } from '../../server/data-io/standard-formats.ts';
import { ValidationError } from '../../server/errors.ts';

/** The error a read throws, with its message and details, for assertions on what the user sees. */
function refusal(read: () => unknown): { message: string; details: Array<{ path: string; message: string }> } {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    const e = err as ValidationError;
    return { message: e.message, details: e.details as Array<{ path: string; message: string }> };
  }
  throw new Error('expected the file to be refused');
}

const n1 = { id: 'a', label: 'Agency' };
const r1 = { id: 'f1', type: 'MEMBER_OF', from: 'a', to: 'b' };

describe('JSON', () => {
  it('as {nodes, relationships}, with each record placed in its list', () => {
    expect(parseImportText(JSON.stringify({ nodes: [n1, { id: 'b', label: 'Ministry' }], relationships: [r1] }), 'json', '')).toEqual({
      nodes: [n1, { id: 'b', label: 'Ministry' }],
      relationships: [r1],
      where: { nodes: ['nodes[0]', 'nodes[1]'], relationships: ['relationships[0]'] },
    });
  });

  it('with only nodes or only relationships', () => {
    expect(parseImportText('{"nodes": [{"id": "a", "label": "Agency"}]}', 'json', '').where).toEqual({
      nodes: ['nodes[0]'],
      relationships: [],
    });
    expect(parseImportText('{"relationships": [{"type": "X"}]}', 'json', '').where).toEqual({
      nodes: [],
      relationships: ['relationships[0]'],
    });
  });

  it('as an array of records, told apart by "label" (a node) and "type" (a relationship)', () => {
    const out = parseImportText(JSON.stringify([r1, n1, { label: 'Agency', type: 'X' }]), 'json', '');
    expect(out.nodes).toEqual([n1, { label: 'Agency', type: 'X' }]);
    expect(out.relationships).toEqual([r1]);
    expect(out.where).toEqual({ nodes: ['[1]', '[2]'], relationships: ['[0]'] });
  });

  it('that does not parse is refused in words, the file name and the parser’s reason in the details', () => {
    const named = refusal(() => parseImportText('{"nodes": [', 'json', 'facts.json'));
    expect(named.message).toMatch(/^The file cannot be read as JSON, so nothing was read/);
    expect(named.details).toEqual([{ path: 'facts.json', message: expect.stringMatching(/^expected JSON: \S/) }]);
    const unnamed = refusal(() => parseImportText('{', 'json', ''));
    expect(unnamed.details).toEqual([{ path: 'file', message: expect.stringMatching(/^expected JSON: \S/) }]);
  });

  it('of another shape is refused, saying which shapes are read', () => {
    for (const text of ['{"records": []}', '"nodes"', '42', 'null', 'true']) {
      expect(refusal(() => parseImportText(text, 'json', ''))).toEqual({
        message: 'The file holds neither a list of records nor lists of nodes and ties: export a file from the app to see the shape.',
        details: [{ path: 'file', message: 'unexpected JSON shape' }],
      });
    }
  });

  it('with lists that are not arrays is refused', () => {
    for (const text of ['{"nodes": {}}', '{"relationships": "x"}', '{"nodes": [], "relationships": 1}']) {
      expect(refusal(() => parseImportText(text, 'json', ''))).toEqual({
        message: 'The file holds neither a list of records nor lists of nodes and ties: export a file from the app to see the shape.',
        details: [{ path: 'nodes', message: 'expected an array' }],
      });
    }
  });

  it('names every record that is not a node or a relationship, all at once', () => {
    const out = refusal(() => parseImportText(JSON.stringify({ nodes: [n1, 5, null, [n1], { id: 'x' }, 'text'] }), 'json', ''));
    expect(out.message).toBe('5 records could not be read, each listed below; nothing was written.');
    const object = 'expected an object (a node with "label" or a relationship with "type")';
    expect(out.details).toEqual([
      { path: 'nodes[1]', message: object },
      { path: 'nodes[2]', message: object },
      { path: 'nodes[3]', message: object },
      { path: 'nodes[4]', message: 'a record needs "label" (a node) or "type" (a relationship)' },
      { path: 'nodes[5]', message: object },
    ]);
  });
});

describe('JSON lines', () => {
  it('one record a line, blank lines skipped but counted', () => {
    const out = parseImportText(`${JSON.stringify(n1)}\n\n  \n${JSON.stringify(r1)}\n`, 'jsonl', '');
    expect(out).toEqual({ nodes: [n1], relationships: [r1], where: { nodes: ['line 1'], relationships: ['line 4'] } });
  });

  it('names each line that is not JSON or not a record', () => {
    const out = refusal(() => parseImportText(`${JSON.stringify(n1)}\n{"id": \n[]\n{"id": "x"}`, 'jsonl', ''));
    expect(out.details).toEqual([
      { path: 'line 2', message: 'not valid JSON' },
      { path: 'line 3', message: 'expected an object (a node with "label" or a relationship with "type")' },
      { path: 'line 4', message: 'a record needs "label" (a node) or "type" (a relationship)' },
    ]);
    expect(out.message).toBe('3 records could not be read, each listed below; nothing was written.');
  });
});

describe('CSV', () => {
  it('of nodes: lists split at ";", empty cells left out, aliases always a list, rows numbered as in a spreadsheet', () => {
    const text =
      '\uFEFFid,label,name,aliases,sources,inferredFrom,validFrom\n a , Agency ,Verket, A ; ;B ,s1;s2,f1,\nb,Ministry,,,,,2020\n';
    expect(parseImportText(text, 'csv', '')).toEqual({
      nodes: [
        { id: 'a', label: 'Agency', name: 'Verket', aliases: ['A', 'B'], sources: ['s1', 's2'], inferredFrom: ['f1'] },
        { id: 'b', label: 'Ministry', validFrom: '2020', aliases: [] },
      ],
      relationships: [],
      where: { nodes: ['row 2', 'row 3'], relationships: [] },
    });
  });

  it('with blank lines between rows, and a byte-order mark before a quoted header', () => {
    const out = parseImportText('\uFEFF"id","label"\n\n"a","Agency"\n\n\nb,Ministry\n', 'csv', '');
    expect(out.nodes).toEqual([
      { id: 'a', label: 'Agency', aliases: [] },
      { id: 'b', label: 'Ministry', aliases: [] },
    ]);
  });

  it('of relationships: the step is a number and nothing gets aliases', () => {
    const text = 'id,type,from,to,step,sources\nf1,MEMBER_OF,a,b,2,s1\nf2,MEMBER_OF,a,c,,\n';
    expect(parseImportText(text, 'csv', 'ties.csv')).toEqual({
      nodes: [],
      relationships: [
        { id: 'f1', type: 'MEMBER_OF', from: 'a', to: 'b', step: 2, sources: ['s1'] },
        { id: 'f2', type: 'MEMBER_OF', from: 'a', to: 'c' },
      ],
      where: { nodes: [], relationships: ['row 2', 'row 3'] },
    });
  });

  it('takes every documented column', () => {
    const nodes = parseImportText(`${CSV_NODE_HEADERS.join(',')}\n${CSV_NODE_HEADERS.map(() => 'v').join(',')}`, 'csv', '');
    expect(Object.keys(nodes.nodes[0]!).sort()).toEqual([...CSV_NODE_HEADERS].sort());
    const rels = parseImportText(`${CSV_RELATIONSHIP_HEADERS.join(',')}\n${CSV_RELATIONSHIP_HEADERS.map(() => 'v').join(',')}`, 'csv', '');
    expect(Object.keys(rels.relationships[0]!).sort()).toEqual([...CSV_RELATIONSHIP_HEADERS].sort());
  });

  it('with unknown columns is refused, naming them and the expected columns', () => {
    const out = refusal(() => parseImportText('id,label,colour,size\na,Agency,red,3', 'csv', ''));
    // People read that the columns are not an export's; programs find which in `details`.
    expect(out.message).toMatch(/^The file’s columns are not those of a node or tie file/);
    expect(out.details).toEqual([
      {
        path: 'header',
        message: `unknown columns colour, size; expected the columns ${CSV_NODE_HEADERS.join(',')} (nodes) or ${CSV_RELATIONSHIP_HEADERS.join(',')} (relationships)`,
      },
    ]);
    // A relationship column is unknown in a file of nodes, and the other way round.
    const unknown = (text: string) => refusal(() => parseImportText(text, 'csv', '')).details[0]!.message;
    expect(unknown('id,label,from\na,Agency,b')).toMatch(/^unknown columns from;/);
    expect(unknown('id,type,name\nf,MEMBER_OF,x')).toMatch(/^unknown columns name;/);
  });

  it('without a "label" or "type" column, or without rows, is refused', () => {
    for (const text of ['id,from,to\nf,a,b', 'id,label\n', '']) {
      expect(refusal(() => parseImportText(text, 'csv', '')).details[0]!.message).toMatch(
        /^unknown columns \(no "label" or "type" column\);/,
      );
    }
  });

  it('that does not parse is refused in words, the file name and the parser’s reason in the details', () => {
    const named = refusal(() => parseImportText('id,label\n"a,Agency', 'csv', 'x.csv'));
    expect(named.message).toMatch(/^The file cannot be read as CSV, so nothing was read/);
    expect(named.details).toEqual([{ path: 'x.csv', message: expect.stringMatching(/^malformed CSV: \S/) }]);
    const unnamed = refusal(() => parseImportText('id,label\na,Agency,extra', 'csv', ''));
    expect(unnamed.details).toEqual([{ path: 'file', message: expect.stringMatching(/^malformed CSV: \S/) }]);
  });
});

describe('FollowTheMoney and Popolo', () => {
  it('are read by their own readers', () => {
    const ftm = '{"id": "x", "schema": "PublicBody", "properties": {"name": ["X"]}}';
    expect(parseImportText(ftm, 'ftm', '')).toEqual(parseFtm(ftm));
    expect(parseImportText(ftm, 'ftm', '').nodes.length).toBe(1);
    const popolo = '{"organizations": [{"id": "x", "name": "X", "classification": "Agency"}]}';
    expect(parseImportText(popolo, 'popolo', '')).toEqual(parsePopolo(popolo));
    expect(parseImportText(popolo, 'popolo', '').nodes.length).toBe(1);
  });
});

const parsed = (nodes: Array<Record<string, unknown>>, relationships: Array<Record<string, unknown>>): Parsed => ({
  nodes,
  relationships,
  where: { nodes: nodes.map((_, i) => `nodes[${i}]`), relationships: relationships.map((_, i) => `relationships[${i}]`) },
});

describe('what the graph is asked', () => {
  it('the nodes of the file and every node its relationships name, once each', () => {
    const file = parsed(
      [{ id: 'a' }, { id: 'b' }],
      [
        { from: 'a', to: 'x', forum: 'y', principal: 'z' },
        { from: 'x', to: 7, forum: null },
        { from: 'w', to: 'b' },
      ],
    );
    expect(nodeIdsToLookUp(file)).toEqual(['a', 'b', 'x', 'y', 'z', 'w']);
  });

  it('which stored nodes the file leans on without bringing them, with their labels', () => {
    const file = parsed([{ id: 'a' }], []);
    const stored = new Map([
      ['a', { id: 'a', label: 'Agency' }],
      ['m', { id: 'm', label: 'Ministry' }],
      ['odd', { id: 'odd', label: 'Planet' }],
    ]);
    expect([...knownNodesOutsideFile(file, stored)]).toEqual([['m', 'Ministry']]);
  });

  it('the facts a basis or an inference names that the file does not bring', () => {
    const file = parsed(
      [],
      [
        { id: 'f1', basisRef: 'g1', inferredFrom: ['f1', 'g2', 3] },
        { id: 'f2', basisRef: 'f1', inferredFrom: 'g3' },
        { id: 'f3', basisRef: 5, inferredFrom: ['g1'] },
      ],
    );
    expect(factIdsToLookUp(file)).toEqual(['g1', 'g2']);
  });

  it('keeps the facts found with a known type', () => {
    expect([
      ...knownFactsOf([
        { id: 'g1', type: 'MEMBER_OF' },
        { id: 'g2', type: 'LIKES' },
      ]),
    ]).toEqual([['g1', 'MEMBER_OF']]);
  });
});

describe('problems found by the validator', () => {
  it('are shown at the place in the file the record came from', () => {
    const where = { nodes: ['row 2', 'row 3'], relationships: ['line 7'] };
    const problems = [
      { file: 'nodes', line: 2, path: 'label', message: 'unknown label' },
      { file: 'relationships', line: 1, path: '', message: 'unknown node' },
      { file: 'relationships', line: 4, path: 'to', message: 'beyond the file' },
      { file: 'nodes', line: 1, path: 'sources.0', message: 'no such source' },
    ];
    expect(locateProblems(problems, where)).toEqual([
      { path: 'row 3.label', message: 'unknown label' },
      { path: 'line 7', message: 'unknown node' },
      { path: 'relationships 4.to', message: 'beyond the file' },
      { path: 'row 2.sources.0', message: 'no such source' },
    ]);
  });
});

describe('incoming facts against stored ones', () => {
  const row = (id: string, properties: Record<string, unknown>) => ({ id, properties });
  const describeRow = (r: { id: string }) => `node "${r.id}"`;

  it('are new, the same, or different; the new and the different are written, the different are conflicts', () => {
    const stored = new Map<string, Record<string, unknown>>([
      ['same', { name: 'S', aliasText: 'derived', validFromDate: 'x', validToDate: 'y', attestedDate: 'z', hedge: null, list: [1, 2] }],
      ['other', { name: 'O' }],
      ['more', { name: 'M' }],
      ['less', { name: 'L', extra: 1 }],
      ['order', { list: [1, 2] }],
    ]);
    const incoming = [
      row('new', { name: 'N' }),
      row('same', { name: 'S', list: [1, 2], certainty: null, aliasText: 'differs, but is derived' }),
      row('other', { name: 'O2' }),
      row('more', { name: 'M', extra: true }),
      row('less', { name: 'L' }),
      row('order', { list: [2, 1] }),
    ];
    const conflicts: Array<{ path: string; message: string }> = [];
    const out = classify(incoming, (r) => stored.get(r.id), ['row 2', 'row 3', 'row 4', 'row 5'], describeRow, conflicts);
    expect(out.counts).toEqual({ added: 1, replaced: 4, unchanged: 1 });
    expect(out.writes.map((r) => r.id)).toEqual(['new', 'other', 'more', 'less', 'order']);
    expect(conflicts).toEqual([
      { path: 'row 4', message: 'node "other" already exists with other values' },
      { path: 'row 5', message: 'node "more" already exists with other values' },
      { path: 'node "less"', message: 'node "less" already exists with other values' },
      { path: 'node "order"', message: 'node "order" already exists with other values' },
    ]);
  });

  it('add nothing to conflicts that are already listed but the new ones', () => {
    const conflicts = [{ path: 'earlier', message: 'kept' }];
    classify([row('x', { a: 1 })], () => ({ a: 2 }), [], describeRow, conflicts);
    expect(conflicts.map((c) => c.path)).toEqual(['earlier', 'node "x"']);
    expect(classify([], () => undefined, [], describeRow, conflicts)).toEqual({
      counts: { added: 0, replaced: 0, unchanged: 0 },
      writes: [],
    });
  });
});
