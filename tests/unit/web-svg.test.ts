// The SVG export: a headless Cytoscape with the real stylesheet, drawn as an SVG document.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { EdgeData, NodeData } from '../../web/src/api/types.ts';
import { applyState } from '../../web/src/graph/apply.ts';
import { toElements } from '../../web/src/graph/elements.ts';
import { outline } from '../../web/src/graph/shapes.ts';
import { buildStyle, LABEL_LOOK, THEMES } from '../../web/src/graph/style.ts';
import { renderSvg, roughMeasure, svgModelFromCy, wrap, type SvgModel } from '../../web/src/graph/svg-export.ts';
import { EMPTY_VIEW } from '../../web/src/state/view-state.ts';

const nodes: NodeData[] = [
  { id: 'socialstyrelsen', label: 'Agency', name: 'Socialstyrelsen' },
  { id: 'who', label: 'Organisation', name: 'Världshälsoorganisationen' },
  { id: 'ilo', label: 'Treaty', name: 'ILO <conventions> & "protocols"' },
  { id: 'sweden', label: 'Country', name: 'Sverige' },
];
const edges: EdgeData[] = [
  { id: 'p', source: 'socialstyrelsen', target: 'who', type: 'PARTICIPATES_IN' },
  {
    id: 'r',
    source: 'socialstyrelsen',
    target: 'sweden',
    type: 'REPRESENTS',
    forum: 'who',
    capacity: 'government',
    validFrom: '2015',
    validTo: '2018',
  },
];

function drawn(asOf: string | null = null): string {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStyle(THEMES.light, { transitions: false }),
    elements: toElements({ nodes: nodes.map((data) => ({ data })), edges: edges.map((data) => ({ data })) }).map((el, i) => ({
      ...el,
      position: { x: i * 150, y: (i % 2) * 90 },
    })),
  });
  applyState(cy, { ...EMPTY_VIEW, nodes: nodes.map((n) => n.id), asOf, hiddenLabels: ['Treaty'] }, null);
  const model = svgModelFromCy(cy, { title: 'Test view', description: 'd', metadata: '{"a":1}', background: THEMES.light.background });
  return renderSvg(model);
}

describe('SVG export', () => {
  it('draws every visible node in its shape with its name as text, and leaves hidden ones out', () => {
    const svg = drawn();
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toMatch(/<svg [^>]*viewBox="[-\d. ]+"/);
    expect(svg).toContain('<title>Test view</title>');
    expect(svg).toContain('>Socialstyrelsen</text>');
    expect(svg).toContain('>Sverige</text>');
    // The agency is an ellipse, the organisation a polygon (hexagon), the country a star.
    expect(svg).toMatch(/id="node:socialstyrelsen"[^]*?<ellipse/);
    expect(svg).toMatch(/id="node:who"[^]*?<polygon points="([-\d.]+,[-\d.]+ ){5}[-\d.]+,[-\d.]+"/);
    expect(svg).not.toContain('node:ilo');
    expect(svg).toContain(`fill="rgb(`);
    expect(LABEL_LOOK.Country.shape).toBe('star');
    expect(outline('star')).toMatchObject({ kind: 'polygon' });
  });

  it('draws ties with arrowheads and captions', () => {
    const svg = drawn();
    expect(svg).toMatch(/id="tie:r"[^]*?<path d="M [-\d. ]+L [-\d. ]+"[^>]*stroke-width="2.6"/);
    expect(svg).toContain('represents in Världshälsoorganisationen (on behalf of the government) 2015–2018');
    expect((svg.match(/<g id="tie:/g) ?? []).length).toBe(2);
  });

  it('fades ties not valid as of the chosen date', () => {
    expect(drawn('2016')).toMatch(/id="tie:r" opacity="1"/);
    expect(drawn('2020')).toMatch(/id="tie:r" opacity="0.1"/);
  });

  it('escapes text and wraps long labels the way the canvas does', () => {
    const model: SvgModel = {
      nodes: [
        {
          id: 'x',
          name: 'A & B',
          x: 0,
          y: 0,
          w: 30,
          h: 30,
          shape: 'round-tag',
          fill: '#fff',
          stroke: '#000',
          strokeWidth: 1,
          dashed: true,
          opacity: 1,
          label: {
            text: 'ILO <conventions> & "protocols" of the world',
            fontSize: 12,
            fontWeight: 'normal',
            color: '#000',
            background: '#fff',
            backgroundOpacity: 0.7,
          },
          textMaxWidth: 130,
          textMarginY: 4,
        },
      ],
      edges: [],
      background: '#fff',
      title: 'T & <U>',
      description: '',
      metadata: '{"x":"<y>"}',
    };
    const svg = renderSvg(model);
    expect(svg).toContain('<title>T &amp; &lt;U&gt;</title>');
    for (const piece of ['&lt;conventions&gt;', '&amp;', '&quot;protocols&quot;']) expect(svg).toContain(piece);
    expect(svg).toContain('stroke-dasharray="4 3"');
    expect(svg).not.toMatch(/<text[^>]*>[^<]*<[^/]/);
    expect(wrap('Myndigheten för samhällsskydd och beredskap', 130, 12, 'normal', roughMeasure)).toEqual([
      'Myndigheten för',
      'samhällsskydd och',
      'beredskap',
    ]);
  });
});
