// A hub's neighbours by kind of tie: the pure part of the chooser. A neighbour tied to the hub
// in two ways is in both kinds; kinds with the most neighbours come first.
import type { Direction, RelationshipType } from '../../api/types.ts';

export interface HubKind {
  type: RelationshipType;
  /** 'out': the hub's own ties ("cooperates with"); 'in': ties that end at it ("← mandates"). */
  direction: Direction;
  ids: string[];
}

/** Above this many new neighbours, expanding a node asks which kinds of tie to bring in. */
export const HUB_THRESHOLD = 20;

export function hubKinds(
  hub: string,
  fresh: readonly string[],
  edges: ReadonlyArray<{ source: string; target: string; type: RelationshipType }>,
): HubKind[] {
  const wanted = new Set(fresh);
  const kinds = new Map<string, HubKind>();
  for (const e of edges) {
    const out = e.source === hub;
    const other = out ? e.target : e.target === hub ? e.source : null;
    if (!other || other === hub || !wanted.has(other)) continue;
    const direction: Direction = out ? 'out' : 'in';
    const key = `${e.type}\u0000${direction}`;
    let kind = kinds.get(key);
    if (!kind) kinds.set(key, (kind = { type: e.type, direction, ids: [] }));
    if (!kind.ids.includes(other)) kind.ids.push(other);
  }
  return [...kinds.values()].sort(
    (a, b) => b.ids.length - a.ids.length || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction),
  );
}
