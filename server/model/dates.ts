// Dates as the sources give them: a year, a month or a day. We keep that precision in the
// data ("2015", "2023-06", "2024-01-15") and compare through the first and last day it covers,
// so a tie valid "2015–2018" is valid on 2016-05-01 and an "as of 2023" question sees a tie
// that began in June 2023.
import { z } from 'zod';

export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => s.length < 10 || isRealDay(s), 'no such day in the calendar');
export type PartialDate = z.infer<typeof PartialDate>;

export type DatePrecision = 'year' | 'month' | 'day';

function isRealDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export function precisionOf(d: PartialDate): DatePrecision {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

/** First day covered by a partial date, as YYYY-MM-DD. */
export function firstDay(d: PartialDate): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** Last day covered by a partial date, as YYYY-MM-DD. */
export function lastDay(d: PartialDate): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${d}-${String(last).padStart(2, '0')}`;
  }
  return d;
}

/** The span an "as of" question covers; a tie counts when its validity overlaps it. */
export function asOfSpan(d: PartialDate | undefined): { asOfStart: string | null; asOfEnd: string | null } {
  return d ? { asOfStart: firstDay(d), asOfEnd: lastDay(d) } : { asOfStart: null, asOfEnd: null };
}
