// The stylesheet and the state-as-classes, checked on a headless Cytoscape with styles on:
// what a reader sees for each label, type, filter, date and highlight.
import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../web/src/api/types.ts';
import { applyState, classesFor, majorCount, type ElementInfo } from '../../web/src/graph/apply.ts';
import { toElements } from '../../web/src/graph/elements.ts';
import { buildStyle, FAMILY_COLOR, LABEL_LOOK, TEXT, THEMES, TYPE_FAMILY } from '../../web/src/graph/style.ts';
import { EMPTY_VIEW, type ViewState } from '../../web/src/state/view-state.ts';
import { LABELS, TYPES } from '../../web/src/vocabulary.ts';

const nodes: NodeData[] = [
  { id: 'socialstyrelsen', label: 'Agency', name: 'Socialstyrelsen' },
  { id: 'sweden', label: 'Country', name: 'Sverige' },
  { id: 'olivia-wigzell', label: 'Person', name: 'Olivia Wigzell' },
  { id: 'who-executive-board', label: 'Organisation', name: 'WHO Executive Board' },
  { id: 'swedish-government', label: 'Government', name: 'Regeringen', certainty: 'inferred' },
];
const edges: EdgeData[] = [
  {
    id: 'r1',
    source: 'olivia-wigzell',
    target: 'sweden',
    type: 'REPRESENTS',
    forum: 'who-executive-board',
    capacity: 'government',
    validFrom: '2015',
    validTo: '2018',
  },
  { id: 'p1', source: 'olivia-wigzell', target: 'who-executive-board', type: 'PARTICIPATES_IN', validFrom: '2015', validTo: '2018' },
  { id: 'd1', source: 'olivia-wigzell', target: 'socialstyrelsen', type: 'DIRECTS' },
  {
    id: 'm1',
    source: 'swedish-government',
    target: 'socialstyrelsen',
    type: 'MANDATES',
    task: 'appoint the chief officers',
    certainty: 'inferred',
  },
  { id: 'u1', source: 'socialstyrelsen', target: 'swedish-government', type: 'UNDER' },
];

function graph(theme: 'light' | 'dark' = 'light'): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: toElements({ nodes: nodes.map((data) => ({ data })), edges: edges.map((data) => ({ data })) }),
    style: buildStyle(THEMES[theme], { transitions: false }),
  });
}

const state = (over: Partial<ViewState> = {}): ViewState => ({ ...EMPTY_VIEW, nodes: nodes.map((n) => n.id), ...over });

describe('stylesheet', () => {
  it('gives every label a colour and a shape of its own, and every type a colour', () => {
    expect(Object.keys(LABEL_LOOK).sort()).toEqual([...LABELS].sort());
    expect(new Set(Object.values(LABEL_LOOK).map((l) => l.color)).size).toBe(LABELS.length);
    const shapes = Object.values(LABEL_LOOK).map((l) => l.shape);
    // Agency and Person share the circle but differ in size and colour.
    expect(new Set(shapes).size).toBeGreaterThanOrEqual(LABELS.length - 1);
    expect(Object.keys(TYPE_FAMILY).sort()).toEqual([...TYPES].sort());
  });

  it('draws each node in its label’s colour and shape, with its name as label', () => {
    const cy = graph();
    for (const n of nodes) {
      const el = cy.getElementById(n.id);
      const look = LABEL_LOOK[n.label];
      expect(el.style('shape')).toBe(look.shape);
      expect(el.style('background-color')).toBe(hexToRgb(look.color));
      expect(el.style('label')).toBe(n.name);
    }
    expect(cy.getElementById('swedish-government').style('border-style')).toBe('dotted');
  });

  it('draws ties with arrows, their type’s colour and a caption that hides when zoomed out', () => {
    const cy = graph();
    const rep = cy.getElementById('r1');
    expect(rep.style('target-arrow-shape')).toBe('triangle');
    expect(rep.style('line-color')).toBe(hexToRgb(FAMILY_COLOR.representation));
    expect(rep.style('label')).toBe('represents in WHO Executive Board (on behalf of the government) 2015–2018');
    expect(parseFloat(rep.style('min-zoomed-font-size'))).toBe(TEXT.edgeMinZoomedFontSize);
    expect(cy.getElementById('m1').style('line-style')).toBe('dotted');
    expect(parseFloat(cy.getElementById('socialstyrelsen').style('min-zoomed-font-size'))).toBe(TEXT.nodeMinZoomedFontSize);
  });

  it('in a large view, names ordinary nodes only from a closer zoom, landmarks as before', () => {
    const cy = graph();
    cy.nodes().addClass('lod');
    const minZoomed = (id: string) => parseFloat(cy.getElementById(id).style('min-zoomed-font-size'));
    expect(minZoomed('sweden')).toBe(TEXT.largeViewMinZoomedFontSize);
    expect(TEXT.largeViewMinZoomedFontSize).toBeGreaterThan(TEXT.nodeMinZoomedFontSize);
    cy.getElementById('socialstyrelsen').addClass('major');
    expect(minZoomed('socialstyrelsen')).toBe(TEXT.majorMinZoomedFontSize);
  });

  it('works in the dark theme too', () => {
    const cy = graph('dark');
    expect(cy.getElementById('sweden').style('color')).toBe(hexToRgb(THEMES.dark.text));
  });
});

