// The pure half of import: which format a file is in, its records read into nodes and
// relationships with where each came from, which ids must be looked up in the graph, and how
// incoming facts compare with what the graph holds. No database here, so these run in unit
// tests and under `npm run mutate` in minutes (docs/mutation-testing.md).
import { parse as parseCsv } from 'csv-parse/sync';
import type { Row } from '../db/database.ts';
import { type ErrorDetail } from '../errors.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import type { Problem } from '../../seed/validate.ts';
import { BASIS_FIELDS, NODE_FORM_KEYS, QUALIFIER_FIELDS, TIE_FORM_KEYS } from '../../seed/schema.ts';
import { parseFtm, parsePopolo } from './standard-formats.ts';
import { problemsFound, unreadableImport } from '../error-words.ts';
import { csvColumns } from '../refusal-words.ts';

export const IMPORT_FORMATS = ['json', 'jsonl', 'csv', 'ftm', 'popolo'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Columns of the two CSV layouts; list cells (aliases, sources) separate items with ";". */
export const CSV_NODE_HEADERS = [
  'id',
  'label',
  'name',
  'nameEn',
  'aliases',
  'description',
  'validFrom',
  'validTo',
  'sources',
  'evidence',
  'certainty',
  'hedge',
  'inferredFrom',
  'outsideKnowledge',
  // Each text's Swedish and English forms with their origins (nameSv, nameSvOrigin, …).
  ...NODE_FORM_KEYS.filter((k) => k !== 'nameEn'),
] as const;
export const CSV_RELATIONSHIP_HEADERS = [
  'id',
  'type',
  'from',
  'to',
  'validFrom',
  'validTo',
  ...QUALIFIER_FIELDS,
  'scope',
  ...BASIS_FIELDS,
  'sources',
  'evidence',
  'certainty',
  'hedge',
  'inferredFrom',
  'outsideKnowledge',
  ...TIE_FORM_KEYS,
] as const;

export interface Parsed {
  nodes: Array<Record<string, unknown>>;
  relationships: Array<Record<string, unknown>>;
  /** Where record i of each kind came from, for messages ("nodes[3]", "upload.csv row 5"). */
  where: { nodes: string[]; relationships: string[] };
}

export function detectFormat(text: string, name = ''): ImportFormat {
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.ftm(\.json)?$/i.test(name)) return 'ftm';
  if (/\.popolo(\.json)?$/i.test(name)) return 'popolo';
  const head = text.trimStart().slice(0, 2000);
  // An FtM entity line starts with its id and schema; a Popolo file with its collections.
  if (/^\{\s*"id"\s*:\s*"[^"]*"\s*,\s*"schema"\s*:/.test(head)) return 'ftm';
  if (/^\{\s*"(persons|organizations|posts|memberships)"\s*:/.test(head)) return 'popolo';
  if (/\.jsonl$/i.test(name)) return 'jsonl';
  const start = text.trimStart()[0];
  if (start === '{' && /\n\s*\{/.test(text.trim()) && !/^\{\s*"(nodes|relationships)"/.test(text.trimStart())) return 'jsonl';
  if (start === '{' || start === '[') return 'json';
  return 'csv';
}

export function parseImportText(text: string, format: ImportFormat, name: string): Parsed {
  if (format === 'ftm') return parseFtm(text);
  if (format === 'popolo') return parsePopolo(text);
  const out: Parsed = { nodes: [], relationships: [], where: { nodes: [], relationships: [] } };
  const add = (record: unknown, where: string, problems: ErrorDetail[]) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      problems.push({ path: where, message: 'expected an object (a node with "label" or a relationship with "type")' });
      return;
    }
    const r = record as Record<string, unknown>;
    const kind = 'label' in r ? 'nodes' : 'type' in r ? 'relationships' : null;
    if (!kind) {
      problems.push({ path: where, message: 'a record needs "label" (a node) or "type" (a relationship)' });
      return;
    }
    out[kind].push(r);
    out.where[kind].push(where);
  };
  const problems: ErrorDetail[] = [];
  if (format === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw unreadableImport([{ path: name || 'file', message: `expected JSON: ${(err as Error).message}` }], 'json');
    }
    if (Array.isArray(json)) json.forEach((r, i) => add(r, `[${i}]`, problems));
    else if (json && typeof json === 'object' && ('nodes' in json || 'relationships' in json)) {
      const { nodes = [], relationships = [] } = json as { nodes?: unknown; relationships?: unknown };
      if (!Array.isArray(nodes) || !Array.isArray(relationships))
        throw unreadableImport([{ path: 'nodes', message: 'expected an array' }], 'shape');
      nodes.forEach((r, i) => add(r, `nodes[${i}]`, problems));
      relationships.forEach((r, i) => add(r, `relationships[${i}]`, problems));
    } else throw unreadableImport([{ path: 'file', message: 'unexpected JSON shape' }], 'shape');
  } else if (format === 'jsonl') {
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        add(JSON.parse(line), `line ${i + 1}`, problems);
      } catch {
        problems.push({ path: `line ${i + 1}`, message: 'not valid JSON' });
      }
    });
  } else {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    } catch (err) {
      throw unreadableImport([{ path: name || 'file', message: `malformed CSV: ${(err as Error).message}` }], 'csv');
    }
    const header = Object.keys(rows[0] ?? {});
    const isNodes = header.includes('label');
    const expected: readonly string[] = isNodes ? CSV_NODE_HEADERS : CSV_RELATIONSHIP_HEADERS;
    const unknown = header.filter((h) => !expected.includes(h));
    if (unknown.length || (!isNodes && !header.includes('type'))) {
      throw csvColumns([
        {
          path: 'header',
          message: `unknown columns ${unknown.join(', ') || '(no "label" or "type" column)'}; expected the columns ${CSV_NODE_HEADERS.join(',')} (nodes) or ${CSV_RELATIONSHIP_HEADERS.join(',')} (relationships)`,
        },
      ]);
    }
    rows.forEach((row, i) => {
      const record: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) {
        if (v === '') continue;
        if (k === 'aliases' || k === 'sources' || k === 'inferredFrom')
          record[k] = v
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean);
        else if (k === 'step') record[k] = Number(v);
        else record[k] = v;
      }
      if (isNodes && !record.aliases) record.aliases = [];
      add(record, `row ${i + 2}`, problems);
    });
  }
  if (problems.length) throw problemsFound(problems, 'records');
  return out;
}

