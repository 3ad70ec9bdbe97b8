// The three groups of an answer as of a date, the same in every answer (representation,
// chain, route, compare): "held" — its own dates place the fact at that date; "undated" — its
// dates are not given (even when a document of that time attests it): never counted as held;
// "not-valid" — its dates place it elsewhere.
import { firstDay, lastDay } from './dates.ts';

export const AS_OF_GROUPS = ['held', 'undated', 'not-valid'] as const;
export type AsOfGroup = (typeof AS_OF_GROUPS)[number];

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
export function asOfGroupAt(tie: { validFrom?: unknown; validTo?: unknown }, date: string): AsOfGroup {
  const from = partial(tie.validFrom);
  const to = partial(tie.validTo);
  if (!from && !to) return 'undated';
  const holds = (!from || firstDay(from) <= lastDay(date)) && (!to || lastDay(to) >= firstDay(date));
  return holds ? 'held' : 'not-valid';
}

export function countGroups(date: string, groups: readonly AsOfGroup[]): AsOfCounts {
  const count = (g: AsOfGroup) => groups.filter((x) => x === g).length;
  return { date, held: count('held'), undated: count('undated'), notValid: count('not-valid') };
}
