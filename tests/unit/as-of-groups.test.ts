// The three groups of an as-of answer (issue 20) by one rule, shared by the server's answers and
// the web's table: a fact held then, one whose dates are not given (first attested only, never
// counted as held) and one whose dates place it elsewhere.
import { describe, expect, it } from 'vitest';
import { asOfGroup, byAsOfGroup } from '../../server/model/as-of.ts';
import { tiesByGroup, viewRows } from '../../web/src/features/table/rows.ts';
import { EMPTY_VIEW } from '../../web/src/state/view-state.ts';
import type { EdgeData, NodeData } from '../../web/src/api/types.ts';

describe('the as-of groups', () => {
  it('puts a fact by its dates: held then, dates not given, not valid then', () => {
    // Wigzell on WHO's Executive Board 2015–2018, asked as of 2016 and as of a day in 2016.
    expect(asOfGroup({ validFrom: '2015', validTo: '2018' }, '2016')).toBe('held');
    expect(asOfGroup({ validFrom: '2015', validTo: '2018' }, '2016-05-01')).toBe('held');
    expect(asOfGroup({ validFrom: '2015', validTo: '2018' }, '2019')).toBe('not-valid');
    expect(asOfGroup({ validFrom: '2015', validTo: '2018' }, '2014-12-31')).toBe('not-valid');
    // A month counts through its last day; a fact that began in June 2023 holds "as of 2023".
    expect(asOfGroup({ validFrom: '2023-06' }, '2023')).toBe('held');
    expect(asOfGroup({ validFrom: '2023-06' }, '2023-05')).toBe('not-valid');
    // First attested 2024, dates not given: never held, as of 2016 or as of 2024.
    expect(asOfGroup({ attested: '2024' }, '2016')).toBe('undated');
    expect(asOfGroup({ attested: '2024' }, '2024')).toBe('undated');
    expect(asOfGroup({}, '2016')).toBe('undated');
    // Only an end: held when the sources saw it by then, else its start is not given.
    expect(asOfGroup({ validTo: '2020', attested: '2015' }, '2016')).toBe('held');
    expect(asOfGroup({ validTo: '2020', attested: '2018' }, '2016')).toBe('undated');
    expect(asOfGroup({ validTo: '2010', attested: '2005' }, '2016')).toBe('not-valid');
    expect(asOfGroup({ validFrom: '2015' }, null)).toBeNull();
  });

  it('splits a list in the groups’ order, keeping the list’s order in each', () => {
    const facts = [
      { id: 'a', attested: '2024' },
      { id: 'b', validFrom: '2015', validTo: '2018' },
      { id: 'c', validTo: '2001' },
      { id: 'd', validFrom: '2010' },
    ];
    const g = byAsOfGroup(facts, (f) => asOfGroup(f, '2016'));
    expect(Object.keys(g)).toEqual(['held', 'undated', 'not-valid']);
    expect([g.held, g.undated, g['not-valid']].map((xs) => xs.map((f) => f.id))).toEqual([['b', 'd'], ['a'], ['c']]);
  });

  it('gives each tie of the table its group when the view is as of a date, and none otherwise', () => {
    const nodes = new Map<string, NodeData>([
      ['a', { id: 'a', label: 'Person', name: 'Olivia Wigzell' }],
      ['b', { id: 'b', label: 'Organisation', name: 'WHO' }],
    ]);
    const edges = [
      { id: 'board', source: 'a', target: 'b', type: 'PARTICIPATES_IN', validFrom: '2015', validTo: '2018' },
      { id: 'seen', source: 'a', target: 'b', type: 'REPRESENTS', attested: '2024' },
    ] as EdgeData[];
    const names = { label: (l: string) => l, type: (e: EdgeData) => e.type };
    const asOf = viewRows({ ...EMPTY_VIEW, nodes: ['a', 'b'], asOf: '2016' }, nodes, edges, names);
    const groups = tiesByGroup(asOf.ties);
    expect([groups.held, groups.undated, groups['not-valid']].map((xs) => xs.map((r) => r.id))).toEqual([['board'], ['seen'], []]);
    const later = tiesByGroup(viewRows({ ...EMPTY_VIEW, nodes: ['a', 'b'], asOf: '2020' }, nodes, edges, names).ties);
    expect(later['not-valid'].map((r) => r.id)).toEqual(['board']);
    expect(viewRows({ ...EMPTY_VIEW, nodes: ['a', 'b'] }, nodes, edges, names).ties.map((r) => r.group)).toEqual([null, null]);
  });
});
