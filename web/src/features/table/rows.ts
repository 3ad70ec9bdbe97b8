// The view as rows: every node and tie the canvas shows (filters applied), sortable, and as
// CSV. Pure functions of the view state and the element cache.
import type { EdgeData, NodeData } from '../../api/types.ts';
import { formatSpan, startKey } from '../../graph/dates.ts';
import type { ViewState } from '../../state/view-state.ts';
import { certaintyOf, type Certainty } from '../common/certainty.ts';
import { asOfGroup, byAsOfGroup, type AsOfGroup } from '../../../../server/model/as-of.ts';

export interface NodeRow {
  id: string;
  name: string;
  type: string;
  label: NodeData['label'];
  dates: string;
  dateKey: string;
  certainty: Certainty;
  hedge: string;
  sources: string[];
}

export interface TieRow {
  id: string;
  from: string;
  to: string;
  source: string;
  target: string;
  type: string;
  tie: string;
  dates: string;
  dateKey: string;
  certainty: Certainty;
  hedge: string;
  sources: string[];
  /** As of a date: held then, dates not given or not valid then (the answers' rule); else null. */
  group: AsOfGroup | null;
}

export interface RowNames {
  label: (l: NodeData['label']) => string;
  type: (e: EdgeData) => string;
}

/** Nodes and ties as the canvas shows them: hidden labels and types, and "stated only", left out. */
export function viewRows(
  state: ViewState,
  nodes: ReadonlyMap<string, NodeData>,
  edges: Iterable<EdgeData>,
  names: RowNames,
): { nodes: NodeRow[]; ties: TieRow[] } {
  const hiddenLabels = new Set<string>(state.hiddenLabels);
  const hiddenTypes = new Set<string>(state.hiddenTypes);
  const keep = (d: Record<string, unknown>) => !state.statedOnly || certaintyOf(d) === 'stated';
  const shown = new Map<string, NodeData>();
  for (const id of state.nodes) {
    const n = nodes.get(id);
    if (n && !hiddenLabels.has(n.label) && keep(n)) shown.set(id, n);
  }
  const nodeRows = [...shown.values()].map((n) => ({
    id: n.id,
    name: n.name,
    type: names.label(n.label),
    label: n.label,
    dates: formatSpan(n.validFrom, n.validTo, n.planned),
    dateKey: startKey(n.validFrom),
    certainty: certaintyOf(n),
    hedge: typeof n.hedge === 'string' ? n.hedge : '',
    sources: n.sources ?? [],
  }));
  const tieRows: TieRow[] = [];
  for (const e of edges) {
    if (!shown.has(e.source) || !shown.has(e.target) || hiddenTypes.has(e.type) || !keep(e)) continue;
    tieRows.push({
      id: e.id,
      from: shown.get(e.source)!.name,
      to: shown.get(e.target)!.name,
      source: e.source,
      target: e.target,
      type: e.type,
      tie: names.type(e),
      dates: formatSpan(e.validFrom, e.validTo, e.planned),
      dateKey: startKey(e.validFrom),
      certainty: certaintyOf(e),
      hedge: typeof e.hedge === 'string' ? e.hedge : '',
      sources: e.sources ?? [],
      group: asOfGroup(e, state.asOf),
    });
  }
  return { nodes: nodeRows, ties: tieRows };
}

/** Ties in the answers' three as-of groups, each keeping the rows' order. */
export function tiesByGroup(ties: readonly TieRow[]): Record<AsOfGroup, TieRow[]> {
  return byAsOfGroup(ties, (r) => r.group);
}

export type SortKey = 'name' | 'type' | 'dates' | 'certainty' | 'sources' | 'from' | 'tie' | 'to';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const CERTAINTY_ORDER: Record<Certainty, number> = { stated: 0, hedged: 1, inferred: 2 };

function value(row: NodeRow | TieRow, key: SortKey): string | number {
  switch (key) {
    case 'dates':
      return row.dateKey;
    case 'certainty':
      return CERTAINTY_ORDER[row.certainty];
    case 'sources':
      return row.sources.length;
    default:
      return (row as unknown as Record<string, string>)[key] ?? '';
  }
}

export function sortRows<T extends NodeRow | TieRow>(rows: readonly T[], sort: Sort, collator: Intl.Collator): T[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return c * dir || collator.compare(a.id, b.id);
  });
}

/** RFC 4180: quote every field, double the quotes inside. */
function csvLine(fields: readonly (string | number)[]): string {
  return fields.map((f) => `"${String(f).replace(/"/g, '""')}"`).join(',');
}

/** One CSV for the table: a `kind` column tells nodes from ties. */
export function rowsToCsv(nodes: readonly NodeRow[], ties: readonly TieRow[]): string {
  const lines = [csvLine(['kind', 'id', 'name_or_from', 'type', 'to', 'dates', 'certainty', 'hedge', 'sources'])];
  for (const n of nodes) lines.push(csvLine(['node', n.id, n.name, n.label, '', n.dates, n.certainty, n.hedge, n.sources.join(' ')]));
  for (const e of ties) lines.push(csvLine(['tie', e.id, e.from, e.type, e.to, e.dates, e.certainty, e.hedge, e.sources.join(' ')]));
  return `${lines.join('\r\n')}\r\n`;
}
