// The pure parts of curation: the tie lookup covers every type of the vocabulary with an
// index, a run of operations folds into a diff, and a tie's validity at a partial date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR } from '../../server/db/cypher-registry.ts';
import { RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';
import { diffOfOps, holdsAt } from '../../server/curation/diff.ts';
import type { OpRecord } from '../../server/curation/log.ts';

describe('tie lookup by fact id', () => {
  const lookup = readFileSync(join(CYPHER_DIR, 'curation/tie-states.cypher'), 'utf8');
  const schema = readFileSync(join(CYPHER_DIR, 'schema.cypher'), 'utf8');
  it.each(RELATIONSHIP_TYPES.map((t) => [t]))('%s is sought through an index on its fact id', (type) => {
    expect(lookup).toContain(`[r:${type} {id: id}]`);
    expect(schema).toMatch(new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) ON \\(r\\.id\\)`));
  });
});

const op = (
  version: number,
  elementId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): OpRecord => ({
  seq: 0,
  version,
  elementId,
  elementKind: 'tie',
  action: 'x',
  before,
  after,
});
const tie = (validFrom: string) => ({ id: 't', type: 'PART_OF', from: 'a', to: 'b', properties: { validFrom } });

describe('diffOfOps', () => {
  it('takes the first before and the last after of each element', () => {
    const diff = diffOfOps([op(1, 't', tie('2001'), tie('2002')), op(2, 't', tie('2002'), tie('2003'))]);
    expect(diff.changed).toEqual([{ id: 't', kind: 'tie', before: tie('2001'), after: tie('2003'), fields: ['validFrom'] }]);
  });
  it('leaves out an element added and retired within the span, and one changed back', () => {
    expect(diffOfOps([op(1, 't', null, tie('2001')), op(2, 't', tie('2001'), null)])).toEqual({ added: [], retired: [], changed: [] });
    expect(diffOfOps([op(1, 't', tie('2001'), tie('2002')), op(2, 't', tie('2002'), tie('2001'))]).changed).toEqual([]);
  });
  it('keeps to the elements around a node when asked', () => {
    const ops = [op(1, 't', null, tie('2001')), op(1, 'u', null, { id: 'u', from: 'c', to: 'd', properties: {} })];
    expect(diffOfOps(ops, 'a').added.map((i) => i.id)).toEqual(['t']);
  });
});

describe('holdsAt', () => {
  it('holds when the tie overlaps the partial date, and always when undated', () => {
    expect(holdsAt({ validFromDay: '2017-01-01', validToDay: '2019-12-31' }, '2016')).toBe(false);
    expect(holdsAt({ validFromDay: '2017-01-01', validToDay: '2019-12-31' }, '2019-06')).toBe(true);
    expect(holdsAt({ validFromDay: '2016-12-31', validToDay: null }, '2016')).toBe(true);
    expect(holdsAt({ validFromDay: null, validToDay: null }, '1900')).toBe(true);
  });
});
