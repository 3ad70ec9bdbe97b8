// View state → classes on elements. The pure part (`classesFor`) decides; `applyClasses`
// writes them in one batch. Element data is never edited for the view's sake, so filters,
// as-of and highlights come and go without touching what the API said.
import type { Core } from 'cytoscape';
import type { ViewState } from '../state/view-state.ts';
import { validAt } from './dates.ts';

export interface ElementInfo {
  id: string;
  group: 'nodes' | 'edges';
  label?: string;
  type?: string;
  source?: string;
  target?: string;
  validFrom?: string;
  validTo?: string;
  /** 'stated' | 'hedged' | 'inferred'. */
  certainty?: string;
}

/** What the question being shown picks out on the canvas. */
export interface Highlight {
  kind: 'path' | 'focus';
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  root: string | null;
  /** A comparison: how each differing element differs (added, gone, changed). */
  marks?: ReadonlyMap<string, 'added' | 'gone' | 'changed'>;
}

export const MANAGED_CLASSES = [
  'hidden',
  'out-of-time',
  'undated',
  'dimmed',
  'on-path',
  'emphasis',
  'root',
  'crowded',
  'major',
  'bundle',
  'bundled',
  'diff-added',
  'diff-gone',
  'diff-changed',
] as const;
export type ManagedClass = (typeof MANAGED_CLASSES)[number];

/** Parallel ties between two nodes lie close together: their captions would overlap. */
const MAX_CAPTIONED_PARALLEL = 1;

/**
 * How many of the best-connected nodes keep their label when zoomed out: the landmarks a
 * reader navigates by. The rest show theirs once there is room.
 */
export function majorCount(nodeCount: number): number {
  return Math.min(40, Math.max(6, Math.round(Math.sqrt(nodeCount) * 2)));
}

export function classesFor(
  elements: readonly ElementInfo[],
  state: Pick<ViewState, 'hiddenLabels' | 'hiddenTypes' | 'asOf' | 'layoutRoot' | 'layout'> &
    Partial<Pick<ViewState, 'selected' | 'statedOnly'>>,
  highlight: Highlight | null,
): Map<string, ManagedClass[]> {
  const out = new Map<string, ManagedClass[]>();
  const hiddenNodes = new Set<string>();
  const hiddenLabels = new Set<string>(state.hiddenLabels);
  const hiddenTypes = new Set<string>(state.hiddenTypes);
  // "Stated only" hides what the sources hedge or infer, as a filter does.
  const unsure = (e: ElementInfo) => Boolean(state.statedOnly && e.certainty && e.certainty !== 'stated');
  for (const e of elements) if (e.group === 'nodes' && ((e.label && hiddenLabels.has(e.label)) || unsure(e))) hiddenNodes.add(e.id);

  const edges = elements.filter((e) => e.group === 'edges');
  const edgeHidden = (e: ElementInfo) =>
    Boolean((e.type && hiddenTypes.has(e.type)) || unsure(e) || hiddenNodes.has(e.source ?? '') || hiddenNodes.has(e.target ?? ''));

  // Ties of one type from one node to another (a body mandated six times by its government)
  // are drawn as one line; the panel lists them all. The drawn one is the tie the question
  // picks out, else one valid as of the chosen date, so fading and highlights stay true.
  const bundles = new Map<string, ElementInfo[]>();
  for (const e of edges) {
    if (edgeHidden(e)) continue;
    const key = bundleKey(e);
    const members = bundles.get(key);
    if (members) members.push(e);
    else bundles.set(key, [e]);
  }
  const selected = new Set(state.selected ?? []);
  const bundled = new Set<string>();
  const bundleHeads = new Set<string>();
  for (const members of bundles.values()) {
    if (members.length < 2) continue;
    const rank = (e: ElementInfo) =>
      selected.has(e.id) ? 0 : highlight?.edges.has(e.id) ? 1 : validAt(e.validFrom, e.validTo, state.asOf) ? 2 : 3;
    const head = members.reduce((best, e) => (rank(e) < rank(best) ? e : best));
    bundleHeads.add(head.id);
    for (const e of members) if (e !== head) bundled.add(e.id);
  }

  const pairCount = new Map<string, number>();
  for (const e of edges) {
    if (bundled.has(e.id)) continue;
    const pair = [e.source, e.target].sort().join('\u0000');
    pairCount.set(pair, (pairCount.get(pair) ?? 0) + 1);
  }

  // Distinct neighbours on the canvas, for picking the landmark nodes.
  const neighbours = new Map<string, Set<string>>();
  for (const e of elements) {
    if (e.group !== 'edges' || !e.source || !e.target || e.source === e.target) continue;
    if (!neighbours.has(e.source)) neighbours.set(e.source, new Set());
    if (!neighbours.has(e.target)) neighbours.set(e.target, new Set());
    neighbours.get(e.source)!.add(e.target);
    neighbours.get(e.target)!.add(e.source);
  }
  const nodeIds = elements.filter((e) => e.group === 'nodes' && !hiddenNodes.has(e.id)).map((e) => e.id);
  const major = new Set(
    [...nodeIds]
      .sort((a, b) => (neighbours.get(b)?.size ?? 0) - (neighbours.get(a)?.size ?? 0) || a.localeCompare(b))
      .slice(0, majorCount(nodeIds.length)),
  );
  if (highlight) for (const id of highlight.nodes) major.add(id);

  const root = highlight?.root ?? (state.layout === 'concentric' ? state.layoutRoot : null);
  for (const e of elements) {
    const classes: ManagedClass[] = [];
    const mark = highlight?.marks?.get(e.id);
    if (mark) classes.push(`diff-${mark}`);
    if (e.group === 'nodes') {
      if (hiddenNodes.has(e.id)) classes.push('hidden');
      if (!validAt(e.validFrom, e.validTo, state.asOf)) classes.push('out-of-time');
      if (e.id === root) classes.push('root');
      if (major.has(e.id) || e.id === root) classes.push('major');
      if (highlight) classes.push(highlight.nodes.has(e.id) ? (highlight.kind === 'path' ? 'on-path' : 'emphasis') : 'dimmed');
    } else {
      if (edgeHidden(e)) classes.push('hidden');
      if (bundled.has(e.id)) classes.push('bundled');
      if (bundleHeads.has(e.id)) classes.push('bundle');
      if (!validAt(e.validFrom, e.validTo, state.asOf)) classes.push('out-of-time');
      // Asked "as of" a date, a tie without dates is not known to hold then: drawn apart.
      else if (state.asOf && !e.validFrom && !e.validTo) classes.push('undated');
      const pair = [e.source, e.target].sort().join('\u0000');
      if ((pairCount.get(pair) ?? 0) > MAX_CAPTIONED_PARALLEL) classes.push('crowded');
      if (highlight) classes.push(highlight.edges.has(e.id) ? (highlight.kind === 'path' ? 'on-path' : 'emphasis') : 'dimmed');
    }
    out.set(e.id, classes);
  }
  return out;
}

