// Adding facts to a running graph: a file in the seed's record format (JSON, JSON lines, or
// CSV with the documented headers) is checked as a whole — every record, every reference,
// every conflict with what the graph already says — and then written in one transaction,
// or not at all.
import { parse as parseCsv } from 'csv-parse/sync';
import type { Database, Row } from '../db/database.ts';
import { ConflictError, ValidationError, type ErrorDetail } from '../errors.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import { writeRows } from '../../seed/load.ts';
import { toNodeRow, toRelationshipRow, writtenDates } from '../../seed/rows.ts';
import { BASIS_FIELDS, QUALIFIER_FIELDS } from '../../seed/schema.ts';
import { readSourceRecords, validateSeedText } from '../../seed/validate.ts';
import { DEFAULT_DATA_DIR } from '../../seed/cli/args.ts';
import { parseFtm, parsePopolo } from './standard-formats.ts';
import { AUTOMATION, type Actor } from '../curation/actor.ts';
import { stateProperties } from '../curation/state.ts';

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
] as const;

interface Parsed {
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

function parseInput(text: string, format: ImportFormat, name: string): Parsed {
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
      throw new ValidationError(`${name || 'the file'} is not valid JSON: ${(err as Error).message}`, [
        { path: name || 'file', message: 'expected JSON' },
      ]);
    }
    if (Array.isArray(json)) json.forEach((r, i) => add(r, `[${i}]`, problems));
    else if (json && typeof json === 'object' && ('nodes' in json || 'relationships' in json)) {
      const { nodes = [], relationships = [] } = json as { nodes?: unknown; relationships?: unknown };
      if (!Array.isArray(nodes) || !Array.isArray(relationships))
        throw new ValidationError('"nodes" and "relationships" must be arrays.', [{ path: 'nodes', message: 'expected an array' }]);
      nodes.forEach((r, i) => add(r, `nodes[${i}]`, problems));
      relationships.forEach((r, i) => add(r, `relationships[${i}]`, problems));
    } else
      throw new ValidationError('Expected {"nodes": [...], "relationships": [...]} or an array of records.', [
        { path: 'file', message: 'unexpected JSON shape' },
      ]);
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
      throw new ValidationError(`${name || 'the CSV'} could not be read: ${(err as Error).message}`, [
        { path: name || 'file', message: 'malformed CSV' },
      ]);
    }
    const header = Object.keys(rows[0] ?? {});
    const isNodes = header.includes('label');
    const expected: readonly string[] = isNodes ? CSV_NODE_HEADERS : CSV_RELATIONSHIP_HEADERS;
    const unknown = header.filter((h) => !expected.includes(h));
    if (unknown.length || (!isNodes && !header.includes('type'))) {
      throw new ValidationError(`Unknown CSV columns: ${unknown.join(', ') || '(no "label" or "type" column)'}.`, [
        {
          path: 'header',
          message: `expected the columns ${CSV_NODE_HEADERS.join(',')} (nodes) or ${CSV_RELATIONSHIP_HEADERS.join(',')} (relationships)`,
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
  if (problems.length) throw new ValidationError(`${problems.length} record(s) could not be read; nothing was written.`, problems);
  return out;
}

export interface ImportOptions {
  format?: ImportFormat;
  /** File name, for messages and format detection. */
  name?: string;
  /** Overwrite facts the graph already holds with different values. */
  replace?: boolean;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  /** Who imports, for the change set that records the import. */
  actor?: Actor;
}

export interface ImportReport {
  nodes: { added: number; replaced: number; unchanged: number };
  relationships: { added: number; replaced: number; unchanged: number };
  written: boolean;
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

export async function importFacts(db: Database, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = options.format ?? detectFormat(text, options.name);
  const parsed = parseInput(text, format, options.name ?? '');

  // Relationships may point at nodes that are already in the graph: look them up.
  const fileIds = new Set(parsed.nodes.map((n) => String(n.id)));
  const referenced = new Set<string>();
  for (const r of parsed.relationships)
    for (const f of ['from', 'to', 'forum', 'principal']) if (typeof r[f] === 'string') referenced.add(r[f] as string);
  const lookup = [...new Set([...fileIds, ...referenced])];
  const stored = new Map<string, Row>();
  for (const row of await db.read('nodes/nodes-by-ids', { ids: lookup })) stored.set(String((row.node as Row).id), row.node as Row);
  const known = new Map<string, NodeLabel>();
  for (const [id, node] of stored) if (!fileIds.has(id) && NodeLabel.safeParse(node.label).success) known.set(id, node.label as NodeLabel);

  // A basis or an inference may name a fact the graph already holds.
  const fileFacts = new Set(parsed.relationships.map((r) => String(r.id)));
  const factRefs = new Set<string>();
  for (const r of parsed.relationships) {
    if (typeof r.basisRef === 'string') factRefs.add(r.basisRef);
    if (Array.isArray(r.inferredFrom)) for (const id of r.inferredFrom) if (typeof id === 'string') factRefs.add(id);
  }
  const wanted = [...factRefs].filter((id) => !fileFacts.has(id));
  const knownFacts = new Map<string, RelationshipType>();
  if (wanted.length)
    for (const row of await db.read('import/facts-by-ids', { ids: wanted }))
      if (RelationshipType.safeParse(row.type).success) knownFacts.set(String(row.id), row.type as RelationshipType);

  const validation = validateSeedText({
    nodesText: parsed.nodes.map((n) => JSON.stringify(n)).join('\n'),
    relationshipsText: parsed.relationships.map((r) => JSON.stringify(r)).join('\n'),
    nodesFile: 'nodes',
    relationshipsFile: 'relationships',
    known,
    knownFacts,
  });
  if (validation.problems.length) {
    const details = validation.problems.map((p) => {
      const where = (p.file === 'nodes' ? parsed.where.nodes : parsed.where.relationships)[p.line - 1] ?? `${p.file} ${p.line}`;
      return { path: p.path ? `${where}.${p.path}` : where, message: p.message };
    });
    throw new ValidationError(`The file has ${details.length} problem(s); nothing was written.`, details);
  }

  // The documents' written dates give each fact its `attested` date, as in the seed.
  const written = writtenDates(readSourceRecords(DEFAULT_DATA_DIR));
  const nodeRows = validation.nodes.map((n) => toNodeRow(n, written));
  const relRows = validation.relationships.map((r) => toRelationshipRow(r, written));
  const existingRels = new Map<string, Row>();
  if (relRows.length) {
    const rows = relRows.map((r) => ({ from: r.from, to: r.to, key: r.key }));
    for (const row of await db.read('import/existing-relationships', { rows })) existingRels.set(String(row.key), row.properties as Row);
  }
  const conflicts: ErrorDetail[] = [];
  const nodes = classify(
    nodeRows,
    (r) => stored.get(r.id),
    parsed.where.nodes,
    (r) => `node "${r.id}"`,
    conflicts,
  );
  const rels = classify(
    relRows,
    (r) => existingRels.get(r.key),
    parsed.where.relationships,
    (r) => `${r.type} ${r.from} → ${r.to}`,
    conflicts,
  );
  const report: ImportReport = { nodes: nodes.counts, relationships: rels.counts, written: false };
  const nodeWrites = nodes.writes;
  const relWrites = rels.writes;
  if (conflicts.length && !options.replace) {
    throw new ConflictError(
      `${conflicts.length} fact(s) conflict with the graph; nothing was written. Send them again with replace to overwrite.`,
      conflicts,
    );
  }
  if (!options.dryRun && (nodeWrites.length || relWrites.length)) {
    // The import is one change set: replaced elements keep their former state in its Ops.
    const beforeNodes = new Map<string, Record<string, unknown>>();
    for (const r of nodeWrites) {
      const old = stored.get(r.id);
      if (old) beforeNodes.set(r.id, { label: String(old.label), id: r.id, properties: stateProperties(old) });
    }
    const beforeTies = new Map<string, Record<string, unknown>>();
    for (const r of relWrites) {
      const old = existingRels.get(r.key);
      if (old)
        beforeTies.set(String(r.properties.id), {
          type: r.type,
          id: r.properties.id,
          from: r.from,
          to: r.to,
          properties: stateProperties(old),
        });
    }
    const cited = new Set(
      [...nodeWrites, ...relWrites].flatMap((r) => (r.properties.sources as string[]).map((s) => s.split('#')[0] as string)),
    );
    await writeRows(db, nodeWrites, relWrites, {
      atomic: true,
      history: {
        kind: 'import',
        reason: `Imported ${options.name || 'a file'} (${format})${options.replace ? ', replacing facts that differed' : ''}`,
        author: options.actor ?? AUTOMATION,
        sources: [...cited].sort().map((file) => ({ file })),
        before: (kind, id) => (kind === 'node' ? beforeNodes.get(id) : beforeTies.get(id)) ?? null,
      },
    });
    report.written = true;
  }
  return report;
}

/** Sorts incoming rows into new, already there, and different from what the graph holds. */
function classify<T extends { properties: Record<string, unknown> }>(
  rows: T[],
  existingOf: (row: T) => Row | undefined,
  where: string[],
  describe: (row: T) => string,
  conflicts: ErrorDetail[],
): { counts: ImportReport['nodes']; writes: T[] } {
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
