// Values at the driver boundary: what a record holds becomes plain JSON values, converted where
// they lie (server/db/values.ts), and the product starts with the same Node flags wherever it runs.
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { startFlags } from '../../bench/lib/api-child.ts';
import { toPlain } from '../../server/db/values.ts';

const { Node, Relationship, Path, PathSegment } = neo4j.types;

describe('toPlain', () => {
  it('converts integers, temporal values and undefined inside maps and lists, and leaves the rest as it was', () => {
    const row = {
      count: neo4j.int(42),
      name: 'Provverket',
      flag: false,
      nothing: null,
      missing: undefined,
      nested: { when: new neo4j.types.Date(2026, 12, 7), list: [neo4j.int(1), 'two', undefined, { three: neo4j.int(3) }] },
    };
    expect(toPlain(row)).toEqual({
      count: 42,
      name: 'Provverket',
      flag: false,
      nothing: null,
      missing: null,
      nested: { when: '2026-12-07', list: [1, 'two', null, { three: 3 }] },
    });
    expect(JSON.stringify(toPlain(row))).toBe(
      '{"count":42,"name":"Provverket","flag":false,"nothing":null,"missing":null,"nested":{"when":"2026-12-07","list":[1,"two",null,{"three":3}]}}',
    );
  });

  it('gives nodes, relationships and paths their plain shapes, a node met twice in a path the same each time', () => {
    const a = new Node(neo4j.int(1), ['Agency'], { id: 'a', founded: neo4j.int(1990) }, 'e:a');
    const b = new Node(neo4j.int(2), ['Person'], { id: 'b' }, 'e:b');
    const c = new Node(neo4j.int(3), ['Agency'], { id: 'c' }, 'e:c');
    const ab = new Relationship(neo4j.int(10), neo4j.int(1), neo4j.int(2), 'EMPLOYS', { since: neo4j.int(2001) }, 'r:ab', 'e:a', 'e:b');
    const bc = new Relationship(neo4j.int(11), neo4j.int(2), neo4j.int(3), 'MEMBER_OF', {}, 'r:bc', 'e:b', 'e:c');
    const path = new Path(a, c, [new PathSegment(a, ab, b), new PathSegment(b, bc, c)]);
    const plainA = { kind: 'node', elementId: 'e:a', labels: ['Agency'], properties: { id: 'a', founded: 1990 } };
    expect(toPlain({ node: a })).toEqual({ node: plainA });
    expect(toPlain(path)).toEqual({
      kind: 'path',
      nodes: [
        plainA,
        { kind: 'node', elementId: 'e:b', labels: ['Person'], properties: { id: 'b' } },
        { kind: 'node', elementId: 'e:c', labels: ['Agency'], properties: { id: 'c' } },
      ],
      relationships: [
        {
          kind: 'relationship',
          elementId: 'r:ab',
          type: 'EMPLOYS',
          startElementId: 'e:a',
          endElementId: 'e:b',
          properties: { since: 2001 },
        },
        { kind: 'relationship', elementId: 'r:bc', type: 'MEMBER_OF', startElementId: 'e:b', endElementId: 'e:c', properties: {} },
      ],
    });
  });
});

describe('the Node flags of the server', () => {
  it('npm start, the container and the bench’s API process start Node with the same flags', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(startFlags()).toEqual(startFlags(start));
    expect(startFlags()).toContain('--max-semi-space-size=64');
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(startFlags((JSON.parse(cmd ?? '[]') as string[]).join(' '))).toEqual(startFlags());
    expect(startFlags('tsx --a=1 --b server/main.ts')).toEqual(['--a=1', '--b']);
  });
});