/** Ids of the nodes to look up in the graph: the file's own and those its relationships name. */
export function nodeIdsToLookUp(parsed: Parsed): string[] {
  const ids = new Set(parsed.nodes.map((n) => String(n.id)));
  for (const r of parsed.relationships)
    for (const f of ['from', 'to', 'forum', 'principal']) if (typeof r[f] === 'string') ids.add(r[f] as string);
  return [...ids];
}

/** Nodes the graph holds that the file refers to without bringing them itself, by label. */
export function knownNodesOutsideFile(parsed: Parsed, stored: ReadonlyMap<string, Row>): Map<string, NodeLabel> {
  const fileIds = new Set(parsed.nodes.map((n) => String(n.id)));
  const known = new Map<string, NodeLabel>();
  for (const [id, node] of stored) if (!fileIds.has(id) && NodeLabel.safeParse(node.label).success) known.set(id, node.label as NodeLabel);
  return known;
}

/** Facts a basis or an inference names that the file does not bring: the graph may hold them. */
export function factIdsToLookUp(parsed: Parsed): string[] {
  const fileFacts = new Set(parsed.relationships.map((r) => String(r.id)));
  const factRefs = new Set<string>();
  for (const r of parsed.relationships) {
    if (typeof r.basisRef === 'string') factRefs.add(r.basisRef);
    if (Array.isArray(r.inferredFrom)) for (const id of r.inferredFrom) if (typeof id === 'string') factRefs.add(id);
  }
  return [...factRefs].filter((id) => !fileFacts.has(id));
}

/** The facts found by that look-up, by type; rows of another type are not facts we know. */
export function knownFactsOf(rows: Row[]): Map<string, RelationshipType> {
  const known = new Map<string, RelationshipType>();
  for (const row of rows) if (RelationshipType.safeParse(row.type).success) known.set(String(row.id), row.type as RelationshipType);
  return known;
}

/** The validator's problems (by line of its one-record-per-line input) at the file's own places. */
export function locateProblems(problems: Problem[], where: Parsed['where']): ErrorDetail[] {
  return problems.map((p) => {
    const place = (p.file === 'nodes' ? where.nodes : where.relationships)[p.line - 1] ?? `${p.file} ${p.line}`;
    return { path: p.path ? `${place}.${p.path}` : place, message: p.message };
  });
}

/** Stored properties that the loader derives, and the change set's `rev`; they do not take part in comparisons. */
const DERIVED = new Set(['aliasText', 'validFromDate', 'validToDate', 'attestedDate', 'rev']);

function sameProps(stored: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  const a = Object.fromEntries(Object.entries(stored).filter(([k, v]) => !DERIVED.has(k) && v !== null));
  const b = Object.fromEntries(Object.entries(incoming).filter(([k, v]) => !DERIVED.has(k) && v !== null));
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  return true;
}

/** What an import found: per kind, facts added, replaced and already there. */
export interface ImportCounts {
  added: number;
  replaced: number;
  unchanged: number;
}

/** Sorts incoming rows into new, already there, and different from what the graph holds. */
export function classify<T extends { properties: Record<string, unknown> }>(
  rows: T[],
  existingOf: (row: T) => Row | undefined,
  where: string[],
  describe: (row: T) => string,
  conflicts: ErrorDetail[],
): { counts: ImportCounts; writes: T[] } {
  const counts = { added: 0, replaced: 0, unchanged: 0 };
  const writes: T[] = [];
  rows.forEach((row, i) => {
    const existing = existingOf(row);
    if (!existing) {
      counts.added++;
      writes.push(row);
    } else if (sameProps(existing, row.properties)) counts.unchanged++;
    else {
      counts.replaced++;
      writes.push(row);
      conflicts.push({ path: where[i] ?? describe(row), message: `${describe(row)} already exists with other values` });
    }
  });
  return { counts, writes };
}
