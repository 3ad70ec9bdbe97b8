// What two nodes share, as an answer: both above what they share in a layered layout.
import type { CommonResult } from '../../api/types.ts';
import type { FocusAnswer } from '../answer.ts';

export function commonAnswer(key: string, result: CommonResult, show: () => void): FocusAnswer {
  const nodes = new Set([result.a.id, result.b.id]);
  const edges = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const s of result.shared) {
    nodes.add(s.node.id);
    for (const e of [...s.fromA, ...s.fromB]) edges.add(e.id);
    pairs.push([result.a.id, s.node.id], [result.b.id, s.node.id]);
  }
  return { key, highlight: { kind: 'focus', nodes, edges, root: null }, pairs, show };
}
