// A figure of a view from the API or the command line: the nodes given (or a root's
// neighbourhood), laid out here or where the web app's canvas put them, drawn as the canvas
// draws them and framed by the shared composition (web/src/graph/figure.ts).
import { z } from '../zod.ts';
import type { Database } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';
import { exportSource } from '../export/subgraph.ts';
import type { ExportNode, ExportRelationship } from '../export/formats.ts';
import { currentVersion } from '../curation/log.ts';
import { RecordedAt } from '../curation/schemas.ts';
import { PartialDate } from '../model/dates.ts';
import { textIn, type TextLang } from '../model/texts.ts';
import { RelationshipType, type NodeLabel } from '../model/vocabulary.ts';
import { composeFigure, type FigureDocument, type FigureWords } from '../../web/src/graph/figure.ts';
import type { SvgEdge, SvgModel, SvgNode } from '../../web/src/graph/svg-export.ts';
import { wrap } from '../../web/src/graph/svg-export.ts';
import { LABEL_LOOK, TEXT, THEMES, typeColor } from '../../web/src/graph/style.ts';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';
import { FIGURE_FONT_FAMILY, measureText } from './fonts.ts';
import { hubOf, layered, wheel } from './layout.ts';
import { figureNodesMissing, figureTooLarge } from '../error-words.ts';

export const FIGURE_FORMATS = ['svg', 'pdf', 'png'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];
export const MAX_CAPTION = 600;
/** More than this is no longer a picture anyone can read on a page. */
export const MAX_FIGURE_NODES = 300;

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a node id in kebab-case')
  .max(200);

export const FigureRequest = z
  .object({
    format: z.enum(FIGURE_FORMATS),
    ids: z.array(Id).min(1).max(MAX_FIGURE_NODES).optional(),
    root: Id.optional(),
    depth: z.number().int().min(1).max(3).default(1),
    types: z.array(RelationshipType).min(1).optional(),
    asOf: PartialDate.optional(),
    lang: z.enum(['en', 'sv']).default('en'),
    title: z.string().max(200).optional(),
    caption: z.string().max(MAX_CAPTION, `at most ${MAX_CAPTION} characters`).optional(),
    /** Where the web app's canvas put each node; without them the server lays the nodes out. */
    recordedAt: RecordedAt,
    positions: z.record(z.string(), z.object({ x: z.number().finite(), y: z.number().finite() })).optional(),
  })
  .refine((r) => !(r.ids && r.root), { message: 'give either ids or root, not both', path: ['root'] })
  .refine((r) => r.ids || r.root, { message: 'give the nodes to draw: ids, or a root and a depth', path: ['ids'] })
  .openapi('FigureRequest', {
    description:
      'A figure for a report: ids (those nodes and the ties among them) or root with depth; asOf; lang; format svg, pdf or png; an optional title and caption.',
  });
export type FigureRequest = z.infer<typeof FigureRequest>;
/** What a client sends (defaults not yet filled in). */
export type FigureRequestBody = z.input<typeof FigureRequest>;

const CATALOGUES = { en, sv };

function wordsFor(lang: TextLang): FigureWords {
  const t = CATALOGUES[lang];
  return {
    kindsOfNode: t.figure.kindsOfNode,
    kindsOfTie: t.figure.kindsOfTie,
    howSure: t.figure.howSure,
    certainty: t.figure.certainty,
    undated: t.figure.undated,
    sources: t.figure.sources,
    andMore: t.figure.andMore,
    labels: t.labels,
    types: t.types,
  };
}

