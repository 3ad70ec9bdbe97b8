// A mandate chain as an answer: the root and each hop, the far end of each hop layered
// above (chain up) or below (chain down).
import type { MandateChain } from '../../api/types.ts';
import type { FocusAnswer } from '../answer.ts';

export function chainAnswer(key: string, chain: MandateChain, show: () => void): FocusAnswer {
  const up = chain.direction === 'up';
  return {
    key,
    highlight: {
      kind: 'focus',
      nodes: new Set([chain.root.id, ...chain.hops.map((hop) => hop.node.id)]),
      // A treaty or law basis is a node, not a tie: it has no edge to light.
      edges: new Set(chain.hops.flatMap((hop) => (hop.relationship ? [hop.relationship.id] : []))),
      root: chain.root.id,
    },
    pairs: chain.hops.map((hop) => (up ? [hop.to, hop.from] : [hop.from, hop.to])),
    show,
  };
}
