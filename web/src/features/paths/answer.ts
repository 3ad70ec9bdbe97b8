// A paths result as an answer: the chosen path highlighted, its nodes in order as text.
import type { PathsResult } from '../../api/types.ts';
import type { Focus } from '../../state/view-state.ts';
import { emptyHighlight, type FocusAnswer } from '../answer.ts';

export type PathsFocus = Extract<Focus, { kind: 'paths' }>;

export function pathsAnswer(key: string, result: PathsResult, f: PathsFocus, show: () => void): FocusAnswer {
  const path = result.paths[Math.min(f.index, result.paths.length - 1)];
  return {
    key,
    highlight: path
      ? { kind: 'path', nodes: new Set(path.nodes.map((n) => n.id)), edges: new Set(path.relationships.map((r) => r.id)), root: null }
      : emptyHighlight(),
    pairs: undefined,
    show,
  };
}
