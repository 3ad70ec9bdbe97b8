// The view as an SVG drawing: shapes, ties with arrowheads and curves, and every label as
// real text, so the file opens in Inkscape or a browser and its names can be searched and
// edited. The drawing is read from Cytoscape's computed styles (what the reader sees) into a
// plain model, then written out by a pure function.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { isRounded, outline } from './shapes.ts';

export interface Point {
  x: number;
  y: number;
}

export interface SvgText {
  text: string;
  fontSize: number;
  fontWeight: string;
  color: string;
  /** Colour of the box behind the text, or null for none. */
  background: string | null;
  backgroundOpacity: number;
}

export interface SvgNode {
  id: string;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  shape: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dashed: boolean;
  /** Inferred: drawn dotted, as on the canvas. */
  dotted?: boolean;
  opacity: number;
  label: SvgText | null;
  /** Labels wrap at this width, as on the canvas. */
  textMaxWidth: number;
  textMarginY: number;
  /** For a figure's legend and sources: the node's label (Agency …) and its citations. */
  kind?: string;
  sources?: string[];
}

export interface SvgEdge {
  id: string;
  source: Point;
  target: Point;
  /** Cytoscape's control points: none for a straight tie, one or more quadratic ones for a curve. */
  controls: Point[];
  color: string;
  width: number;
  dashed: boolean;
  /** Inferred: drawn dotted, as on the canvas. */
  dotted?: boolean;
  opacity: number;
  arrow: boolean;
  label: SvgText | null;
  labelAt: Point;
  /** For a figure's legend and sources: the tie's type, certainty and citations. */
  type?: string;
  certainty?: string;
  sources?: string[];
  /** As of a date, its dates are not given: drawn pale, and said so in a figure's legend. */
  undated?: boolean;
  /** The ids of the nodes it runs from and to: a figure captions ties between the same two once. */
  ends?: [string, string];
}

export interface SvgModel {
  nodes: SvgNode[];
  edges: SvgEdge[];
  background: string;
  title: string;
  description: string;
  /** JSON with what is drawn and its provenance, for programs that read the file. */
  metadata: string;
}

export type Measure = (text: string, fontSize: number, fontWeight: string) => number;

/** A measure for Node and tests: an average glyph is a little over half the font size wide. */
export const roughMeasure: Measure = (text, fontSize, fontWeight) =>
  text.length * fontSize * (fontWeight === 'bold' || Number(fontWeight) >= 600 ? 0.6 : 0.55);

export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

export function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** Words into lines no wider than `max`, the way Cytoscape's `text-wrap: wrap` breaks them. */
export function wrap(text: string, max: number, fontSize: number, fontWeight: string, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next, fontSize, fontWeight) > max) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
  }
  return lines;
}

export function shapeElement(node: SvgNode): string {
  const o = outline(node.shape);
  const hw = node.w / 2;
  const hh = node.h / 2;
  const style = `fill="${node.fill}" stroke="${node.stroke}" stroke-width="${n(node.strokeWidth)}"${node.dotted ? ' stroke-dasharray="1.5 3"' : node.dashed ? ' stroke-dasharray="4 3"' : ''}${
    isRounded(node.shape) ? ' stroke-linejoin="round"' : ''
  }`;
  if (o.kind === 'ellipse') return `<ellipse cx="${n(node.x)}" cy="${n(node.y)}" rx="${n(hw)}" ry="${n(hh)}" ${style}/>`;
  if (o.kind === 'rect') {
    const r = Math.min(hw, hh) * o.radius * 2;
    return `<rect x="${n(node.x - hw)}" y="${n(node.y - hh)}" width="${n(node.w)}" height="${n(node.h)}" rx="${n(r)}" ${style}/>`;
  }
  const points = o.points.map(([px, py]) => `${n(node.x + px * hw)},${n(node.y + py * hh)}`).join(' ');
  return `<polygon points="${points}" ${style}/>`;
}

