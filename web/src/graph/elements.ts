// API results → Cytoscape element definitions, as pure functions. Derived text (the short
// label a node shows, the caption an edge shows) is computed here once; everything that
// changes with the view (selection, filters, as-of) is a class set by apply.ts instead.
import type { ElementDefinition } from 'cytoscape';
import type { EdgeData, GraphElements, NodeData } from '../api/types.ts';
import { lang, t } from '../i18n/index.ts';
import { textIn } from '../../../server/model/texts.ts';
import { CAPACITY_PHRASES, TYPE_PHRASES } from '../vocabulary.ts';
import { formatSpan, startKey } from './dates.ts';

/** Longest node label drawn on the canvas; the side panel shows the whole name. */
export const MAX_LABEL = 34;
const MAX_CAPTION_DETAIL = 32;

export type NameLookup = (id: string) => NodeData | undefined;

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * The shortest name a reader still recognises, in the reader's language: an alias like "WHO"
 * over the full name, but only one of that language ("UN" in English, "FN" in Swedish): found
 * in the name, or in its initials. An alias of the other language ("främst genom organisationer")
 * never stands for the name.
 */
export function shortName(n: Pick<NodeData, 'name' | 'aliases'> & Record<string, unknown>): string {
  const full = textIn(n, 'name', lang) ?? n.name;
  const words = full.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  const initials = (ws: string[]) =>
    ws
      .map((w) => w.charAt(0))
      .join('')
      .toUpperCase();
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  // "EB" for "WHO Executive Board": a run of the initials will do.
  const ofThisLanguage = (a: string) => full.includes(a) || initials(words).includes(a) || initials(capitalised).includes(a);
  return (n.aliases ?? []).filter((a) => a.length >= 2 && ofThisLanguage(a)).reduce((a, b) => (b.length < a.length ? b : a), full);
}

export function nodeLabelText(n: NodeData): string {
  return shorten(n.name, MAX_LABEL);
}

export function edgeCaption(e: EdgeData, lookup: NameLookup = () => undefined): string {
  const parts: string[] = [TYPE_PHRASES[e.type] ?? e.type.toLowerCase()];
  const forum = e.forum ? lookup(e.forum) : undefined;
  switch (e.type) {
    case 'REPRESENTS':
      if (e.forum) parts.push(t.details.inForum(forum ? shortName(forum) : e.forum));
      if (e.capacity) parts.push(`(${CAPACITY_PHRASES[e.capacity] ?? e.capacity})`);
      break;
    case 'MANDATES':
      if (e.task || e.subject) parts[0] = `${parts[0]}: ${shorten(String(e.task ?? e.subject), MAX_CAPTION_DETAIL)}`;
      break;
    case 'FORWARDS_REQUESTS_TO':
      if (e.step !== undefined) parts.push(`(${t.tools.step(e.step)})`);
      break;
    case 'LEADS_DELEGATION':
      if (e.principal) {
        const p = lookup(e.principal);
        parts.push(t.tools.for(p ? shortName(p) : e.principal));
      }
      break;
    default:
      if (e.role) parts.push(`(${shorten(String(e.role), MAX_CAPTION_DETAIL)})`);
  }
  const span = formatSpan(e.validFrom, e.validTo, e.planned);
  if (span) parts.push(span);
  return parts.join(' ');
}

export function nodeElement(n: NodeData): ElementDefinition {
  return { group: 'nodes', data: { ...n, display: nodeLabelText(n) } };
}

export function edgeElement(e: EdgeData, lookup: NameLookup = () => undefined): ElementDefinition {
  return { group: 'edges', data: { ...e, caption: edgeCaption(e, lookup) } };
}

/**
 * Elements ready for cy.add(): nodes first, then the edges whose ends are both present
 * (Cytoscape refuses an edge to a missing node), each once.
 */
export function toElements(graph: GraphElements, lookup?: NameLookup): ElementDefinition[] {
  const nodes = new Map<string, NodeData>();
  for (const { data } of graph.nodes) if (!nodes.has(data.id)) nodes.set(data.id, data);
  const find: NameLookup = (id) => nodes.get(id) ?? lookup?.(id);
  const edges = new Map<string, EdgeData>();
  for (const { data } of graph.edges) if (nodes.has(data.source) && nodes.has(data.target) && !edges.has(data.id)) edges.set(data.id, data);
  return [...[...nodes.values()].map(nodeElement), ...[...edges.values()].map((e) => edgeElement(e, find))];
}

/** Two results as one, each element once (the later copy wins: it is the fresher). */
export function mergeGraphs(...graphs: GraphElements[]): GraphElements {
  const nodes = new Map<string, { data: NodeData }>();
  const edges = new Map<string, { data: EdgeData }>();
  for (const g of graphs) {
    for (const n of g.nodes) nodes.set(n.data.id, n);
    for (const e of g.edges) edges.set(e.data.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * A post's holders as an office's history: HOLDS_POST ties into the post, earliest first;
 * an open end sorts after a closed one, undated holders last.
 */
export function holdersInOrder(postId: string, edges: readonly EdgeData[]): EdgeData[] {
  return edges
    .filter((e) => e.type === 'HOLDS_POST' && e.target === postId)
    .sort((a, b) => startKey(a.validFrom).localeCompare(startKey(b.validFrom)) || (a.validTo ?? '9999').localeCompare(b.validTo ?? '9999'));
}
