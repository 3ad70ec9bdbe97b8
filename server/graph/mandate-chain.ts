// The chain of authority above a node follows bases, not every authority tie around it: a
// post's holders, the act that appointed or established it, the assignment that act rests on
// (its basisRef), who gave that assignment, what that assignment rests on in turn (a treaty, a
// law, another assignment), and the givers' own superiors, level by level. A body's chain lists
// the mandates it holds; a person's goes through the posts they hold. Below a node (`down`),
// the chain is what its mandates and acts lead to.
import type { Reader, Row } from '../db/database.ts';
import { edgeData, type EdgeData, ElementSet, type GraphElements, type NodeData, nodeData } from './elements.ts';
import { asTimeStatus, type Basis, basisOf, isAct, type TimeStatus, type Trust, trustOf } from './trust.ts';
import { readGrounds } from './grounds.ts';
import { readDocuments } from './documents.ts';
import type { Lang, Summary } from './summary.ts';
import { chainSteps, chainSummary, hopBasisTexts } from './chain-summary.ts';
import { asOfGroupAt, asOfGroupOf, type AsOfCounts, countGroups } from '../model/as-of.ts';
import { unknownNode } from '../error-words.ts';

export const HOP_ROLES = ['held-by', 'holds-post', 'act', 'mandate', 'answers-to', 'basis', 'candidate', 'authority'] as const;
export type HopRole = (typeof HOP_ROLES)[number];

export interface MandateHop extends Trust {
  /** 1 for the node's direct superiors (or subordinates), 2 for theirs … */
  level: number;
  /**
   * held-by / holds-post: who holds the post, which post the person holds; act: the
   * appointment or establishment; mandate: an assignment the node asked about holds;
   * answers-to: UNDER / PART_OF; basis: what an act or mandate rests on; candidate: an
   * assignment that might be the basis of an act whose basis is not stated; authority: a
   * step of the `down` chain.
   */
  role: HopRole;
  /** The node on the side nearer the start of the chain. */
  from: string;
  /** The node one level further up (or down). */
  to: string;
  /** The tie; null when the basis is a node (a treaty or law) rather than an assignment. */
  relationship: EdgeData | null;
  node: NodeData;
  /** For basis and candidate hops: the fact id of the act or mandate this is the basis of. */
  restsOn: string | null;
  candidate: boolean;
  basis: Basis | null;
  timeStatus?: TimeStatus;
  /** The basis in the reader's words ("on the government's assignment …", "basis not stated"); null when none. */
  basisText?: string | null;
}

export interface MandateChainQuery {
  id: string;
  direction: 'up' | 'down';
  asOfStart: string | null;
  asOfEnd: string | null;
  /** The date asked about, when the chain is read as of one: the answer then counts its three groups. */
  asOf?: string | null;
  maxLevels: number;
  limit: number;
  statedOnly: boolean;
  lang: Lang;
}

export interface MandateChainResult {
  root: NodeData;
  direction: 'up' | 'down';
  hops: MandateHop[];
  elements: GraphElements;
  truncated: boolean;
  summary: Summary;
  /** As of a date: the steps held then, those whose dates are not given, and those that did not hold then. */
  asOf: AsOfCounts | null;
}

/** Candidate bases offered per act whose basis is not stated. */
const CANDIDATES = 10;

interface Frontier {
  id: string;
  full: boolean;
  holders: boolean;
}

interface PendingBasis {
  factId: string;
  kind: string;
  ref: string | null;
  actor: string;
  act: boolean;
  hop: MandateHop;
}

export async function mandateChain(db: Reader, q: MandateChainQuery): Promise<MandateChainResult> {
  const set = new ElementSet();
  // The node itself is read beside the first level rather than before it: one round trip less.
  // The walk waits for it before it adds anything, so the root stays the first element.
  const rootRead = db.read('nodes/get-node', { id: q.id }).then(([row]) => {
    if (!row) throw unknownNode('params.id', q.id);
    set.addNode(row.node as Row);
    return nodeData(row.node as Row);
  });
  const walk = q.direction === 'up' ? walkUp : walkDown;
  const { hops, truncated } = await walk(db, q, set, rootRead);
  const root = await rootRead;
  const docs = await readDocuments(db);
  const elements = set.toElements();
  const inferring = chainSteps(hops).filter((h) => h.certainty === 'inferred' && h.inferredFrom.length && h.relationship);
  const grounds = inferring.length
    ? await readGrounds(
        db,
        inferring.map((h) => ({ inferredFrom: h.inferredFrom, source: h.relationship!.source, target: h.relationship!.target })),
        { nodes: elements.nodes.map((n) => n.data), edges: elements.edges.map((e) => e.data) },
      )
    : undefined;
  const asOf = q.asOf ? await asOfCounts(db, q, q.asOf, hops) : null;
  const basisTexts = hopBasisTexts(root, hops, q.lang);
  hops.forEach((h, i) => (h.basisText = basisTexts[i] ?? null));
  return {
    root,
    direction: q.direction,
    hops,
    elements,
    truncated,
    summary: chainSummary({ root, direction: q.direction, hops, lang: q.lang, ...(grounds ? { grounds } : {}), docs, asOf }),
    asOf,
  };
}

