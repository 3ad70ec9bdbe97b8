// Checks the seed as a whole: each record against its schema, then the rules no single record
// can check (ids, endpoint labels, qualifiers, aliases, chains). Every problem is collected, so
// one run shows the whole repair list instead of the first mistake.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { firstDay, lastDay, PartialDate } from '../server/model/dates.ts';
import type { NodeLabel, RelationshipType } from '../server/model/vocabulary.ts';
import { ACTS_OF_AUTHORITY, NODE_LABELS, RELATIONSHIP_RULES, RELATIONSHIP_TYPES } from '../server/model/vocabulary.ts';
import { DATA_TEXT_FIELDS, fieldWords, missingFormWarning, missingForms, splitGloss } from '../server/model/texts.ts';
import { foldName } from './names.ts';
import { BASIS_FIELDS, NodeRecord, QUALIFIER_FIELDS, RelationshipRecord, relationshipKey, SourceRecord, SourcesFile } from './schema.ts';

export const NODES_FILE = 'nodes.jsonl';
export const RELATIONSHIPS_FILE = 'relationships.jsonl';
export const SOURCES_FILE = 'sources.json';

export interface Problem {
  file: string;
  /** 1-based line of the record (one record per line). */
  line: number;
  /** Dotted path of the offending field, '' for the record as a whole. */
  path: string;
  message: string;
}

export interface Located<T> {
  line: number;
  record: T;
}

export interface SeedValidation {
  /** Records that passed their schema (cross-record problems do not remove them). */
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
  /** The same records with their line numbers, for tools that report back to the file. */
  located: { nodes: Located<NodeRecord>[]; relationships: Located<RelationshipRecord>[] };
  /** The source documents (sources.json), when the folder has one. */
  sources: SourceRecord[];
  problems: Problem[];
  /**
   * Text fields that lack their Swedish or English form (docs/model.md, "Two languages"). The
   * seed check counts them as problems; imports and edits accept the record and pass them on as
   * warnings, in plain words.
   */
  missingForms: Problem[];
}

export interface SeedText {
  nodesText: string;
  relationshipsText: string;
  /** File names used in problems; default to the bare file names. */
  nodesFile?: string;
  relationshipsFile?: string;
  /**
   * For imports that add to a graph: nodes already in it (id → label), which relationships
   * may reference. With it, the whole-graph rules (forum ties, complete chains) are left to
   * the graph as a whole and not checked on the partial file.
   */
  known?: ReadonlyMap<string, NodeLabel>;
  /**
   * For imports: fact ids of relationships already in the graph (id → type), which basisRef
   * and inferredFrom may reference and a new relationship may not reuse.
   */
  knownFacts?: ReadonlyMap<string, RelationshipType>;
  /** sources.json as text; when given, it is checked and cited files must be listed in it. */
  sourcesText?: string;
  sourcesFile?: string;
  /**
   * The seed's own rule: each text field holds its four keys (`taskSv`, `taskSvOrigin`, `taskEn`,
   * `taskEnOrigin`) and a legacy field agrees with its English form. Without it, any form the
   * reader can find counts (a legacy English task, a "sv (en)" hedge).
   */
  strictForms?: boolean;
}

// A forum is where representation happens (or a Group of forums); a principal is whoever is
// spoken for. "Sweden, speaking through its government" is the Country, never the cabinet.
const FORUM_LABELS: NodeLabel[] = ['Organisation', 'Programme', 'Group'];
const PRINCIPAL_LABELS: NodeLabel[] = RELATIONSHIP_RULES.REPRESENTS.to.filter((l) => l !== 'Government');
const PROVENANCE_FIELDS = new Set(['sources', 'evidence', 'certainty']);
const ACTS: readonly string[] = ACTS_OF_AUTHORITY;

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Validate the seed files in `dir`; a missing file is a problem, not an exception. */
export function validateSeed(dir: string): SeedValidation {
  const nodesFile = join(dir, NODES_FILE);
  const relationshipsFile = join(dir, RELATIONSHIPS_FILE);
  const sourcesFile = join(dir, SOURCES_FILE);
  const missing: Problem[] = [];
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      missing.push({ file, line: 0, path: '', message: `cannot read file: ${(err as Error).message}` });
      return '';
    }
  };
  const result = validateSeedText({
    strictForms: true,
    nodesText: read(nodesFile),
    relationshipsText: read(relationshipsFile),
    sourcesText: read(sourcesFile),
    nodesFile,
    relationshipsFile,
    sourcesFile,
  });
  return { ...result, problems: [...missing, ...result.problems] };
}

