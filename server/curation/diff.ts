// Diffs: between two versions (from the change log: each element's first `before` and last
// `after` in between), and between two valid dates around a node (which of its ties hold at
// one date and not at the other). Undated ties hold at every date, so they never differ.
import type { Database, Row } from '../db/database.ts';
import { firstDay, lastDay } from '../model/dates.ts';
import { opOf, type OpRecord } from './log.ts';

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

/** Folds a run of operations (oldest first) into what differs between its start and its end. */
export function diffOfOps(ops: OpRecord[], around?: string): Diff {
  const span = new Map<string, { kind: 'node' | 'tie'; id: string; before: OpRecord['before']; after: OpRecord['after'] }>();
  for (const op of ops) {
    if (op.elementKind === 'source') continue;
    const key = `${op.elementKind}:${op.elementId}`;
    const seen = span.get(key);
    if (seen) seen.after = op.after;
    else span.set(key, { kind: op.elementKind, id: op.elementId, before: op.before, after: op.after });
  }
  const diff: Diff = { added: [], retired: [], changed: [] };
  for (const e of span.values()) {
    if (around && !touches(e.before, around) && !touches(e.after, around)) continue;
    if (!e.before && e.after) diff.added.push(e);
    else if (e.before && !e.after) diff.retired.push(e);
    else if (e.before && e.after) {
      const fields = changedFields(e.before, e.after);
      if (fields.length) diff.changed.push({ ...e, fields });
    }
  }
  return diff;
}

export async function diffVersions(db: Database, from: number, to: number, around?: string): Promise<Diff> {
  const rows = await db.read('curation/ops-between', { from, to });
  return diffOfOps(
    rows.map((r) => opOf(r.op as Row)),
    around,
  );
}

/** Whether a tie with these first/last days holds at some time within the partial date `d`. */
export function holdsAt(tie: Record<string, unknown>, d: string): boolean {
  const from = typeof tie.validFromDay === 'string' ? tie.validFromDay : null;
  const to = typeof tie.validToDay === 'string' ? tie.validToDay : null;
  return (from === null || from <= lastDay(d)) && (to === null || to >= firstDay(d));
}

export async function diffDates(db: Database, fromDate: string, toDate: string, around: string): Promise<Diff> {
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
  return diff;
}
