// A fact's certainty, with no DOM: shared by the table's rows and the panels' badges.
export type Certainty = 'stated' | 'hedged' | 'inferred';

export function certaintyOf(d: Record<string, unknown>): Certainty {
  const c = d.certainty;
  return c === 'hedged' || c === 'inferred' ? c : 'stated';
}
