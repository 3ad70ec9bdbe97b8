// The pure part of editing: which tie types the vocabulary allows between two labels, how a
// citation is written, which form field a refusal's path names, and what a correction
// changes. No DOM here, so the unit tests read it directly.
import type { ActOfAuthority } from '../../../../server/model/vocabulary.ts';
import type { Citation } from '../../api/curation-types.ts';
import type { NodeLabel, RelationshipType } from '../../api/types.ts';

/** One type's rule as GET /api/schema sends it (the server's RELATIONSHIP_RULES). */
export interface TypeRule {
  type: RelationshipType;
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  qualifiers?: readonly string[];
}

/** The types a tie from a `from` node to a `to` node may have; with an end unknown, that end is free. */
export function allowedTypes(rules: readonly TypeRule[], from: NodeLabel | null, to: NodeLabel | null): RelationshipType[] {
  return rules.filter((r) => (from === null || r.from.includes(from)) && (to === null || r.to.includes(to))).map((r) => r.type);
}

/** Acts of authority name their basis (the model's ACTS_OF_AUTHORITY). */
export const ACTS: readonly ActOfAuthority[] = ['REPRESENTS', 'APPOINTS', 'ESTABLISHES', 'LEADS_DELEGATION', 'CONTACT_POINT_FOR'];
// A type added to the server's list and not here fails this line's typecheck.
const _everyAct: Exclude<ActOfAuthority, (typeof ACTS)[number]> extends never ? true : never = true;
void _everyAct;

export function isAct(type: RelationshipType): boolean {
  return (ACTS as readonly string[]).includes(type);
}

/** MANDATES may name a basis (a treaty article); acts must; other types may not. */
export function basisAllowed(type: RelationshipType): boolean {
  return isAct(type) || type === 'MANDATES';
}

/** "18", "18-20", "18–20" or "L18-L20" → the first and last line; null when it is none of these. */
export function parseLines(text: string): { from: number; to: number } | null {
  const m = /^\s*L?(\d+)\s*(?:[-–]\s*L?(\d+))?\s*$/i.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (from < 1 || to < from) return null;
  return { from, to };
}

/** The citation a change set carries, and the SourceRef (`FILE#L18-L20`) a fact carries. */
export function citation(file: string, lines: string): { citation: Citation; ref: string } | null {
  const span = parseLines(lines);
  if (!file || !span) return null;
  const anchor = span.from === span.to ? `L${span.from}` : `L${span.from}-L${span.to}`;
  return { citation: { file, lines: anchor }, ref: `${file}#${anchor}` };
}

/**
 * The form field a refusal names: `body.ops[0].tie.certainty` → `certainty`,
 * `body.reason` → `reason`, `body.sources[0].lines` → `lines`. Null when the path names
 * nothing the form shows (the refusal is then shown above the form).
 */
export function fieldForPath(path: string, fields: ReadonlySet<string>): string | null {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p && p !== 'body' && !/^\d+$/.test(p));
  // The deepest part the form knows: ops.tie.basisRef → basisRef; sources.file → file.
  for (let i = parts.length - 1; i >= 0; i--) if (fields.has(parts[i]!)) return parts[i]!;
  return null;
}

/**
 * A correction as `set`: the fields whose value differs from what was read, an emptied field
 * as null (the contract's "remove this property"). Values compare as the form shows them.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, string>): Record<string, string | null> {
  const set: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(after)) {
    const was = before[k] === undefined || before[k] === null ? '' : String(before[k]);
    const now = v.trim();
    if (now === was) continue;
    set[k] = now === '' ? null : now;
  }
  return set;
}

/** A readable fact id for a new tie, unique enough with the moment it is made. */
export function newFactId(type: RelationshipType, from: string, to: string, now = Date.now()): string {
  const part = (s: string) => s.split('-').slice(0, 3).join('-');
  return `${part(from)}-${type.toLowerCase().replace(/_/g, '-')}-${part(to)}-${now.toString(36)}`;
}

/** A node id from its name: "Nordic Health Forum" → "nordic-health-forum". */
export function nodeIdFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
