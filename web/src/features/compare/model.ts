// A diff as the canvas shows it: each difference matched to the element drawn for it, marked
// added, gone or changed. A tie that no longer exists in the current graph (retired since
// the earlier version) comes back as a drawn "ghost" from its recorded state, so what is
// gone can be seen where it was.
import type { DiffAnswer, ElementState } from '../../api/curation-types.ts';
import type { EdgeData, NodeData, RelationshipType } from '../../api/types.ts';

export type DiffMark = 'added' | 'gone' | 'changed';

export interface DiffRow {
  mark: DiffMark;
  kind: 'node' | 'tie';
  /** The canvas element it is drawn as (an existing one or a ghost). */
  elementId: string;
  /** The fact or node id the server names. */
  id: string;
  type?: RelationshipType;
  from?: string;
  to?: string;
  fields: string[];
  state: ElementState | null;
}

export interface CanvasDiff {
  rows: DiffRow[];
  marks: Map<string, DiffMark>;
  /** Nodes the comparison needs on the canvas: every end of every differing tie. */
  nodes: string[];
  /** Retired ties, drawn from their recorded state. */
  ghosts: EdgeData[];
}

/** The flat fields of a recorded state: its properties beside type, from, to. */
export function flat(s: ElementState | null | undefined): Record<string, unknown> {
  if (!s) return {};
  const out: Record<string, unknown> = { ...s, ...((s.properties as Record<string, unknown> | undefined) ?? {}) };
  delete out.properties;
  return out;
}

function isTie(s: Record<string, unknown>): boolean {
  return typeof s.type === 'string' && (typeof s.from === 'string' || typeof s.source === 'string');
}

/** The drawn edge for a recorded tie: by fact id, else by type and ends (and start date). */
export function matchEdge(s: Record<string, unknown>, edges: readonly EdgeData[]): EdgeData | undefined {
  const id = typeof s.id === 'string' ? s.id : undefined;
  const byFact = id ? edges.find((e) => e.factId === id || e.id === id) : undefined;
  if (byFact) return byFact;
  const from = (s.from ?? s.source) as string | undefined;
  const to = (s.to ?? s.target) as string | undefined;
  const same = edges.filter((e) => e.type === s.type && e.source === from && e.target === to);
  return same.find((e) => (e.validFrom ?? '') === (s.validFrom ?? '')) ?? (same.length === 1 ? same[0] : undefined);
}

export function canvasDiff(diff: DiffAnswer, edges: readonly EdgeData[], nodes: ReadonlyMap<string, NodeData>): CanvasDiff {
  const rows: DiffRow[] = [];
  const marks = new Map<string, DiffMark>();
  const wanted = new Set<string>();
  const ghosts: EdgeData[] = [];
  const add = (mark: DiffMark, state: ElementState | null, fields: string[], other: ElementState | null = null) => {
    const s = { ...flat(other), ...flat(state) };
    const id = String(s.id ?? '');
    if (isTie(s)) {
      const from = String(s.from ?? s.source);
      const to = String(s.to ?? s.target);
      wanted.add(from);
      wanted.add(to);
      let edge = matchEdge(s, edges);
      if (!edge && mark === 'gone') {
        const ghost = {
          ...s,
          id: `ghost:${id || `${String(s.type)}:${from}->${to}`}`,
          factId: id,
          source: from,
          target: to,
        } as unknown as EdgeData;
        ghosts.push(ghost);
        edge = ghost;
      }
      const elementId = edge?.id ?? id;
      if (edge) marks.set(elementId, mark);
      rows.push({ mark, kind: 'tie', elementId, id, type: s.type as RelationshipType, from, to, fields, state });
    } else {
      wanted.add(id);
      if (nodes.has(id) || mark !== 'gone') marks.set(id, mark);
      rows.push({ mark, kind: 'node', elementId: id, id, fields, state });
    }
  };
  // A tie's state does not always carry its fact id: the item's id is it.
  const withId = (s: ElementState | null, id: string): ElementState | null => (s ? { ...s, id: s.id ?? id } : s);
  for (const i of diff.added) add('added', withId(i.after ?? i.before, i.id), []);
  for (const i of diff.retired) add('gone', withId(i.before ?? i.after, i.id), []);
  for (const i of diff.changed) add('changed', withId(i.after ?? i.before, i.id), i.fields ?? [], i.before);
  // Ties first (they are what a comparison is usually about), then by kind of change.
  const order: Record<DiffMark, number> = { added: 0, gone: 1, changed: 2 };
  rows.sort((a, b) => (a.kind === b.kind ? order[a.mark] - order[b.mark] : a.kind === 'tie' ? -1 : 1));
  return { rows, marks, nodes: [...wanted].filter(Boolean), ghosts };
}

/** "2016", "2016-05", "2016-05-01": the dates a comparison by valid time takes. */
export function isPartialDate(s: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(s.trim());
}
