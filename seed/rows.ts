// Seed records → the flat rows the merge queries take. Kept apart from loading so the
// import, the seed loader and the bulk loader all write facts the same way.
import { firstDay, lastDay } from '../server/model/dates.ts';
import {
  BASIS_FIELDS,
  NODE_FORM_KEYS,
  type NodeRecord,
  type Provenance,
  QUALIFIER_FIELDS,
  type RelationshipRecord,
  relationshipKey,
  type SourceRecord,
  TIE_FORM_KEYS,
} from './schema.ts';

/** Source file → the partial date it was at least written by (sources.json `written`). */
export type WrittenDates = ReadonlyMap<string, string>;

export function writtenDates(sources: readonly SourceRecord[]): WrittenDates {
  return new Map(sources.map((s) => [s.file, s.written]));
}

/**
 * The earliest date a fact is known true: the earliest `written` among the documents it cites.
 * Undefined when none of them has a date (then the fact is simply undated).
 */
export function attestedOf(sources: readonly string[], written: WrittenDates): string | undefined {
  let best: string | undefined;
  for (const ref of sources) {
    const date = written.get(ref.split('#')[0] as string);
    if (date !== undefined && (best === undefined || firstDay(date) < firstDay(best))) best = date;
  }
  return best;
}

export interface NodeRow {
  id: string;
  label: string;
  validFromDay: string | null;
  validToDay: string | null;
  attestedDay: string | null;
  properties: Record<string, unknown>;
}

export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  key: string;
  validFromDay: string | null;
  validToDay: string | null;
  attestedDay: string | null;
  properties: Record<string, unknown>;
}

/** Properties that the loader sets itself; a record's free `properties` may not use them. */
export const RESERVED_NODE_PROPERTIES = new Set([
  'id',
  'label',
  'name',
  'nameEn',
  'aliases',
  'aliasText',
  'description',
  'validFrom',
  'validTo',
  'validFromDate',
  'validToDate',
  'sources',
  'evidence',
  'certainty',
  'hedge',
  'inferredFrom',
  'outsideKnowledge',
  'attested',
  'attestedDate',
  ...NODE_FORM_KEYS,
]);

/** A record's Swedish and English forms, stored under their own keys as they are. */
function forms(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, record[k] ?? null]));
}

/** The provenance properties as stored: certainty with its hedge or grounds, and `attested`. */
function provenance(p: Provenance, written: WrittenDates): Record<string, unknown> {
  return {
    sources: p.sources,
    evidence: p.evidence,
    certainty: p.certainty,
    hedge: p.hedge ?? null,
    inferredFrom: p.inferredFrom?.length ? p.inferredFrom : null,
    outsideKnowledge: p.outsideKnowledge ?? null,
    attested: attestedOf(p.sources, written) ?? null,
    citationNote: p.citationNote ?? null,
    planned: p.planned === true ? true : null,
    citedAgainst: p.citedAgainst?.length ? p.citedAgainst : null,
    review: p.review ?? null,
    reviewFile: p.reviewFile ?? null,
    reviewSince: p.reviewSince ?? null,
  };
}

export function toNodeRow(n: NodeRecord, written: WrittenDates = new Map()): NodeRow {
  const properties: Record<string, unknown> = { ...n.properties };
  Object.assign(properties, {
    id: n.id,
    label: n.label,
    name: n.name,
    nameEn: n.nameEn ?? null,
    aliases: n.aliases,
    // Full-text indexes read strings, not lists: the aliases joined for search.
    aliasText: n.aliases.join(' | '),
    description: n.description ?? null,
    validFrom: n.validFrom ?? null,
    validTo: n.validTo ?? null,
    ...provenance(n, written),
    ...forms(n, NODE_FORM_KEYS),
  });
  const attested = properties.attested as string | null;
  return {
    id: n.id,
    label: n.label,
    validFromDay: n.validFrom ? firstDay(n.validFrom) : null,
    validToDay: n.validTo ? lastDay(n.validTo) : null,
    attestedDay: attested ? firstDay(attested) : null,
    properties: dropNulls(properties),
  };
}

export function toRelationshipRow(r: RelationshipRecord, written: WrittenDates = new Map()): RelationshipRow {
  const key = relationshipKey(r);
  const properties: Record<string, unknown> = {
    id: r.id,
    key,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    scope: r.scope ?? null,
    ...provenance(r, written),
  };
  for (const field of QUALIFIER_FIELDS) properties[field] = r[field] ?? null;
  for (const field of BASIS_FIELDS) properties[field] = r[field] ?? null;
  Object.assign(properties, forms(r, TIE_FORM_KEYS));
  const attested = properties.attested as string | null;
  return {
    type: r.type,
    from: r.from,
    to: r.to,
    key,
    validFromDay: r.validFrom ? firstDay(r.validFrom) : null,
    validToDay: r.validTo ? lastDay(r.validTo) : null,
    attestedDay: attested ? firstDay(attested) : null,
    properties: dropNulls(properties),
  };
}

function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}
