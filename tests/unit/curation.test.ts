// The pure parts of curation: the tie lookup covers every type of the vocabulary with an
// index, and a tie's validity at a partial date. (How a run of operations folds into a diff is
// done by Neo4j: tests/int/curation.int.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR } from '../../server/db/cypher-registry.ts';
import { RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';
import { holdsAt } from '../../server/curation/diff.ts';

describe('tie lookup by fact id', () => {
  const lookup = readFileSync(join(CYPHER_DIR, 'curation/tie-states.cypher'), 'utf8');
  const schema = readFileSync(join(CYPHER_DIR, 'schema.cypher'), 'utf8');
  it.each(RELATIONSHIP_TYPES.map((t) => [t]))('%s is sought through an index on its fact id', (type) => {
    expect(lookup).toContain(`[r:${type} {id: id}]`);
    expect(schema).toMatch(new RegExp(`FOR \\(\\)-\\[r:${type}\\]-\\(\\) ON \\(r\\.id\\)`));
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