interface RawLine {
  line: number;
  value: Record<string, unknown>;
}

/** The source documents of a seed folder (sources.json); [] when it has none or it does not parse. */
export function readSourceRecords(dir: string): SourceRecord[] {
  try {
    const parsed = SourcesFile.safeParse(JSON.parse(readFileSync(join(dir, SOURCES_FILE), 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Validate seed text held in memory (tests, editors). */
export function validateSeedText(input: SeedText): SeedValidation {
  const nodesFile = input.nodesFile ?? NODES_FILE;
  const relationshipsFile = input.relationshipsFile ?? RELATIONSHIPS_FILE;
  const problems: Problem[] = [];
  const report = (file: string, line: number, path: string, message: string): void => {
    problems.push({ file, line, path, message });
  };
  const strict = input.strictForms ?? false;
  const missing: Problem[] = [];
  const checkForms = (file: string, line: number, who: string, value: Record<string, unknown>): void => {
    for (const m of missingForms(value, { strict })) {
      const path = `${m.property ? 'properties.' : ''}${m.field}${m.lang === 'sv' ? 'Sv' : 'En'}`;
      const message = strict
        ? `${who}: the ${fieldWords(m.field)} has no ${m.lang === 'sv' ? 'Swedish' : 'English'} form (${path} with ${m.field}${m.lang === 'sv' ? 'Sv' : 'En'}Origin)`
        : missingFormWarning(m);
      missing.push({ file, line, path, message });
    }
    if (strict) for (const [path, message] of legacyDisagreements(value)) report(file, line, path, `${who}: ${message}`);
  };

  // ---- nodes, one by one
  const rawNodes = parseLines(input.nodesText, nodesFile, problems);
  const nodes: Located<NodeRecord>[] = [];
  // Every id a line declares, valid or not, so one bad node does not also make each of its
  // relationships "dangling".
  const declared = new Map<string, { line: number; label: NodeLabel | undefined }>();
  for (const [id, label] of input.known ?? []) declared.set(id, { line: 0, label });
  for (const { line, value } of rawNodes) {
    const id = typeof value.id === 'string' ? value.id : undefined;
    const who = id ? `node "${id}"` : 'node';
    const parsed = NodeRecord.safeParse(value);
    if (parsed.success) nodes.push({ line, record: parsed.data });
    else for (const issue of parsed.error.issues) report(nodesFile, line, pathOf(issue), `${who}: ${describeIssue(issue, value)}`);

    if (id !== undefined) {
      const first = declared.get(id);
      if (first && first.line > 0) report(nodesFile, line, 'id', `${who}: duplicate id, first defined on line ${first.line}`);
      if (!first || first.line === 0) declared.set(id, { line, label: isNodeLabel(value.label) ? value.label : undefined });
    }
    checkPeriod(value, (path, msg) => report(nodesFile, line, path, `${who}: ${msg}`));
    checkForms(nodesFile, line, who, value);
  }
  checkAliases(nodes, nodesFile, report);

  // ---- relationships, one by one
  const rawRels = parseLines(input.relationshipsText, relationshipsFile, problems);
  const relationships: Located<RelationshipRecord>[] = [];
  const keys = new Map<string, number>();
  // Fact ids (with their type), first pass, so a basis may point at a MANDATES further down.
  // (An id already in the graph may come again: re-importing a fact is not a duplicate.)
  const factIds = new Map<string, { line: number; type: unknown }>();
  for (const { line, value } of rawRels) {
    if (typeof value.id !== 'string') continue;
    const first = factIds.get(value.id);
    if (first)
      report(
        relationshipsFile,
        line,
        'id',
        `${describeRelationship(value)}: duplicate relationship id "${value.id}", first on line ${first.line}`,
      );
    else factIds.set(value.id, { line, type: value.type });
  }
  for (const [id, type] of input.knownFacts ?? []) if (!factIds.has(id)) factIds.set(id, { line: 0, type });
  for (const { line, value } of rawRels) {
    const who = describeRelationship(value);
    const parsed = RelationshipRecord.safeParse(value);
    if (parsed.success) relationships.push({ line, record: parsed.data });
    else for (const issue of parsed.error.issues) report(relationshipsFile, line, pathOf(issue), `${who}: ${describeIssue(issue, value)}`);

    const type = isRelationshipType(value.type) ? value.type : undefined;
    const rule = type ? RELATIONSHIP_RULES[type] : undefined;

    // Endpoints: exist, and carry labels the type allows.
    for (const end of ['from', 'to'] as const) {
      const id = value[end];
      if (typeof id !== 'string') continue;
      const node = declared.get(id);
      if (!node) {
        report(relationshipsFile, line, end, `${who}: unknown node id "${id}" at "${end}"${suggest(id, declared.keys())}`);
        continue;
      }
      const allowed = rule ? rule[end] : undefined;
      if (type && allowed && node.label && !allowed.includes(node.label))
        report(
          relationshipsFile,
          line,
          end,
          `${who}: ${type} may not ${end === 'from' ? 'start at' : 'end at'} "${id}" (${node.label}). Expected one of ${allowed.join(', ')}`,
        );
    }
    if (value.from === value.to && typeof value.from === 'string')
      report(
        relationshipsFile,
        line,
        'to',
        type === 'REPRESENTS'
          ? `${who}: a REPRESENTS self-loop; acting in one's own name is PARTICIPATES_IN {capacity: 'expert-authority'} to the forum`
          : `${who}: a relationship from a node to itself`,
      );

    // Qualifiers: only those the type declares.
    if (rule) {
      const allowed = rule.qualifiers ?? [];
      for (const field of QUALIFIER_FIELDS)
        if (value[field] !== undefined && !allowed.includes(field))
          report(
            relationshipsFile,
            line,
            field,
            `${who}: field "${field}" is not allowed on ${type}. Allowed qualifiers: ${allowed.length ? allowed.join(', ') : 'none'}`,
          );
    }
    checkReference(value, 'forum', FORUM_LABELS, declared, (path, msg) => report(relationshipsFile, line, path, `${who}: ${msg}`));
    checkReference(value, 'principal', PRINCIPAL_LABELS, declared, (path, msg) => report(relationshipsFile, line, path, `${who}: ${msg}`));
    if (type === 'REPRESENTS' && value.capacity === undefined)
      report(relationshipsFile, line, 'capacity', `${who}: REPRESENTS needs a capacity (government, expert-authority or delegate)`);
    if (type === 'REPRESENTS' && value.capacity === 'government' && typeof value.to === 'string') {
      const principal = declared.get(value.to);
      if (principal?.label && principal.label !== 'Country')
        report(
          relationshipsFile,
          line,
          'to',
          `${who}: in capacity 'government' the principal is the state speaking through its government (e.g. "sweden"), not the ${principal.label} "${value.to}"`,
        );
    }
    const rel = (path: string, msg: string): void => report(relationshipsFile, line, path, `${who}: ${msg}`);
    if (type) checkBasis(value, type, factIds, declared, rel);
    checkInferredFrom(value, factIds, declared, rel);
    checkScope(value, declared, rel);

    checkPeriod(value, (path, msg) => report(relationshipsFile, line, path, `${who}: ${msg}`));
    checkForms(relationshipsFile, line, who, value);

    if (parsed.success) {
      const key = relationshipKey(parsed.data);
      const first = keys.get(key);
      if (first !== undefined)
        report(
          relationshipsFile,
          line,
          '',
          `${who}: duplicate relationship key "${key}", first on line ${first}; give it a distinct forum, subject or validFrom, or merge the two`,
        );
      else keys.set(key, line);
    }
  }

  if (!input.known) {
    checkForumTies(relationships, relationshipsFile, report);
    checkChains(relationships, relationshipsFile, report);
  }

  const sources =
    input.sourcesText === undefined
      ? []
      : checkSources(input.sourcesText, input.sourcesFile ?? SOURCES_FILE, [...nodes, ...relationships], (l) => l.record.sources, report, {
          nodesFile,
          relationshipsFile,
          nodeCount: nodes.length,
        });

  return {
    nodes: nodes.map((n) => n.record),
    relationships: relationships.map((r) => r.record),
    located: { nodes, relationships },
    sources,
    problems: problems.sort(byPlace),
    missingForms: missing.sort(byPlace),
  };
}

const byPlace = (a: Problem, b: Problem): number => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1);

/**
 * A legacy field (kept for readers that do not go through textOf yet) must say what its English
 * form says, or the two would drift apart. Hedges and titles are stored as "sv (en)" and names
 * keep the source's spelling, so those are compared by their parts.
 */
function legacyDisagreements(value: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const field of DATA_TEXT_FIELDS) {
    const legacy = value[field];
    if (typeof legacy !== 'string' || field === 'name') continue;
    const sv = value[`${field}Sv`];
    const en = value[`${field}En`];
    const glossed = field === 'hedge' ? splitGloss(legacy) : null;
    if (glossed) {
      if (typeof sv === 'string' && sv !== glossed.sv)
        out.push([`${field}Sv`, `"${field}Sv" differs from the Swedish words of "${field}"`]);
      if (typeof en === 'string' && en !== glossed.en) out.push([`${field}En`, `"${field}En" differs from the gloss of "${field}"`]);
    } else if (typeof en === 'string' && en !== legacy)
      out.push([`${field}En`, `"${field}En" differs from "${field}"; keep them the same`]);
  }
  return out;
}

function parseLines(text: string, file: string, problems: Problem[]): RawLine[] {
  const out: RawLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    try {
      const value: unknown = JSON.parse(raw);
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        problems.push({ file, line, path: '', message: 'expected a JSON object on this line' });
      else out.push({ line, value: value as Record<string, unknown> });
    } catch (err) {
      problems.push({ file, line, path: '', message: `bad JSON: ${(err as Error).message}` });
    }
  });
  return out;
}

function pathOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.join(',');
  return issue.path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue, value: Record<string, unknown>): string {
  const path = pathOf(issue);
  const top = String(issue.path[0] ?? '');
  if (path === 'label') return `unknown label ${JSON.stringify(value.label)}. Expected one of ${NODE_LABELS.join(', ')}`;
  if (path === 'type') return `unknown relationship type ${JSON.stringify(value.type)}. Expected one of ${RELATIONSHIP_TYPES.join(', ')}`;
  if (PROVENANCE_FIELDS.has(top) && value[top] === undefined) return `missing provenance: "${top}" is required on every record`;
  if (issue.code === 'unrecognized_keys')
    return `${issue.message}; a record holds only the fields of seed/schema.ts (put extra node facts in "properties")`;
  return `${path || 'record'}: ${issue.message}`;
}

