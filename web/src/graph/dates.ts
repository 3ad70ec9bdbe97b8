// Partial dates ("2015", "2023-06", "2024-01-15") compared the way the server compares them:
// through the first and last day each covers, so "as of 2016" keeps a tie valid 2015–2018
// and "as of 2023" keeps one that began in June 2023.
import { formatDate, t } from '../i18n/index.ts';
// The server's definition (a pure file with no imports), so the table counts as the answers do.
import { firstDay, lastDay } from '../../../server/model/as-of.ts';

export { firstDay, lastDay };

/** Whether something valid from–to (either open) overlaps the span `asOf` covers. */
export function validAt(validFrom: string | undefined | null, validTo: string | undefined | null, asOf: string | null): boolean {
  if (!asOf) return true;
  if (validFrom && firstDay(validFrom) > lastDay(asOf)) return false;
  if (validTo && lastDay(validTo) < firstDay(asOf)) return false;
  return true;
}

/**
 * "2015–2018", "since May 2019", "until 2005", or '' when undated, in the reader's language.
 * A fact recorded as planned is never shown as held: "planned from 2027" (issue 21).
 */
export function formatSpan(validFrom: string | undefined | null, validTo: string | undefined | null, planned?: unknown): string {
  if (planned === true) return plannedSpan(validFrom, validTo);
  if (validFrom && validTo) return validFrom === validTo ? formatDate(validFrom) : `${formatDate(validFrom)}–${formatDate(validTo)}`;
  if (validFrom) return t.dates.since(formatDate(validFrom));
  if (validTo) return t.dates.until(formatDate(validTo));
  return '';
}

/** Sort key for ordering by start date; undated things go last. */
export function startKey(validFrom: string | undefined | null): string {
  return validFrom ? firstDay(validFrom) : '9999';
}

function plannedSpan(validFrom: string | undefined | null, validTo: string | undefined | null): string {
  if (validFrom && validTo) return t.review.plannedSpan(formatDate(validFrom), formatDate(validTo));
  if (validFrom) return t.review.plannedFrom(formatDate(validFrom));
  return validTo ? t.review.plannedUntil(formatDate(validTo)) : t.review.planned;
}
