// A figure for a report: the drawing of a view framed by its title, the date it shows, the
// data version, a legend of only what is drawn, the user's caption and the documents the
// drawn facts come from. Pure (no DOM, no Cytoscape), so the web app and the server
// (POST /api/figure, `npm run figure`) compose the same figure from the same drawing model;
// each only measures text its own way (the browser's canvas, the server's PDF font).
import {
  arrowHead,
  edgePath,
  FONT_FAMILY,
  n,
  roughMeasure,
  shapeElement,
  wrap,
  xml,
  type Measure,
  type SvgEdge,
  type SvgModel,
  type SvgNode,
} from './svg-export.ts';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

export const CERTAINTIES = ['stated', 'hedged', 'inferred'] as const;
export type FigureCertainty = (typeof CERTAINTIES)[number];

/** The words a figure needs, in one language (web/src/i18n, block "figure"). */
export interface FigureWords {
  kindsOfNode: string;
  kindsOfTie: string;
  howSure: string;
  certainty: Record<FigureCertainty, string>;
  /** As of a date: the pale ties, whose dates the sources do not give. */
  undated: string;
  sources: string;
  andMore: (n: number) => string;
  labels: Record<string, string>;
  types: Record<string, string>;
}

/** A source document as the data registers it (seed/data/sources.json). */
export interface FigureDocument {
  file: string;
  title?: string;
  publisher?: string;
  written?: string;
}

export interface FigureFrame {
  title: string;
  caption?: string | null;
  /** "As of 2016", or the day the figure was drawn. */
  dateLine: string;
  /** "Data version 12, recorded 1 December 2026". */
  versionLine: string;
  documents: readonly FigureDocument[];
  words: FigureWords;
  /** At most this many sources are named; the rest are counted. */
  maxSources?: number;
}

export interface LegendEntry {
  key: string;
  name: string;
}
export interface Legend {
  nodes: Array<LegendEntry & { node: SvgNode }>;
  ties: Array<LegendEntry & { color: string }>;
  certainty: Array<LegendEntry & { key: FigureCertainty | 'undated' }>;
}

/** Only what is drawn: the kinds of node and tie present, and the certainties of the ties. */
export function legendOf(model: SvgModel, words: FigureWords): Legend {
  const nodes = new Map<string, SvgNode>();
  for (const node of model.nodes) if (node.kind && !nodes.has(node.kind)) nodes.set(node.kind, node);
  const ties = new Map<string, string>();
  const sure = new Set<string>();
  let undated = false;
  for (const e of model.edges) {
    if (e.type && !ties.has(e.type)) ties.set(e.type, e.color);
    if (e.type) sure.add(e.certainty ?? 'stated');
    undated ||= e.undated === true;
  }
  // The vocabulary's order, so the same kinds always come in the same places.
  const byOrder = (order: string[]) => (a: string, b: string) => order.indexOf(a) - order.indexOf(b) || a.localeCompare(b);
  const labelOrder = Object.keys(words.labels);
  const typeOrder = Object.keys(words.types);
  return {
    nodes: [...nodes.keys()].sort(byOrder(labelOrder)).map((k) => ({ key: k, name: words.labels[k] ?? k, node: nodes.get(k)! })),
    ties: [...ties.keys()].sort(byOrder(typeOrder)).map((k) => ({ key: k, name: words.types[k] ?? k, color: ties.get(k)! })),
    certainty: [
      ...CERTAINTIES.filter((c) => sure.has(c)).map((c) => ({ key: c, name: words.certainty[c] })),
      ...(undated ? [{ key: 'undated' as const, name: words.undated }] : []),
    ],
  };
}

