// What the canvas draws from: every node and tie fetched so far. In a module of its own, without
// Cytoscape, so the page can hold its data before the canvas's chunk has arrived (issue 22, part 5).
import type { EdgeData, GraphElements, NodeData } from '../api/types.ts';
import type { NameLookup } from './elements.ts';

/** Everything fetched so far, by id: the canvas draws from here. */
export class ElementCache {
  readonly nodes = new Map<string, NodeData>();
  readonly edges = new Map<string, EdgeData>();

  add(graph: GraphElements): void {
    for (const n of graph.nodes) this.nodes.set(n.data.id, n.data);
    for (const e of graph.edges) this.edges.set(e.data.id, e.data);
  }

  addNodes(nodes: readonly NodeData[]): void {
    for (const n of nodes) this.nodes.set(n.id, n);
  }

  lookup: NameLookup = (id) => this.nodes.get(id);

  /** Every known edge with both ends among `ids`. */
  edgesAmong(ids: ReadonlySet<string>): EdgeData[] {
    return [...this.edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target));
  }
}
