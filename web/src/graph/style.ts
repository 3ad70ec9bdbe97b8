// The Cytoscape stylesheet as data: one colour and shape per label, one colour per family
// of relationship types, and classes for what the view state says (hidden, out of time,
// dimmed, on the current path). Selectors read `data(...)` and classes only, so the same
// sheet styles a headless Cytoscape in the unit tests; the one computed value is a bundle's
// caption, which counts the ties it stands for.
import type { EdgeSingular, StylesheetJson } from 'cytoscape';
import type { NodeLabel, RelationshipType } from '../api/types.ts';
import { TYPE_PHRASES } from '../vocabulary.ts';

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'round-pentagon'
  | 'barrel'
  | 'round-hexagon'
  | 'rectangle'
  | 'round-diamond'
  | 'round-tag'
  | 'star'
  | 'round-heptagon'
  | 'tag'
  | 'round-octagon';

export interface LabelLook {
  color: string;
  border: string;
  shape: NodeShape;
  size: number;
}

/** Distinct in hue and in shape, so the legend still works for colour-blind readers and in print. */
export const LABEL_LOOK: Record<NodeLabel, LabelLook> = {
  Government: { color: '#d1495b', border: '#8f2433', shape: 'round-octagon', size: 38 },
  Ministry: { color: '#f08a24', border: '#9a5210', shape: 'round-rectangle', size: 34 },
  Agency: { color: '#2f7fc1', border: '#1b4f7a', shape: 'ellipse', size: 34 },
  Unit: { color: '#8ec1ea', border: '#4b86b5', shape: 'barrel', size: 26 },
  Organisation: { color: '#3a9e5a', border: '#1f6136', shape: 'round-hexagon', size: 34 },
  Treaty: { color: '#9c6b4e', border: '#5e3d29', shape: 'rectangle', size: 26 },
  Programme: { color: '#1fb5b0', border: '#0f6f6b', shape: 'round-diamond', size: 32 },
  Person: { color: '#d96fb4', border: '#8c3a70', shape: 'ellipse', size: 24 },
  Post: { color: '#c9b52b', border: '#7d6f12', shape: 'round-tag', size: 28 },
  Country: { color: '#7b5cc4', border: '#4a3381', shape: 'star', size: 38 },
  Region: { color: '#e0a458', border: '#8d6127', shape: 'round-heptagon', size: 30 },
  Document: { color: '#8d99a6', border: '#4f5a65', shape: 'tag', size: 24 },
  Group: { color: '#a3a847', border: '#62661f', shape: 'round-pentagon', size: 30 },
};

export type TypeFamily = 'structure' | 'membership' | 'representation' | 'authority' | 'office' | 'cooperation' | 'routing' | 'basis';

export const FAMILY_COLOR: Record<TypeFamily, string> = {
  structure: '#8a94a3',
  membership: '#5fa36f',
  representation: '#2f6fdb',
  authority: '#d1495b',
  office: '#c26ba8',
  cooperation: '#1f9e99',
  routing: '#8a4fd6',
  basis: '#a07856',
};

export const TYPE_FAMILY: Record<RelationshipType, TypeFamily> = {
  PART_OF: 'structure',
  UNDER: 'structure',
  MEMBER_OF: 'membership',
  PARTICIPATES_IN: 'membership',
  REPRESENTS: 'representation',
  LEADS_DELEGATION: 'representation',
  CONTACT_POINT_FOR: 'representation',
  MANDATES: 'authority',
  APPOINTS: 'authority',
  ESTABLISHES: 'authority',
  DIRECTS: 'authority',
  HOLDS_POST: 'office',
  CHAIRS: 'office',
  WORKS_AT: 'office',
  COOPERATES_WITH: 'cooperation',
  HAS_AGREEMENT_WITH: 'cooperation',
  SUPPORTS: 'cooperation',
  FUNDS: 'cooperation',
  COORDINATES: 'cooperation',
  FORWARDS_REQUESTS_TO: 'routing',
  BASED_ON: 'basis',
  PARTY_TO: 'basis',
  AUTHORED: 'basis',
  INCLUDES: 'membership',
};

export function typeColor(t: RelationshipType): string {
  return FAMILY_COLOR[TYPE_FAMILY[t]];
}

export interface ThemeColors {
  background: string;
  text: string;
  textBackground: string;
  accent: string;
  path: string;
}

export const THEMES: Record<'light' | 'dark', ThemeColors> = {
  light: { background: '#f7f8fa', text: '#1d2633', textBackground: '#f7f8fa', accent: '#f5a623', path: '#e8590c' },
  dark: { background: '#12171f', text: '#dfe6ee', textBackground: '#12171f', accent: '#ffc247', path: '#ff8a3d' },
};

