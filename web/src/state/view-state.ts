// What defines a view: the nodes on the canvas, filters, the as-of date, the layout and where
// nodes stand, the selection and the question being shown. Plain data, changed only by
// `reduce`, so undo, redo and the URL are all just copies of it.
import type { ChainDirection, NodeLabel, RelationshipType } from '../api/types.ts';

export type LayoutName = 'force' | 'hierarchy' | 'concentric';
export const LAYOUTS: readonly LayoutName[] = ['force', 'hierarchy', 'concentric'];

export interface Position {
  x: number;
  y: number;
}

/** The question the canvas answers, re-asked of the API when a link is opened. */
export type Focus =
  | { kind: 'chain'; id: string; direction: ChainDirection }
  | { kind: 'paths'; from: string; to: string; directed: boolean; types: RelationshipType[]; index: number }
  | { kind: 'representation'; agent: string | null; principal: string | null; forum: string | null; capacity: string | null }
  | { kind: 'common'; a: string; b: string };

export interface ViewState {
  /** Node ids on the canvas; the edges are every relationship among them. */
  nodes: string[];
  hiddenLabels: NodeLabel[];
  hiddenTypes: RelationshipType[];
  /** YYYY, YYYY-MM or YYYY-MM-DD; relationships not valid then fade. */
  asOf: string | null;
  layout: LayoutName;
  /** The node a concentric layout circles around. */
  layoutRoot: string | null;
  /** Element ids (nodes or edges). */
  selected: string[];
  focus: Focus | null;
  /** Where nodes stand; a node without one is placed near its neighbours. */
  positions: Record<string, Position>;
  /** Cytoscape's WebGL renderer, for large views. */
  webgl: boolean;
  /** The canvas, or the same nodes and ties as a table. */
  view: 'graph' | 'table';
  /** Only facts the sources state outright (no hedged or inferred ones). */
  statedOnly: boolean;
  /**
   * The graph as it was recorded at a version ("12") or a moment ("2026-11-30T12:00:00Z"):
   * every read carries it, and later change sets are undone on the answers. null: now.
   */
  recordedAt: string | null;
}

export const EMPTY_VIEW: ViewState = {
  nodes: [],
  hiddenLabels: [],
  hiddenTypes: [],
  asOf: null,
  layout: 'force',
  layoutRoot: null,
  selected: [],
  focus: null,
  positions: {},
  webgl: false,
  view: 'graph',
  statedOnly: false,
  recordedAt: null,
};

export type ViewAction =
  /** `near`: the node they were brought in from, which the canvas places them around. */
  | { type: 'addNodes'; ids: string[]; focus?: Focus | null; near?: string }
  | { type: 'replaceNodes'; ids: string[]; focus?: Focus | null; layout?: LayoutName; layoutRoot?: string | null }
  | { type: 'removeNodes'; ids: string[] }
  | { type: 'select'; ids: string[] }
  | { type: 'toggleLabel'; label: NodeLabel }
  | { type: 'toggleType'; relType: RelationshipType }
  | { type: 'showAllFilters' }
  | { type: 'setAsOf'; asOf: string | null }
  | { type: 'setLayout'; layout: LayoutName; root?: string | null; positions?: Record<string, Position> }
  | { type: 'movePositions'; positions: Record<string, Position> }
  | { type: 'setFocus'; focus: Focus | null }
  | { type: 'setWebgl'; webgl: boolean }
  | { type: 'setView'; view: 'graph' | 'table' }
  | { type: 'setStatedOnly'; statedOnly: boolean }
  | { type: 'setRecordedAt'; recordedAt: string | null }
  | { type: 'clearSelection' };

