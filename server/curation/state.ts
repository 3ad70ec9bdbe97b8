// An element's full state as the change log keeps it (Op.before / Op.after) and the
// conversions between it, the seed's records (which the validator checks) and the rows the
// write queries take. Derived values (dates as Neo4j dates, `rev`) are left out of the state
// and recomputed on every write, so a state written back gives the same stored element.
import { firstDay, lastDay } from '../model/dates.ts';
import { RESERVED_NODE_PROPERTIES } from '../../seed/rows.ts';
import { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';

export interface NodeState {
  label: string;
  id: string;
  properties: Record<string, unknown>;
}

export interface TieState {
  type: string;
  id: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export type ElementKind = 'node' | 'tie';
export type ElementState = NodeState | TieState;

/** Stored, but derived from the state or written by the change set itself. */
const DERIVED = new Set(['validFromDate', 'validToDate', 'attestedDate', 'rev', 'retiredIn', 'retiredReason']);

export function stateProperties(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => !DERIVED.has(k) && v !== null && v !== undefined));
}

export function revOf(props: Record<string, unknown>): number {
  return typeof props.rev === 'number' ? props.rev : 0;
}

/** The row a merge query takes: properties plus the first and last days of the partial dates. */
export function rowOf(state: ElementState): Record<string, unknown> {
  const p = state.properties;
  const day = (v: unknown, f: (d: string) => string) => (typeof v === 'string' ? f(v) : null);
  return {
    ...state,
    validFromDay: day(p.validFrom, firstDay),
    validToDay: day(p.validTo, lastDay),
    attestedDay: day(p.attested, firstDay),
  };
}

const NODE_FIELDS = new Set(Object.keys(NodeRecord.shape ?? {}));
const TIE_FIELDS = new Set(Object.keys(RelationshipRecord.shape ?? {}));

/** A node's state as a seed record, so an edited node is checked by the seed's own schema. */
export function nodeRecordOf(state: NodeState): Record<string, unknown> {
  const record: Record<string, unknown> = { label: state.label, id: state.id };
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state.properties)) {
    if (NODE_FIELDS.has(k)) record[k] = v;
    else if (!RESERVED_NODE_PROPERTIES.has(k)) extra[k] = v;
  }
  record.properties = extra;
  return record;
}

export function tieRecordOf(state: TieState): Record<string, unknown> {
  const record: Record<string, unknown> = { type: state.type, from: state.from, to: state.to };
  for (const [k, v] of Object.entries(state.properties)) if (TIE_FIELDS.has(k)) record[k] = v;
  record.id = state.id;
  return record;
}
