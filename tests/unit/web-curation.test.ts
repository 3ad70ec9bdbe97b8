// The pure parts of curation in the web app: the type picker follows the model's vocabulary,
// citations and refusals land in the right fields, a correction sends only what changed, and
// a diff is matched to the drawn elements and marked on the canvas with its own style.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../../server/model/vocabulary.ts';
import type { DiffAnswer } from '../../web/src/api/curation-types.ts';
import type { EdgeData, NodeData } from '../../web/src/api/types.ts';
import { classesFor, type ElementInfo } from '../../web/src/graph/apply.ts';
import { buildStyle, DIFF_COLOR, THEMES } from '../../web/src/graph/style.ts';
import { canvasDiff, isPartialDate } from '../../web/src/features/compare/model.ts';
import {
  allowedTypes,
  basisAllowed,
  changedFields,
  citation,
  fieldForPath,
  isAct,
  newFactId,
  nodeIdFrom,
  parseLines,
  type TypeRule,
} from '../../web/src/features/edit/model.ts';
import { fieldChanges } from '../../web/src/features/history/entries.ts';
import { EMPTY_VIEW } from '../../web/src/state/view-state.ts';

const RULES: TypeRule[] = RELATIONSHIP_TYPES.map((type) => ({ type, ...RELATIONSHIP_RULES[type] }));

describe('the tie type picker', () => {
  it('offers only the types the vocabulary allows between the two labels', () => {
    const agencyToOrg = allowedTypes(RULES, 'Agency', 'Organisation');
    expect(agencyToOrg).toContain('MEMBER_OF');
    expect(agencyToOrg).toContain('PARTICIPATES_IN');
    expect(agencyToOrg).not.toContain('HOLDS_POST');
    expect(agencyToOrg).not.toContain('INCLUDES');
    expect(agencyToOrg).not.toContain('WORKS_AT');
    // Exactly the rules that name both labels.
    for (const r of RULES) expect(agencyToOrg.includes(r.type)).toBe(r.from.includes('Agency') && r.to.includes('Organisation'));
    expect(allowedTypes(RULES, 'Person', 'Post')).toEqual(expect.arrayContaining(['HOLDS_POST', 'APPOINTS']));
    expect(allowedTypes(RULES, 'Treaty', 'Person')).toEqual(['MANDATES']);
  });

  it('leaves an end that is not picked yet open', () => {
    expect(allowedTypes(RULES, 'Group', null)).toContain('INCLUDES');
    expect(allowedTypes(RULES, null, null)).toHaveLength(RULES.length);
  });

  it('knows which types must, may and may not name a basis', () => {
    expect(isAct('REPRESENTS')).toBe(true);
    expect(basisAllowed('MANDATES')).toBe(true);
    expect(isAct('MANDATES')).toBe(false);
    expect(basisAllowed('COOPERATES_WITH')).toBe(false);
  });
});

describe('citations and refusals', () => {
  it('reads the cited lines as a person types them', () => {
    expect(parseLines('18-20')).toEqual({ from: 18, to: 20 });
    expect(parseLines('18–20')).toEqual({ from: 18, to: 20 });
    expect(parseLines('L18-L20')).toEqual({ from: 18, to: 20 });
    expect(parseLines(' 7 ')).toEqual({ from: 7, to: 7 });
    expect(parseLines('20-18')).toBeNull();
    expect(parseLines('0')).toBeNull();
    expect(parseLines('lines 4')).toBeNull();
  });

  it('writes the change set citation and the fact source reference', () => {
    expect(citation('001_1c1597dd7120e666.txt', '18-20')).toEqual({
      citation: { file: '001_1c1597dd7120e666.txt', lines: 'L18-L20' },
      ref: '001_1c1597dd7120e666.txt#L18-L20',
    });
    expect(citation('001_1c1597dd7120e666.txt', '5')?.ref).toBe('001_1c1597dd7120e666.txt#L5');
    expect(citation('', '5')).toBeNull();
  });

  it('puts a refusal beside the field its path names', () => {
    const fields = new Set(['certainty', 'hedge', 'reason', 'file', 'lines', 'validFrom', 'basisRef']);
    expect(fieldForPath('body.ops[0].tie.certainty', fields)).toBe('certainty');
    expect(fieldForPath('body.ops[1].set.validFrom', fields)).toBe('validFrom');
    expect(fieldForPath('body.reason', fields)).toBe('reason');
    expect(fieldForPath('body.sources[0].lines', fields)).toBe('lines');
    expect(fieldForPath('body.sources', fields)).toBeNull();
    expect(fieldForPath('body.ops[0].tie.unknownThing', fields)).toBeNull();
  });
});