export function textBlock(lines: string[], t: SvgText, cx: number, top: number, measure: Measure, rotate: number | null = null): string {
  const lineHeight = t.fontSize * 1.2;
  const width = Math.max(...lines.map((l) => measure(l, t.fontSize, t.fontWeight)));
  const height = lines.length * lineHeight;
  const parts: string[] = [];
  if (t.background && t.backgroundOpacity > 0) {
    parts.push(
      `<rect x="${n(cx - width / 2 - 2)}" y="${n(top - 1)}" width="${n(width + 4)}" height="${n(height + 2)}" rx="2" fill="${t.background}" fill-opacity="${n(t.backgroundOpacity)}"/>`,
    );
  }
  lines.forEach((line, i) => {
    const baseline = top + lineHeight * i + t.fontSize * 0.95;
    parts.push(
      `<text x="${n(cx)}" y="${n(baseline)}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="${n(t.fontSize)}" font-weight="${t.fontWeight}" fill="${t.color}">${xml(line)}</text>`,
    );
  });
  const body = parts.join('');
  return rotate === null ? body : `<g transform="rotate(${n(rotate)} ${n(cx)} ${n(top + height / 2)})">${body}</g>`;
}

export function edgePath(e: SvgEdge): string {
  const d = [`M ${n(e.source.x)} ${n(e.source.y)}`];
  e.controls.forEach((c, i) => {
    const next = e.controls[i + 1];
    const end = next ? { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 } : e.target;
    d.push(`Q ${n(c.x)} ${n(c.y)} ${n(end.x)} ${n(end.y)}`);
  });
  if (!e.controls.length) d.push(`L ${n(e.target.x)} ${n(e.target.y)}`);
  return d.join(' ');
}

export function arrowHead(e: SvgEdge): string {
  const from = e.controls.at(-1) ?? e.source;
  const angle = Math.atan2(e.target.y - from.y, e.target.x - from.x);
  const len = 6 + e.width * 2;
  const half = len * 0.5;
  const bx = e.target.x - len * Math.cos(angle);
  const by = e.target.y - len * Math.sin(angle);
  const px = -Math.sin(angle) * half;
  const py = Math.cos(angle) * half;
  return `<polygon points="${n(e.target.x)},${n(e.target.y)} ${n(bx + px)},${n(by + py)} ${n(bx - px)},${n(by - py)}" fill="${e.color}"/>`;
}

/** The angle a caption follows, kept upright. */
function captionAngle(e: SvgEdge): number {
  let deg = (Math.atan2(e.target.y - e.source.y, e.target.x - e.source.x) * 180) / Math.PI;
  if (deg > 90) deg -= 180;
  if (deg < -90) deg += 180;
  return deg;
}

export function renderSvg(model: SvgModel, measure: Measure = roughMeasure): string {
  const labelLines = new Map<string, string[]>();
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const grow = (x: number, y: number) => {
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  };
  for (const node of model.nodes) {
    grow(node.x - node.w / 2, node.y - node.h / 2);
    grow(node.x + node.w / 2, node.y + node.h / 2);
    if (node.label) {
      const lines = wrap(node.label.text, node.textMaxWidth, node.label.fontSize, node.label.fontWeight, measure);
      labelLines.set(node.id, lines);
      const width = Math.max(0, ...lines.map((l) => measure(l, node.label!.fontSize, node.label!.fontWeight)));
      grow(node.x - width / 2, node.y + node.h / 2 + node.textMarginY + lines.length * node.label.fontSize * 1.2);
      grow(node.x + width / 2, node.y);
    }
  }
  for (const e of model.edges) for (const p of [e.source, e.target, ...e.controls]) grow(p.x, p.y);
  if (!Number.isFinite(x1)) [x1, y1, x2, y2] = [0, 0, 100, 100];
  const pad = 30;
  const vx = x1 - pad;
  const vy = y1 - pad;
  const vw = x2 - x1 + pad * 2;
  const vh = y2 - y1 + pad * 2;

  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(vw)}" height="${n(vh)}" viewBox="${n(vx)} ${n(vy)} ${n(vw)} ${n(vh)}">`,
    `<title>${xml(model.title)}</title>`,
    `<desc>${xml(model.description)}</desc>`,
    `<metadata>${xml(model.metadata)}</metadata>`,
    `<rect x="${n(vx)}" y="${n(vy)}" width="${n(vw)}" height="${n(vh)}" fill="${model.background}"/>`,
    `<g id="ties">`,
  ];
  for (const e of model.edges) {
    out.push(
      `<g id="${xml(`tie:${e.id}`)}" opacity="${n(e.opacity)}"><path d="${edgePath(e)}" fill="none" stroke="${e.color}" stroke-width="${n(e.width)}"${
        e.dotted ? ' stroke-dasharray="1.5 3"' : e.dashed ? ' stroke-dasharray="6 4"' : ''
      }/>${e.arrow ? arrowHead(e) : ''}</g>`,
    );
  }
  out.push(`</g>`, `<g id="nodes">`);
  for (const node of model.nodes) {
    const lines = labelLines.get(node.id) ?? [];
    const label = node.label && lines.length ? textBlock(lines, node.label, node.x, node.y + node.h / 2 + node.textMarginY, measure) : '';
    out.push(
      `<g id="${xml(`node:${node.id}`)}" opacity="${n(node.opacity)}"><title>${xml(node.name)}</title>${shapeElement(node)}${label}</g>`,
    );
  }
  out.push(`</g>`, `<g id="captions">`);
  for (const e of model.edges) {
    if (!e.label) continue;
    const top = e.labelAt.y - (e.label.fontSize * 1.2) / 2;
    out.push(`<g opacity="${n(e.opacity)}">${textBlock([e.label.text], e.label, e.labelAt.x, top, measure, captionAngle(e))}</g>`);
  }
  out.push(`</g>`, `</svg>`);
  return out.join('\n');
}

