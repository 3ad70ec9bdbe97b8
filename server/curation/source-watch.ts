// Source watch (issue 21, part 4; docs/curation.md "Source watch (as built)"): a registered
// document gets a new text, kept as a version; every fact citing it is compared with the new
// text line by line (source-diff.ts). Citations whose lines only moved are re-pointed; facts
// whose cited lines changed or went are flagged for review and keep their old citation. All of
// it is one 'source-update' change set through the funnel (writeTransitions + recordChangeSet),
// so it lands whole or not at all, moves the data version once and can be read "as recorded at".
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, NamedTransaction, Row } from '../db/database.ts';
import { type ErrorDetail } from '../errors.ts';
import { nameOf, verb, words, type Lang } from '../graph/summary.ts';
import type { NodeData } from '../graph/elements.ts';
import type { Actor } from './actor.ts';
import { ADD_SOURCE_VERSION, CHANGE_SET_TIMEOUT_MS, recordChangeSet, tieOf, writeTransitions, type Transition } from './apply.ts';
import { linesOf } from './citations.ts';
import {
  citationChanges,
  formatCitation,
  isDifferentDocument,
  lineMap,
  parseCitation,
  type CitationChange,
  type CitationFate,
} from './source-diff.ts';
import { revOf, stateProperties, type NodeState, type TieState } from './state.ts';
import { documentNotRegistered, newTextRefused } from '../refusal-words.ts';

/** The fields source watch keeps on a fact; editors do not set them themselves. */
export const WATCH_FIELDS = ['citedAgainst', 'review', 'reviewFile', 'reviewSince'] as const;
export const SOURCE_CHANGED = 'source-changed';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// ---- a document and its versions

export interface WatchedDocument {
  file: string;
  current: number;
  /** Each version's lines; null where its text is not known here. */
  lines: Map<number, string[] | null>;
  /** Whether version 1 is stored as a :SourceVersion (documents registered before source watch are not, until their first update). */
  firstStored: boolean;
  /** Version 1's text when it is not stored: the server's folder, else the uploaded text. */
  firstText: string | null;
}

/** The text of the server's folder (SOURCES_DIR) for a file, when it has a plain file of that name. */
export function folderText(sourcesDir: string | undefined, file: string): string | null {
  const path = sourcesDir ? join(sourcesDir, file) : null;
  return path && existsSync(path) && lstatSync(path).isFile() ? readFileSync(path, 'utf8') : null;
}

export async function readDocument(tx: NamedTransaction, file: string, sourcesDir: string | undefined): Promise<WatchedDocument | null> {
  const [row] = await tx.run('sources/source-versions', { file });
  if (!row) return null;
  const versions = (row.versions as Row[]).filter((v) => v.n !== null && v.n !== undefined);
  const lines = new Map<number, string[] | null>();
  for (const v of versions) lines.set(Number(v.n), typeof v.text === 'string' ? linesOf(v.text) : null);
  const firstStored = lines.has(1);
  // Version 1 is the text beside the repository at the seed load (or the one uploaded with addSource).
  const firstText = firstStored ? null : (folderText(sourcesDir, file) ?? (typeof row.uploaded === 'string' ? row.uploaded : null));
  if (!firstStored) lines.set(1, firstText === null ? null : linesOf(firstText));
  return { file, current: Number(row.current ?? 1), lines, firstStored, firstText };
}

// ---- facts citing a document

export interface CitingFact {
  kind: 'node' | 'tie';
  id: string;
  rev: number;
  state: NodeState | TieState;
  /** The ends and forum of a tie, for saying which fact it is. */
  fromNode?: Row | null;
  toNode?: Row | null;
  forumNode?: Row | null;
}

export async function citingFacts(tx: NamedTransaction, query: 'citing' | 'flagged', file?: string): Promise<CitingFact[]> {
  const params = file ? { prefix: `${file}#` } : {};
  const ties = await tx.run(query === 'citing' ? 'sources/citing-ties' : 'sources/flagged-ties', params);
  const nodes = await tx.run(query === 'citing' ? 'sources/citing-nodes' : 'sources/flagged-nodes', params);
  return [
    ...ties.map((r) => ({
      kind: 'tie' as const,
      id: String(r.id),
      rev: revOf(r.props as Row),
      state: tieOf(r, r.props as Row),
      fromNode: r.fromNode as Row | null,
      toNode: r.toNode as Row | null,
      forumNode: r.forumNode as Row | null,
    })),
    ...nodes.map((r) => {
      const props = r.props as Row;
      return {
        kind: 'node' as const,
        id: String(r.id),
        rev: revOf(props),
        state: { label: String(props.label), id: String(r.id), properties: stateProperties(props) } as NodeState,
      };
    }),
  ];
}

