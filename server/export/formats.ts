// Subgraph exports, written incrementally to a sink so that a whole-graph export streams
// instead of building one big string. Each format is read back by a real consumer in tests:
// JSON by our importer, Cytoscape JSON by cytoscape, GraphML by an XML parser, CSV by the
// neo4j-admin header rules, Cypher by an empty Neo4j.
import { z } from 'zod';
import { firstDay, lastDay, PartialDate } from '../model/dates.ts';
import type { ExportDocument } from './formats/facts.ts';
import { NODE_FORM_KEYS, TIE_FORM_KEYS } from '../../seed/schema.ts';
import { xml } from './xml.ts';

export const EXPORT_FORMATS = ['json', 'cytoscape', 'graphml', 'csv', 'cypher', 'ftm', 'popolo', 'jsonld', 'turtle', 'gexf'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const FORMAT_INFO: Record<ExportFormat, { extension: string; contentType: string }> = {
  json: { extension: 'json', contentType: 'application/json' },
  cytoscape: { extension: 'cyjs', contentType: 'application/json' },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml' },
  csv: { extension: 'zip', contentType: 'application/zip' },
  cypher: { extension: 'cypher', contentType: 'application/x-cypher-query; charset=utf-8' },
  ftm: { extension: 'ftm.json', contentType: 'application/x-ndjson' },
  popolo: { extension: 'popolo.json', contentType: 'application/json' },
  jsonld: { extension: 'jsonld', contentType: 'application/ld+json' },
  turtle: { extension: 'ttl', contentType: 'text/turtle; charset=utf-8' },
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml' },
};

/** A node as stored: its id, its label from the vocabulary and every stored property. */
export interface ExportNode {
  id: string;
  label: string;
  properties: Record<string, unknown>;
}

/** A relationship as stored; `properties.key` is its identity. */
export interface ExportRelationship {
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}

export interface ExportSource {
  nodes: AsyncIterable<ExportNode> | Iterable<ExportNode>;
  relationships: AsyncIterable<ExportRelationship> | Iterable<ExportRelationship>;
  /** The stored source documents (:Source), for formats that cite documents as entities. */
  documents?: () => Promise<ExportDocument[]>;
}

/** Where text goes; `write` resolves when the sink can take more (back-pressure). */
export interface TextSink {
  write(chunk: string): Promise<void>;
}

/** Properties derived from others at load time; exports carry the originals only. */
const DERIVED = new Set(['aliasText', 'validFromDate', 'validToDate', 'attestedDate', 'timeStatus']);

export function storedToExportNode(props: Record<string, unknown>): ExportNode {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!DERIVED.has(k) && v !== null && v !== undefined) properties[k] = v;
  return { id: String(props.id), label: String(props.label), properties };
}

export function storedToExportRelationship(props: Record<string, unknown>): ExportRelationship {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (DERIVED.has(k) || k === 'type' || k === 'source' || k === 'target' || v === null || v === undefined) continue;
    properties[k] = v;
  }
  return { type: String(props.type), start: String(props.source), end: String(props.target), properties };
}

// ---------------------------------------------------------------------------- JSON

/** The whole-graph shape: {"nodes":[{id,labels,properties}],"relationships":[{type,start,end,properties}]}. */
export async function writeJson(source: ExportSource, sink: TextSink): Promise<void> {
  await sink.write('{"nodes":[');
  let first = true;
  for await (const n of source.nodes) {
    await sink.write((first ? '\n' : ',\n') + JSON.stringify({ id: n.id, labels: ['Entity', n.label], properties: n.properties }));
    first = false;
  }
  await sink.write('\n],"relationships":[');
  first = true;
  for await (const r of source.relationships) {
    await sink.write((first ? '\n' : ',\n') + JSON.stringify({ type: r.type, start: r.start, end: r.end, properties: r.properties }));
    first = false;
  }
  await sink.write('\n]}\n');
}

// ----------------------------------------------------------------------- Cytoscape

/** Cytoscape.js JSON, as cy.json() writes it and cy.json(obj) / cytoscape({elements}) read it. */
export async function writeCytoscape(source: ExportSource, sink: TextSink): Promise<void> {
  await sink.write('{"format_version":"1.0","generated_by":"mandate-explorer","target_cytoscapejs_version":"~3","elements":{"nodes":[');
  let first = true;
  for await (const n of source.nodes) {
    await sink.write((first ? '\n' : ',\n') + JSON.stringify({ data: { ...n.properties, id: n.id, label: n.label } }));
    first = false;
  }
  await sink.write('\n],"edges":[');
  first = true;
  for await (const r of source.relationships) {
    // As in the API's elements: the element id is the key, the fact id travels as factId.
    const { key, id: factId, ...rest } = r.properties;
    const data = {
      ...rest,
      ...(factId === undefined ? {} : { factId }),
      id: String(key ?? `${r.type}:${r.start}->${r.end}`),
      source: r.start,
      target: r.end,
      type: r.type,
    };
    await sink.write((first ? '\n' : ',\n') + JSON.stringify({ data }));
    first = false;
  }
  await sink.write('\n]}}\n');
}