/** Actions worth an undo step; the rest (selection, placing new nodes) amend the present. */
export function isUndoable(action: ViewAction): boolean {
  return !['select', 'clearSelection', 'setWebgl', 'setView'].includes(action.type);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function toggle<T>(items: readonly T[], item: T): T[] {
  return items.includes(item) ? items.filter((i) => i !== item) : [...items, item];
}

function keepPositions(positions: Record<string, Position>, ids: readonly string[]): Record<string, Position> {
  const out: Record<string, Position> = {};
  for (const id of ids) {
    const p = positions[id];
    if (p) out[id] = p;
  }
  return out;
}

/** A focus that names a node no longer on the canvas has nothing to show. */
function focusStillShown(focus: Focus | null, nodes: readonly string[]): Focus | null {
  if (!focus) return null;
  const has = (id: string | null) => id === null || nodes.includes(id);
  switch (focus.kind) {
    case 'chain':
      return has(focus.id) ? focus : null;
    case 'paths':
      return has(focus.from) && has(focus.to) ? focus : null;
    case 'representation':
      return focus;
    case 'common':
      return has(focus.a) && has(focus.b) ? focus : null;
  }
}

export function reduce(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'addNodes': {
      const nodes = unique([...state.nodes, ...action.ids]);
      const focus = action.focus === undefined ? state.focus : action.focus;
      return nodes.length === state.nodes.length && focus === state.focus ? state : { ...state, nodes, focus };
    }
    case 'replaceNodes': {
      const nodes = unique(action.ids);
      return {
        ...state,
        nodes,
        positions: {},
        selected: state.selected.filter((id) => nodes.includes(id)),
        focus: action.focus === undefined ? focusStillShown(state.focus, nodes) : action.focus,
        layout: action.layout ?? state.layout,
        layoutRoot: action.layoutRoot === undefined ? state.layoutRoot : action.layoutRoot,
      };
    }
    case 'removeNodes': {
      const gone = new Set(action.ids);
      const nodes = state.nodes.filter((id) => !gone.has(id));
      if (nodes.length === state.nodes.length) return state;
      return {
        ...state,
        nodes,
        positions: keepPositions(state.positions, nodes),
        // Edge ids embed their ends ("TYPE|from|to|…"), so an edge selection goes with its nodes.
        selected: state.selected.filter((id) => {
          const [, from, to] = id.split('|');
          return !gone.has(id) && !(from && gone.has(from)) && !(to && gone.has(to));
        }),
        focus: focusStillShown(state.focus, nodes),
        layoutRoot: state.layoutRoot && gone.has(state.layoutRoot) ? null : state.layoutRoot,
      };
    }
    case 'select':
      return { ...state, selected: unique(action.ids) };
    case 'clearSelection':
      return state.selected.length ? { ...state, selected: [] } : state;
    case 'toggleLabel':
      return { ...state, hiddenLabels: toggle(state.hiddenLabels, action.label) };
    case 'toggleType':
      return { ...state, hiddenTypes: toggle(state.hiddenTypes, action.relType) };
    case 'showAllFilters':
      return { ...state, hiddenLabels: [], hiddenTypes: [] };
    case 'setAsOf':
      return state.asOf === action.asOf ? state : { ...state, asOf: action.asOf };
    case 'setLayout':
      return {
        ...state,
        layout: action.layout,
        layoutRoot: action.root === undefined ? state.layoutRoot : action.root,
        positions: action.positions ? keepPositions(action.positions, state.nodes) : state.positions,
      };
    case 'movePositions': {
      const positions = { ...state.positions };
      for (const [id, p] of Object.entries(action.positions)) if (state.nodes.includes(id)) positions[id] = p;
      return { ...state, positions };
    }
    case 'setFocus':
      return { ...state, focus: action.focus };
    case 'setWebgl':
      return { ...state, webgl: action.webgl };
    case 'setView':
      return state.view === action.view ? state : { ...state, view: action.view };
    case 'setStatedOnly':
      return state.statedOnly === action.statedOnly ? state : { ...state, statedOnly: action.statedOnly };
    case 'setRecordedAt':
      return state.recordedAt === action.recordedAt ? state : { ...state, recordedAt: action.recordedAt };
  }
}
