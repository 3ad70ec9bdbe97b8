// The figure for reports (web/src/graph/figure.ts), shared by the web app and the server:
// what its legend lists, how names wrap, where tie captions go, which sources it names.
import { describe, expect, it } from 'vitest';
import {
  bundleText,
  composeFigure,
  legendOf,
  nodeLines,
  overlaps,
  placeEdgeLabels,
  sourcesOf,
  type Box,
  type FigureFrame,
  type FigureWords,
} from '../../web/src/graph/figure.ts';
import { roughMeasure, type SvgEdge, type SvgModel, type SvgNode } from '../../web/src/graph/svg-export.ts';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';

const words = (t: typeof en): FigureWords => ({ ...t.figure, labels: t.labels, types: t.types });

function node(id: string, kind: string, name: string, x: number, y: number, sources: string[] = []): SvgNode {
  return {
    id,
    name,
    x,
    y,
    w: 30,
    h: 30,
    shape: 'ellipse',
    fill: '#2f7fc1',
    stroke: '#1b4f7a',
    strokeWidth: 1.5,
    dashed: false,
    opacity: 1,
    label: { text: name, fontSize: 12, fontWeight: 'normal', color: '#000', background: null, backgroundOpacity: 0 },
    textMaxWidth: 130,
    textMarginY: 4,
    kind,
    sources,
  };
}

function edge(
  id: string,
  from: SvgNode,
  to: SvgNode,
  type: string,
  caption: string,
  certainty = 'stated',
  sources: string[] = [],
): SvgEdge {
  return {
    id,
    source: { x: from.x, y: from.y },
    target: { x: to.x, y: to.y },
    controls: [],
    color: '#2f6fdb',
    width: 1.6,
    dashed: certainty === 'hedged',
    dotted: certainty === 'inferred',
    opacity: 1,
    arrow: true,
    label: { text: caption, fontSize: 10, fontWeight: 'normal', color: '#000', background: '#fff', backgroundOpacity: 0.85 },
    labelAt: { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 },
    type,
    certainty,
    sources,
    ends: [from.id, to.id],
  };
}

const model = (nodes: SvgNode[], edges: SvgEdge[]): SvgModel => ({
  nodes,
  edges,
  background: '#ffffff',
  title: 't',
  description: 'd',
  metadata: '{}',
});

const documents = [
  {
    file: '001_a.txt',
    title: 'Vårt internationella arbete',
    publisher: 'Socialstyrelsen (National Board of Health and Welfare, Sweden), web page',
    written: '2021',
  },
  { file: '003_b.txt', title: 'Internationella samarbeten', publisher: 'Kerstin Carlsson, chapter in a book', written: '2024-05' },
  { file: '000_c.txt', title: 'Internationellt samarbete', publisher: 'Social- och hälsovårdsministeriet, web page', written: '2003' },
];

const frame = (t: typeof en, caption: string | null = null): FigureFrame => ({
  title: 'Socialstyrelsen and its ties',
  caption,
  dateLine: t.figure.asOf('2016'),
  versionLine: t.figure.version(12, '1 December 2026'),
  documents,
  words: words(t),
});

/** The boxes the SVG says its tie captions occupy. */
function captionBoxes(svg: string): Box[] {
  return [...svg.matchAll(/class="tie-caption" data-box="([-\d. ]+)"/g)].map((m) => {
    const [x1, y1, x2, y2] = m[1]!.split(' ').map(Number) as [number, number, number, number];
    return { x1, y1, x2, y2 };
  });
}

const legendKeys = (svg: string, column: string) => {
  const start = svg.indexOf(`<g id="${column}">`);
  const end = svg.indexOf('id="legend-', start + 10);
  const part = start < 0 ? '' : svg.slice(start, end < 0 ? undefined : end);
  return [...part.matchAll(/class="legend-item" data-key="([^"]+)"/g)].map((m) => m[1]);
};

