// Checks that every source reference points at real lines that talk about the record: the file
// exists, the line range is inside it, and the cited lines name the node (or, for a
// relationship, at least one of its endpoints). It cannot prove a paraphrase right, but it
// catches the common slips: an off-by-some range, a ref copied onto the wrong record.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeRecord, RelationshipRecord } from './schema.ts';
import { words } from './names.ts';
import type { Located } from './validate.ts';
import { NODES_FILE, RELATIONSHIPS_FILE, validateSeed } from './validate.ts';

export interface AuditFailure {
  /** The seed file and record line that holds the bad reference. */
  file: string;
  line: number;
  ref: string;
  message: string;
}

export interface AuditResult {
  failures: AuditFailure[];
  records: number;
  refs: number;
}

export interface SourceRef {
  file: string;
  start: number;
  end: number;
}

/**
 * How many words may stand between two consecutive words of a name. Source texts elide names
 * in lists ("FN:s, WHO:s, Europarådets och ILO:s konventioner" names four sets of conventions)
 * and put small words inside them ("OECD och dess hälsokommitté").
 */
export const MAX_WORD_GAP = 4;

/**
 * Swedish words that limit a statement ("usually", "traditionally", "in some cases", "possible",
 * "can" …). A plain stated fact whose cited lines carry one is refused unless the fact is hedged
 * or says, in `hedgeNotApplicable`, why the word does not limit it.
 */
export const SWEDISH_HEDGES = [
  'vanligen',
  'vanligtvis',
  'traditionellt',
  'enligt praxis',
  'i vissa fall',
  'i andra fall',
  'eventuell',
  'eventuella',
  'eventuellt',
  'kan',
  'brukar',
  'ofta',
  'oftast',
  'ibland',
  'i regel',
  'i allmänhet',
  'sannolikt',
  'troligen',
  'möjligen',
] as const;

/** The hedges that occur in the cited lines, matched as whole words after folding. */
export function hedgesIn(streams: string[][]): string[] {
  const found: string[] = [];
  for (const hedge of SWEDISH_HEDGES) {
    const target = words(hedge);
    const at = (stream: string[], i: number): boolean => target.every((w, k) => stream[i + k] === w);
    if (streams.some((stream) => stream.some((_, i) => at(stream, i)))) found.push(hedge);
  }
  return found;
}

export function parseSourceRef(ref: string): SourceRef | undefined {
  const m = /^(.+)#L(\d+)(?:-L(\d+))?$/.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const start = Number(m[2]);
  return { file: m[1], start, end: m[3] === undefined ? start : Number(m[3]) };
}

export function formatAuditFailure(f: AuditFailure): string {
  return `${f.file}:${f.line}: ${f.ref}: ${f.message}`;
}

/** Every .txt file of a sources folder, by file name. */
export function readSources(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) if (name.endsWith('.txt')) out.set(name, readFileSync(join(dir, name), 'utf8'));
  return out;
}

/**
 * The cited lines as word sequences: once with words that a PDF line break hyphenated joined
 * again ("Social-" + "styrelsen"), once as printed, because a hyphen at a line end may also be
 * a real one ("hälso- och sjukvård").
 */
export function citedWords(lines: string[]): string[][] {
  const text = lines.join('\n');
  const joined = text.replace(/(\p{L})-[ \t]*\n\s*(?=\p{Ll})/gu, '$1');
  return joined === text ? [words(text)] : [words(joined), words(text)];
}

/**
 * Whether a text word stands for a name word: the same, or followed by a Swedish genitive -s
 * ("Europarådets") and/or a footnote number the PDF glued to it ("Yrkesresan3").
 */
function sameWord(t: string | undefined, w: string): boolean {
  if (t === undefined || !t.startsWith(w)) return false;
  const rest = t.slice(w.length);
  return rest === '' || rest === 's' || (/\p{L}$/u.test(w) && /^s?\d{1,2}$/.test(rest));
}

/** Whether `name` occurs in the word sequence, word by word, with at most MAX_WORD_GAP words between. */
export function mentions(streams: string[][], name: string): boolean {
  const target = words(name);
  if (target.length === 0) return false;
  const same = sameWord;
  const from = (stream: string[], at: number, k: number): boolean => {
    const w = target[k];
    if (w === undefined) return true;
    for (let j = at; j < Math.min(stream.length, at + MAX_WORD_GAP + 1); j++)
      if (same(stream[j], w) && from(stream, j + 1, k + 1)) return true;
    return false;
  };
  const first = target[0] as string;
  return streams.some((s) => s.some((t, i) => same(t, first) && from(s, i + 1, 1)));
}

function namesOf(n: NodeRecord): string[] {
  return [n.name, ...(n.nameEn ? [n.nameEn] : []), ...n.aliases];
}

