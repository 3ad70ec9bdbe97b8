// The order a big view arrives in when it is added slice by slice: nodes in the order given
// (the middle of the picture first), each tie right after the later of its two ends, so every
// slice drawn is a whole picture of what has come so far, with no tie waiting for the rest.
import type { ElementDefinition } from 'cytoscape';

export function arrivalOrder(
  nodes: readonly ElementDefinition[],
  edges: readonly ElementDefinition[],
  /** Whether a node is on the canvas already. */
  present: (id: string) => boolean,
): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const waiting = new Map<string, ElementDefinition[]>();
  const arrived = new Set<string>();
  const there = (id: string) => arrived.has(id) || present(id);
  for (const e of edges) {
    const source = String(e.data.source);
    const target = String(e.data.target);
    if (there(source) && there(target)) out.push(e);
    else
      for (const end of new Set([source, target])) {
        // Pushed, not copied: a hub's list grows with each of its ties (copying was quadratic).
        const list = waiting.get(end);
        if (list) list.push(e);
        else waiting.set(end, [e]);
      }
  }
  const placed = new Set<ElementDefinition>(out);
  for (const n of nodes) {
    const id = String(n.data.id);
    out.push(n);
    arrived.add(id);
    for (const e of waiting.get(id) ?? []) {
      if (placed.has(e) || !there(String(e.data.source)) || !there(String(e.data.target))) continue;
      placed.add(e);
      out.push(e);
    }
    waiting.delete(id);
  }
  return out;
}

/**
 * The part of a slice that can be added: every node, and each tie whose two ends are on the
 * canvas or come in the same slice. The canvas may have been cleared while a big view arrived
 * (another time of record): a tie is never added without its ends. Ends in the slice itself
 * count: checking the canvas alone dropped every tie that arrived with one of its ends (all but
 * 195 of 7,156 ties of the 10k view), and the render after the arrival added those in one batch.
 */
export function withEnds(slice: readonly ElementDefinition[], onCanvas: (id: string) => boolean): ElementDefinition[] {
  const coming = new Set(slice.filter((d) => d.group === 'nodes').map((d) => String(d.data.id)));
  const there = (id: unknown) => coming.has(String(id)) || onCanvas(String(id));
  return slice.filter((d) => d.group !== 'edges' || (there(d.data.source) && there(d.data.target)));
}