describe('figure legend', () => {
  const sos = node('sos', 'Agency', 'Socialstyrelsen', 0, 0, ['001_a.txt#L1-L2']);
  const who = node('who', 'Organisation', 'World Health Organization', 300, 0);
  const se = node('se', 'Country', 'Sweden', 0, 200);
  const m = model(
    [sos, who, se],
    [edge('r', sos, se, 'REPRESENTS', 'represents'), edge('p', sos, who, 'PARTICIPATES_IN', 'participates in', 'hedged')],
  );

  it('lists only the kinds of node and tie drawn, and only the certainties drawn', () => {
    const legend = legendOf(m, words(en));
    expect(legend.nodes.map((e) => e.key)).toEqual(['Agency', 'Organisation', 'Country']);
    expect(legend.ties.map((e) => e.key)).toEqual(['PARTICIPATES_IN', 'REPRESENTS']);
    expect(legend.certainty.map((e) => e.key)).toEqual(['stated', 'hedged']);
    const svg = composeFigure(m, frame(en), roughMeasure);
    expect(legendKeys(svg, 'legend-nodes')).toEqual(['Agency', 'Organisation', 'Country']);
    expect(legendKeys(svg, 'legend-certainty')).toEqual(['stated', 'hedged']);
    expect(svg).toContain('>Agency<');
    expect(svg).not.toContain('>Person<');
    expect(svg).not.toContain(en.figure.certainty.inferred);
  });

  it('says which ties are pale for want of dates only when such a tie is drawn', () => {
    expect(legendOf(m, words(en)).certainty.map((e) => e.key)).not.toContain('undated');
    const pale = { ...edge('u', sos, who, 'MEMBER_OF', 'member of'), undated: true, opacity: 0.45 };
    const withPale = model(m.nodes, [...m.edges, pale]);
    expect(legendOf(withPale, words(en)).certainty.map((e) => e.key)).toEqual(['stated', 'hedged', 'undated']);
    expect(composeFigure(withPale, frame(en), roughMeasure)).toContain('data-key="undated"');
    expect(composeFigure(m, frame(en), roughMeasure)).not.toContain('data-key="undated"');
  });

  it('speaks the language asked for', () => {
    const svg = composeFigure(m, frame(sv, 'Bildtext för rapporten'), roughMeasure);
    expect(svg).toContain(sv.figure.kindsOfNode);
    expect(svg).toContain(`>${sv.labels.Agency}<`);
    expect(svg).toContain(sv.figure.certainty.hedged);
    expect(svg).not.toContain(en.figure.kindsOfNode);
    expect(svg).toContain('Per 2016');
  });

  it('carries the title, date, version and caption', () => {
    const svg = composeFigure(m, frame(en, 'Drawn for the annual report & its annex'), roughMeasure);
    expect(/<g id="figure-title">.*Socialstyrelsen and its ties/s.test(svg)).toBe(true);
    expect(/<g id="figure-date">.*As of 2016 · data version 12, recorded 1 December 2026/s.test(svg)).toBe(true);
    expect(/<g id="caption">.*Drawn for the annual report &amp; its annex/s.test(svg)).toBe(true);
    expect(composeFigure(m, frame(en), roughMeasure)).not.toContain('id="caption"');
  });
});

describe('figure names', () => {
  it('wraps a long name onto lines instead of cutting it', () => {
    const stm = node('stm', 'Ministry', 'Finnish Ministry of Social Affairs and Health', 0, 0);
    const lines = nodeLines(stm, roughMeasure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Finnish Ministry of Social Affairs and Health');
    for (const l of lines) expect(roughMeasure(l, 12, 'normal')).toBeLessThanOrEqual(130);
    const svg = composeFigure(model([stm], []), frame(en), roughMeasure);
    for (const l of lines) expect(svg).toContain(`>${l}</text>`);
    expect(svg).not.toContain('…');
  });
});

describe('figure tie captions', () => {
  // A hub with twenty ties fanning out: their middles crowd round the hub.
  const hub = node('hub', 'Agency', 'Hub', 0, 0);
  const spokes = Array.from({ length: 20 }, (_, i) => {
    const a = (2 * Math.PI * i) / 20;
    return node(`n${i}`, 'Organisation', `Forum ${i}`, Math.cos(a) * 160, Math.sin(a) * 160);
  });
  const ties = spokes.map((s, i) => edge(`e${i}`, hub, s, 'PARTICIPATES_IN', `participates in (since ${2000 + i})`));
  const m = model([hub, ...spokes], ties);

  it('never lets two caption boxes overlap, nor a caption cover a name or a shape', () => {
    const { placed, dropped, nodeBoxes } = placeEdgeLabels(m, roughMeasure);
    expect(placed.length + dropped.length).toBe(20);
    expect(dropped.length).toBeGreaterThan(0);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box)).toBe(false);
      for (const b of nodeBoxes) expect(overlaps(a.box, b)).toBe(false);
    }
    const boxes = captionBoxes(composeFigure(m, frame(en), roughMeasure));
    expect(boxes.length).toBe(placed.length);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });

  it('keeps every caption where there is room', () => {
    const a = node('a', 'Agency', 'A', 0, 0);
    const b = node('b', 'Agency', 'B', 400, 0);
    const c = node('c', 'Agency', 'C', 0, 400);
    const { placed, dropped } = placeEdgeLabels(
      model([a, b, c], [edge('ab', a, b, 'UNDER', 'under'), edge('ac', a, c, 'UNDER', 'under')]),
      roughMeasure,
    );
    expect(placed.map((p) => p.edge.id).sort()).toEqual(['ab', 'ac']);
    expect(dropped).toEqual([]);
  });
});

