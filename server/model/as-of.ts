// The three groups of an as-of answer (issue 20), one rule for the server's answers and the
// web's table and details panel, so their counts agree: "held then" (the fact's dates place it
// at that date), "dates not given" (only first attested somewhere: never counted as held) and
// "not valid then" (its dates place it elsewhere). Dates are partial ("2015", "2023-06") and
// compare through the first and last day each covers. No imports: the web bundles this file.

export const AS_OF_GROUPS = ['held', 'undated', 'not-valid'] as const;
export type AsOfGroup = (typeof AS_OF_GROUPS)[number];

export interface Dated {
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  attested?: string | null | undefined;
}

/** First day covered by a partial date, as YYYY-MM-DD. */
export function firstDay(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** Last day covered by a partial date, as YYYY-MM-DD. */
export function lastDay(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return `${d}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return d;
}

/** Which group a fact falls in as of `asOf`; null when no date is asked. */
export function asOfGroup(d: Dated, asOf: string | null | undefined): AsOfGroup | null {
  if (!asOf) return null;
  const start = firstDay(asOf);
  const end = lastDay(asOf);
  if ((d.validFrom && firstDay(d.validFrom) > end) || (d.validTo && lastDay(d.validTo) < start)) return 'not-valid';
  if (d.validFrom) return 'held';
  // Only an end date: held when the sources saw it before that end, within the span asked.
  if (d.validTo && d.attested && firstDay(d.attested) <= end) return 'held';
  return 'undated';
}

/** Items by their group, in the groups' order, each keeping the items' order (no group counts as held). */
export function byAsOfGroup<T>(items: readonly T[], groupOf: (x: T) => AsOfGroup | null): Record<AsOfGroup, T[]> {
  const out: Record<AsOfGroup, T[]> = { held: [], undated: [], 'not-valid': [] };
  for (const x of items) out[groupOf(x) ?? 'held'].push(x);
  return out;
}

/** The counted groups, as every as-of answer gives them. */
export interface AsOfCounts {
  date: string;
  held: number;
  undated: number;
  notValid: number;
}

/** The group of a fact an as-of query returned (its timeStatus), or of one it left out (`inSpan` false). */
export function asOfGroupOf(timeStatus: string | undefined, inSpan = true): AsOfGroup {
  if (!inSpan) return 'not-valid';
  return timeStatus === 'valid' ? 'held' : 'undated';
}

const partial = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The group of a tie by its own dates (partial dates as the sources give them), at a partial date. */
export function asOfGroupAt(tie: { validFrom?: unknown; validTo?: unknown; attested?: unknown }, date: string): AsOfGroup {
  // The one rule (asOfGroup), so Compare and the chain count as the table and the answers do.
  return asOfGroup({ validFrom: partial(tie.validFrom), validTo: partial(tie.validTo), attested: partial(tie.attested) }, date) ?? 'held';
}

export function countGroups(date: string, groups: readonly AsOfGroup[]): AsOfCounts {
  const count = (g: AsOfGroup) => groups.filter((x) => x === g).length;
  return { date, held: count('held'), undated: count('undated'), notValid: count('not-valid') };
}