/**
 * The chain's steps as of a date: held or undated as the as-of walk found them, and, from the
 * chain walked without a date, the steps whose own dates place them elsewhere (the as-of walk
 * leaves those out).
 */
async function asOfCounts(db: Reader, q: MandateChainQuery, date: string, hops: MandateHop[]): Promise<AsOfCounts> {
  const steps = chainSteps(hops);
  const seen = new Set(steps.map((h) => h.relationship!.id));
  const walk = q.direction === 'up' ? walkUp : walkDown;
  const all = await walk(db, { ...q, asOfStart: null, asOfEnd: null }, new ElementSet(), Promise.resolve());
  const notValid = chainSteps(all.hops).filter((h) => !seen.has(h.relationship!.id) && asOfGroupAt(h, date) === 'not-valid');
  return countGroups(date, [...steps.map((h) => asOfGroupOf(h.timeStatus)), ...notValid.map(() => 'not-valid' as const)]);
}

function makeHop(
  level: number,
  role: HopRole,
  from: string,
  rel: Row | null,
  node: Row,
  timeStatus: unknown,
  restsOn: string | null,
): MandateHop {
  const relationship = rel ? edgeData(rel) : null;
  const status = asTimeStatus(timeStatus);
  return {
    level,
    role,
    from,
    to: String(node.id),
    relationship,
    node: nodeData(node),
    restsOn,
    candidate: role === 'candidate',
    basis: relationship ? basisOf(relationship) : null,
    ...trustOf(relationship ?? {}),
    ...(status ? { timeStatus: status } : {}),
  };
}

/**
 * A level's rows in a defined order rather than the store's (which anything written beside the
 * graph changes): each role where the query first gives it (its parts come in a fixed order),
 * then by tie, node and basis. The hops, and the sentences that follow them, come out the same
 * for the same graph.
 */
function inKeyOrder(rows: Row[]): Row[] {
  const roles = new Map<unknown, number>();
  for (const r of rows) if (!roles.has(r.role)) roles.set(r.role, roles.size);
  const key = (r: Row) =>
    [(r.relationship as Row | null)?.id, (r.node as Row | null)?.id, r.restsOn].map((k) => String(k ?? '')).join('\u0000');
  return rows
    .map((r) => [roles.get(r.role)!, key(r), r] as const)
    .sort(([ra, a], [rb, b]) => ra - rb || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, , r]) => r);
}

