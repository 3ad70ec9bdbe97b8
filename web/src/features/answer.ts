// What every question's answer gives the controller: what to highlight on the canvas, how to
// layer it, and how to show it in its panel. Each feature builds one from its API result.
import type { Highlight } from '../graph/apply.ts';
import type { Focus } from '../state/view-state.ts';

export interface FocusAnswer {
  key: string;
  highlight: Highlight;
  /** Upper → lower pairs for a layered layout, when the answer has an order. */
  pairs: Array<[string, string]> | undefined;
  show: () => void;
}

/** Answers are kept per question and date (and certainty): the path index is not part of it. */
export function focusKey(f: Focus, asOf: string | null, statedOnly = false): string {
  const { index: _index, ...rest } = f as Focus & { index?: number };
  return JSON.stringify([rest, asOf, statedOnly]);
}

export function emptyHighlight(): Highlight {
  return { kind: 'focus', nodes: new Set(), edges: new Set(), root: null };
}
