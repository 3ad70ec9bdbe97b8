// Seed records → the flat rows the merge queries take. Kept apart from loading so the
// import, the seed loader and the bulk loader all write facts the same way.
import { firstDay, lastDay } from '../server/model/dates.ts';
import { type NodeRecord, QUALIFIER_FIELDS, type RelationshipRecord, relationshipKey } from './schema.ts';

export interface NodeRow {
  id: string;
  label: string;
  validFromDay: string | null;
  validToDay: string | null;
  properties: Record<string, unknown>;
}

export interface RelationshipRow {
  type: string;
  from: string;
  to: string;
  key: string;
  validFromDay: string | null;
  validToDay: string | null;
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
  'status',
]);

export function toNodeRow(n: NodeRecord): NodeRow {
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
    sources: n.sources,
    evidence: n.evidence,
    status: n.status,
  });
  return {
    id: n.id,
    label: n.label,
    validFromDay: n.validFrom ? firstDay(n.validFrom) : null,
    validToDay: n.validTo ? lastDay(n.validTo) : null,
    properties: dropNulls(properties),
  };
}

export function toRelationshipRow(r: RelationshipRecord): RelationshipRow {
  const key = relationshipKey(r);
  const properties: Record<string, unknown> = {
    key,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    sources: r.sources,
    evidence: r.evidence,
    status: r.status,
  };
  for (const field of QUALIFIER_FIELDS) properties[field] = r[field] ?? null;
  return {
    type: r.type,
    from: r.from,
    to: r.to,
    key,
    validFromDay: r.validFrom ? firstDay(r.validFrom) : null,
    validToDay: r.validTo ? lastDay(r.validTo) : null,
    properties: dropNulls(properties),
  };
}

function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}