describe('state as classes', () => {
  it('hides filtered labels with their ties, and filtered types', () => {
    const cy = graph();
    applyState(cy, state({ hiddenLabels: ['Person'], hiddenTypes: ['UNDER'] }), null);
    expect(cy.getElementById('olivia-wigzell').style('display')).toBe('none');
    expect(cy.getElementById('r1').style('display')).toBe('none');
    expect(cy.getElementById('u1').style('display')).toBe('none');
    expect(cy.getElementById('m1').style('display')).toBe('element');
    // Data stays as the API sent it.
    expect(cy.getElementById('olivia-wigzell').data('label')).toBe('Person');
  });

  it('fades ties not valid as of the chosen date, and brings them back', () => {
    const cy = graph();
    applyState(cy, state({ asOf: '2016' }), null);
    expect(cy.getElementById('r1').hasClass('out-of-time')).toBe(false);
    applyState(cy, state({ asOf: '2020' }), null);
    expect(cy.getElementById('r1').hasClass('out-of-time')).toBe(true);
    expect(Number(cy.getElementById('r1').style('opacity'))).toBeLessThan(0.2);
    expect(cy.getElementById('d1').hasClass('out-of-time')).toBe(false);
    applyState(cy, state({ asOf: null }), null);
    expect(cy.getElementById('r1').hasClass('out-of-time')).toBe(false);
    expect(Number(cy.getElementById('r1').style('opacity'))).toBe(1);
  });

  it('highlights a path and dims the rest', () => {
    const cy = graph();
    applyState(cy, state(), { kind: 'path', nodes: new Set(['olivia-wigzell', 'socialstyrelsen']), edges: new Set(['d1']), root: null });
    expect(cy.getElementById('d1').hasClass('on-path')).toBe(true);
    expect(cy.getElementById('d1').style('line-color')).toBe(hexToRgb(THEMES.light.path));
    expect(cy.getElementById('sweden').hasClass('dimmed')).toBe(true);
    expect(Number(cy.getElementById('sweden').style('opacity'))).toBeLessThan(0.5);
  });

  it('marks the root of a chain and the best-connected nodes as landmarks', () => {
    const info: ElementInfo[] = [
      ...nodes.map((n) => ({ id: n.id, group: 'nodes' as const, label: n.label })),
      ...edges.map((e) => ({ id: e.id, group: 'edges' as const, type: e.type, source: e.source, target: e.target })),
    ];
    const classes = classesFor(info, state(), {
      kind: 'focus',
      nodes: new Set(['socialstyrelsen']),
      edges: new Set(),
      root: 'socialstyrelsen',
    });
    expect(classes.get('socialstyrelsen')).toEqual(expect.arrayContaining(['root', 'major', 'emphasis']));
    expect(classes.get('olivia-wigzell')).toContain('major');
    expect(majorCount(5)).toBe(6);
    expect(majorCount(10_000)).toBe(40);
  });

  it('leaves captions out where many parallel ties would pile them up', () => {
    const many = ['MANDATES', 'APPOINTS'].map((type, i) => ({
      id: `m${i}`,
      group: 'edges' as const,
      type,
      source: 'a',
      target: 'b',
    }));
    const classes = classesFor([{ id: 'a', group: 'nodes' }, { id: 'b', group: 'nodes' }, ...many], state(), null);
    expect(classes.get('m0')).toContain('crowded');
  });

  describe('ties of one type between the same two nodes', () => {
    const ab: EdgeData[] = [
      { id: 'old', source: 'socialstyrelsen', target: 'swedish-government', type: 'REPRESENTS', validFrom: '2010', validTo: '2012' },
      { id: 'new', source: 'socialstyrelsen', target: 'swedish-government', type: 'REPRESENTS', validFrom: '2020' },
      { id: 'third', source: 'socialstyrelsen', target: 'swedish-government', type: 'REPRESENTS' },
      // Same two nodes, other direction or other type: not part of the bundle.
      { id: 'back', source: 'swedish-government', target: 'socialstyrelsen', type: 'REPRESENTS' },
      { id: 'other', source: 'socialstyrelsen', target: 'swedish-government', type: 'MANDATES' },
    ];
    const bundleGraph = (): Core =>
      cytoscape({
        headless: true,
        styleEnabled: true,
        style: buildStyle(THEMES.light),
        elements: toElements({ nodes: nodes.map((data) => ({ data })), edges: ab.map((data) => ({ data })) }),
      });
    const drawn = (cy: Core) =>
      cy
        .edges()
        .filter((e) => e.style('display') !== 'none')
        .map((e) => e.id())
        .sort();

    it('are drawn as one line that says how many, the others kept in the data', () => {
      const cy = bundleGraph();
      applyState(cy, state(), null);
      expect(drawn(cy)).toEqual(['back', 'old', 'other']);
      expect(cy.getElementById('old').hasClass('bundle')).toBe(true);
      expect(cy.getElementById('old').style('label')).toBe('represents ×3');
      expect(cy.getElementById('new').hasClass('bundled')).toBe(true);
      expect(cy.getElementById('new').data('type')).toBe('REPRESENTS');
      expect(cy.getElementById('back').hasClass('bundle')).toBe(false);
    });

    it('show a tie valid as of the chosen date, the selected tie, or the one on a path', () => {
      const cy = bundleGraph();
      applyState(cy, state({ asOf: '2021' }), null);
      expect(cy.getElementById('new').hasClass('bundle')).toBe(true);
      expect(cy.getElementById('new').hasClass('out-of-time')).toBe(false);
      applyState(cy, state({ selected: ['third'] }), null);
      expect(drawn(cy)).toContain('third');
      applyState(cy, state(), { kind: 'path', nodes: new Set(), edges: new Set(['new']), root: null });
      expect(drawn(cy)).toContain('new');
    });

    it('stop being bundled when their type is filtered out', () => {
      const cy = bundleGraph();
      applyState(cy, state({ hiddenTypes: ['REPRESENTS'] }), null);
      expect(drawn(cy)).toEqual(['other']);
      expect(cy.edges('.bundle')).toHaveLength(0);
    });
  });
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}