// ------------------------------------------------------------------- from Cytoscape

function num(v: unknown, fallback = 0): number {
  const x = parseFloat(String(v));
  return Number.isFinite(x) ? x : fallback;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Endpoints and control points as drawn; a headless Cytoscape has none, so ties go straight. */
function geometry(e: EdgeSingular): { source: Point; target: Point; controls: Point[]; mid: Point } {
  const s = e.source().position();
  const t = e.target().position();
  try {
    const source = e.sourceEndpoint();
    const target = e.targetEndpoint();
    const controls = (e.controlPoints() ?? []).map((p) => ({ x: p.x, y: p.y }));
    const mid = e.midpoint();
    if ([source.x, source.y, target.x, target.y, mid.x, mid.y].every(Number.isFinite)) return { source, target, controls, mid };
  } catch {
    // Headless: no renderer to ask.
  }
  return { source: { ...s }, target: { ...t }, controls: [], mid: { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 } };
}

function textOf(ele: NodeSingular | EdgeSingular): SvgText | null {
  const text = String(ele.style('label') ?? '');
  if (!text || num(ele.style('text-opacity'), 1) === 0) return null;
  const weight = String(ele.style('font-weight') ?? 'normal');
  return {
    text,
    fontSize: num(ele.style('font-size'), 12),
    fontWeight: weight === 'bold' || Number(weight) >= 600 ? 'bold' : 'normal',
    color: String(ele.style('color')),
    background: num(ele.style('text-background-opacity')) > 0 ? String(ele.style('text-background-color')) : null,
    backgroundOpacity: num(ele.style('text-background-opacity')),
  };
}

/** What the canvas shows, as a drawing model: visible elements with their computed styles. */
export function svgModelFromCy(cy: Core, meta: { title: string; description: string; metadata: string; background: string }): SvgModel {
  const nodes: SvgNode[] = cy
    .nodes(':visible')
    .toArray()
    .map((node) => {
      const p = node.position();
      return {
        id: node.id(),
        name: String(node.data('name') ?? node.id()),
        x: p.x,
        y: p.y,
        w: node.width(),
        h: node.height(),
        shape: String(node.style('shape')),
        fill: String(node.style('background-color')),
        stroke: String(node.style('border-color')),
        strokeWidth: num(node.style('border-width')),
        dashed: node.style('border-style') === 'dashed',
        dotted: node.style('border-style') === 'dotted',
        opacity: node.effectiveOpacity(),
        label: textOf(node),
        textMaxWidth: num(node.style('text-max-width'), 130),
        textMarginY: num(node.style('text-margin-y'), 4),
        kind: String(node.data('label') ?? ''),
        sources: strings(node.data('sources')),
      };
    });
  const edges: SvgEdge[] = cy
    .edges(':visible')
    .toArray()
    .map((edge) => {
      const g = geometry(edge);
      return {
        id: edge.id(),
        source: g.source,
        target: g.target,
        controls: g.controls,
        color: String(edge.style('line-color')),
        width: num(edge.style('width'), 1),
        dashed: edge.style('line-style') === 'dashed',
        dotted: edge.style('line-style') === 'dotted',
        opacity: edge.effectiveOpacity(),
        arrow: edge.style('target-arrow-shape') !== 'none',
        label: textOf(edge),
        labelAt: g.mid,
        type: String(edge.data('type') ?? ''),
        certainty: String(edge.data('certainty') ?? 'stated'),
        sources: strings(edge.data('sources')),
        undated: edge.hasClass('undated'),
        ends: [edge.source().id(), edge.target().id()],
      };
    });
  return { nodes, edges, ...meta };
}