export interface AuditInput {
  nodes: Located<NodeRecord>[];
  relationships: Located<RelationshipRecord>[];
  /** Source texts by file name. */
  sources: ReadonlyMap<string, string>;
  nodesFile?: string;
  relationshipsFile?: string;
}

/** Audit records already parsed; pure, for tests and for the CLI. */
export function auditRecords(input: AuditInput): AuditResult {
  const nodesFile = input.nodesFile ?? NODES_FILE;
  const relationshipsFile = input.relationshipsFile ?? RELATIONSHIPS_FILE;
  const byId = new Map(input.nodes.map(({ record }) => [record.id, record]));
  const lineCache = new Map<string, string[]>();
  const linesOf = (file: string): string[] | undefined => {
    const text = input.sources.get(file);
    if (text === undefined) return undefined;
    let lines = lineCache.get(file);
    if (!lines) {
      lines = text.split('\n');
      // A final newline does not start another line (as `grep -n` and `wc -l` count).
      if (lines.at(-1) === '') lines.pop();
      lineCache.set(file, lines);
    }
    return lines;
  };

  const failures: AuditFailure[] = [];
  let refs = 0;
  // Hedges are checked on relationships: a node record asserts that something exists and what it
  // is called, which a hedge in its cited lines does not limit.
  const check = (
    file: string,
    line: number,
    record: NodeRecord | RelationshipRecord,
    names: string[],
    what: string,
    hedgeRule: boolean,
  ): void => {
    const { sources } = record;
    const hedges = new Map<string, string>();
    for (const ref of sources) {
      refs++;
      const fail = (message: string): void => void failures.push({ file, line, ref, message });
      const parsed = parseSourceRef(ref);
      if (!parsed) {
        fail('not a FILE#Lstart-Lend reference');
        continue;
      }
      const lines = linesOf(parsed.file);
      if (!lines) {
        fail(`no source file "${parsed.file}" (known: ${[...input.sources.keys()].sort().join(', ')})`);
        continue;
      }
      if (parsed.start < 1 || parsed.end < parsed.start || parsed.end > lines.length) {
        fail(`line range ${parsed.start}-${parsed.end} is not inside ${parsed.file} (lines 1-${lines.length})`);
        continue;
      }
      const streams = citedWords(lines.slice(parsed.start - 1, parsed.end));
      if (!names.some((n) => mentions(streams, n))) fail(`the cited lines do not mention ${what}`);
      for (const hedge of hedgesIn(streams)) if (!hedges.has(hedge)) hedges.set(hedge, ref);
    }
    // The writer's certainty: a plain stated fact may not sit on hedged lines unless it says
    // why the hedge is not about it; a waiver must name a word that is there.
    const waived = new Set((record.hedgeNotApplicable ?? []).map((w) => words(w.word).join(' ')));
    if (hedgeRule && record.certainty === 'stated')
      for (const [hedge, ref] of hedges)
        if (!waived.has(words(hedge).join(' ')))
          failures.push({
            file,
            line,
            ref,
            message: `stated, but the cited lines carry the hedge "${hedge}": make the fact hedged (hedge: "${hedge} (…)") or say in hedgeNotApplicable why the word does not limit it`,
          });
    const present = new Set([...hedges.keys()].map((h) => words(h).join(' ')));
    for (const w of hedgeRule ? (record.hedgeNotApplicable ?? []) : [])
      if (!present.has(words(w.word).join(' ')))
        failures.push({
          file,
          line,
          ref: sources[0] ?? '',
          message: `hedgeNotApplicable names "${w.word}", which the cited lines do not carry`,
        });
  };

  for (const { line, record } of input.nodes)
    check(nodesFile, line, record, namesOf(record), `node "${record.id}" by any of its names (${namesOf(record).join(' | ')})`, false);
  for (const { line, record } of input.relationships) {
    const ends = [record.from, record.to].map((id) => byId.get(id)).filter((n): n is NodeRecord => n !== undefined);
    const names = ends.flatMap(namesOf);
    check(relationshipsFile, line, record, names, `either endpoint ("${record.from}" or "${record.to}") by any of its names`, true);
  }
  return { failures, records: input.nodes.length + input.relationships.length, refs };
}

/**
 * Audit the seed in `dataDir` against the texts in `sourcesDir`. Records that fail their schema
 * cannot be audited; `validationProblems` says how many problems seed:check would report.
 */
export function auditSeed(dataDir: string, sourcesDir: string): AuditResult & { validationProblems: number } {
  const validation = validateSeed(dataDir);
  const result = auditRecords({
    ...validation.located,
    sources: readSources(sourcesDir),
    nodesFile: join(dataDir, NODES_FILE),
    relationshipsFile: join(dataDir, RELATIONSHIPS_FILE),
  });
  return { ...result, validationProblems: validation.problems.length };
}