function describeRelationship(value: Record<string, unknown>): string {
  const s = (v: unknown): string => (typeof v === 'string' ? v : '?');
  return `relationship ${s(value.type)} "${s(value.from)}" → "${s(value.to)}"`;
}

function isNodeLabel(v: unknown): v is NodeLabel {
  return typeof v === 'string' && (NODE_LABELS as readonly string[]).includes(v);
}

function isRelationshipType(v: unknown): v is RelationshipType {
  return typeof v === 'string' && (RELATIONSHIP_TYPES as readonly string[]).includes(v);
}

/** Compared through the days a partial date covers: "2015"–"2015-06" is fine, "2019"–"2018" is not. */
function checkPeriod(value: Record<string, unknown>, report: (path: string, message: string) => void): void {
  const from = PartialDate.safeParse(value.validFrom);
  const to = PartialDate.safeParse(value.validTo);
  if (from.success && to.success && firstDay(from.data) > lastDay(to.data))
    report('validFrom', `validFrom ${from.data} is after validTo ${to.data}`);
}

function checkReference(
  value: Record<string, unknown>,
  field: 'forum' | 'principal',
  labels: NodeLabel[],
  declared: Map<string, { line: number; label: NodeLabel | undefined }>,
  report: (path: string, message: string) => void,
): void {
  const id = value[field];
  if (typeof id !== 'string') return;
  const node = declared.get(id);
  if (!node) report(field, `unknown ${field} id "${id}"${suggest(id, declared.keys())}`);
  else if (node.label && !labels.includes(node.label))
    report(field, `${field} "${id}" is a ${node.label}. Expected one of ${labels.join(', ')}`);
}