/** A fact in people's words: "Socialstyrelsen — represents Sweden in WHO", or a node's name. */
export function factTitle(fact: CitingFact, lang: Lang): string {
  const asNode = (r: Row | null | undefined, id: string): NodeData => (r ? (r as NodeData) : { id, label: '', name: '' });
  if (fact.kind === 'node') return nameOf(asNode(fact.state.properties, fact.id), lang);
  const tie = fact.state as TieState;
  const forum = fact.forumNode ? ` ${words(lang).in} ${nameOf(asNode(fact.forumNode, ''), lang)}` : '';
  return `${nameOf(asNode(fact.fromNode, tie.from), lang)} — ${verb(lang, tie.type)} ${nameOf(asNode(fact.toNode, tie.to), lang)}${forum}`;
}

const sourcesOf = (p: Record<string, unknown>): string[] => (Array.isArray(p.sources) ? p.sources.map(String) : []);
const versionsOf = (p: Record<string, unknown>, n: number): number[] => {
  const given = Array.isArray(p.citedAgainst) ? p.citedAgainst.map(Number) : [];
  return Array.from({ length: n }, (_, i) => given[i] ?? 1);
};

/**
 * What a new text does to each citation of `file` in one fact: each citation is compared from
 * the version it was read against. `maps` caches one line map per old version.
 */
function changesFor(
  props: Record<string, unknown>,
  doc: WatchedDocument,
  newLines: readonly string[],
  maps: Map<number, { map: Array<number | null>; different: boolean } | null>,
  differentDocument: boolean,
): Array<CitationChange & { version: number }> {
  const sources = sourcesOf(props);
  const versions = versionsOf(props, sources.length);
  const out: Array<CitationChange & { version: number }> = [];
  for (const v of new Set(versions)) {
    if (!maps.has(v)) {
      const old = doc.lines.get(v) ?? null;
      maps.set(v, old ? { map: lineMap(old, newLines), different: isDifferentDocument(old, lineMap(old, newLines)) } : null);
    }
    const m = maps.get(v);
    // Lines read against a text we do not have cannot be followed: they need review.
    const changes = m
      ? citationChanges(sources, doc.file, m.map, differentDocument || m.different)
      : citationChanges(sources, doc.file, [], true);
    for (const c of changes) if (versions[c.index] === v) out.push({ ...c, version: v });
  }
  return out.sort((a, b) => a.index - b.index);
}

// ---- planning an update (also what `npm run sources -- check` reports)

export interface FactPlan {
  fact: CitingFact;
  moved: Array<{ index: number; from: string; to: string }>;
  /** `changed`: the new text has other lines in their place; `gone`: nothing stands there now. */
  flagged: Array<{ index: number; ref: string; fate: CitationFate; status: 'changed' | 'gone' }>;
  /** The fact's state after the update; null when nothing changes for it. */
  after: NodeState | TieState | null;
}

export interface UpdatePlan {
  file: string;
  /** The current version, and the one the new text would become. */
  from: number;
  to: number;
  sameText: boolean;
  differentDocument: boolean;
  /** Lines of the current text not kept, and lines of the new text that are new. */
  linesChanged: { removed: number; added: number };
  facts: FactPlan[];
  doc: WatchedDocument;
}

export async function planUpdate(tx: NamedTransaction, file: string, newText: string, sourcesDir: string | undefined): Promise<UpdatePlan> {
  const doc = await readDocument(tx, file, sourcesDir);
  if (!doc) throw documentNotRegistered(file);
  const to = doc.current + 1;
  const newLines = linesOf(newText);
  const current = doc.lines.get(doc.current) ?? null;
  const currentMap = current ? lineMap(current, newLines) : null;
  // Without the current text nothing can be followed: every citation is flagged.
  const differentDocument = !current || !currentMap || isDifferentDocument(current, currentMap);
  const kept = currentMap ? currentMap.filter((x) => x !== null).length : 0;
  const sameText = current !== null && current.length === newLines.length && current.every((l, i) => l === newLines[i]);
  const maps = new Map<number, { map: Array<number | null>; different: boolean } | null>();
  const facts: FactPlan[] = [];
  for (const fact of await citingFacts(tx, 'citing', file)) {
    const props = fact.state.properties;
    const changes = changesFor(props, doc, newLines, maps, differentDocument);
    const moved = changes.flatMap((c) => (c.moved ? [{ index: c.index, from: c.ref, to: c.moved }] : []));
    const flagged = changes.filter((c) => c.fate.kind === 'changed' || c.fate.kind === 'gone');
    let after: FactPlan['after'] = null;
    if (moved.length || flagged.length) {
      const sources = sourcesOf(props);
      const versions = versionsOf(props, sources.length);
      for (const m of moved) {
        sources[m.index] = m.to;
        versions[m.index] = to;
      }
      const next: Record<string, unknown> = { ...props, sources };
      if (versions.some((v) => v !== 1)) next.citedAgainst = versions;
      else delete next.citedAgainst;
      if (flagged.length) Object.assign(next, { review: SOURCE_CHANGED, reviewFile: file, reviewSince: to });
      after = { ...fact.state, properties: next };
    }
    const status = (c: CitationChange & { version: number }): 'changed' | 'gone' => {
      const ref = parseCitation(c.ref);
      const m = maps.get(c.version);
      return ref && m && nearestNewLines(m.map, ref.start, ref.end, newLines).length ? 'changed' : 'gone';
    };
    facts.push({ fact, moved, flagged: flagged.map((c) => ({ index: c.index, ref: c.ref, fate: c.fate, status: status(c) })), after });
  }
  return {
    file,
    from: doc.current,
    to,
    sameText,
    differentDocument,
    linesChanged: { removed: (current?.length ?? 0) - kept, added: newLines.length - kept },
    facts,
    doc,
  };
}

