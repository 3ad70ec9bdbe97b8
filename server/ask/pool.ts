// The names a question is read against. On the server they come from the full-text index (one
// query over the question's words, ask.ts); here, from records in memory: the seed's files for
// the unit tests, which need no Neo4j. Either way each candidate carries what the search's
// ranking needs (degree, and what it is part of, works at or answers to, three hops up).
import type { SearchCandidate } from '../graph/search.ts';

export interface PoolNode {
  id: string;
  label: string;
  name: string;
  nameEn?: string | null | undefined;
  aliases?: readonly string[] | null | undefined;
  description?: string | null | undefined;
}
export interface PoolTie {
  type: string;
  from: string;
  to: string;
}

const UP = new Set(['PART_OF', 'UNDER', 'WORKS_AT', 'DIRECTS', 'HOLDS_POST']);

export function poolFromRecords(nodes: readonly PoolNode[], ties: readonly PoolTie[]): SearchCandidate[] {
  const degree = new Map<string, number>();
  const up = new Map<string, string[]>();
  for (const t of ties) {
    degree.set(t.from, (degree.get(t.from) ?? 0) + 1);
    degree.set(t.to, (degree.get(t.to) ?? 0) + 1);
    if (UP.has(t.type)) up.set(t.from, [...(up.get(t.from) ?? []), t.to]);
  }
  const containers = (id: string): string[] => {
    const seen = new Set<string>();
    let level = [id];
    for (let hop = 0; hop < 3; hop++) {
      level = level.flatMap((x) => up.get(x) ?? []).filter((x) => !seen.has(x));
      for (const x of level) seen.add(x);
    }
    return [...seen];
  };
  return nodes.map((n) => ({
    node: {
      id: n.id,
      label: n.label as SearchCandidate['node']['label'],
      name: n.name,
      nameEn: n.nameEn ?? null,
      aliases: n.aliases ? [...n.aliases] : null,
      description: n.description ?? null,
    },
    score: 1,
    degree: degree.get(n.id) ?? 0,
    containers: containers(n.id),
  }));
}
