// A fact's certainty, with no DOM: shared by the table's rows and the panels' badges.
export type Certainty = 'stated' | 'hedged' | 'inferred';

/** Data loaded before the trust model says `status` ('stated' | 'inferred') instead. */
export function certaintyOf(d: Record<string, unknown>): Certainty {
  const c = d.certainty ?? d.status;
  return c === 'hedged' || c === 'inferred' ? c : 'stated';
}
