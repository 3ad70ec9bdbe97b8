// Reading the change log back: change sets, their operations and one element's history.
import type { Database, Row } from '../db/database.ts';
import type { ChangeSetSummary } from './schemas.ts';
import { missing } from '../error-words.ts';

export interface OpRecord {
  seq: number;
  version: number;
  elementId: string;
  elementKind: 'node' | 'tie' | 'source';
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : null);

export function summaryOf(row: Row): ChangeSetSummary {
  const { sources, ...rest } = row as Row & { sources?: string };
  return { ...(rest as Omit<ChangeSetSummary, 'sources'>), sources: typeof sources === 'string' ? JSON.parse(sources) : [] };
}

export function opOf(row: Row): OpRecord {
  return {
    seq: Number(row.seq),
    version: Number(row.version),
    elementId: String(row.elementId),
    elementKind: row.elementKind as OpRecord['elementKind'],
    action: String(row.action),
    before: json(row.before),
    after: json(row.after),
  };
}

export async function listChanges(
  db: Database,
  q: { limit: number; before?: number | undefined; element?: string | undefined },
): Promise<{ changes: ChangeSetSummary[]; next: number | null }> {
  const params = { limit: q.limit + 1, before: q.before ?? Number.MAX_SAFE_INTEGER };
  const rows = q.element
    ? await db.read('curation/element-changes', { ...params, element: q.element })
    : await db.read('curation/list-changes', params);
  const changes = rows.slice(0, q.limit).map((r) => summaryOf(r.changeSet as Row));
  return { changes, next: rows.length > q.limit ? (changes.at(-1)?.version ?? null) : null };
}

export async function getChangeSet(
  db: Database,
  id: string,
  page: { offset: number; limit: number } = { offset: 0, limit: 1000 },
): Promise<ChangeSetSummary & { ops: Omit<OpRecord, 'version'>[] }> {
  const row = (await db.read('curation/get-change-set', { id, ...page }))[0];
  if (!row) throw missing('change-set', 'params.id', id);
  const ops = (row.ops as Row[]).map(opOf).map(({ version: _v, ...op }) => op);
  return { ...summaryOf(row.changeSet as Row), ops };
}

export async function elementHistory(db: Database, id: string) {
  const rows = await db.read('curation/element-history', { id });
  if (!rows.length) throw missing('history', 'params.id', id);
  return {
    id,
    entries: rows.map((r) => {
      const op = opOf(r.op as Row);
      return {
        changeSet: summaryOf(r.changeSet as Row),
        elementKind: op.elementKind,
        action: op.action,
        before: op.before,
        after: op.after,
      };
    }),
  };
}

export async function currentVersion(db: Database): Promise<{ version: number; at: string | null }> {
  const row = (await db.read('curation/graph-version'))[0];
  return { version: Number(row?.version ?? 0), at: typeof row?.at === 'string' ? row.at : null };
}