type Declared = Map<string, { line: number; label: NodeLabel | undefined }>;
type FactIds = Map<string, { line: number; type: unknown }>;

/**
 * Acts of authority name their basis, or say it is not stated; a mandate basis is a MANDATES
 * fact, a treaty basis a Treaty node. Other types (MANDATES aside) carry no basis.
 */
function checkBasis(
  value: Record<string, unknown>,
  type: RelationshipType,
  facts: FactIds,
  declared: Declared,
  report: (path: string, message: string) => void,
): void {
  const isAct = ACTS.includes(type);
  if (!isAct && type !== 'MANDATES') {
    for (const field of BASIS_FIELDS)
      if (value[field] !== undefined)
        report(field, `field "${field}" is not allowed on ${type}; a basis belongs on acts of authority (${ACTS.join(', ')}) and MANDATES`);
    return;
  }
  if (isAct && value.basisKind === undefined)
    report('basisKind', `${type} is an act of authority and needs "basisKind" (mandate, treaty, law or not-stated)`);
  const ref = value.basisRef;
  if (typeof ref !== 'string') return;
  if (value.basisKind === 'mandate') {
    const fact = facts.get(ref);
    if (!fact) report('basisRef', `basisRef "${ref}" is not the id of any relationship${suggest(ref, facts.keys())}`);
    else if (fact.type !== 'MANDATES')
      report('basisRef', `basisRef "${ref}" is a ${String(fact.type)}; a mandate basis must be a MANDATES fact`);
  } else if (value.basisKind === 'treaty') {
    const node = declared.get(ref);
    if (!node) report('basisRef', `basisRef "${ref}" is not a node id${suggest(ref, declared.keys())}`);
    else if (node.label && node.label !== 'Treaty')
      report('basisRef', `basisRef "${ref}" is a ${node.label}; a treaty basis must be a Treaty node`);
  } else if (value.basisKind === 'law' && !declared.has(ref)) report('basisRef', `basisRef "${ref}" is not a node id`);
}