async function collect<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function day(iso: string, lang: TextLang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

function span(r: ExportRelationship, lang: TextLang): string {
  const t = CATALOGUES[lang];
  const from = typeof r.properties.validFrom === 'string' ? r.properties.validFrom : null;
  const to = typeof r.properties.validTo === 'string' ? r.properties.validTo : null;
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (from) return t.dates.since(from);
  if (to) return t.dates.until(to);
  return '';
}

export interface Figure {
  svg: string;
  title: string;
  /** For the file name: the root's id or how many nodes. */
  name: string;
}

/** The figure as SVG; `renderFigure` turns it into PDF or PNG. */
export async function buildFigure(db: Database, req: FigureRequest, now: Date = new Date()): Promise<Figure> {
  let source;
  try {
    source = await exportSource(db, {
      format: 'json',
      ids: req.ids,
      root: req.root,
      depth: req.depth,
      types: req.types,
      asOf: req.asOf,
      direction: 'both',
      limit: 5000,
      recordedAt: req.recordedAt,
    });
  } catch (err) {
    if (err instanceof NotFoundError && req.root) {
      throw figureNodesMissing([{ path: 'body.root', message: 'unknown node', problem: { code: 'unknown-node', id: req.root } }], true);
    }
    throw err;
  }
  const nodes = await collect<ExportNode>(source.nodes);
  const ties = await collect<ExportRelationship>(source.relationships);
  if (req.ids) {
    const found = new Set(nodes.map((x) => x.id));
    const missing = req.ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw figureNodesMissing(
        missing.map((m) => ({
          path: `body.ids.${req.ids!.indexOf(m)}`,
          message: 'unknown node',
          problem: { code: 'unknown-node', id: m },
        })),
        false,
      );
    }
  }
  if (nodes.length > MAX_FIGURE_NODES) {
    throw figureTooLarge(
      [{ path: req.root ? 'body.depth' : 'body.ids', message: `at most ${MAX_FIGURE_NODES} nodes` }],
      nodes.length,
      MAX_FIGURE_NODES,
    );
  }
  const documents = ((await source.documents?.()) ?? []) as FigureDocument[];
  // As recorded at an earlier version, the figure names that version, not today's.
  const version = source.recordedAt ?? (await currentVersion(db));
  const lang = req.lang;
  const t = CATALOGUES[lang];
  const model = drawingModel(nodes, ties, lang, req.positions, req.asOf);

  const rootNode = req.root ? nodes.find((x) => x.id === req.root) : undefined;
  const title = req.title ?? (rootNode ? t.figure.titleAround(nameOf(rootNode, lang)) : t.figure.titleView(nodes.length));
  const svg = composeFigure(
    {
      ...model,
      background: '#ffffff',
      title,
      description: model.nodes.map((x) => x.name).join('; '),
      metadata: JSON.stringify({
        generator: 'Mandate Explorer',
        asOf: req.asOf ?? null,
        version: version.version,
        nodes: nodes.map((x) => ({ id: x.id, label: x.label, sources: strings(x.properties.sources) })),
        edges: ties.map((r) => ({
          id: r.properties.id,
          type: r.type,
          source: r.start,
          target: r.end,
          sources: strings(r.properties.sources),
        })),
      }),
    },
    {
      title,
      caption: req.caption?.trim() || null,
      dateLine: req.asOf ? t.figure.asOf(req.asOf) : t.figure.drawn(day(now.toISOString(), lang)),
      versionLine: t.figure.version(version.version, version.at ? day(version.at, lang) : null),
      documents,
      words: wordsFor(lang),
    },
    measureText,
    FIGURE_FONT_FAMILY,
  );
  return { svg, title, name: req.root ?? `${nodes.length}-nodes` };
}

function nameOf(node: ExportNode, lang: TextLang): string {
  return textIn(node.properties, 'name', lang) ?? String(node.properties.name ?? node.id);
}

