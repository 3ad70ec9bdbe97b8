// The pure parts of issue 14: the language chosen, names in that language, dates refused
// when they do not exist, export names that say what they hold, and the table's rows as CSV.
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';
import { localiseNames, pickLang } from '../../web/src/i18n/index.ts';
import { dateProblem, decodeView, encodeView } from '../../web/src/state/url.ts';
import { exportStem, slug } from '../../web/src/state/export-name.ts';
import { EMPTY_VIEW } from '../../web/src/state/view-state.ts';
import { rowsToCsv, sortRows, viewRows } from '../../web/src/features/table/rows.ts';
import type { EdgeData, NodeData } from '../../web/src/api/types.ts';

/** Every string (and every function's result for sample arguments) in a catalogue, by path. */
function leaves(o: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof o === 'string') out.set(path, o);
  else if (typeof o === 'function') {
    const args = Array.from({ length: (o as (...a: unknown[]) => unknown).length }, () => 'x');
    try {
      const r = (o as (...a: unknown[]) => unknown)(...args);
      if (typeof r === 'string') out.set(path, r);
    } catch {
      // a function that needs real arguments: its shape is checked by the typechecker
    }
  } else if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) for (const [p, s] of leaves(v, `${path}.${k}`)) out.set(p, s);
  return out;
}

describe('the language', () => {
  it('comes from the URL, else the browser, else English', () => {
    expect(pickLang('sv', ['en-GB'])).toBe('sv');
    expect(pickLang(null, ['sv-SE', 'en'])).toBe('sv');
    expect(pickLang(null, ['de-DE', 'en-US'])).toBe('en');
    expect(pickLang(null, ['fi-FI'])).toBe('en');
    expect(pickLang('xx', ['sv'])).toBe('sv');
  });

  it('lists labels and types in the same order in both languages: the legend takes its order from the one loaded', () => {
    expect(Object.keys(sv.labels)).toEqual(Object.keys(en.labels));
    expect(Object.keys(sv.types)).toEqual(Object.keys(en.types));
  });

  it('has a Swedish string for every English one, and they differ where words are English', () => {
    // `keys` (property names) is a lookup English leaves empty: it spells keys out instead.
    const drop = (m: Map<string, string>) => new Map([...m].filter(([k]) => !k.startsWith('.keys.')));
    const e = drop(leaves(en));
    const s = drop(leaves(sv));
    expect([...s.keys()].sort()).toEqual([...e.keys()].sort());
    // Strings that are the same in both are names, formats or symbols, not English words.
    const same = [...e].filter(([k, v]) => s.get(k) === v && /[a-z]{4,}/.test(v)).map(([k]) => k);
    expect(same.sort()).toEqual(
      [
        '.app.title',
        '.labels.Organisation',
        '.labels.Person',
        '.labels.Region',
        '.app.panelToggle',
        '.toolbar.layout',
        '.details.forum',
        '.tools.forum',
        '.toolbar.formats.graphml.0',
        '.toolbar.formats.cypher.0',
        // The standards' own names.
        '.toolbar.formats.ftm.0',
        '.toolbar.formats.popolo.0',
        '.toolbar.formats.turtle.0',
        // Swedish words spelled as the English ones.
        '.curation.fieldNames.forum',
        '.ask.roles.forum',
        '.curation.kinds.import',
        '.curation.version',
        '.curation.versionLower',
        '.recorded.versionWord',
        // "author, date, version N": the date is put in the reader's language before it comes in.
        '.views.byline',
        // The documents' own titles, which are Swedish in both languages.
        '.sources.documents.000',
        '.sources.documents.001',
        '.sources.documents.003',
      ].sort(),
    );
  });

  it('puts names in English where the data has them, keeping the original', () => {
    const data = {
      nodes: [{ data: { id: 'sos', name: 'Socialstyrelsen', nameEn: 'National Board of Health and Welfare' } }],
      x: { name: 'WHO' },
    };
    localiseNames(data, 'en');
    expect(data.nodes[0]!.data).toMatchObject({ name: 'National Board of Health and Welfare', nameOriginal: 'Socialstyrelsen' });
    expect(data.x.name).toBe('WHO');
    const sv = { name: 'Socialstyrelsen', nameEn: 'National Board' };
    expect(localiseNames(sv, 'sv').name).toBe('Socialstyrelsen');
  });
});

describe('dates as typed', () => {
  it('refuses days and months that do not exist and words, accepts real partial dates', () => {
    expect(dateProblem('2016-02-30')).toMatchObject({ kind: 'day', days: 29 });
    expect(dateProblem('2015-02-29')).toMatchObject({ kind: 'day', days: 28 });
    expect(dateProblem('2016-13')).toMatchObject({ kind: 'month' });
    expect(dateProblem('yesterday')).toEqual({ kind: 'format' });
    for (const ok of ['2016', '2016-02', '2016-02-29', '2024-12-31']) expect(dateProblem(ok)).toBeNull();
  });

  it('leaves an impossible date in a link out of the view, with a reason', () => {
    const decoded = decodeView('#n=socialstyrelsen&asOf=2016-02-30&layout=force')!;
    expect(decoded.state.asOf).toBeNull();
    expect(decoded.problems.join(' ')).toMatch(/asOf/);
  });

  it('keeps the table view and "stated only" in the URL', () => {
    const state = { ...EMPTY_VIEW, nodes: ['a'], view: 'table' as const, statedOnly: true };
    expect(decodeView(encodeView(state))!.state).toMatchObject({ view: 'table', statedOnly: true });
  });
});

