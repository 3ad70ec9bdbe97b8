// Dates and periods in words, in Swedish and English: "2016", "i dag", "since 2020", "mellan
// 2015 och 2018", "förra året", "in March 2019". Relative words count from `today`, which the
// caller passes (tests fix it), so a reading never depends on the clock by surprise.

/** One word of the question: as typed, lower case with diacritics, and folded. */
export interface Token {
  raw: string;
  lower: string;
  folded: string;
}

export type DateReading = { kind: 'at'; date: string } | { kind: 'since'; date: string } | { kind: 'between'; from: string; to: string };

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augusti: 8,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const SINCE = new Set(['since', 'sedan', 'sen', 'efter', 'after']);
const FROM = new Set(['from', 'fran', 'mellan', 'between']);
const TO = new Set(['to', 'till', 'and', 'och', 'until', 'tom', 'through']);
const AT = new Set(['in', 'i', 'ar', 'during', 'under', 'per', 'at', 'as', 'of', 'vid', 'pa']);
const YEAR = /^(1[89]\d\d|20\d\d)$/;
const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date words of a question, and which tokens they took (so they are not read as names).
 * "may" is a month only next to a year: "may" alone is a verb.
 */
export function readDates(tokens: readonly Token[], today: string): { date: DateReading | null; used: Set<number> } {
  const used = new Set<number>();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const f = (i: number) => tokens[i]?.folded ?? '';
  /** A date at token i: YYYY, YYYY-MM(-DD), "March 2019", "2019 mars", or relative words. Returns [date, tokens taken]. */
  const dateAt = (i: number): [string, number[]] | null => {
    const w = f(i);
    const iso = ISO.exec(w);
    if (iso) return [w, [i]];
    if (MONTHS[w] && YEAR.test(f(i + 1))) return [`${f(i + 1)}-${pad(MONTHS[w])}`, [i, i + 1]];
    if (YEAR.test(w)) {
      if (MONTHS[f(i + 1)] && !SINCE.has(f(i + 2))) return [`${w}-${pad(MONTHS[f(i + 1)]!)}`, [i, i + 1]];
      return [w, [i]];
    }
    const two = `${w} ${f(i + 1)}`;
    if (['forra aret', 'last year', 'i fjol'].includes(two)) return [String(year - 1), [i, i + 1]];
    if (w === 'ifjol') return [String(year - 1), [i]];
    if (['i ar', 'this year', 'detta ar'].includes(two)) return [String(year), [i, i + 1]];
    if (['forra manaden', 'last month'].includes(two)) {
      const m = month === 1 ? 12 : month - 1;
      return [`${month === 1 ? year - 1 : year}-${pad(m)}`, [i, i + 1]];
    }
    if (['i dag', 'just nu', 'right now'].includes(two)) return [today, [i, i + 1]];
    if (['idag', 'today', 'now', 'currently', 'nuvarande', 'presently'].includes(w)) return [today, [i]];
    if (two === 'for narvarande' || two === 'at present') return [today, [i, i + 1]];
    return null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const d = dateAt(i);
    if (!d) continue;
    const [date, took] = d;
    const before = f(i - 1);
    const next = took[took.length - 1]! + 1;
    // A period: "mellan 2015 och 2018", "from 2015 to 2018", "2015–2018".
    const second = TO.has(f(next)) ? dateAt(next + 1) : YEAR.test(f(next)) ? dateAt(next) : null;
    if (second && (FROM.has(before) || TO.has(f(next)) || /^\d{4}$/.test(date))) {
      const secondTook = second[1];
      if (TO.has(f(next)) || YEAR.test(f(next))) {
        for (const t of [...took, ...secondTook]) used.add(t);
        if (TO.has(f(next))) used.add(next);
        if (FROM.has(before)) used.add(i - 1);
        const [a, b] = date <= second[0] ? [date, second[0]] : [second[0], date];
        return { date: { kind: 'between', from: a, to: b }, used };
      }
    }
    for (const t of took) used.add(t);
    if (SINCE.has(before) || (before === 'fran' && !second)) {
      used.add(i - 1);
      return { date: { kind: 'since', date }, used };
    }
    if (AT.has(before)) {
      // "as of 2016": both words; "i 2016", "in 2016": the preposition.
      used.add(i - 1);
      if (before === 'of' && f(i - 2) === 'as') used.add(i - 2);
    }
    return { date: { kind: 'at', date }, used };
  }
  return { date: null, used };
}