/** Font sizes and the zoom-level-of-detail thresholds: below them Cytoscape skips the text. */
export const TEXT = {
  nodeFontSize: 12,
  nodeMinZoomedFontSize: 7,
  /** Landmark nodes (best connected, or part of the answer shown) keep labels further out. */
  majorMinZoomedFontSize: 4,
  majorFontSize: 13,
  largeViewMinZoomedFontSize: 11,
  edgeFontSize: 10,
  // Captions only from zoom 1.2 up (or on hover, selection and highlighted answers): at a hub
  // they would otherwise pile up.
  edgeMinZoomedFontSize: 12,
  nodeTextMaxWidth: 130,
};

export const DIFF_MARKS = ['added', 'gone', 'changed'] as const;
/** Green, red, blue: apart for red-green colour blindness by lightness too, and named in words. */
export const DIFF_COLOR: Record<(typeof DIFF_MARKS)[number], string> = { added: '#1f9d55', gone: '#d0312d', changed: '#3b6fd8' };

/** `transitions: false` for headless use, where nothing would play them out. */
export function buildStyle(theme: ThemeColors, options: { transitions?: boolean } = {}): StylesheetJson {
  const fade = options.transitions === false ? {} : { 'transition-property': 'opacity', 'transition-duration': 150 };
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-size': TEXT.nodeFontSize,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: theme.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': `${TEXT.nodeTextMaxWidth}px`,
        'text-background-color': theme.textBackground,
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': TEXT.nodeMinZoomedFontSize,
        'border-width': 1.5,
        'background-color': '#999',
        'border-color': '#666',
        width: 30,
        height: 30,
        'overlay-opacity': 0,
        ...fade,
      },
    },
  ];
  for (const [label, look] of Object.entries(LABEL_LOOK)) {
    sheet.push({
      selector: `node[label = "${label}"]`,
      style: { 'background-color': look.color, 'border-color': look.border, shape: look.shape, width: look.size, height: look.size },
    });
  }
  sheet.push(
    // Certainty as line style (also in the legend and the table): stated solid, hedged dashed,
    // inferred dotted.
    { selector: 'node[certainty = "hedged"]', style: { 'border-style': 'dashed' } },
    { selector: 'node[certainty = "inferred"]', style: { 'border-style': 'dotted' } },
    // Large views (the `lod` class, set by the view): names from a closer zoom than usual, except
    // the landmarks' below.
    { selector: 'node.lod', style: { 'min-zoomed-font-size': TEXT.largeViewMinZoomedFontSize } },
    {
      selector: 'node.major',
      style: { 'min-zoomed-font-size': TEXT.majorMinZoomedFontSize, 'font-size': TEXT.majorFontSize, 'font-weight': 600, 'z-index': 5 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'curve-style': 'bezier',
        'control-point-step-size': 18,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'line-color': FAMILY_COLOR.structure,
        'target-arrow-color': FAMILY_COLOR.structure,
        label: 'data(caption)',
        'font-size': TEXT.edgeFontSize,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        color: theme.text,
        'text-rotation': 'autorotate',
        'text-background-color': theme.textBackground,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': TEXT.edgeMinZoomedFontSize,
        'text-opacity': 0.85,
        'overlay-opacity': 0,
        ...fade,
      },
    },
  );
  for (const [type, family] of Object.entries(TYPE_FAMILY)) {
    sheet.push({
      selector: `edge[type = "${type}"]`,
      style: { 'line-color': FAMILY_COLOR[family], 'target-arrow-color': FAMILY_COLOR[family] },
    });
  }
  sheet.push(
    { selector: 'edge[type = "REPRESENTS"]', style: { width: 2.6 } },
    { selector: 'edge[type = "MANDATES"], edge[type = "APPOINTS"]', style: { width: 2.2 } },
    // Large views: straight ties, far cheaper to draw than curves at thousands a frame.
    { selector: 'edge.lod', style: { 'curve-style': 'straight' } },
    { selector: 'edge[certainty = "hedged"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
    { selector: 'edge[certainty = "inferred"]', style: { 'line-style': 'dotted' } },
    // Large views: every tie solid and without a caption, except the ones a person points at,
    // selects or asked about. A dotted or dashed line costs Cytoscape several times a solid one
    // per frame, and each caption is measured whenever its tie moves (issue 22, part 5): at
    // 10,000 elements these made each frame seconds long. Node borders keep their certainty.
    { selector: 'edge.lod', style: { 'line-style': 'solid', label: '' } },
    { selector: 'edge.lod.hover, edge.lod:selected, edge.lod.emphasis, edge.lod.on-path', style: { label: 'data(caption)' } },
    {
      selector:
        'edge.lod[certainty = "hedged"].hover, edge.lod[certainty = "hedged"]:selected, edge.lod[certainty = "hedged"].emphasis, edge.lod[certainty = "hedged"].on-path',
      style: { 'line-style': 'dashed' },
    },
    {
      selector:
        'edge.lod[certainty = "inferred"].hover, edge.lod[certainty = "inferred"]:selected, edge.lod[certainty = "inferred"].emphasis, edge.lod[certainty = "inferred"].on-path',
      style: { 'line-style': 'dotted' },
    },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: 'node.dimmed', style: { opacity: 0.22 } },
    { selector: 'edge.dimmed', style: { opacity: 0.07, 'text-opacity': 0 } },
    { selector: 'node.root', style: { 'border-width': 4, 'border-color': theme.text } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': theme.path, opacity: 1 } },
    {
      selector: 'edge.on-path',
      style: {
        width: 4.5,
        'line-color': theme.path,
        'target-arrow-color': theme.path,
        opacity: 1,
        'text-opacity': 1,
        'z-index': 10,
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'edge.emphasis', style: { 'text-opacity': 1, width: 3, 'z-index': 9, 'min-zoomed-font-size': 6 } },
    // Not valid as of the chosen date: faded even inside a highlighted answer.
    { selector: 'edge.out-of-time', style: { opacity: 0.1, 'text-opacity': 0 } },
    { selector: 'edge.undated', style: { opacity: 0.45 } },
    { selector: 'node.out-of-time', style: { opacity: 0.3 } },
    // Many parallel ties between two nodes (one per forum, say): a tight bundle without captions,
    // which would sit on each other (hover one to read it).
    { selector: 'edge.crowded', style: { 'text-opacity': 0, 'control-point-step-size': 7 } },
    // Several ties of one type between the same two nodes: one thicker line that says how many.
    { selector: 'edge.bundled', style: { display: 'none' } },
    { selector: 'edge.bundle', style: { width: 4, label: bundleCaption } },
    // A body that represents itself (as expert authority) is a loop: it needs room to show.
    {
      selector: 'edge:loop',
      style: { 'control-point-step-size': 56, 'loop-direction': '-20deg', 'loop-sweep': '-40deg', width: 1 },
    },
    // Level of detail (graph/labels.ts): a name that would meet a better-ranked one waits for
    // zooming in; hovering or selecting the node shows it anyway, above the others.
    { selector: '.label-off', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    {
      selector: 'node.label-off.hover, node.label-off:selected',
      style: { 'text-opacity': 1, 'text-background-opacity': 0.92, 'z-index': 30 },
    },
    { selector: 'node.hover', style: { 'border-width': 3, 'border-color': theme.accent } },
    { selector: 'edge.hover', style: { 'text-opacity': 1, width: 3, 'z-index': 9, 'min-zoomed-font-size': 0 } },
    { selector: 'node:selected', style: { 'border-width': 5, 'border-color': theme.accent, 'z-index': 20 } },
    {
      selector: 'edge:selected',
      style: {
        width: 4,
        'line-color': theme.accent,
        'target-arrow-color': theme.accent,
        'text-opacity': 1,
        'z-index': 20,
        'min-zoomed-font-size': 0,
      },
    },
    // A comparison: added, gone and changed each get a halo of their own colour (and the list
    // and legend say it in words); a gone tie is drawn faint, as what was there.
    ...DIFF_MARKS.flatMap((mark) => [
      {
        selector: `edge.diff-${mark}`,
        style: {
          'underlay-color': DIFF_COLOR[mark],
          'underlay-opacity': 0.55,
          'underlay-padding': 6,
          width: 3,
          'text-opacity': 1,
          'min-zoomed-font-size': 0,
          'z-index': 15,
          ...(mark === 'gone' ? { opacity: 0.75, 'line-style': 'dashed' as const, 'line-dash-pattern': [3, 5] } : {}),
        },
      },
      {
        selector: `node.diff-${mark}`,
        style: { 'underlay-color': DIFF_COLOR[mark], 'underlay-opacity': 0.45, 'underlay-padding': 8 },
      },
    ]),
    // Printing for export: no dimmed ties, no selection glow.
    { selector: '.export-hidden', style: { display: 'none' } },
  );
  return sheet;
}

/** "mandates ×6": the phrase of the type and the number of ties the line stands for. */
export function bundleCaption(edge: EdgeSingular): string {
  const type = edge.data('type') as RelationshipType;
  const source = edge.source().id();
  const count = edge.parallelEdges().filter((e) => e.data('type') === type && e.source().id() === source && !e.hasClass('hidden')).length;
  return `${TYPE_PHRASES[type] ?? type} ×${count}`;
}
