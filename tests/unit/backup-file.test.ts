// The backup file as `npm run restore` reads it before it touches the database: a file that
// is not JSON, cannot be read or is of the wrong shape is refused with every problem named;
// a good one gives the rows to load. The restore itself runs on the real Neo4j in
// tests/int/import-backup.int.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGraphFile } from '../../server/data-io/graph-file.ts';
import { ValidationError } from '../../server/errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'backup-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const file = (content: unknown) => {
  const path = join(dir, `graph-${files++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const node = (id: string) => ({ id, labels: ['Entity', 'Agency'], properties: { name: id, label: 'Agency' } });
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
  ])('%s is refused, naming its problems', (_name, path, message, details) => {
    let err: unknown;
    try {
      readGraphFile(path());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(message);
    expect((err as ValidationError).details).toEqual(details);
  });
});

describe('a good backup file', () => {
  it('gives every node and relationship as rows to load, and nothing else', () => {
    const rows = readGraphFile(file({ nodes: [node('a'), node('b')], relationships: [rel('a', 'b', 'k1')] }));
    expect(Object.keys(rows).sort()).toEqual(['nodes', 'relationships']);
    expect(rows.nodes.map((n) => [n.id, n.label])).toEqual([
      ['a', 'Agency'],
      ['b', 'Agency'],
    ]);
    expect(rows.relationships.map((r) => [r.type, r.from, r.to, r.key])).toEqual([['MEMBER_OF', 'a', 'b', 'k1']]);
  });
});