// ------------------------------------------------------------------------- GraphML

const NODE_KEYS: Array<[string, 'string' | 'int']> = [
  ['label', 'string'],
  ['name', 'string'],
  ['nameEn', 'string'],
  ['aliases', 'string'],
  ['description', 'string'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['sources', 'string'],
  ['evidence', 'string'],
  ['certainty', 'string'],
  ['hedge', 'string'],
  ['inferredFrom', 'string'],
  ['outsideKnowledge', 'string'],
  ['attested', 'string'],
  ...NODE_FORM_KEYS.filter((k) => k !== 'nameEn').map((k): [string, 'string'] => [k, 'string']),
  ['properties', 'string'],
];
const NODE_KNOWN = new Set(['id', ...NODE_KEYS.map(([k]) => k)]);

const EDGE_KEYS: Array<[string, 'string' | 'int']> = [
  ['type', 'string'],
  ['key', 'string'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['forum', 'string'],
  ['capacity', 'string'],
  ['principal', 'string'],
  ['task', 'string'],
  ['role', 'string'],
  ['subject', 'string'],
  ['agreement', 'string'],
  ['chain', 'string'],
  ['step', 'int'],
  ['sources', 'string'],
  ['evidence', 'string'],
  ['id', 'string'],
  ['certainty', 'string'],
  ['hedge', 'string'],
  ['inferredFrom', 'string'],
  ['outsideKnowledge', 'string'],
  ['basisKind', 'string'],
  ['basisRef', 'string'],
  ['basisNote', 'string'],
  ['basisCertainty', 'string'],
  ['scope', 'string'],
  ['attested', 'string'],
  ...TIE_FORM_KEYS.map((k): [string, 'string'] => [k, 'string']),
  ['properties', 'string'],
];
const EDGE_KNOWN = new Set(EDGE_KEYS.map(([k]) => k));

function graphmlValue(v: unknown): string {
  return Array.isArray(v) ? v.map(String).join('; ') : String(v);
}

function extras(props: Record<string, unknown>, known: Set<string>): string | null {
  let rest: Record<string, unknown> | null = null;
  for (const k in props) {
    if (known.has(k)) continue;
    rest ??= {};
    rest[k] = props[k];
  }
  return rest ? JSON.stringify(rest) : null;
}

/**
 * GraphML with typed attribute keys (Gephi, yEd, networkx, igraph). Lists are joined with
 * "; " since GraphML has no list type; properties outside the model's keys travel as JSON.
 */
export async function writeGraphml(source: ExportSource, sink: TextSink): Promise<void> {
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  for (const [k, t] of NODE_KEYS) await sink.write(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${t}"/>\n`);
  for (const [k, t] of EDGE_KEYS) await sink.write(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${t}"/>\n`);
  await sink.write('  <graph id="mandate-explorer" edgedefault="directed">\n');
  for await (const n of source.nodes) {
    let out = `    <node id="${xml(n.id)}">`;
    const props: Record<string, unknown> = { ...n.properties, label: n.label, properties: extras(n.properties, NODE_KNOWN) };
    for (const [k] of NODE_KEYS) {
      const v = props[k];
      if (v !== null && v !== undefined && v !== '') out += `<data key="n_${k}">${xml(graphmlValue(v))}</data>`;
    }
    await sink.write(out + '</node>\n');
  }
  let i = 0;
  for await (const r of source.relationships) {
    let out = `    <edge id="e${i++}" source="${xml(r.start)}" target="${xml(r.end)}">`;
    const props: Record<string, unknown> = { ...r.properties, type: r.type, properties: extras(r.properties, EDGE_KNOWN) };
    for (const [k] of EDGE_KEYS) {
      const v = props[k];
      if (v !== null && v !== undefined && v !== '') out += `<data key="e_${k}">${xml(graphmlValue(v))}</data>`;
    }
    await sink.write(out + '</edge>\n');
  }
  await sink.write('  </graph>\n</graphml>\n');
}

// ----------------------------------------------------------------------------- CSV

/** Column order and neo4j-admin import types for nodes.csv. */
export const CSV_NODE_COLUMNS: Array<[string, string]> = [
  ['id', 'id:ID'],
  ['label', ':LABEL'],
  ['name', 'name'],
  ['nameEn', 'nameEn'],
  ['aliases', 'aliases:string[]'],
  ['aliasText', 'aliasText'],
  ['description', 'description'],
  ['validFrom', 'validFrom'],
  ['validTo', 'validTo'],
  ['sources', 'sources:string[]'],
  ['evidence', 'evidence'],
  ['certainty', 'certainty'],
  ['hedge', 'hedge'],
  ['inferredFrom', 'inferredFrom:string[]'],
  ['outsideKnowledge', 'outsideKnowledge'],
  ['attested', 'attested'],
  ...NODE_FORM_KEYS.filter((k) => k !== 'nameEn').map((k): [string, string] => [k, k]),
  ['properties', 'properties'],
];

export const CSV_RELATIONSHIP_COLUMNS: Array<[string, string]> = [
  ['start', ':START_ID'],
  ['end', ':END_ID'],
  ['type', ':TYPE'],
  ['key', 'key'],
  ['validFrom', 'validFrom'],
  ['validTo', 'validTo'],
  ['forum', 'forum'],
  ['capacity', 'capacity'],
  ['principal', 'principal'],
  ['task', 'task'],
  ['role', 'role'],
  ['subject', 'subject'],
  ['agreement', 'agreement'],
  ['chain', 'chain'],
  ['step', 'step:int'],
  ['sources', 'sources:string[]'],
  ['evidence', 'evidence'],
  ['id', 'id'],
  ['certainty', 'certainty'],
  ['hedge', 'hedge'],
  ['inferredFrom', 'inferredFrom:string[]'],
  ['outsideKnowledge', 'outsideKnowledge'],
  ['basisKind', 'basisKind'],
  ['basisRef', 'basisRef'],
  ['basisNote', 'basisNote'],
  ['basisCertainty', 'basisCertainty'],
  ['scope', 'scope'],
  ['attested', 'attested'],
  ...TIE_FORM_KEYS.map((k): [string, string] => [k, k]),
  ['properties', 'properties'],
];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  // neo4j-admin splits arrays on ';' by default.
  const s = Array.isArray(v) ? v.map((x) => String(x).replace(/;/g, ',')).join(';') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(columns: Array<[string, string]>): string {
  return columns.map(([, h]) => h).join(',') + '\n';
}

export function nodeCsvLine(n: ExportNode): string {
  const known = new Set(CSV_NODE_COLUMNS.map(([k]) => k));
  const row: Record<string, unknown> = {
    ...n.properties,
    id: n.id,
    // The label column holds both labels, as neo4j-admin expects.
    label: `Entity;${n.label}`,
    aliasText: Array.isArray(n.properties.aliases) ? (n.properties.aliases as string[]).join(' | ') : null,
    properties: extras(n.properties, known),
  };
  return CSV_NODE_COLUMNS.map(([k]) => csvCell(row[k])).join(',') + '\n';
}

export function relationshipCsvLine(r: ExportRelationship): string {
  const known = new Set(CSV_RELATIONSHIP_COLUMNS.map(([k]) => k));
  const row: Record<string, unknown> = {
    ...r.properties,
    start: r.start,
    end: r.end,
    type: r.type,
    properties: extras(r.properties, known),
  };
  return CSV_RELATIONSHIP_COLUMNS.map(([k]) => csvCell(row[k])).join(',') + '\n';
}

// -------------------------------------------------------------------------- Cypher

function cypherString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function cypherValue(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(cypherValue).join(', ')}]`;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  return cypherString(String(v));
}

/** Property names are ours (the model's), but quote them anyway so any name is safe. */
function cypherKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``;
}

function cypherMap(props: Record<string, unknown>): string {
  return `{${Object.entries(props)
    .map(([k, v]) => `${cypherKey(k)}: ${cypherValue(v)}`)
    .join(', ')}}`;
}

const LABEL_OR_TYPE = /^[A-Za-z][A-Za-z0-9_]*$/;

function dateSetters(variable: string, props: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof props.validFrom === 'string') parts.push(`${variable}.validFromDate = date(${cypherString(firstDayOf(props.validFrom))})`);
  if (typeof props.validTo === 'string') parts.push(`${variable}.validToDate = date(${cypherString(lastDayOf(props.validTo))})`);
  if (typeof props.attested === 'string') parts.push(`${variable}.attestedDate = date(${cypherString(firstDayOf(props.attested))})`);
  return parts.length ? ` SET ${parts.join(', ')}` : '';
}

/**
 * A script that recreates the subgraph in an empty Neo4j (cypher-shell -f, or statement by
 * statement): the schema first, then one statement per node and per relationship.
 */
export async function writeCypher(source: ExportSource, sink: TextSink, schemaStatements: string[]): Promise<void> {
  await sink.write('// Mandate Explorer export: run in an empty database, e.g. cypher-shell -f this-file.cypher\n');
  for (const s of schemaStatements) await sink.write(s.replace(/\s+/g, ' ') + ';\n');
  for await (const n of source.nodes) {
    if (!LABEL_OR_TYPE.test(n.label)) continue;
    await sink.write(
      `CREATE (n:Entity:${n.label} ${cypherMap({ ...n.properties, aliasText: aliasTextOf(n.properties) })})${dateSetters('n', n.properties)};\n`,
    );
  }
  for await (const r of source.relationships) {
    if (!LABEL_OR_TYPE.test(r.type)) continue;
    await sink.write(
      `MATCH (a:Entity {id: ${cypherString(r.start)}}), (b:Entity {id: ${cypherString(r.end)}}) CREATE (a)-[r:${r.type} ${cypherMap(r.properties)}]->(b)${dateSetters('r', r.properties)};\n`,
    );
  }
}

function aliasTextOf(props: Record<string, unknown>): string {
  return Array.isArray(props.aliases) ? (props.aliases as string[]).join(' | ') : '';
}

function firstDayOf(s: string): string {
  return PartialDate.safeParse(s).success ? firstDay(s) : s;
}

function lastDayOf(s: string): string {
  return PartialDate.safeParse(s).success ? lastDay(s) : s;
}
