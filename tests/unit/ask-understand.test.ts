// The question set (tests/fixtures/ask-questions.json) read against the seed's names, with no
// database: the understanding is pure and the pool comes from seed/data. Prints the share read
// right per kind and per language; docs/ask.md states the score and what is not understood.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDates } from '../../server/ask/dates.ts';
import { poolFromRecords } from '../../server/ask/pool.ts';
import { tokenize, understand, type Reading } from '../../server/ask/understand.ts';

const lines = (f: string) =>
  readFileSync(new URL(`../../seed/data/${f}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as never);
const pool = poolFromRecords(lines('nodes.jsonl'), lines('relationships.jsonl'));

interface Expected {
  kind: string;
  entities?: Record<string, string>;
  date?: unknown;
}
interface Question {
  q: string;
  lang: 'sv' | 'en';
  note?: string;
  expect: Expected;
}
const SET = JSON.parse(readFileSync(new URL('../fixtures/ask-questions.json', import.meta.url), 'utf8')) as {
  today: string;
  questions: Question[];
};

function readRight(r: Reading, e: Expected): boolean {
  if (e.kind === 'cannot') return r.kind === 'cannot';
  if (r.kind !== e.kind) return false;
  const got = Object.fromEntries(r.entities.map((x) => [x.role, x.id]));
  return (
    JSON.stringify(sorted(got)) === JSON.stringify(sorted(e.entities ?? {})) && JSON.stringify(r.date) === JSON.stringify(e.date ?? null)
  );
}
const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
const show = (r: Reading) =>
  r.kind === 'cannot'
    ? `cannot (${r.reason}: ${r.words.join(', ')})`
    : `${r.kind} ${r.entities.map((x) => `${x.role}=${x.id}`).join(' ')}${r.date ? ` ${JSON.stringify(r.date)}` : ''}`;

describe('the question set', () => {
  const results = SET.questions.map((item) => {
    const u = understand(item.q, pool, { today: SET.today });
    return { item, reading: u.reading, right: readRight(u.reading, item.expect) };
  });

  it('has at least 80 questions, half in each language, with cannot-answer ones among them', () => {
    expect(SET.questions.length).toBeGreaterThanOrEqual(80);
    const sv = SET.questions.filter((x) => x.lang === 'sv').length;
    expect(sv).toBe(SET.questions.length - sv);
    expect(SET.questions.filter((x) => x.expect.kind === 'cannot').length).toBeGreaterThanOrEqual(10);
  });

  it('reads at least 90% right, and says "cannot answer" for every question the data cannot answer', () => {
    const share = (rs: typeof results) =>
      `${rs.filter((r) => r.right).length}/${rs.length} (${Math.round((100 * rs.filter((r) => r.right).length) / rs.length)}%)`;
    const by = (key: (r: (typeof results)[number]) => string) => {
      const groups = new Map<string, typeof results>();
      for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
      return [...groups].map(([k, rs]) => `  ${k.padEnd(15)} ${share(rs)}`).join('\n');
    };
    const wrong = results.filter((r) => !r.right).map((r) => `  ✗ ${r.item.q}\n      read: ${show(r.reading)}`);
    console.log(
      [
        `Ask: questions read right ${share(results)}`,
        'per kind:',
        by((r) => r.item.expect.kind),
        'per language:',
        by((r) => r.item.lang),
        ...(wrong.length ? ['read wrong:', ...wrong] : []),
      ].join('\n'),
    );
    const cannot = results.filter((r) => r.item.expect.kind === 'cannot');
    expect(cannot.filter((r) => !r.right).map((r) => r.item.q)).toEqual([]);
    expect(results.filter((r) => r.right).length / results.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('dates in words', () => {
  const read = (s: string, today = '2026-12-06') => readDates(tokenize(s), today).date;
  it.each([
    ['2016', { kind: 'at', date: '2016' }],
    ['i dag', { kind: 'at', date: '2026-12-06' }],
    ['today', { kind: 'at', date: '2026-12-06' }],
    ['since 2020', { kind: 'since', date: '2020' }],
    ['sedan förra året', { kind: 'since', date: '2025' }],
    ['mellan 2015 och 2018', { kind: 'between', from: '2015', to: '2018' }],
    ['from 2018 to 2015', { kind: 'between', from: '2015', to: '2018' }],
    ['2015–2018', { kind: 'between', from: '2015', to: '2018' }],
    ['förra året', { kind: 'at', date: '2025' }],
    ['i fjol', { kind: 'at', date: '2025' }],
    ['in March 2019', { kind: 'at', date: '2019-03' }],
    ['den 2016-05-01', { kind: 'at', date: '2016-05-01' }],
    ['last month', { kind: 'at', date: '2026-11' }],
  ])('%s', (s, want) => {
    expect(read(s)).toEqual(want);
  });

  it('counts relative words from the day it is given', () => {
    expect(read('förra året', '2031-01-15')).toEqual({ kind: 'at', date: '2030' });
    expect(read('last month', '2027-01-03')).toEqual({ kind: 'at', date: '2026-12' });
  });

  it('reads "may" as a month only beside a year', () => {
    expect(read('May 2020')).toEqual({ kind: 'at', date: '2020-05' });
    expect(read('may I ask')).toBeNull();
  });
});

describe('readings', () => {
  const u = (q: string) => understand(q, pool, { today: '2026-12-06' });
  it('offers the other reading when a Swedish question can be read both ways', () => {
    // "Vilka utser regeringen?": whom the government appoints, or who appoints it.
    const r = u('Vilka utser regeringen?');
    expect([r.reading.kind, ...r.alternatives.map((a) => a.kind)].sort()).toEqual(['chain-down', 'chain-up']);
  });

  it('gives the words that named each thing, and its name', () => {
    const r = u('Vem företräder Sverige i WHO:s styrelse?').reading;
    expect(r.kind).toBe('representation');
    expect(r.entities.find((e) => e.role === 'principal')).toMatchObject({ id: 'sweden', words: 'Sverige', name: 'Sverige' });
    expect(r.entities.find((e) => e.role === 'forum')).toMatchObject({ id: 'who-executive-board', words: 'WHO:s styrelse' });
  });

  it('never answers about another thing when a name is not in the data', () => {
    const r = u('Who represents Sweden in the World Bank?').reading;
    expect(r).toMatchObject({ kind: 'cannot', reason: 'unknown-name', words: ['World', 'Bank'] });
  });
});
