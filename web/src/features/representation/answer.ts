// A representation result as an answer: agents, principals and forums highlighted, each
// principal above its agent and each agent above its forum.
import type { RepresentationResult } from '../../api/types.ts';
import type { FocusAnswer } from '../answer.ts';

export function repAnswer(key: string, result: RepresentationResult, show: () => void): FocusAnswer {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const r of result.representations) {
    nodes.add(r.agent.id);
    edges.add(r.relationship.id);
    if (r.principal) {
      nodes.add(r.principal.id);
      pairs.push([r.principal.id, r.agent.id]);
    }
    if (r.forum) {
      nodes.add(r.forum.id);
      pairs.push([r.agent.id, r.forum.id]);
    }
  }
  // The agent's own tie to the forum belongs to the answer too.
  for (const e of result.elements.edges)
    if (nodes.has(e.data.source) && nodes.has(e.data.target) && e.data.type !== 'REPRESENTS') edges.add(e.data.id);
  return { key, highlight: { kind: 'focus', nodes, edges, root: null }, pairs, show };
}