/** "Socialstyrelsen, Vårt internationella arbete (2021)": who, what, when; never a file name. */
export function shortSource(doc: FigureDocument): string | null {
  if (!doc.title) return null;
  const who = doc.publisher?.split(/\s\(|,/)[0]?.trim();
  const year = /\d{4}/.exec(doc.written ?? '')?.[0];
  return `${who ? `${who}, ` : ''}${doc.title}${year ? ` (${year})` : ''}`;
}

/** The documents cited by the drawn elements, most cited first, as short references. */
export function sourcesOf(model: SvgModel, documents: readonly FigureDocument[]): string[] {
  const count = new Map<string, number>();
  for (const el of [...model.nodes, ...model.edges]) {
    for (const citation of el.sources ?? []) {
      const file = citation.split('#')[0] ?? citation;
      count.set(file, (count.get(file) ?? 0) + 1);
    }
  }
  const byFile = new Map(documents.map((d) => [d.file, d]));
  return [...count]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([file]) => {
      const doc = byFile.get(file);
      return doc ? shortSource(doc) : null;
    })
    .filter((s): s is string => s !== null);
}

const LINE = 1.2;

/** A node's full name, wrapped under it: never cut short. */
export function nodeLines(node: SvgNode, measure: Measure): string[] {
  if (!node.label) return [];
  return wrap(node.name || node.label.text, node.textMaxWidth, node.label.fontSize, node.label.fontWeight, measure);
}

function nodeLabelBox(node: SvgNode, lines: string[], measure: Measure): Box | null {
  if (!node.label || !lines.length) return null;
  const w = Math.max(...lines.map((l) => measure(l, node.label!.fontSize, node.label!.fontWeight)));
  const top = node.y + node.h / 2 + node.textMarginY;
  return { x1: node.x - w / 2 - 2, y1: top - 1, x2: node.x + w / 2 + 2, y2: top + lines.length * node.label.fontSize * LINE + 1 };
}

function shapeBox(node: SvgNode): Box {
  return { x1: node.x - node.w / 2, y1: node.y - node.h / 2, x2: node.x + node.w / 2, y2: node.y + node.h / 2 };
}

/** A point a fraction `t` along the tie as drawn (through its control points). */
function along(e: SvgEdge, t: number): { x: number; y: number } {
  if (t === 0.5) return e.labelAt;
  const pts = [e.source, ...e.controls, e.target];
  const seg = Math.min(pts.length - 2, Math.floor(t * (pts.length - 1)));
  const local = t * (pts.length - 1) - seg;
  const a = pts[seg]!;
  const b = pts[seg + 1]!;
  return { x: a.x + (b.x - a.x) * local, y: a.y + (b.y - a.y) * local };
}

export interface PlacedCaption {
  /** The tie the caption sits on. */
  edge: SvgEdge;
  /** Its lines: one kind, or the kinds of a bundle of ties between the same two nodes. */
  lines: string[];
  /** How many ties it names (a bundle, or a fan of ties of one kind). */
  stands: number;
  x: number;
  y: number;
  box: Box;
}

/** Widest a caption gets before it wraps onto another line. */
const CAPTION_MAX_WIDTH = 190;
/** Ties of one kind, with one caption, leaving one node: this many or more are captioned once. */
const FAN = 3;

interface CaptionUnit {
  text: string;
  /** The ties it stands for; the caption goes on one of them. */
  members: SvgEdge[];
}

const certaintyRank = (e: SvgEdge) => (e.certainty === 'inferred' ? 2 : e.certainty === 'hedged' ? 1 : 0);

/**
 * One caption for a bundle: each kind once, in the order first met; a kind that comes several
 * times is counted ("mandates ×4") and its dates left to the ties' own details.
 */
export function bundleText(captions: readonly string[]): string {
  const kinds = new Map<string, string[]>();
  for (const c of captions) {
    const kind = c.replace(/\s*\([^()]*\)$/, '');
    kinds.set(kind, [...(kinds.get(kind) ?? []), c]);
  }
  return [...kinds]
    .map(([kind, all]) => {
      const distinct = [...new Set(all)];
      return distinct.length === 1 ? distinct[0]! : `${kind} ×${all.length}`;
    })
    .join(' · ');
}