describe('figure tie captions, grouped', () => {
  it('captions the ties between the same two nodes once, naming each kind', () => {
    const a = node('a', 'Agency', 'A', 0, 0);
    const b = node('b', 'Organisation', 'B', 500, 0);
    const kinds = ['participates in', 'cooperates with (since 2023)', 'supports'];
    const ties = kinds.map((k, i) => ({
      ...edge(`ab${i}`, a, b, 'PARTICIPATES_IN', k),
      controls: i === 1 ? [] : [{ x: 250, y: i * 20 - 20 }],
    }));
    const { placed, dropped } = placeEdgeLabels(model([a, b], ties), roughMeasure);
    expect(dropped).toEqual([]);
    expect(placed).toHaveLength(1);
    expect(placed[0]!.stands).toBe(3);
    expect(placed[0]!.lines.join(' · ')).toBe(kinds.join(' · '));
    // On the middle tie of the band.
    expect(placed[0]!.edge.id).toBe('ab1');
    const svg = composeFigure(model([a, b], ties), frame(en), roughMeasure);
    expect(svg.match(/class="tie-caption"/g)).toHaveLength(1);
    expect(svg).toContain('data-ties="3"');
  });

  it('names a kind that comes several times in a bundle once, counted', () => {
    expect(bundleText(['funds (since 2022)', 'mandates', 'mandates (since 2022)', 'mandates (until 2028)', 'funds (since 2022)'])).toBe(
      'funds (since 2022) · mandates ×3',
    );
  });

  it('captions a fan of ties of one kind once, and a tie of another kind on its own', () => {
    const hub = node('hub', 'Agency', 'Hub', 0, 0);
    const spokes = Array.from({ length: 8 }, (_, i) => {
      const a = (2 * Math.PI * i) / 8;
      return node(`n${i}`, 'Organisation', `Forum ${i}`, Math.cos(a) * 400, Math.sin(a) * 400);
    });
    const ties = [
      ...spokes.slice(0, 7).map((s, i) => edge(`c${i}`, hub, s, 'COOPERATES_WITH', 'cooperates with')),
      edge('p7', hub, spokes[7]!, 'PARTICIPATES_IN', 'participates in'),
    ];
    const { placed, dropped } = placeEdgeLabels(model([hub, ...spokes], ties), roughMeasure);
    expect(dropped).toEqual([]);
    expect(placed.map((p) => [p.lines.join(' '), p.stands])).toEqual([
      ['cooperates with', 7],
      ['participates in', 1],
    ]);
  });

  it('places a bundle’s caption before single ties’, and every tie is captioned or counted as left out, none overlapping', () => {
    const a = node('a', 'Agency', 'A', 0, 0);
    const b = node('b', 'Agency', 'B', 0, 140);
    const c = node('c', 'Agency', 'C', 0, 280);
    const ties = [
      edge('ab1', a, b, 'UNDER', 'under'),
      { ...edge('ab2', a, b, 'PART_OF', 'part of'), controls: [{ x: 12, y: 70 }] },
      edge('bc', b, c, 'SUPPORTS', 'supports'),
      edge('ac', a, c, 'COORDINATES', 'coordinates'),
    ];
    const { placed, dropped } = placeEdgeLabels(model([a, b, c], ties), roughMeasure);
    expect(placed[0]!.stands).toBe(2);
    expect(dropped.length + placed.reduce((s, p) => s + p.stands, 0)).toBe(4);
    for (const [i, p] of placed.entries()) for (const q of placed.slice(i + 1)) expect(overlaps(p.box, q.box)).toBe(false);
  });
});

describe('figure sources', () => {
  it('names the documents the drawn elements cite, most cited first, by who, title and year', () => {
    const a = node('a', 'Agency', 'A', 0, 0, ['001_a.txt#L1-L2']);
    const b = node('b', 'Agency', 'B', 300, 0, ['003_b.txt#L5-L5', '001_a.txt#L9-L9']);
    const m = model([a, b], [edge('ab', a, b, 'UNDER', 'under', 'stated', ['003_b.txt#L7-L8', '003_b.txt#L9-L9'])]);
    expect(sourcesOf(m, documents)).toEqual([
      'Kerstin Carlsson, Internationella samarbeten (2024)',
      'Socialstyrelsen, Vårt internationella arbete (2021)',
    ]);
    const svg = composeFigure(m, frame(en), roughMeasure);
    expect(svg).toContain('1. Kerstin Carlsson, Internationella samarbeten (2024)');
    expect(svg).not.toContain('Internationellt samarbete (2003)');
    expect(svg).not.toMatch(/>[^<]*\.txt/);
  });

  it('counts the documents beyond the short list', () => {
    const a = node('a', 'Agency', 'A', 0, 0, ['001_a.txt#L1-L2', '003_b.txt#L1-L1', '000_c.txt#L1-L1']);
    const svg = composeFigure(model([a], []), { ...frame(en), maxSources: 2 }, roughMeasure);
    expect(svg).toContain('and 1 more document');
    expect(svg).not.toContain('3. ');
  });
});
