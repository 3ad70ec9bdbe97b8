// The console's rows as graph elements: whatever nodes, relationships and paths a statement
// returns, wherever in a row they sit, become the nodes and edges the web app draws. Pure, so
// that its mutation test runs without Neo4j (docs/mutation-testing.md).
import type { Row } from '../db/database.ts';
import type { PlainNode, PlainRelationship } from '../db/values.ts';
import { ElementSet, type GraphElements } from './elements.ts';

/** Nodes, relationships and paths anywhere in the rows, as elements keyed by entity id. */
export function elementsIn(rows: Row[]): GraphElements {
  const nodes = new Map<string, PlainNode>();
  const rels: PlainRelationship[] = [];
  // Lists, maps and paths ({kind: 'path', nodes, relationships}) are all searched through
  // their values (a map built to look like a path, without nodes, then simply holds none); a
  // node's or relationship's properties never hold another element.
  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const kind = (v as { kind?: unknown }).kind;
    if (kind === 'node') nodes.set((v as PlainNode).elementId, v as PlainNode);
    else if (kind === 'relationship') rels.push(v as PlainRelationship);
    else Object.values(v).forEach(visit);
  };
  rows.forEach(visit);
  const set = new ElementSet('seen');
  // Only our entities (they have a string id) can be drawn and linked to the rest of the app.
  for (const n of nodes.values())
    if (typeof n.properties.id === 'string') set.addNode({ label: n.labels.find((l) => l !== 'Entity') ?? 'Entity', ...n.properties });
  for (const r of rels) {
    const source = nodes.get(r.startElementId)?.properties.id;
    const target = nodes.get(r.endElementId)?.properties.id;
    // Checked before the relationship is read: a map the statement built to look like one
    // (RETURN {kind: 'relationship'}) has no properties, and is shown as a row only.
    if (typeof source === 'string' && typeof target === 'string')
      set.addEdge({ ...r.properties, type: r.type, source, target, key: r.properties.key ?? r.elementId });
  }
  return set.toElements();
}