/**
 * What gets a caption. Ties between the same two nodes are one bundle with one caption naming
 * each kind once; ties with the same caption fanning out of (or into) one node are one group
 * with one caption, their colour telling the rest (the legend names it). The rest keep their own.
 * Best first: what stands for most ties, then what is surest, then the shortest.
 */
function captionUnits(edges: readonly SvgEdge[]): CaptionUnit[] {
  const captioned = edges.filter((e) => e.label?.text).sort((a, b) => a.id.localeCompare(b.id));
  const pairKey = (e: SvgEdge) => (e.ends ? [...e.ends].sort().join('\u0000') : `tie:${e.id}`);
  const pairs = new Map<string, SvgEdge[]>();
  for (const e of captioned) pairs.set(pairKey(e), [...(pairs.get(pairKey(e)) ?? []), e]);
  const units: CaptionUnit[] = [];
  const single: SvgEdge[] = [];
  for (const members of pairs.values()) {
    if (members.length === 1) single.push(members[0]!);
    else units.push({ text: bundleText(members.map((e) => e.label!.text)), members });
  }
  // Fans: the same caption from the same end, biggest fan first, each tie in one fan only.
  const fans = new Map<string, SvgEdge[]>();
  for (const e of single) {
    if (!e.ends) continue;
    for (const [end, side] of [
      [e.ends[0], 'out'],
      [e.ends[1], 'in'],
    ] as const) {
      const key = `${end}\u0000${side}\u0000${e.label!.text}`;
      fans.set(key, [...(fans.get(key) ?? []), e]);
    }
  }
  const taken = new Set<string>();
  for (const fan of [...fans.values()].sort((a, b) => b.length - a.length || a[0]!.id.localeCompare(b[0]!.id))) {
    const free = fan.filter((e) => !taken.has(e.id));
    if (free.length < FAN) continue;
    for (const e of free) taken.add(e.id);
    units.push({ text: free[0]!.label!.text, members: free });
  }
  for (const e of single) if (!taken.has(e.id)) units.push({ text: e.label!.text, members: [e] });
  const surest = (u: CaptionUnit) => Math.min(...u.members.map(certaintyRank));
  return units.sort(
    (a, b) =>
      b.members.length - a.members.length ||
      surest(a) - surest(b) ||
      a.text.length - b.text.length ||
      a.members[0]!.id.localeCompare(b.members[0]!.id),
  );
}

/** A caption's lines: a bundle breaks between its kinds, and only a kind too long for a line inside itself. */
function captionLines(text: string, fontSize: number, fontWeight: string, measure: Measure): string[] {
  const lines: string[] = [];
  for (const kind of text.split(' · ')) {
    const last = lines.at(-1);
    const joined = last === undefined ? kind : `${last} · ${kind}`;
    if (last !== undefined && measure(joined, fontSize, fontWeight) <= CAPTION_MAX_WIDTH) lines[lines.length - 1] = joined;
    else lines.push(...wrap(kind, CAPTION_MAX_WIDTH, fontSize, fontWeight, measure));
  }
  return lines;
}

/**
 * Where each caption goes: upright, on one of the ties it names, clear of every name, shape
 * and other caption. A caption that finds no free place is left out rather than drawn over
 * another (the lower its rank, the likelier).
 */
