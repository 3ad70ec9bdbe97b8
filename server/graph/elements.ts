// Query results → graph elements in the shape Cytoscape.js loads ({data:{…}}), the one
// shape every graph-returning endpoint speaks. Internal helper properties stay behind.
import type { Row } from '../db/database.ts';

export interface NodeData {
  id: string;
  label: string;
  name: string;
  [key: string]: unknown;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  [key: string]: unknown;
}

export interface GraphElements {
  nodes: Array<{ data: NodeData }>;
  edges: Array<{ data: EdgeData }>;
}

/** Derived properties that only serve indexes and comparisons. */
const HIDDEN = new Set(['aliasText', 'validFromDate', 'validToDate', 'attestedDate']);

/** Source watch: a fact whose cited lines changed in a newer text of its document says so. */
const sourceChanged = (props: Row, data: Record<string, unknown>) => {
  if (props.review === 'source-changed') data.sourceChanged = true;
};

export function nodeData(props: Row): NodeData {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!HIDDEN.has(k) && v !== null) data[k] = v;
  sourceChanged(props, data);
  return data as NodeData;
}

export function edgeData(props: Row): EdgeData {
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) if (!HIDDEN.has(k) && k !== 'key' && v !== null) data[k] = v;
  // The element id stays the MERGE key; the fact id (`id` on the relationship, what bases and
  // inferredFrom refer to) travels as factId.
  if (typeof props.id === 'string') data.factId = props.id;
  sourceChanged(props, data);
  data.id = String(props.key ?? `${String(props.type)}:${String(props.source)}->${String(props.target)}`);
  return data as EdgeData;
}

/** Ids compared as strings, the same on every machine (no locale). */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Collects nodes and edges once each. They come out in id order, or in the order first seen
 * where the order is the asker's own (the console's ORDER BY).
 */
export class ElementSet {
  constructor(private readonly order: 'id' | 'seen' = 'id') {}

  private readonly nodes = new Map<string, NodeData>();
  private readonly edges = new Map<string, EdgeData>();

  addNode(props: Row | null | undefined): void {
    // A node met again is not copied again (a neighbourhood meets its hubs on every level).
    if (!props || this.nodes.has(props.id as string)) return;
    const d = nodeData(props);
    if (!this.nodes.has(d.id)) this.nodes.set(d.id, d);
  }

  addEdge(props: Row | null | undefined): void {
    if (!props) return;
    const d = edgeData(props);
    if (!this.edges.has(d.id)) this.edges.set(d.id, d);
  }

  /** An edge already in element shape (its id is the element id, factId the fact id). */
  addEdgeData(d: EdgeData): void {
    if (!this.edges.has(d.id)) this.edges.set(d.id, d);
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  hasEdge(id: string): boolean {
    return this.edges.has(id);
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  get edgeCount(): number {
    return this.edges.size;
  }

  nodeIds(): string[] {
    return [...this.nodes.keys()];
  }

  edgeIds(): string[] {
    return [...this.edges.keys()];
  }

  private sorted<T extends { id: string }>(list: T[]): T[] {
    return this.order === 'id' ? list.sort(byId) : list;
  }

  /** The edges with both ends in the set, in the order first seen: toElements without its sort and copies. */
  *connectedEdges(): Iterable<EdgeData> {
    for (const e of this.edges.values()) if (this.nodes.has(e.source) && this.nodes.has(e.target)) yield e;
  }

  toElements(): GraphElements {
    // An edge is only useful with both ends on the canvas. In id order, not the order the
    // store happened to yield: that order changes with anything written beside the graph (the
    // recorded-states layer's copies did), and the web places new nodes in the order given.
    const edges = [...this.edges.values()].filter((e) => this.nodes.has(e.source) && this.nodes.has(e.target));
    return {
      nodes: this.sorted([...this.nodes.values()]).map((data) => ({ data })),
      edges: this.sorted(edges).map((data) => ({ data })),
    };
  }
}