describe('a correction', () => {
  it('sends only the fields that changed, and an emptied one as null', () => {
    const before = { validFrom: '2016', validTo: '2020', role: 'chair', rev: 3 };
    expect(changedFields(before, { validFrom: '2016', validTo: '2021', role: '' })).toEqual({ validTo: '2021', role: null });
    expect(changedFields(before, { validFrom: ' 2016 ' })).toEqual({});
    expect(changedFields({}, { task: 'appoint' })).toEqual({ task: 'appoint' });
  });

  it('makes ids in the model’s kebab-case', () => {
    const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    expect(nodeIdFrom('Nordiska ministerrådet för hälsa')).toBe('nordiska-ministerradet-for-halsa');
    expect(nodeIdFrom('  WHO / Europe  ')).toBe('who-europe');
    expect(newFactId('REPRESENTS', 'socialstyrelsen', 'swedish-government', 1_700_000_000_000)).toMatch(kebab);
  });

  it('lists what an operation changed, field by field', () => {
    const rows = fieldChanges(
      { type: 'COOPERATES_WITH', from: 'a', to: 'b', properties: { validFrom: '2015', rev: 1 } },
      { type: 'COOPERATES_WITH', from: 'a', to: 'b', properties: { validFrom: '2016', rev: 2 } },
    );
    expect(rows).toEqual([{ field: 'validFrom', before: '2015', after: '2016' }]);
    expect(fieldChanges(null, { id: 'x', label: 'Agency', properties: { name: 'X' } }).map((r) => r.field)).toEqual([
      'id',
      'label',
      'name',
    ]);
  });
});

