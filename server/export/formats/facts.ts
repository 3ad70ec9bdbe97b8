// What the standard formats need to know about a fact, read the way the trust-model contract
// (issue 12) defines it: certainty with hedge / inferredFrom / outsideKnowledge, a fact id on
// every relationship, the basis of acts, scope on ties to a Group, and source documents.
import { createHash } from 'node:crypto';
import { firstDay, lastDay, PartialDate } from '../../model/dates.ts';
import type { ExportNode, ExportRelationship } from '../formats.ts';
import { NodeRecord, RelationshipRecord } from '../../../seed/schema.ts';

export type Certainty = 'stated' | 'hedged' | 'inferred';

/** A source document as the contract stores it (:Source), or only its file name when none is stored. */
export interface ExportDocument {
  file: string;
  title?: string;
  publisher?: string;
  language?: string;
  written?: string;
  writtenCertainty?: string;
  writtenBasis?: string;
}

export interface Trust {
  certainty: Certainty;
  hedge?: string;
  inferredFrom: string[];
  outsideKnowledge?: string;
  sources: string[];
  evidence?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

export function trustOf(props: Record<string, unknown>): Trust {
  const raw = str(props.certainty) ?? 'stated';
  const certainty: Certainty = raw === 'hedged' || raw === 'inferred' ? raw : 'stated';
  return {
    certainty,
    hedge: str(props.hedge),
    inferredFrom: strs(props.inferredFrom),
    outsideKnowledge: str(props.outsideKnowledge),
    sources: strs(props.sources),
    evidence: str(props.evidence),
  };
}

export interface Basis {
  kind: 'mandate' | 'treaty' | 'law' | 'not-stated';
  ref?: string;
  note?: string;
  certainty?: Certainty;
}

export function basisOf(props: Record<string, unknown>): Basis | undefined {
  const kind = str(props.basisKind);
  if (kind !== 'mandate' && kind !== 'treaty' && kind !== 'law' && kind !== 'not-stated') return undefined;
  const c = str(props.basisCertainty);
  return {
    kind,
    ref: str(props.basisRef),
    note: str(props.basisNote),
    certainty: c === 'stated' || c === 'hedged' || c === 'inferred' ? c : undefined,
  };
}

/**
 * The fact id of a relationship: its contract `id`, else a stable id made from its MERGE key
 * (relationships loaded before the contract have no `id`).
 */
export function factId(r: ExportRelationship): string {
  const id = str(r.properties.id);
  if (id) return id;
  const key = str(r.properties.key) ?? `${r.type}|${r.start}|${r.end}`;
  return `${r.type.toLowerCase().replace(/_/g, '-')}-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
}

/** "001_x.txt#L3-L5" → { file: "001_x.txt", lines: "L3-L5" }. */
export function splitSource(ref: string): { file: string; lines?: string } {
  const i = ref.indexOf('#');
  return i < 0 ? { file: ref } : { file: ref.slice(0, i), lines: ref.slice(i + 1) };
}

export function partialDate(v: unknown): string | undefined {
  return typeof v === 'string' && PartialDate.safeParse(v).success ? v : undefined;
}

export function firstDayOf(v: unknown): string | undefined {
  const d = partialDate(v);
  return d ? firstDay(d) : undefined;
}

export function lastDayOf(v: unknown): string | undefined {
  const d = partialDate(v);
  return d ? lastDay(d) : undefined;
}

export function displayName(n: ExportNode | undefined, fallback: string): string {
  return str(n?.properties.nameEn) ?? str(n?.properties.name) ?? fallback;
}

// The fields a seed record defines, plus what the load adds to every fact (`attested` from the
// documents' dates, `key` for MERGE): one definition in seed/schema.ts serves the validator, the
// importer and the exports. Everything else is a free extra property.
const LOADED = ['attested', 'attestedDate'];
export const NODE_FIELDS = new Set<string>([...Object.keys(NodeRecord.shape), ...LOADED]);
export const RELATIONSHIP_FIELDS = new Set<string>([...Object.keys(RelationshipRecord.shape), 'key', ...LOADED]);

export function extraProperties(props: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!known.has(k) && v !== null && v !== undefined) out[k] = v;
  return out;
}

/** Documents named by the sources of a stream of facts, for formats that list them up front. */
export function documentsFrom(stored: Iterable<ExportDocument>): Map<string, ExportDocument> {
  const m = new Map<string, ExportDocument>();
  for (const d of stored) m.set(d.file, d);
  return m;
}

/**
 * How sure a fact is, as a sentence for formats with no term for certainty; the FtM importer
 * reads it back, so its shape is fixed: "Certainty: stated." / "Certainty: hedged — <hedge>." /
 * "Certainty: inferred; from facts: a, b; outside knowledge: …."
 */
export function certaintySentence(t: Trust): string {
  if (t.certainty === 'hedged') return `Certainty: hedged — ${t.hedge ?? ''}.`;
  if (t.certainty === 'inferred') {
    const on = [t.inferredFrom.length ? `from facts: ${t.inferredFrom.join(', ')}` : '', t.outsideKnowledge ?? ''].filter(Boolean);
    return `Certainty: inferred${on.map((x) => `; ${x}`).join('')}.`;
  }
  return 'Certainty: stated.';
}