/** An inference names facts that exist: relationship ids or node ids. */
function checkInferredFrom(
  value: Record<string, unknown>,
  facts: FactIds,
  declared: Declared,
  report: (path: string, message: string) => void,
): void {
  if (!Array.isArray(value.inferredFrom)) return;
  value.inferredFrom.forEach((id, i) => {
    if (typeof id === 'string' && !facts.has(id) && !declared.has(id))
      report(
        `inferredFrom.${i}`,
        `inferredFrom "${id}" is neither a relationship id nor a node id${suggest(id, [...facts.keys(), ...declared.keys()])}`,
      );
  });
}

/** `scope` says how a tie holds over a Group's members, so it needs a Group at the end or as forum. */
function checkScope(value: Record<string, unknown>, declared: Declared, report: (path: string, message: string) => void): void {
  if (value.scope === undefined) return;
  const isGroup = (id: unknown): boolean => typeof id === 'string' && declared.get(id)?.label === 'Group';
  if (!isGroup(value.to) && !isGroup(value.forum) && !isGroup(value.from))
    report('scope', `"scope" belongs only on a tie whose end or forum is a Group`);
}

/**
 * sources.json: one record per source file, every file a fact cites among them (its written
 * date gives the fact's `attested`).
 */
function checkSources<T extends Located<{ sources: string[] }>>(
  text: string,
  file: string,
  records: T[],
  sourcesOf: (r: T) => string[],
  report: (file: string, line: number, path: string, message: string) => void,
  where: { nodesFile: string; relationshipsFile: string; nodeCount: number },
): SourceRecord[] {
  if (text.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    report(file, 1, '', `bad JSON: ${(err as Error).message}`);
    return [];
  }
  if (!Array.isArray(json)) {
    report(file, 1, '', 'expected a JSON array of source records');
    return [];
  }
  const lines = text.split('\n');
  const lineOf = (name: unknown): number => {
    const i = typeof name === 'string' ? lines.findIndex((l) => l.includes(JSON.stringify(name))) : -1;
    return i < 0 ? 1 : i + 1;
  };
  const out: SourceRecord[] = [];
  const files = new Map<string, number>();
  for (const value of json) {
    const name = (value as { file?: unknown } | null)?.file;
    const line = lineOf(name);
    const parsed = SourceRecord.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        report(
          file,
          line,
          pathOf(issue),
          `source ${typeof name === 'string' ? `"${name}"` : ''}: ${pathOf(issue) || 'record'}: ${issue.message}`,
        );
      continue;
    }
    if (files.has(parsed.data.file))
      report(file, line, 'file', `source "${parsed.data.file}" is listed twice, first on line ${files.get(parsed.data.file)}`);
    files.set(parsed.data.file, line);
    out.push(parsed.data);
  }
  records.forEach((r, i) => {
    for (const ref of sourcesOf(r)) {
      const cited = ref.split('#')[0] as string;
      if (!files.has(cited))
        report(
          i < where.nodeCount ? where.nodesFile : where.relationshipsFile,
          r.line,
          'sources',
          `cites "${cited}", which ${file} does not list (its written date gives the fact's attested date)`,
        );
    }
  });
  return out;
}