async function walkUp(
  db: Reader,
  q: MandateChainQuery,
  set: ElementSet,
  rootRead: Promise<unknown>,
): Promise<{ hops: MandateHop[]; truncated: boolean }> {
  const hops: MandateHop[] = [];
  const seenNodes = new Set([q.id]);
  const seenEdges = new Set<string>();
  const seenFacts = new Set<string>();
  let frontier: Frontier[] = [{ id: q.id, full: true, holders: true }];
  let pending: PendingBasis[] = [];
  let truncated = false;
  const time = { asOfStart: q.asOfStart, asOfEnd: q.asOfEnd, stated: q.statedOnly };

  for (let level = 1; level <= q.maxLevels && (frontier.length > 0 || pending.length > 0); level++) {
    const room = q.limit - hops.length;
    if (room <= 0) {
      truncated = true;
      break;
    }
    // The step from the frontier and the bases found one level down, in one query.
    const [rows] = await Promise.all([
      db.read('mandates/chain-level', {
        frontier,
        facts: pending.map(({ factId, kind, ref, actor, act }) => ({ factId, kind, ref, actor, act })),
        candidates: CANDIDATES,
        ...time,
        limit: room + 1,
      }),
      level === 1 ? rootRead : null,
    ]);
    const stepRows = inKeyOrder(rows.filter((r) => r.part === 'step'));
    const basisRows = inKeyOrder(rows.filter((r) => r.part === 'basis'));
    const nextFrontier = new Map<string, Frontier>();
    const nextPending: PendingBasis[] = [];
    const pendingByFact = new Map(pending.map((p) => [p.factId, p]));
    const visit = (hop: MandateHop, expand: Frontier | null) => {
      if (hops.length >= q.limit) {
        truncated = true;
        return;
      }
      if (hop.relationship) {
        if (seenEdges.has(hop.relationship.id)) return;
        seenEdges.add(hop.relationship.id);
      }
      hops.push(hop);
      if (expand && !seenNodes.has(expand.id)) {
        seenNodes.add(expand.id);
        nextFrontier.set(expand.id, expand);
      }
      // An act or a mandate that names a basis sends us after it next level; an act without
      // one sends us after candidates. A candidate's own basis is not pursued.
      const rel = hop.relationship;
      if (rel && hop.basis && hop.role !== 'candidate') {
        const factId = hop.factId ?? rel.id;
        if (!seenFacts.has(factId) && (hop.basis.kind !== 'not-stated' || isAct(rel.type))) {
          seenFacts.add(factId);
          nextPending.push({ factId, kind: hop.basis.kind, ref: hop.basis.ref, actor: rel.source, act: isAct(rel.type), hop });
        }
      }
    };

    for (const row of stepRows) {
      const role = row.role as HopRole;
      const node = row.node as Row;
      const hop = makeHop(level, role, String(row.from), row.relationship as Row, node, row.timeStatus, null);
      set.addNode(node);
      set.addEdge(row.relationship as Row);
      // Holders are shown, not climbed; a post a person holds is read as fully as the person.
      const expand: Frontier | null =
        role === 'held-by'
          ? null
          : role === 'holds-post'
            ? { id: hop.to, full: true, holders: false }
            : { id: hop.to, full: false, holders: false };
      visit(hop, expand);
    }
    if (stepRows.length > room) truncated = true;

    for (const row of basisRows) {
      const role = row.role as HopRole;
      const node = row.node as Row;
      const restsOn = String(row.restsOn);
      const hop = makeHop(level, role, String(row.from), (row.relationship as Row | null) ?? null, node, row.timeStatus, restsOn);
      const of = pendingByFact.get(restsOn);
      if (!hop.relationship && of) {
        // A treaty or a law: the hop is the link between the fact and what it rests on, as
        // sure as the fact says (basisCertainty), with the fact's own evidence.
        hop.certainty = of.hop.basis?.certainty ?? null;
        hop.sources = of.hop.sources;
        hop.evidence = of.hop.evidence;
        hop.from = of.actor;
      }
      set.addNode(node);
      set.addNode((row.holder as Row | null) ?? null);
      set.addEdge((row.relationship as Row | null) ?? null);
      visit(hop, role === 'candidate' ? null : { id: hop.to, full: false, holders: false });
    }

    frontier = [...nextFrontier.values()];
    pending = nextPending;
  }
  hops.sort((a, b) => a.level - b.level);
  return { hops, truncated };
}

async function walkDown(
  db: Reader,
  q: MandateChainQuery,
  set: ElementSet,
  rootRead: Promise<unknown>,
): Promise<{ hops: MandateHop[]; truncated: boolean }> {
  const hops: MandateHop[] = [];
  const seen = [q.id];
  let frontier = [q.id];
  let truncated = false;
  for (let level = 1; level <= q.maxLevels && frontier.length > 0; level++) {
    const room = q.limit - hops.length;
    if (room <= 0) {
      truncated = true;
      break;
    }
    const [rows] = await Promise.all([
      db.read('mandates/authority-step', {
        frontier,
        direction: 'down',
        seen,
        asOfStart: q.asOfStart,
        asOfEnd: q.asOfEnd,
        stated: q.statedOnly,
        limit: room + 1,
      }),
      level === 1 ? rootRead : null,
    ]);
    if (rows.length > room) {
      truncated = true;
      rows.length = room;
    }
    const next = new Set<string>();
    for (const row of inKeyOrder(rows)) {
      const hop = makeHop(level, 'authority', String(row.from), row.relationship as Row, row.node as Row, row.timeStatus, null);
      hops.push(hop);
      set.addNode(row.node as Row);
      set.addEdge(row.relationship as Row);
      if (!seen.includes(hop.to)) next.add(hop.to);
    }
    seen.push(...next);
    frontier = [...next];
  }
  return { hops, truncated };
}