// ---- the update itself

export interface SourceUpdateResult {
  changeSet: { id: string; version: number };
  source: { file: string; version: number };
  moved: number;
  flagged: number;
  unchanged: number;
  differentDocument: boolean;
}

export interface UpdateOptions {
  sourcesDir?: string | undefined;
  /** Tests only: runs inside the transaction after the writes and before the change set is recorded. */
  beforeRecord?: (tx: NamedTransaction) => Promise<void>;
}

/** A new text of a registered document, as one 'source-update' change set. */
export async function updateSource(
  db: Database,
  input: { file: string; text: string; reason: string },
  actor: Actor,
  options: UpdateOptions = {},
): Promise<SourceUpdateResult> {
  if (!input.text.trim()) throw newTextRefused('empty');
  return db.writeTransaction(
    async (tx) => {
      const base = Number((await tx.run('curation/merge-version-lock'))[0]?.version ?? 0);
      const version = base + 1;
      const plan = await planUpdate(tx, input.file, input.text, options.sourcesDir);
      if (plan.sameText) throw newTextRefused('same', plan.from);
      const at = new Date().toISOString();
      const record = (n: number, text: string | null) => ({
        file: input.file,
        n,
        sha256: text === null ? null : sha256(text),
        lineCount: text === null ? null : linesOf(text).length,
        registeredIn: version,
        registeredAt: at,
        text,
      });
      const transitions: Transition[] = [];
      // A document registered before source watch gets its first text recorded as version 1 now.
      if (!plan.doc.firstStored)
        transitions.push({
          kind: 'source',
          id: input.file,
          action: ADD_SOURCE_VERSION,
          before: null,
          after: record(1, plan.doc.firstText),
        });
      transitions.push({ kind: 'source', id: input.file, action: ADD_SOURCE_VERSION, before: null, after: record(plan.to, input.text) });
      for (const f of plan.facts)
        if (f.after)
          transitions.push({
            kind: f.fact.kind,
            id: f.fact.id,
            action: f.fact.kind === 'tie' ? 'updateTie' : 'updateNode',
            before: f.fact.state,
            after: f.after,
          });
      await writeTransitions(tx, transitions, version);
      await options.beforeRecord?.(tx);
      const applied = await recordChangeSet(
        tx,
        { version, actor, reason: input.reason, kind: 'source-update', sources: [{ file: input.file }] },
        transitions,
      );
      const flagged = plan.facts.filter((f) => f.flagged.length).length;
      const moved = plan.facts.filter((f) => f.moved.length && !f.flagged.length).length;
      return {
        changeSet: { id: applied.changeSet.id, version },
        source: { file: input.file, version: plan.to },
        moved,
        flagged,
        unchanged: plan.facts.length - moved - flagged,
        differentDocument: plan.differentDocument,
      };
    },
    { timeoutMs: CHANGE_SET_TIMEOUT_MS },
  );
}

// ---- stamping citations on ordinary edits

/**
 * For apply.ts, on each record an operation adds or whose `sources` it sets: each citation says
 * which version of its document it was read against (kept for citations the fact already had,
 * the current version for new ones), and a review flag is cleared once no citation of the
 * flagged document is older than the text that flagged it. Editors cannot set these fields.
 */