/** Ties drawn as one line: same type, same direction, same two nodes. */
export function bundleKey(e: Pick<ElementInfo, 'source' | 'target' | 'type'>): string {
  return [e.source, e.target, e.type].join('\u0000');
}

export function elementInfo(cy: Core): ElementInfo[] {
  return cy.elements().map((ele) => infoOf(ele.isNode() ? 'nodes' : 'edges', ele.data() as Record<string, unknown>));
}

/** What the classes depend on, from an element's data: elements not yet on the canvas have it too. */
export function infoOf(group: 'nodes' | 'edges', d: Record<string, unknown>): ElementInfo {
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  return {
    id: String(d.id),
    group,
    label: str('label'),
    type: str('type'),
    source: str('source'),
    target: str('target'),
    validFrom: str('validFrom'),
    validTo: str('validTo'),
    certainty: str('certainty'),
  };
}

export function applyClasses(cy: Core, classes: Map<string, ManagedClass[]>): void {
  cy.batch(() => {
    cy.elements().forEach((ele) => {
      const want = classes.get(ele.id()) ?? [];
      for (const c of MANAGED_CLASSES) {
        const has = ele.hasClass(c);
        const should = want.includes(c);
        if (has && !should) ele.removeClass(c);
        else if (!has && should) ele.addClass(c);
      }
    });
  });
}

/**
 * Everything of the view's state that `classesFor` reads, as one string: two states with the
 * same string get the same classes for the same elements and highlight (positions, for one,
 * play no part).
 */
export function classInputs(state: ViewState): string {
  const { hiddenLabels, hiddenTypes, statedOnly, selected, asOf, layout, layoutRoot } = state;
  return JSON.stringify([hiddenLabels, hiddenTypes, statedOnly, selected, asOf, layout, layoutRoot]);
}

/** Apply the view's filters and as-of to a Cytoscape instance (headless or not). */
export function applyState(cy: Core, state: ViewState, highlight: Highlight | null): void {
  applyClasses(cy, classesFor(elementInfo(cy), state, highlight));
}
