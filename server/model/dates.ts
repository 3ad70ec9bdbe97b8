// Dates as the sources give them: a year, a month or a day. We keep that precision in the
// data ("2015", "2023-06", "2024-01-15") and compare through the first and last day it covers,
// so a tie valid "2015–2018" is valid on 2016-05-01 and an "as of 2023" question sees a tie
// that began in June 2023.
import { z } from 'zod';
// One definition of a partial date's days, shared with the web through as-of.ts (which imports nothing).
import { firstDay, lastDay } from './as-of.ts';

export { firstDay, lastDay };

/** The shape alone: a day of 31 in any month passes here, so a message can say which is wrong. */
const DATE_SHAPE = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;

// The calendar as one pattern, so that the OpenAPI document (which cannot carry a zod
// refinement) says exactly which days exist: 29 February only in leap years (every fourth,
// but of the centuries only every fourth). [0-9], not \d: a client's regex engine may read \d
// as any Unicode digit. tests/unit/dates.test.ts checks it against the calendar day by day.
const LEAP_YEAR = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
export const CALENDAR_DATE = new RegExp(`^(?:[0-9]{4}(?:-(?:0[1-9]|1[0-2]))?|[0-9]{4}-${MONTH_DAY}|${LEAP_YEAR}-02-29)$`);

export const PartialDate = z.string().regex(CALENDAR_DATE, {
  error: (issue) =>
    typeof issue.input === 'string' && DATE_SHAPE.test(issue.input)
      ? 'no such day in the calendar'
      : 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
});
export type PartialDate = z.infer<typeof PartialDate>;

export type DatePrecision = 'year' | 'month' | 'day';

export function precisionOf(d: PartialDate): DatePrecision {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

/** The span an "as of" question covers; a tie counts when its validity overlaps it. */
export function asOfSpan(d: PartialDate | undefined): { asOfStart: string | null; asOfEnd: string | null } {
  return d ? { asOfStart: firstDay(d), asOfEnd: lastDay(d) } : { asOfStart: null, asOfEnd: null };
}
