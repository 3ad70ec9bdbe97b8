// Adding facts to a running graph: a file in the seed's record format (JSON, JSON lines, or
// CSV with the documented headers) is checked as a whole — every record, every reference,
// every conflict with what the graph already says — and then written in one transaction,
// or not at all. Reading and comparing are pure (import-parse.ts); this is the database half.
import type { Database, Row } from '../db/database.ts';
import { type ErrorDetail } from '../errors.ts';
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
import { AUTOMATION, type Actor } from '../curation/actor.ts';
import { stateProperties } from '../curation/state.ts';
import { importChecks } from '../curation/citations.ts';
import { problemsFound } from '../error-words.ts';
import { importConflicts } from '../refusal-words.ts';

export { CSV_NODE_HEADERS, CSV_RELATIONSHIP_HEADERS, detectFormat, IMPORT_FORMATS, type ImportFormat } from './import-parse.ts';

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
  /** The server's folder of source texts: cited lines are checked against it (citations.ts). */
  sourcesDir?: string | undefined;
}

export interface ImportReport {
  nodes: ImportCounts;
  relationships: ImportCounts;
  written: boolean;
  /** Texts with only one of their Swedish and English forms, at the file's own places; accepted all the same. */
  warnings?: ErrorDetail[];
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
    throw problemsFound(details, 'file');
  }
  // Citations that hold: lines inside the text, a tie's ends named or a note why, no start still to come.
  const cited = await importChecks(
    db,
    [
      ...validation.nodes.map((record, i) => ({ kind: 'node' as const, where: parsed.where.nodes[i] ?? `node ${i + 1}`, record })),
      ...validation.relationships.map((record, i) => ({
        kind: 'tie' as const,
        where: parsed.where.relationships[i] ?? `relationship ${i + 1}`,
        record,
      })),
    ],
    stored,
    options.sourcesDir,
  );
  if (cited.length) throw problemsFound(cited, 'file');

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
  const warnings = locateProblems(validation.missingForms, parsed.where);
  if (warnings.length) report.warnings = warnings;
  const nodeWrites = nodes.writes;
  const relWrites = rels.writes;
  if (conflicts.length && !options.replace) {
    throw importConflicts(conflicts);
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