/**
 * Aliases feed search, so one that is blank, shared by two nodes, or equal to another node's
 * name would send a query to the wrong place.
 */
function checkAliases(
  nodes: Located<NodeRecord>[],
  file: string,
  report: (file: string, line: number, path: string, message: string) => void,
): void {
  const names = new Map<string, string>();
  for (const { record } of nodes)
    for (const n of [record.name, record.nameEn]) if (n !== undefined && !names.has(foldName(n))) names.set(foldName(n), record.id);
  const aliasOwner = new Map<string, string>();
  for (const { line, record } of nodes) {
    const own = new Set<string>();
    record.aliases.forEach((alias, i) => {
      const path = `aliases.${i}`;
      const key = foldName(alias);
      if (key === '') return report(file, line, path, `node "${record.id}": alias ${i} is blank`);
      if (own.has(key)) return report(file, line, path, `node "${record.id}": alias "${alias}" is listed twice`);
      own.add(key);
      const nameOwner = names.get(key);
      if (nameOwner !== undefined && nameOwner !== record.id)
        report(file, line, path, `node "${record.id}": alias "${alias}" is the name of node "${nameOwner}"`);
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== record.id)
        report(file, line, path, `node "${record.id}": alias "${alias}" is also an alias of node "${owner}"`);
      else aliasOwner.set(key, record.id);
    });
  }
}

/** A representation in a forum must come with the agent's own tie to that forum. */
function checkForumTies(
  rels: Located<RelationshipRecord>[],
  file: string,
  report: (file: string, line: number, path: string, message: string) => void,
): void {
  const ties = new Set(
    rels.filter(({ record: r }) => r.type === 'PARTICIPATES_IN' || r.type === 'MEMBER_OF').map(({ record: r }) => `${r.from}|${r.to}`),
  );
  for (const { line, record: r } of rels)
    if (r.type === 'REPRESENTS' && r.forum && !ties.has(`${r.from}|${r.forum}`))
      report(
        file,
        line,
        'forum',
        `relationship REPRESENTS "${r.from}" → "${r.to}": no PARTICIPATES_IN or MEMBER_OF from "${r.from}" to forum "${r.forum}"`,
      );
}

/** Routing chains must read as one path: steps 1..n, each hop starting where the last ended. */
function checkChains(
  rels: Located<RelationshipRecord>[],
  file: string,
  report: (file: string, line: number, path: string, message: string) => void,
): void {
  const chains = new Map<string, Located<RelationshipRecord>[]>();
  for (const loc of rels) {
    const r = loc.record;
    if ((r.chain === undefined) !== (r.step === undefined))
      report(
        file,
        loc.line,
        r.chain === undefined ? 'chain' : 'step',
        `relationship ${r.type} "${r.from}" → "${r.to}": "chain" and "step" go together`,
      );
    if (r.chain !== undefined && r.step !== undefined) chains.set(r.chain, [...(chains.get(r.chain) ?? []), loc]);
  }
  for (const [chain, hops] of chains) {
    hops.sort((a, b) => (a.record.step ?? 0) - (b.record.step ?? 0));
    hops.forEach((hop, i) => {
      const expected = i + 1;
      if (hop.record.step !== expected)
        report(
          file,
          hop.line,
          'step',
          `chain "${chain}": expected step ${expected}, found ${hop.record.step} (steps must run 1..${hops.length} without gaps or repeats)`,
        );
      const prev = hops[i - 1];
      if (prev && prev.record.to !== hop.record.from)
        report(
          file,
          hop.line,
          'from',
          `chain "${chain}": step ${hop.record.step} starts at "${hop.record.from}" but step ${prev.record.step} ended at "${prev.record.to}"`,
        );
    });
  }
}

/** "Did you mean" for a mistyped id: the closest known id within a few edits. */
function suggest(id: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
