// Popolo and FtM files written by other tools (no `mandate_explorer` extension, no role JSON)
// import what their standard fields say, and the model's validator names what they lack.
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../server/data-io/import-parse.ts';
import { parseFtm, parsePopolo } from '../../server/data-io/standard-formats.ts';
import { ValidationError } from '../../server/errors.ts';
import { validateSeedText } from '../../seed/validate.ts';

const SRC = 'urn:mandate-explorer:source:001_1c1597dd7120e666.txt#L50-L60';
const source = (note = 'cited lines') => [{ url: SRC, note }];

function validate(parsed: ReturnType<typeof parsePopolo>) {
  return validateSeedText({
    nodesText: parsed.nodes.map((n) => JSON.stringify({ evidence: 'Made up for the import unit test.', ...n })).join('\n'),
    relationshipsText: parsed.relationships.map((r) => JSON.stringify({ evidence: 'Made up for the import unit test.', ...r })).join('\n'),
    nodesFile: 'nodes',
    relationshipsFile: 'relationships',
  });
}

describe('Popolo from elsewhere', () => {
  const file = {
    persons: [{ id: 'anna-test', name: 'Anna Test', sources: source() }],
    organizations: [
      {
        id: 'test-agency',
        name: 'Testverket',
        classification: 'Agency',
        other_names: [{ name: 'Test Agency', note: 'English name' }],
        sources: source(),
      },
      { id: 'test-unit', name: 'Testenheten', classification: 'Unit', parent_id: 'test-agency', sources: source() },
      { id: 'test-forum', name: 'Test Forum', sources: source() },
      { id: 'test-country', name: 'Testland', classification: 'Country', sources: source() },
    ],
    posts: [{ id: 'post-test-chief', label: 'Testchef', organization_id: 'test-agency', sources: source() }],
    memberships: [
      { person_id: 'anna-test', post_id: 'post-test-chief', start_date: '2020-05', sources: source() },
      { member: { id: 'test-agency' }, organization_id: 'test-forum', sources: source() },
    ],
  };

  it('maps persons, classified organisations, posts, holders, memberships and parents', () => {
    expect(detectFormat(JSON.stringify(file))).toBe('popolo');
    const parsed = parsePopolo(JSON.stringify(file));
    expect(parsed.nodes.map((n) => [n.id, n.label])).toEqual([
      ['anna-test', 'Person'],
      ['test-agency', 'Agency'],
      ['test-unit', 'Unit'],
      ['test-forum', 'Organisation'],
      ['test-country', 'Country'],
      ['post-test-chief', 'Post'],
    ]);
    expect(parsed.nodes[1]).toMatchObject({ nameEn: 'Test Agency', sources: ['001_1c1597dd7120e666.txt#L50-L60'] });
    expect(parsed.relationships.map((r) => [r.type, r.from, r.to, r.validFrom ?? null])).toEqual([
      ['HOLDS_POST', 'anna-test', 'post-test-chief', '2020-05'],
      ['MEMBER_OF', 'test-agency', 'test-forum', null],
      ['PART_OF', 'test-unit', 'test-agency', null],
      ['PART_OF', 'post-test-chief', 'test-agency', null],
    ]);
    expect(validate(parsed).problems).toEqual([]);
  });

  it('a representation without a capacity is named by the validator', () => {
    const withRep = {
      ...file,
      memberships: [{ member: { id: 'test-agency' }, organization_id: 'test-forum', on_behalf_of_id: 'test-country', sources: source() }],
    };
    const parsed = parsePopolo(JSON.stringify(withRep));
    expect(parsed.relationships[0]).toMatchObject({ type: 'REPRESENTS', from: 'test-agency', to: 'test-country', forum: 'test-forum' });
    expect(
      validate(parsed)
        .problems.map((p) => p.message)
        .join('\n'),
    ).toMatch(/REPRESENTS needs a capacity/);
  });

  it('an unknown collection is reported', () => {
    expect(() => parsePopolo(JSON.stringify({ ...file, speeches: [] }))).toThrow(ValidationError);
  });
});

describe('FtM from elsewhere', () => {
  const lines = [
    { id: 'anna-test', schema: 'Person', properties: { name: ['Anna Test'], indexText: ['source: 001_1c1597dd7120e666.txt#L50-L60'] } },
    { id: 'post-test-chief', schema: 'Position', properties: { name: ['Testchef'], inceptionDate: ['2019'] } },
    { id: 'occ-1', schema: 'Occupancy', properties: { holder: ['anna-test'], post: ['post-test-chief'], startDate: ['2020-05-01'] } },
    { id: 'rep-1', schema: 'Representation', properties: { agent: ['anna-test'], client: ['post-test-chief'], role: ['lawyer'] } },
  ];

  it('maps entities and interval schemata, with the role text kept as a role', () => {
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    expect(detectFormat(text)).toBe('ftm');
    const parsed = parseFtm(text);
    expect(parsed.nodes.map((n) => [n.id, n.label, n.validFrom ?? null])).toEqual([
      ['anna-test', 'Person', null],
      ['post-test-chief', 'Post', '2019'],
    ]);
    expect(parsed.relationships).toMatchObject([
      { type: 'HOLDS_POST', from: 'anna-test', to: 'post-test-chief', validFrom: '2020-05-01' },
      { type: 'REPRESENTS', from: 'anna-test', to: 'post-test-chief', role: 'lawyer' },
    ]);
    expect(parsed.where.relationships).toEqual(['line 3', 'line 4']);
  });

  it('reports every unknown schema and property with its line', () => {
    const text = [
      ...lines,
      { id: 'v', schema: 'Vessel', properties: {} },
      { id: 'p', schema: 'Person', properties: { name: ['X'], shoeSize: ['44'] } },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    try {
      parseFtm(text);
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).details.map((d) => d.path)).toEqual(['line 5.schema', 'line 6.properties.shoeSize']);
    }
  });
});
