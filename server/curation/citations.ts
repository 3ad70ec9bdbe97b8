// Citations that hold (issue 21, part 2): checks on every change set and import before anything
// is written. Cited lines must exist in the registered text; cited lines that name neither end
// of a tie need a note saying why (the rule of `seed:audit`: names, English names and aliases,
// Swedish inflected forms); a date after today is not a fact unless the fact is marked planned.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NamedTransaction } from '../db/database.ts';
import type { ErrorDetail } from '../errors.ts';
import { firstDay } from '../model/dates.ts';
import { citedWords, mentions, parseSourceRef } from '../../seed/audit.ts';
import type { Citation } from './schemas.ts';

/** A document's lines as the lines API numbers them (a final newline starts no line). */
export function linesOf(text: string): string[] {
  const all = text.split(/\r?\n/);
  if (all.length && all.at(-1) === '') all.pop();
  return all;
}

/**
 * The registered text of each document, by file name: its current version when source watch
 * has stored one (docs/curation.md, "Source watch"), else the server's folder of source texts
 * when it has the file, else the text uploaded with the document, else one this change set
 * uploads. null: no text is known here, so its lines cannot be checked.
 */
export async function registeredTexts(
  uploadedText: (file: string) => Promise<string | null>,
  files: Iterable<string>,
  options: {
    sourcesDir?: string | undefined;
    uploading?: ReadonlyMap<string, string>;
    versionText?: (file: string) => Promise<string | null>;
  },
): Promise<Map<string, string[] | null>> {
  const out = new Map<string, string[] | null>();
  for (const file of new Set(files)) {
    const upload = options.uploading?.get(file);
    if (upload !== undefined) {
      out.set(file, linesOf(upload));
      continue;
    }
    const version = options.versionText ? await options.versionText(file) : null;
    if (version !== null) {
      out.set(file, linesOf(version));
      continue;
    }
    const path = options.sourcesDir ? join(options.sourcesDir, file) : null;
    // Only plain files inside the folder: a name is a file name (the schema allows no slash).
    if (path && existsSync(path) && lstatSync(path).isFile()) {
      out.set(file, linesOf(readFileSync(path, 'utf8')));
      continue;
    }
    const text = await uploadedText(file);
    out.set(file, text === null ? null : linesOf(text));
  }
  return out;
}

