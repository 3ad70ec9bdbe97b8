// Adding facts to a running graph: a file in the seed's record format (JSON, JSON lines, or
// CSV with the documented headers) is checked as a whole — every record, every reference,
// every conflict with what the graph already says — and then written in one transaction,
// or not at all. Reading and comparing are pure (import-parse.ts); this is the database half.
import type { Database, Row } from '../db/database.ts';
import { ConflictError, ValidationError, type ErrorDetail } from '../errors.ts';
import { writeRows } from '../../seed/load.ts';
import { toNodeRow, toRelationshipRow, writtenDates } from '../../seed/rows.ts';
import { readSourceRecords, validateSeedText } from '../../seed/validate.ts';
import { DEFAULT_DATA_DIR } from '../../seed/cli/args.ts';
import {
  classify,
  detectFormat,
  factIdsToLookUp,
  knownFactsOf,
  knownNodesOutsideFile,
  locateProblems,
  nodeIdsToLookUp,
  parseImportText,
  type ImportCounts,
  type ImportFormat,
} from './import-parse.ts';

export { CSV_NODE_HEADERS, CSV_RELATIONSHIP_HEADERS, detectFormat, IMPORT_FORMATS, type ImportFormat } from './import-parse.ts';

export interface ImportOptions {
  format?: ImportFormat;
  /** File name, for messages and format detection. */
  name?: string;
  /** Overwrite facts the graph already holds with different values. */
  replace?: boolean;
  /** Check everything, write nothing. */
  dryRun?: boolean;
}

export interface ImportReport {
  nodes: ImportCounts;
  relationships: ImportCounts;
  written: boolean;
}

export async function importFacts(db: Database, text: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = options.format ?? detectFormat(text, options.name);
  const parsed = parseImportText(text, format, options.name ?? '');

  // Relationships may point at nodes that are already in the graph: look them up.
  const stored = new Map<string, Row>();
  for (const row of await db.read('nodes/nodes-by-ids', { ids: nodeIdsToLookUp(parsed) }))
    stored.set(String((row.node as Row).id), row.node as Row);
  const known = knownNodesOutsideFile(parsed, stored);

  // A basis or an inference may name a fact the graph already holds.
  const wanted = factIdsToLookUp(parsed);
  const knownFacts = knownFactsOf(wanted.length ? await db.read('import/facts-by-ids', { ids: wanted }) : []);

  const validation = validateSeedText({
    nodesText: parsed.nodes.map((n) => JSON.stringify(n)).join('\n'),
    relationshipsText: parsed.relationships.map((r) => JSON.stringify(r)).join('\n'),
    nodesFile: 'nodes',
    relationshipsFile: 'relationships',
    known,
    knownFacts,
  });
  if (validation.problems.length) {
    const details = locateProblems(validation.problems, parsed.where);
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
    await writeRows(db, nodeWrites, relWrites, { atomic: true });
    report.written = true;
  }
  return report;
}