/** Nodes and ties as the canvas would draw them, placed by the layout or by the canvas. */
function drawingModel(
  nodes: ExportNode[],
  ties: ExportRelationship[],
  lang: TextLang,
  positions: FigureRequest['positions'],
  asOf: string | undefined,
): Pick<SvgModel, 'nodes' | 'edges'> {
  const t = CATALOGUES[lang];
  const fontSize = TEXT.nodeFontSize;
  const drawn: SvgNode[] = nodes.map((node) => {
    const look = LABEL_LOOK[node.label as NodeLabel] ?? { color: '#999999', border: '#666666', shape: 'ellipse', size: 30 };
    const certainty = node.properties.certainty ?? node.properties.status;
    return {
      id: node.id,
      name: nameOf(node, lang),
      x: 0,
      y: 0,
      w: look.size,
      h: look.size,
      shape: look.shape,
      fill: look.color,
      stroke: look.border,
      strokeWidth: 1.5,
      dashed: certainty === 'hedged',
      dotted: certainty === 'inferred',
      opacity: 1,
      label: { text: nameOf(node, lang), fontSize, fontWeight: 'normal', color: THEMES.light.text, background: null, backgroundOpacity: 0 },
      textMaxWidth: TEXT.nodeTextMaxWidth,
      textMarginY: 4,
      kind: node.label,
      sources: strings(node.properties.sources),
    };
  });
  const byId = new Map(drawn.map((d) => [d.id, d]));
  const known = ties.filter((r) => byId.has(r.start) && byId.has(r.end) && r.start !== r.end);

  if (positions && nodes.every((x) => positions[x.id])) {
    for (const d of drawn) Object.assign(d, positions[d.id]);
  } else {
    // Footprint: the shape, and the wrapped name under it.
    const boxes = drawn.map((d) => {
      const lines = wrap(d.name, d.textMaxWidth, fontSize, 'normal', measureText);
      const textW = Math.max(0, ...lines.map((l) => measureText(l, fontSize, 'normal')));
      return { id: d.id, width: Math.max(d.w, textW) + 8, height: d.h + d.textMarginY + lines.length * fontSize * 1.2 + 4 };
    });
    const tieBoxes = known.map((r) => ({ id: String(r.properties.id ?? r.properties.key), source: r.start, target: r.end }));
    const hub = hubOf(boxes, tieBoxes);
    // Around a hub, neighbours sit together by the first kind of tie (in the vocabulary's order) that binds them to it.
    const typeOrder = Object.keys(t.types);
    const kindToHub = (id: string) => {
      const rank = known
        .filter((r) => (r.start === hub && r.end === id) || (r.end === hub && r.start === id))
        .map((r) => typeOrder.indexOf(r.type))
        .sort((a, b) => a - b)[0];
      return String(rank ?? 99).padStart(3, '0');
    };
    const placed = hub ? wheel(boxes, hub, kindToHub) : layered(boxes, tieBoxes);
    for (const b of boxes) {
      const p = placed.get(b.id)!;
      const d = byId.get(b.id)!;
      d.x = p.x + b.width / 2;
      d.y = p.y + d.h / 2;
    }
  }

  // Ties between the same two nodes bow apart, so each line and caption can be seen.
  const pairKey = (r: ExportRelationship) => [r.start, r.end].sort().join('\u0000');
  const pairs = new Map<string, ExportRelationship[]>();
  for (const r of known) pairs.set(pairKey(r), [...(pairs.get(pairKey(r)) ?? []), r]);
  const edges: SvgEdge[] = known.map((r) => {
    const s = byId.get(r.start)!;
    const e = byId.get(r.end)!;
    // From rim to rim, so the arrowhead touches the shape.
    const dx = e.x - s.x;
    const dy = e.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const rs = Math.min(s.w, s.h) / 2;
    const re = Math.min(e.w, e.h) / 2 + 1;
    const source = { x: s.x + (dx / len) * rs, y: s.y + (dy / len) * rs };
    const target = { x: e.x - (dx / len) * re, y: e.y - (dy / len) * re };
    const siblings = pairs.get(pairKey(r))!;
    // Measured on the pair's own direction, so two ties in opposite directions bow apart too.
    const flip = r.start === [r.start, r.end].sort()[0] ? 1 : -1;
    // Two ties bow well apart; more are drawn close, as one band that carries one caption.
    const step = siblings.length > 2 ? 6 : 30;
    const bow = (siblings.indexOf(r) - (siblings.length - 1) / 2) * step * flip;
    const mid = { x: (source.x + target.x) / 2, y: (source.y + target.y) / 2 };
    const control = { x: mid.x - (dy / len) * bow, y: mid.y + (dx / len) * bow };
    const controls = bow ? [control] : [];
    const labelAt = bow ? { x: (mid.x + control.x) / 2, y: (mid.y + control.y) / 2 } : mid;
    const certainty = String(r.properties.certainty ?? r.properties.status ?? 'stated');
    const when = span(r, lang);
    const undated = asOf !== undefined && !when;
    const phrase = (t.types as Record<string, string>)[r.type] ?? r.type.toLowerCase().replace(/_/g, ' ');
    return {
      id: String(r.properties.id ?? r.properties.key),
      source,
      target,
      controls,
      color: typeColor(r.type as RelationshipType),
      width: 1.6,
      dashed: certainty === 'hedged',
      dotted: certainty === 'inferred',
      opacity: undated ? 0.45 : 1,
      arrow: true,
      label: {
        text: when ? `${phrase} (${when})` : phrase,
        fontSize: TEXT.edgeFontSize,
        fontWeight: 'normal',
        color: THEMES.light.text,
        background: THEMES.light.textBackground,
        backgroundOpacity: 0.85,
      },
      labelAt,
      type: r.type,
      certainty,
      sources: strings(r.properties.sources),
      undated,
      ends: [r.start, r.end],
    };
  });
  return { nodes: drawn, edges };
}