export function placeEdgeLabels(model: SvgModel, measure: Measure): { placed: PlacedCaption[]; dropped: SvgEdge[]; nodeBoxes: Box[] } {
  const nodeBoxes: Box[] = [];
  for (const node of model.nodes) {
    nodeBoxes.push(shapeBox(node));
    const label = nodeLabelBox(node, nodeLines(node, measure), measure);
    if (label) nodeBoxes.push(label);
  }
  const placed: PlacedCaption[] = [];
  const dropped: SvgEdge[] = [];
  for (const unit of captionUnits(model.edges)) {
    const t = unit.members[0]!.label!;
    const lines = captionLines(unit.text, t.fontSize, t.fontWeight, measure);
    const w = Math.max(...lines.map((l) => measure(l, t.fontSize, t.fontWeight))) + 4;
    const h = lines.length * t.fontSize * LINE + 2;
    let spot: PlacedCaption | null = null;
    // A bundle's middle tie first, then the others; along each, the middle first.
    const on = [...unit.members].sort((a, b) => a.controls.length - b.controls.length);
    for (const e of on) {
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
        const p = along(e, f);
        const box = { x1: p.x - w / 2, y1: p.y - h / 2, x2: p.x + w / 2, y2: p.y + h / 2 };
        if (nodeBoxes.some((b) => overlaps(b, box)) || placed.some((c) => overlaps(c.box, box))) continue;
        spot = { edge: e, lines, stands: unit.members.length, x: p.x, y: p.y, box };
        break;
      }
      if (spot) break;
    }
    if (spot) placed.push(spot);
    else dropped.push(...unit.members);
  }
  return { placed, dropped, nodeBoxes };
}

function isDark(color: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! < 128;
}

interface Ink {
  text: string;
  muted: string;
  rule: string;
  font: string;
}

function text(x: number, y: number, s: string, size: number, ink: string, font: string, extra = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" font-family="${font}" font-size="${n(size)}" fill="${ink}"${extra}>${xml(s)}</text>`;
}

/** Lines of text from the top-left, returning the markup and the height used. */
function paragraph(lines: string[], x: number, top: number, size: number, ink: string, font: string, extra = ''): [string, number] {
  const out = lines.map((l, i) => text(x, top + size * LINE * i + size * 0.95, l, size, ink, font, extra)).join('');
  return [out, lines.length * size * LINE];
}

function dash(c: string): string {
  return c === 'inferred' ? ' stroke-dasharray="1.5 3"' : c === 'hedged' ? ' stroke-dasharray="6 4"' : '';
}

