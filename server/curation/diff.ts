// Diffs: between two versions (from the change log: each element's first `before` and last
// `after` in between, folded by Neo4j), and between two valid dates around a node (which of its ties hold at
// one date and not at the other). Undated ties hold at every date, so they never differ.
import type { Database, Row } from '../db/database.ts';
import { firstDay, lastDay } from '../model/dates.ts';
import type { OpRecord } from './log.ts';
import { asOfGroupAt, type AsOfCounts, countGroups } from '../model/as-of.ts';

export interface DiffItem {
  id: string;
  kind: 'node' | 'tie';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Changed fields (only in `changed`). */
  fields?: string[];
}

export interface Diff {
  added: DiffItem[];
  retired: DiffItem[];
  changed: DiffItem[];
}

function touches(item: OpRecord['before'], around: string): boolean {
  if (!item) return false;
  return item.id === around || item.from === around || item.to === around;
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const pa = (a.properties ?? {}) as Record<string, unknown>;
  const pb = (b.properties ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(pa), ...Object.keys(pb)]);
  return [...keys].filter((k) => JSON.stringify(pa[k]) !== JSON.stringify(pb[k])).sort();
}

export interface DiffCounts {
  added: number;
  retired: number;
  /** Elements whose recorded state differs as text: an upper bound of the elements listed as changed. */
  changed: number;
}

export interface DiffPage {
  offset: number;
  limit: number;
}

/** Diff lists cap: a diff from version 0 at 100k elements lists 100k added. */
export const DIFF_PAGE = { default: 1000, max: 5000 } as const;

/**
 * The diff between two versions, folded by Neo4j (curation/diff-versions): the server gets the
 * counts and one page of each list, never every Op in the span.
 */
export async function diffVersions(
  db: Database,
  from: number,
  to: number,
  around?: string,
  page: DiffPage = { offset: 0, limit: DIFF_PAGE.default },
): Promise<Diff & { counts: DiffCounts; truncated: boolean }> {
  const rows = await db.read('curation/diff-versions', {
    from,
    to,
    around: around ?? null,
    fromNeedle: `"from":${JSON.stringify(around ?? '')}`,
    toNeedle: `"to":${JSON.stringify(around ?? '')}`,
    offset: page.offset,
    limit: page.limit,
  });
  const diff: Diff = { added: [], retired: [], changed: [] };
  const counts: DiffCounts = { added: 0, retired: 0, changed: 0 };
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : null);
  for (const row of rows) {
    const change = row.change as keyof Diff;
    counts[change] = Number(row.total);
    for (const item of row.items as Row[]) {
      const e: DiffItem = { id: String(item.id), kind: item.kind as DiffItem['kind'], before: json(item.before), after: json(item.after) };
      // The query's text match around a node is a superset; the states say exactly.
      if (around && !touches(e.before, around) && !touches(e.after, around)) continue;
      if (change === 'changed') {
        const fields = changedFields(e.before!, e.after!);
        if (fields.length) diff.changed.push({ ...e, fields });
      } else diff[change].push(e);
    }
  }
  const truncated = (['added', 'retired', 'changed'] as const).some((k) => counts[k] > page.offset + page.limit);
  return { ...diff, counts, truncated };
}

/** Whether a tie with these first/last days holds at some time within the partial date `d`. */
export function holdsAt(tie: Record<string, unknown>, d: string): boolean {
  const from = typeof tie.validFromDay === 'string' ? tie.validFromDay : null;
  const to = typeof tie.validToDay === 'string' ? tie.validToDay : null;
  return (from === null || from <= lastDay(d)) && (to === null || to >= firstDay(d));
}

/** A comparison of dates also counts each side's three as-of groups, and the undated ties it cannot place. */
export interface DatesDiff extends Diff {
  asOf: { from: AsOfCounts; to: AsOfCounts };
  /** Ties with no dates given: a comparison of dates cannot say whether they held at either date. */
  undated: number;
}

export async function diffDates(db: Database, fromDate: string, toDate: string, around: string): Promise<DatesDiff> {
  const rows = await db.read('curation/ties-around', { id: around });
  const diff: Diff = { added: [], retired: [], changed: [] };
  for (const r of rows) {
    const tie = {
      id: String(r.id),
      type: r.type,
      from: r.from,
      to: r.to,
      fromName: r.fromName,
      toName: r.toName,
      validFrom: r.validFrom ?? null,
      validTo: r.validTo ?? null,
      certainty: r.certainty ?? null,
    };
    const then = holdsAt(r, fromDate);
    const now = holdsAt(r, toDate);
    if (then && !now) diff.retired.push({ id: tie.id, kind: 'tie', before: tie, after: null });
    if (!then && now) diff.added.push({ id: tie.id, kind: 'tie', before: null, after: tie });
  }
  const byId = (a: DiffItem, b: DiffItem) => a.id.localeCompare(b.id);
  diff.added.sort(byId);
  diff.retired.sort(byId);
  const asOf = {
    from: countGroups(
      fromDate,
      rows.map((r) => asOfGroupAt(r, fromDate)),
    ),
    to: countGroups(
      toDate,
      rows.map((r) => asOfGroupAt(r, toDate)),
    ),
  };
  return { ...diff, asOf, undated: asOf.from.undated };
}
