// Conversions at the driver boundary: plain JSON out (numbers, ISO date strings, nodes as
// {elementId, labels, properties}), and whole numbers in as Neo4j integers so LIMIT and
// range parameters are accepted.
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isRelationship,
  isTime,
  isPoint,
} from 'neo4j-driver';

export interface PlainNode {
  kind: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface PlainRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}

export interface PlainPath {
  kind: 'path';
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

/**
 * Plain values from a record's values, converted where they lie: a record's maps and lists are
 * fresh objects that nothing else holds, so only the values that need converting (integers,
 * nodes, relationships, paths, temporal values) are replaced, and no copy of every map is
 * made. The copies were a tenth of a cold read's garbage (bench/README.md, "Cold reads").
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (needsConverting(value[i])) value[i] = toPlain(value[i]);
    return value;
  }
  // Most values are maps from projections: skip the driver type checks for them.
  if (Object.getPrototypeOf(value) === Object.prototype) return plainProps(value as Record<string, unknown>);
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (isNode(value)) {
    return {
      kind: 'node',
      elementId: value.elementId,
      labels: value.labels,
      properties: plainProps(value.properties),
    } satisfies PlainNode;
  }
  if (isRelationship(value)) {
    return {
      kind: 'relationship',
      elementId: value.elementId,
      type: value.type,
      startElementId: value.startNodeElementId,
      endElementId: value.endNodeElementId,
      properties: plainProps(value.properties),
    } satisfies PlainRelationship;
  }
  if (isPath(value)) {
    const nodes = [toPlain(value.start) as PlainNode];
    const relationships: PlainRelationship[] = [];
    for (const seg of value.segments) {
      relationships.push(toPlain(seg.relationship) as PlainRelationship);
      nodes.push(toPlain(seg.end) as PlainNode);
    }
    return { kind: 'path', nodes, relationships } satisfies PlainPath;
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value) ||
    isPoint(value)
  ) {
    return String(value);
  }
  // Any other object: a copy of its own fields, since it may be the driver's own.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/** Strings, numbers and booleans stay as they are; objects are converted and undefined becomes null. */
const needsConverting = (v: unknown) => (typeof v === 'object' ? v !== null : v === undefined);

function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(props)) if (needsConverting(props[k])) props[k] = toPlain(props[k]);
  return props;
}

export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toNeo4jParams(v);
    return out;
  }
  return value === undefined ? null : value;
}