/** The figure as a standalone SVG document. */
export function composeFigure(model: SvgModel, frame: FigureFrame, measure: Measure = roughMeasure, font: string = FONT_FAMILY): string {
  const dark = isDark(model.background);
  const ink: Ink = {
    text: dark ? '#dfe6ee' : '#1d2633',
    muted: dark ? '#a9b4c0' : '#4f5a65',
    rule: dark ? '#3a4350' : '#c9d0d8',
    font,
  };
  const { placed } = placeEdgeLabels(model, measure);
  const lines = new Map(model.nodes.map((node) => [node.id, nodeLines(node, measure)]));

  // The drawing's extent: shapes, names, ties and captions.
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const grow = (b: Box) => {
    x1 = Math.min(x1, b.x1);
    y1 = Math.min(y1, b.y1);
    x2 = Math.max(x2, b.x2);
    y2 = Math.max(y2, b.y2);
  };
  for (const node of model.nodes) {
    grow(shapeBox(node));
    const b = nodeLabelBox(node, lines.get(node.id) ?? [], measure);
    if (b) grow(b);
  }
  for (const e of model.edges) for (const p of [e.source, e.target, ...e.controls]) grow({ x1: p.x, y1: p.y, x2: p.x, y2: p.y });
  for (const c of placed) grow(c.box);
  if (!Number.isFinite(x1)) [x1, y1, x2, y2] = [0, 0, 200, 100];

  const pad = 32;
  const drawingW = x2 - x1;
  const width = Math.max(drawingW + pad * 2, 760);
  const inner = width - pad * 2;
  const parts: string[] = [];
  let y = pad;

  // Title and the line that dates it.
  const titleLines = wrap(frame.title, inner, 20, 'bold', measure);
  const [title, th] = paragraph(titleLines, pad, y, 20, ink.text, font, ' font-weight="bold"');
  parts.push(`<g id="figure-title">${title}</g>`);
  y += th + 4;
  const meta = wrap(`${frame.dateLine} · ${frame.versionLine}`, inner, 12, 'normal', measure);
  const [metaSvg, mh] = paragraph(meta, pad, y, 12, ink.muted, font);
  parts.push(`<g id="figure-date">${metaSvg}</g>`);
  y += mh + 16;

  // The drawing, centred.
  const dx = pad + (inner - drawingW) / 2 - x1;
  const dy = y - y1;
  parts.push(`<g id="drawing" transform="translate(${n(dx)} ${n(dy)})">`, drawing(model, placed, lines, ink, measure));
  parts.push(`</g>`);
  y += y2 - y1 + 20;
  parts.push(`<line x1="${n(pad)}" y1="${n(y)}" x2="${n(width - pad)}" y2="${n(y)}" stroke="${ink.rule}" stroke-width="1"/>`);
  y += 14;

  // The legend: three columns when they fit, else one under the other.
  const legend = legendOf(model, frame.words);
  const columns: Array<{ id: string; heading: string; items: Array<{ icon: string; name: string; key: string }> }> = [
    {
      id: 'legend-nodes',
      heading: frame.words.kindsOfNode,
      items: legend.nodes.map((e) => ({ key: e.key, name: e.name, icon: nodeIcon(e.node) })),
    },
    {
      id: 'legend-ties',
      heading: frame.words.kindsOfTie,
      items: legend.ties.map((e) => ({ key: e.key, name: e.name, icon: lineIcon(e.color, '') })),
    },
    {
      id: 'legend-certainty',
      heading: frame.words.howSure,
      items: legend.certainty.map((e) => ({
        key: e.key,
        name: e.name,
        icon: e.key === 'undated' ? `<g opacity="0.45">${lineIcon(ink.muted, '')}</g>` : lineIcon(ink.muted, dash(e.key)),
      })),
    },
  ].filter((c) => c.items.length);
  const colW = inner >= 600 ? (inner - 24 * (columns.length - 1)) / Math.max(1, columns.length) : inner;
  const side = inner >= 600;
  parts.push(`<g id="legend">`);
  let legendBottom = y;
  let colTop = y;
  columns.forEach((col, i) => {
    const cx = side ? pad + i * (colW + 24) : pad;
    let cy = side ? y : colTop;
    const [head, hh] = paragraph([col.heading], cx, cy, 12, ink.text, font, ' font-weight="bold"');
    const items: string[] = [head];
    cy += hh + 4;
    for (const item of col.items) {
      const nameLines = wrap(item.name, colW - 32, 11, 'normal', measure);
      const [label, lh] = paragraph(nameLines, cx + 30, cy, 11, ink.text, font);
      items.push(
        `<g class="legend-item" data-key="${xml(item.key)}"><g transform="translate(${n(cx)} ${n(cy + 1)})">${item.icon}</g>${label}</g>`,
      );
      cy += Math.max(lh, 14) + 3;
    }
    parts.push(`<g id="${col.id}">${items.join('')}</g>`);
    legendBottom = Math.max(legendBottom, cy);
    if (!side) colTop = cy + 8;
  });
  parts.push(`</g>`);
  y = legendBottom + 8;

  if (frame.caption?.trim()) {
    const capLines = wrap(frame.caption.trim(), inner, 12, 'normal', measure);
    const [cap, ch] = paragraph(capLines, pad, y + 4, 12, ink.text, font, ' font-style="italic"');
    parts.push(`<g id="caption">${cap}</g>`);
    y += ch + 12;
  }

  const sources = sourcesOf(model, frame.documents);
  if (sources.length) {
    const max = frame.maxSources ?? 6;
    const shown = sources.slice(0, max).map((s, i) => `${i + 1}. ${s}`);
    if (sources.length > max) shown.push(frame.words.andMore(sources.length - max));
    const [head, hh] = paragraph([frame.words.sources], pad, y + 4, 12, ink.text, font, ' font-weight="bold"');
    const items: string[] = [head];
    let sy = y + 4 + hh + 2;
    for (const s of shown) {
      const [item, ih] = paragraph(wrap(s, inner, 11, 'normal', measure), pad, sy, 11, ink.text, font);
      items.push(`<g class="source">${item}</g>`);
      sy += ih + 2;
    }
    parts.push(`<g id="sources">${items.join('')}</g>`);
    y = sy;
  }
  const height = y + pad;

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}">`,
    `<title>${xml(frame.title)}</title>`,
    `<desc>${xml(model.description)}</desc>`,
    `<metadata>${xml(model.metadata)}</metadata>`,
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="${model.background}"/>`,
    ...parts,
    `</svg>`,
  ].join('\n');
}

function nodeIcon(node: SvgNode): string {
  const ratio = node.h / Math.max(1, node.w);
  const w = 18;
  const h = Math.min(14, w * ratio);
  return shapeElement({ ...node, x: 9, y: 7, w, h, strokeWidth: Math.min(node.strokeWidth, 1.5), dashed: false, dotted: false });
}

function lineIcon(color: string, dashes: string): string {
  return `<line x1="0" y1="7" x2="24" y2="7" stroke="${color}" stroke-width="2"${dashes}/>`;
}

function drawing(model: SvgModel, placed: PlacedCaption[], lines: Map<string, string[]>, ink: Ink, measure: Measure): string {
  const out: string[] = [`<g id="ties">`];
  for (const e of model.edges) {
    out.push(
      `<g id="${xml(`tie:${e.id}`)}" opacity="${n(e.opacity)}"><path d="${edgePath(e)}" fill="none" stroke="${e.color}" stroke-width="${n(e.width)}"${
        e.dotted ? ' stroke-dasharray="1.5 3"' : e.dashed ? ' stroke-dasharray="6 4"' : ''
      }/>${e.arrow ? arrowHead(e) : ''}</g>`,
    );
  }
  out.push(`</g>`, `<g id="nodes">`);
  for (const node of model.nodes) {
    const ls = lines.get(node.id) ?? [];
    let label = '';
    if (node.label && ls.length) {
      const t = node.label;
      const top = node.y + node.h / 2 + node.textMarginY;
      // A pale box behind the name, as on the canvas, so ties passing under it leave it legible.
      const box = nodeLabelBox(node, ls, measure)!;
      label = `<rect x="${n(box.x1)}" y="${n(box.y1)}" width="${n(box.x2 - box.x1)}" height="${n(box.y2 - box.y1)}" rx="2" fill="${model.background}" fill-opacity="0.8"/>`;
      label += ls
        .map(
          (l, i) =>
            `<text x="${n(node.x)}" y="${n(top + t.fontSize * LINE * i + t.fontSize * 0.95)}" text-anchor="middle" font-family="${ink.font}" font-size="${n(t.fontSize)}" font-weight="${t.fontWeight}" fill="${ink.text}">${xml(l)}</text>`,
        )
        .join('');
    }
    out.push(
      `<g id="${xml(`node:${node.id}`)}" opacity="${n(node.opacity)}"><title>${xml(node.name)}</title>${shapeElement(node)}${label}</g>`,
    );
  }
  out.push(`</g>`, `<g id="captions">`);
  for (const c of placed) {
    const t = c.edge.label!;
    const b = c.box;
    const lines = c.lines
      .map(
        (l, i) =>
          `<text x="${n(c.x)}" y="${n(b.y1 + 1 + t.fontSize * LINE * i + t.fontSize * 0.95)}" text-anchor="middle" font-family="${ink.font}" font-size="${n(t.fontSize)}" fill="${ink.muted}">${xml(l)}</text>`,
      )
      .join('');
    out.push(
      `<g class="tie-caption" data-box="${n(b.x1)} ${n(b.y1)} ${n(b.x2)} ${n(b.y2)}" data-ties="${c.stands}"><rect x="${n(b.x1)}" y="${n(b.y1)}" width="${n(b.x2 - b.x1)}" height="${n(b.y2 - b.y1)}" rx="2" fill="${model.background}" fill-opacity="0.9"/>${lines}</g>`,
    );
  }
  out.push(`</g>`);
  return out.join('');
}