describe('a diff on the canvas', () => {
  const nodes = new Map<string, NodeData>([
    ['socialstyrelsen', { id: 'socialstyrelsen', label: 'Agency', name: 'Socialstyrelsen' }],
    ['who', { id: 'who', label: 'Organisation', name: 'WHO' }],
    ['oecd', { id: 'oecd', label: 'Organisation', name: 'OECD' }],
  ]);
  const edges: EdgeData[] = [
    {
      id: 'PARTICIPATES_IN|socialstyrelsen|who||',
      source: 'socialstyrelsen',
      target: 'who',
      type: 'PARTICIPATES_IN',
      factId: 'sos-in-who',
    },
    { id: 'MEMBER_OF|socialstyrelsen|oecd|||2016|', source: 'socialstyrelsen', target: 'oecd', type: 'MEMBER_OF', validFrom: '2016' },
  ];
  // As GET /api/diff answers: each item with its state on either side.
  const answer: DiffAnswer = {
    mode: 'versions',
    from: 11,
    to: 12,
    around: null,
    added: [
      {
        id: 'sos-in-who',
        kind: 'tie',
        before: null,
        after: { type: 'PARTICIPATES_IN', from: 'socialstyrelsen', to: 'who', properties: {} },
      },
    ],
    retired: [
      {
        id: 'sos-coop-gone',
        kind: 'tie',
        before: { type: 'COOPERATES_WITH', from: 'socialstyrelsen', to: 'moldova-moh', properties: { validFrom: '2010' } },
        after: null,
      },
    ],
    changed: [
      {
        id: 'sos-member-oecd',
        kind: 'tie',
        before: { type: 'MEMBER_OF', from: 'socialstyrelsen', to: 'oecd', properties: { validFrom: '2016' } },
        after: { type: 'MEMBER_OF', from: 'socialstyrelsen', to: 'oecd', properties: { validFrom: '2016', validTo: '2024' } },
        fields: ['validTo'],
      },
    ],
  };

  it('matches each difference to the drawn tie, by fact id or by type, ends and start', () => {
    const d = canvasDiff(answer, edges, nodes);
    expect(d.marks.get('PARTICIPATES_IN|socialstyrelsen|who||')).toBe('added');
    expect(d.marks.get('MEMBER_OF|socialstyrelsen|oecd|||2016|')).toBe('changed');
    expect(d.rows.map((r) => r.mark)).toEqual(['added', 'gone', 'changed']);
    expect(d.rows[2]!.fields).toEqual(['validTo']);
    expect(new Set(d.nodes)).toEqual(new Set(['socialstyrelsen', 'who', 'moldova-moh', 'oecd']));
  });

  it('draws a retired tie from its recorded state, marked gone', () => {
    const d = canvasDiff(answer, edges, nodes);
    expect(d.ghosts).toHaveLength(1);
    const ghost = d.ghosts[0]!;
    expect(ghost).toMatchObject({ source: 'socialstyrelsen', target: 'moldova-moh', type: 'COOPERATES_WITH', validFrom: '2010' });
    expect(d.marks.get(ghost.id)).toBe('gone');
    expect(edges.some((e) => e.id === ghost.id)).toBe(false);
  });

  it('marks added, gone and changed with classes that the stylesheet draws apart', () => {
    const info: ElementInfo[] = [
      { id: 'a', group: 'edges', source: 'x', target: 'y', type: 'UNDER' },
      { id: 'g', group: 'edges', source: 'x', target: 'y', type: 'FUNDS' },
      { id: 'c', group: 'edges', source: 'x', target: 'y', type: 'SUPPORTS' },
      { id: 'n', group: 'edges', source: 'x', target: 'y', type: 'CHAIRS' },
    ];
    const marks = new Map([
      ['a', 'added'],
      ['g', 'gone'],
      ['c', 'changed'],
    ] as const);
    const classes = classesFor(info, EMPTY_VIEW, { kind: 'focus', nodes: new Set(), edges: new Set(['a', 'g', 'c']), root: null, marks });
    expect(classes.get('a')).toContain('diff-added');
    expect(classes.get('g')).toContain('diff-gone');
    expect(classes.get('c')).toContain('diff-changed');
    expect(classes.get('n')!.some((c) => c.startsWith('diff-'))).toBe(false);
    expect(classes.get('n')).toContain('dimmed');

    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStyle(THEMES.light, { transitions: false }),
      elements: [
        { data: { id: 'x' } },
        { data: { id: 'y' } },
        ...['a', 'g', 'c'].map((id) => ({
          data: { id, source: 'x', target: 'y', type: 'UNDER' },
          classes: `diff-${marks.get(id as 'a')}`,
        })),
      ],
    });
    const underlay = (id: string) => String(cy.getElementById(id).style('underlay-color'));
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
    expect(underlay('a')).toBe(rgb(DIFF_COLOR.added));
    expect(underlay('g')).toBe(rgb(DIFF_COLOR.gone));
    expect(underlay('c')).toBe(rgb(DIFF_COLOR.changed));
    expect(cy.getElementById('g').style('line-style')).toBe('dashed');
    expect(cy.getElementById('a').style('line-style')).toBe('solid');
  });

  it('takes dates as the model writes them', () => {
    expect(isPartialDate('2016')).toBe(true);
    expect(isPartialDate('2016-05')).toBe(true);
    expect(isPartialDate('2016-13')).toBe(false);
    expect(isPartialDate('16')).toBe(false);
  });
});