describe('export names', () => {
  const cache = { nodes: new Map([['socialstyrelsen', { name: 'Socialstyrelsen' }]]) };
  it('say the question, its subject and the date', () => {
    const chain = {
      ...EMPTY_VIEW,
      nodes: ['socialstyrelsen'],
      asOf: '2016',
      focus: { kind: 'chain' as const, id: 'socialstyrelsen', direction: 'up' as const },
    };
    expect(exportStem(chain, cache, 'view')).toBe('mandate-explorer-chain-socialstyrelsen-2016');
    const plain = { ...EMPTY_VIEW, nodes: ['socialstyrelsen', 'who'] };
    expect(exportStem(plain, cache, 'view')).toBe('mandate-explorer-view-2-nodes');
    expect(exportStem(plain, cache, 'view')).not.toMatch(/selection/);
    expect(exportStem({ ...plain, selected: ['socialstyrelsen'] }, cache, 'selection')).toBe('mandate-explorer-selection-socialstyrelsen');
    expect(slug('Världshälsoorganisationen (WHO)')).toBe('varldshalsoorganisationen-who');
  });
});

describe('the table of the view', () => {
  const nodes = new Map<string, NodeData>([
    ['a', { id: 'a', label: 'Agency', name: 'Socialstyrelsen', validFrom: '2010', sources: ['001_x.txt#L3'] }],
    ['b', { id: 'b', label: 'Organisation', name: 'WHO', certainty: 'inferred' }],
    ['c', { id: 'c', label: 'Person', name: 'Hidden person' }],
  ]);
  const edges: EdgeData[] = [
    {
      id: 'e1',
      source: 'a',
      target: 'b',
      type: 'REPRESENTS',
      certainty: 'hedged',
      hedge: 'i vissa fall (in some cases)',
      sources: ['001_x.txt#L16'],
    } as EdgeData,
    { id: 'e2', source: 'a', target: 'c', type: 'WORKS_AT' },
  ];
  const names = { label: (l: string) => l, type: (e: EdgeData) => e.type.toLowerCase() };
  const state = { ...EMPTY_VIEW, nodes: ['a', 'b', 'c'], hiddenLabels: ['Person' as const] };

  it('lists what the canvas shows, filters applied, and "stated only" drops the rest', () => {
    const rows = viewRows(state, nodes, edges, names);
    expect(rows.nodes.map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows.ties.map((r) => [r.id, r.certainty, r.hedge])).toEqual([['e1', 'hedged', 'i vissa fall (in some cases)']]);
    const stated = viewRows({ ...state, statedOnly: true }, nodes, edges, names);
    expect(stated.nodes.map((r) => r.id)).toEqual(['a']);
    expect(stated.ties).toEqual([]);
  });

  it('sorts by any column either way, and writes quoted CSV', () => {
    const rows = viewRows(state, nodes, edges, names);
    const collator = new Intl.Collator('en');
    expect(sortRows(rows.nodes, { key: 'name', descending: true }, collator).map((r) => r.name)).toEqual(['WHO', 'Socialstyrelsen']);
    expect(sortRows(rows.nodes, { key: 'certainty', descending: false }, collator).map((r) => r.certainty)).toEqual(['stated', 'inferred']);
    const csv = rowsToCsv(rows.nodes, rows.ties).split('\r\n');
    expect(csv[0]).toBe('"kind","id","name_or_from","type","to","dates","certainty","hedge","sources"');
    expect(csv).toContain('"tie","e1","Socialstyrelsen","REPRESENTS","WHO","","hedged","i vissa fall (in some cases)","001_x.txt#L16"');
  });
});

describe('time as the sources give it', () => {
  it('draws a tie without dates apart when the view is "as of" a date, and plainly otherwise', async () => {
    const { classesFor } = await import('../../web/src/graph/apply.ts');
    const elements = [
      { id: 'a', group: 'nodes' as const, label: 'Agency' },
      { id: 'b', group: 'nodes' as const, label: 'Agency' },
      { id: 'dated', group: 'edges' as const, type: 'MANDATES', source: 'a', target: 'b', validFrom: '2015' },
      { id: 'undated', group: 'edges' as const, type: 'FUNDS', source: 'a', target: 'b' },
    ];
    const asOf = classesFor(elements, { ...EMPTY_VIEW, asOf: '2016' }, null);
    expect(asOf.get('undated')).toContain('undated');
    expect(asOf.get('dated')).not.toContain('undated');
    expect(classesFor(elements, EMPTY_VIEW, null).get('undated')).not.toContain('undated');
  });
});
