// The partial-date pattern is the calendar: the OpenAPI document publishes it as the only rule
// for `asOf`, so a day it lets through must exist and a day that exists must get through.
import { describe, expect, it } from 'vitest';
import { CALENDAR_DATE, PartialDate } from '../../server/model/dates.ts';

/** The calendar's own answer (proleptic Gregorian, as ISO 8601 and JavaScript count). */
function exists(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Four centuries repeat the Gregorian calendar exactly; the first and last years of the
// four-digit range add the year-0 and year-9999 edges.
const years = [
  ...Array.from({ length: 401 }, (_, i) => 1800 + i),
  ...Array.from({ length: 9 }, (_, i) => i),
  ...Array.from({ length: 9 }, (_, i) => 9991 + i),
];

describe('CALENDAR_DATE', () => {
  it('accepts exactly the days the calendar has, for every month and day number 00–32', () => {
    const wrong: string[] = [];
    for (const year of years) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 0; day <= 32; day++) {
          const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (CALENDAR_DATE.test(iso) !== exists(iso)) wrong.push(iso);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('knows the leap-year rule for centuries', () => {
    expect(CALENDAR_DATE.test('2000-02-29')).toBe(true);
    expect(CALENDAR_DATE.test('1900-02-29')).toBe(false);
    expect(CALENDAR_DATE.test('2024-02-29')).toBe(true);
    expect(CALENDAR_DATE.test('2023-02-29')).toBe(false);
  });

  it('accepts a year or a month alone, and nothing else', () => {
    for (const ok of ['2016', '0000', '2016-01', '2016-12']) expect(CALENDAR_DATE.test(ok), ok).toBe(true);
    for (const bad of ['16', '2016-13', '2016-00', '2016-1', '2016-01-1', '2016/01/01', ' 2016', '2016 ', '٢٠١٦', '20160101'])
      expect(CALENDAR_DATE.test(bad), bad).toBe(false);
  });
});

describe('PartialDate', () => {
  it('says whether the shape or the day is wrong', () => {
    const message = (s: string) => PartialDate.safeParse(s).error?.issues[0]?.message;
    expect(message('2016-02-30')).toBe('no such day in the calendar');
    expect(message('2023-02-29')).toBe('no such day in the calendar');
    expect(message('last year')).toBe('expected a date as YYYY, YYYY-MM or YYYY-MM-DD');
    expect(message('2016-02-29')).toBeUndefined();
  });
});