/** The stored text of a document's current version, when source watch keeps one. */
const currentText =
  (read: (name: 'sources/version-text', params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>) =>
  async (file: string): Promise<string | null> => {
    const [row] = await read('sources/version-text', { file, n: null });
    return typeof row?.text === 'string' ? row.text : null;
  };

const count = (n: number) => n.toLocaleString('en');

/** What a refused citation or date says, as a code and its values, for a client's own words. */
export type CitationProblem =
  | { code: 'beyond-end'; lines: number; line: number }
  | { code: 'names-neither'; from: string; to: string }
  | { code: 'future-start'; date: string };

/** Where a range leaves the document, in words; null when it is inside. */
function outside(start: number, end: number, total: number): { message: string; problem: CitationProblem } | null {
  if (start >= 1 && end <= total) return null;
  const line = start > total ? start : end;
  return {
    message: `the document has ${count(total)} lines, so line ${count(line)} is not in it`,
    problem: { code: 'beyond-end', lines: total, line },
  };
}

/** The change set's own citations: their lines must be in the document. */
export function citationProblems(citations: Citation[], texts: ReadonlyMap<string, string[] | null>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  citations.forEach((c, i) => {
    const lines = texts.get(c.file);
    if (!c.lines || !lines) return;
    const ref = parseSourceRef(`${c.file}#${c.lines}`);
    if (!ref) return;
    if (ref.end < ref.start) problems.push({ path: `body.sources[${i}].lines`, message: 'the range ends before it starts' });
    else {
      const why = outside(ref.start, ref.end, lines.length);
      if (why) problems.push({ path: `body.sources[${i}].lines`, ...why });
    }
  });
  return problems;
}

export interface CheckedRecord {
  /** Where the record sits in the request, e.g. body.ops[0].tie or body.ops[1].set. */
  where: string;
  kind: 'node' | 'tie';
  record: Record<string, unknown>;
  /** The fields this write sets: an edit is checked on what it changes, an addition on everything. */
  changed: 'all' | ReadonlySet<string>;
  /** Its sources are the change set's citations (it gave none of its own). */
  fromCitations?: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A record's own problems: citations past the end of the text, cited lines that name neither
 * end of a tie with no note saying why, and dates after today on a fact not marked planned.
 */
export function recordProblems(
  r: CheckedRecord,
  texts: ReadonlyMap<string, string[] | null>,
  namesOf: (id: string) => string[],
  citationNotes: ReadonlySet<string>,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const touches = (f: string) => r.changed === 'all' || r.changed.has(f);
  const sources = Array.isArray(r.record.sources) ? (r.record.sources as unknown[]).map(String) : [];

  if (touches('sources')) {
    const unnamed: string[] = [];
    sources.forEach((s, k) => {
      const ref = parseSourceRef(s);
      const lines = ref ? texts.get(ref.file) : null;
      if (!ref || !lines) return;
      const why = outside(ref.start, ref.end, lines.length);
      if (why) {
        // Sources taken from the change set's citations are reported there, once.
        if (!r.fromCitations) problems.push({ path: `${r.where}.sources[${k}]`, ...why });
        return;
      }
      if (r.kind !== 'tie' || citationNotes.has(s)) return;
      const names = [String(r.record.from), String(r.record.to)].flatMap(namesOf);
      if (!names.length) return;
      if (!names.some((n) => mentions(citedWords(lines.slice(ref.start - 1, ref.end)), n))) unnamed.push(s);
    });
    const note = typeof r.record.citationNote === 'string' ? r.record.citationNote.trim() : '';
    if (unnamed.length && note.length < 10) {
      const [a, b] = [String(r.record.from), String(r.record.to)].map((id) => namesOf(id)[0] ?? 'one end');
      problems.push({
        path: `${r.where}.citationNote`,
        message: `the cited lines name neither ${a} nor ${b}: cite lines that do, or say in a note (at least 10 characters) why these lines support the tie`,
        problem: { code: 'names-neither', from: a, to: b },
      });
    }
  }

  // A start still to come is not a fact yet. (A stated end still to come, a term that runs until
  // 2027, is a fact about today and stays allowed.)
  const from = r.record.validFrom;
  if (r.record.planned !== true && (touches('validFrom') || touches('planned')) && typeof from === 'string' && firstDay(from) > today())
    problems.push({
      path: `${r.where}.validFrom`,
      message: `${from} is after today, so it cannot be recorded as a fact; if the change is planned, record it as planned`,
      problem: { code: 'future-start', date: from },
    });
  return problems;
}

interface OpRecordDraft {
  op: number;
  where: string;
  record: Record<string, unknown>;
}

/** The checks above for one change set, as apply.ts hands it over (records before validation). */
export async function citationChecks(
  tx: NamedTransaction,
  input: { sources: Citation[] },
  ops: ReadonlyArray<Record<string, unknown> & { op: string }>,
  nodeRecords: OpRecordDraft[],
  tieRecords: OpRecordDraft[],
  nodes: ReadonlyMap<string, { state: { properties: Record<string, unknown> }; retired: boolean }>,
  sourcesDir: string | undefined,
): Promise<ErrorDetail[]> {
  const uploading = new Map<string, string>();
  for (const op of ops)
    if (op.op === 'addSource' && typeof op.text === 'string') uploading.set((op.source as { file: string }).file, op.text);
  const checked: CheckedRecord[] = [
    ...nodeRecords.map((r) => ({ ...r, kind: 'node' as const })),
    ...tieRecords.map((r) => ({ ...r, kind: 'tie' as const })),
  ].map((r) => {
    const op = ops[r.op]!;
    const own =
      op.op === 'addNode' ? (op.node as Record<string, unknown>) : op.op === 'addTie' ? (op.tie as Record<string, unknown>) : null;
    const set = op.set as Record<string, unknown> | undefined;
    return {
      where: r.where,
      kind: r.kind,
      record: r.record,
      changed: own ? 'all' : new Set(Object.keys(set ?? {})),
      fromCitations: own ? own.sources === undefined : false,
    };
  });
  const files = [
    ...input.sources.map((c) => c.file),
    ...checked.flatMap((r) =>
      (Array.isArray(r.record.sources) ? r.record.sources : []).flatMap((s) => parseSourceRef(String(s))?.file ?? []),
    ),
  ];
  const texts = await registeredTexts(
    async (file) => {
      const [row] = await tx.run('sources/get-source-text', { file });
      return typeof row?.text === 'string' ? row.text : null;
    },
    files,
    { sourcesDir, uploading, versionText: currentText((name, params) => tx.run(name, params)) },
  );
  const names = new Map<string, string[]>();
  const add = (id: string, p: Record<string, unknown>) =>
    names.set(
      id,
      [p.name, p.nameEn, ...(Array.isArray(p.aliases) ? p.aliases : [])].filter((x): x is string => typeof x === 'string' && x !== ''),
    );
  for (const [id, s] of nodes) add(id, s.state.properties);
  for (const r of nodeRecords) add(String(r.record.id), r.record);
  const notes = new Set(input.sources.filter((c) => c.lines && (c.note ?? '').trim().length >= 10).map((c) => `${c.file}#${c.lines}`));
  return [
    ...citationProblems(input.sources, texts),
    ...checked.flatMap((r) => recordProblems(r, texts, (id) => names.get(id) ?? [], notes)),
  ];
}

/** The same checks for a file import: each record where the file has it ("record 3"), by field. */
export async function importChecks(
  db: { read(name: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> },
  records: Array<{ kind: 'node' | 'tie'; where: string; record: Record<string, unknown> }>,
  stored: ReadonlyMap<string, Record<string, unknown>>,
  sourcesDir: string | undefined,
): Promise<ErrorDetail[]> {
  const files = records.flatMap((r) =>
    (Array.isArray(r.record.sources) ? r.record.sources : []).flatMap((s) => parseSourceRef(String(s))?.file ?? []),
  );
  const texts = await registeredTexts(
    async (file) => {
      const [row] = await db.read('sources/get-source-text', { file });
      return typeof row?.text === 'string' ? row.text : null;
    },
    files,
    { sourcesDir, versionText: currentText((name, params) => db.read(name, params)) },
  );
  const names = new Map<string, string[]>();
  const add = (id: string, p: Record<string, unknown>) =>
    names.set(
      id,
      [p.name, p.nameEn, ...(Array.isArray(p.aliases) ? p.aliases : [])].filter((x): x is string => typeof x === 'string' && x !== ''),
    );
  for (const [id, p] of stored) add(id, p);
  for (const r of records) if (r.kind === 'node') add(String(r.record.id), r.record);
  return records.flatMap((r) => recordProblems({ ...r, changed: 'all' }, texts, (id) => names.get(id) ?? [], new Set()));
}