export async function stampCitations(
  tx: NamedTransaction,
  ops: ReadonlyArray<{ op: string } & Record<string, unknown>>,
  records: ReadonlyArray<{ op: number; where: string; record: Record<string, unknown> }>,
  stored: (op: number) => Record<string, unknown> | null,
  /** The change set's own citations ("FILE#L12-L15"): read against the current text, whatever the fact said before. */
  citedNow: ReadonlySet<string> = new Set(),
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const stamping: Array<{ record: Record<string, unknown>; before: Record<string, unknown> | null }> = [];
  for (const r of records) {
    const op = ops[r.op]!;
    const own = (op.op === 'addNode' ? op.node : op.op === 'addTie' ? op.tie : null) as Record<string, unknown> | null;
    const given = own ?? (op.set as Record<string, unknown> | undefined) ?? {};
    for (const field of WATCH_FIELDS)
      if (field in given)
        problems.push({
          path: `${r.where}.${field}`,
          message: 'kept by source watch when a document gets a new text; to settle a review, cite the lines again or use the review queue',
        });
    if (own || 'sources' in given) stamping.push({ record: r.record, before: own ? null : stored(r.op) });
  }
  if (problems.length || !stamping.length) return problems;
  const files = new Set(stamping.flatMap((s) => sourcesOf(s.record).flatMap((ref) => parseCitation(ref)?.file ?? [])));
  const current = new Map(
    (await tx.run('sources/current-versions', { files: [...files] })).map((r) => [String(r.file), Number(r.current)]),
  );
  for (const { record, before } of stamping) {
    const sources = sourcesOf(record);
    const oldSources = before ? sourcesOf(before) : [];
    const oldVersions = before ? versionsOf(before, oldSources.length) : [];
    const versions = sources.map((ref) => {
      const kept = oldSources.indexOf(ref);
      if (kept >= 0 && !citedNow.has(ref)) return oldVersions[kept]!;
      return current.get(parseCitation(ref)?.file ?? '') ?? 1;
    });
    if (versions.some((v) => v !== 1)) record.citedAgainst = versions;
    else delete record.citedAgainst;
    const file = record.reviewFile;
    const since = Number(record.reviewSince ?? 0);
    if (record.review !== undefined && !sources.some((ref, i) => parseCitation(ref)?.file === file && versions[i]! < since)) {
      delete record.review;
      delete record.reviewFile;
      delete record.reviewSince;
    }
  }
  return problems;
}

// ---- the review queue

export interface ReviewCitation {
  start: number;
  end: number;
  status: 'changed' | 'gone';
  oldLines: Array<{ n: number; text: string }>;
  newLines: Array<{ n: number; text: string }>;
  index: number;
}

/** At most this many lines of the new text are shown beside a citation. */
const NEW_LINES_MAX = 30;

/**
 * The lines of the new text that stand where a citation's lines stood: those between the
 * nearest kept lines before and after the cited range. None when the passage was deleted.
 */
export function nearestNewLines(
  map: ReadonlyArray<number | null>,
  start: number,
  end: number,
  newLines: readonly string[],
): Array<{ n: number; text: string }> {
  let before = 0;
  for (let line = start - 1; line >= 1; line--)
    if (map[line - 1] !== null && map[line - 1] !== undefined) {
      before = map[line - 1]!;
      break;
    }
  let after = newLines.length + 1;
  for (let line = end + 1; line <= map.length; line++)
    if (map[line - 1] !== null && map[line - 1] !== undefined) {
      after = map[line - 1]!;
      break;
    }
  const out = [];
  for (let n = before + 1; n < after && out.length < NEW_LINES_MAX; n++) out.push({ n, text: newLines[n - 1]! });
  return out;
}

/** The citations of a flagged fact that need review, with the old and the new lines. */
export function reviewCitations(props: Record<string, unknown>, doc: WatchedDocument): ReviewCitation[] {
  const file = String(props.reviewFile ?? '');
  const current = doc.lines.get(doc.current) ?? [];
  const maps = new Map<number, { map: Array<number | null>; different: boolean } | null>();
  const changes = changesFor(props, doc, current, maps, false);
  const flagged = changes.filter((c) => c.fate.kind !== 'same' && c.fate.kind !== 'moved');
  // A fact flagged by an earlier text whose lines have since come back is still shown, all its citations.
  const shown = flagged.length ? flagged : changes;
  return shown.flatMap((c) => {
    const ref = parseCitation(c.ref);
    if (!ref || ref.file !== file) return [];
    const old = doc.lines.get(c.version) ?? [];
    const map = maps.get(c.version)?.map ?? [];
    const oldLines = [];
    for (let n = ref.start; n <= Math.min(ref.end, old.length); n++) oldLines.push({ n, text: old[n - 1]! });
    const newLines = map.length ? nearestNewLines(map, ref.start, ref.end, current) : [];
    return [{ start: ref.start, end: ref.end, status: newLines.length ? 'changed' : 'gone', oldLines, newLines, index: c.index }];
  });
}

export { formatCitation };
