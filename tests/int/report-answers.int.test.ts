// The headline questions of the seed data, read as a reviewer would before pasting the answer
// into a report, in English and Swedish: complete (a question about WHO reaches its Executive
// Board; a question about Socialstyrelsen reaches the people who act for it), strongest fact
// first and one per sentence, citations that name the document, no machine words, one
// language, and as of a date the three counted groups with an opening that speaks only of the
// facts held then.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { hedgeWords } from '../../server/graph/summary.ts';
import { testApp, undoTestWrites } from '../helpers/api.ts';
import { machineWords, otherLanguageWords } from '../helpers/report-text.ts';

const TOKEN = 'test-write-token-report-answers-0123456789';
const { app, db } = testApp({ WRITE_TOKEN: TOKEN });
afterAll(() => db.close());

const LANGS = ['en', 'sv'] as const;
type Lang = (typeof LANGS)[number];

const lines = (file: string) =>
  readFileSync(join(REPO_ROOT, 'seed/data', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string });
/** Every id in the seed, so a text that names one by id is caught. */
const IDS = [...lines('nodes.jsonl'), ...lines('relationships.jsonl')].map((r) => r.id);
type SeedTie = { id: string; type: string; from: string; to: string; forum?: string };
const TIES = lines('relationships.jsonl') as SeedTie[];

/** The data's own answer: the ties representing Sweden in `forum`, one of its parts, or a group that includes either. */
function seedRepresentations(forum: string): string[] {
  const within = new Set([forum]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of TIES) if (t.type === 'PART_OF' && within.has(t.to) && !within.has(t.from)) grew = within.add(t.from).size > 0;
  }
  const groups = new Set(TIES.filter((t) => t.type === 'INCLUDES' && within.has(t.to)).map((t) => t.from));
  return TIES.filter((t) => t.type === 'REPRESENTS' && t.to === 'sweden')
    .filter((t) => within.has(String(t.forum)) || groups.has(String(t.forum)))
    .map((t) => t.id);
}

interface Summary {
  text: string;
  citations: string[];
  documents: Array<{ file: string; name: string }>;
}
interface Row {
  relationship: { id: string; factId?: string };
  agent: { id: string };
  forum: { id: string } | null;
  actsFor: { id: string } | null;
  partOf: { id: string } | null;
  certainty: string | null;
  hedge: string | null;
  validFrom: string | null;
  validTo: string | null;
  asOfGroup: 'held' | 'undated' | 'not-valid' | null;
  basisText: string;
  summary: Summary;
}
interface RepAnswer {
  representations: Row[];
  notValidThen: Row[];
  asOf: { date: string; held: number; undated: number; notValid: number } | null;
  summary: Summary;
}

const get = async <T>(path: string, query: Record<string, string>): Promise<T> => {
  const res = await request(app).get(path).query(query);
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body as T;
};

/** Sentences of an answer: each ends with a full stop; "l. 18" inside a citation does not end one. */
const sentencesOf = (text: string) =>
  text
    .replace(/\[[^\]]*\]/g, (c) => c.replaceAll('. ', '.\u0000'))
    .split(/(?<=\.)\s+/)
    .map((s) => s.replaceAll('\u0000', ' '))
    .filter(Boolean);

/** What a reviewer checks in any text: no machine words, no word of the other language, readable citations. */
function readsWell(text: string, lang: Lang, where: string): void {
  expect(machineWords(text, IDS), `${where}: ${text}`).toEqual([]);
  expect(otherLanguageWords(text, lang), `${where}: ${text}`).toEqual([]);
  // A possessive after a name's parenthesis ("(Sweden)'s") does not read; "from …" or "of …" does.
  expect(text, where).not.toMatch(/\)['’]s\b/);
}

function citesDocuments(summary: Summary, lang: Lang): void {
  expect(summary.documents.length).toBeGreaterThan(0);
  for (const d of summary.documents) {
    expect(d.name).toMatch(/^\S.*\(\d{4}\)$/);
    expect(summary.text).toContain(`${d.name}, ${lang === 'en' ? 'l' : 'rad'}`);
  }
  // The whole references stay, for opening the lines.
  for (const c of summary.citations) expect(c).toMatch(/\.txt#L\d+/);
}

/** 0 stated and dated, 1 stated, 2 hedged, 3 inferred: read from the sentence and the rows' hedges. */
function strengthOf(sentence: string, hedges: string[], lang: Lang): number {
  // A hedge in two parts ("by custom … usually") opens its sentence with its first part.
  hedges = hedges.map((h) => h.split(/\s*…\s*/)[0]!);
  if (lang === 'en' ? sentence.includes('inferred, not stated') : sentence.includes('slutsats, inte uttryckligen')) return 3;
  if (hedges.some((h) => sentence.startsWith(h))) return 2;
  return /\d{4}–\d{4}|(from|från) \d{4}/.test(sentence) ? 0 : 1;
}

function strongestFirst(text: string, rows: Array<{ certainty: string | null; hedge: string | null }>, lang: Lang): void {
  const hedges = rows.filter((r) => r.certainty === 'hedged' && r.hedge).map((r) => hedgeWords(r.hedge!, lang));
  const hedgeStarts = hedges.map((h) => h.charAt(0).toUpperCase() + h.slice(1));
  const facts = sentencesOf(text).filter((s) => s.endsWith('].'));
  const strengths = facts.map((s) => strengthOf(s, hedgeStarts, lang));
  expect(strengths, text).toEqual([...strengths].sort((a, b) => a - b));
}

describe.each(LANGS)('who represents Sweden (%s)', (lang) => {
  const ask = (forum: string) => get<RepAnswer>('/api/representation', { principal: 'sweden', forum, lang });

  it('in WHO: opens with Olivia Wigzell on the Executive Board, 2015–2018, says it is part of WHO, then the rest by strength', async () => {
    const answer = await ask('who');
    const seat = answer.representations.find((r) => r.forum?.id === 'who-executive-board');
    expect(seat).toMatchObject({ agent: { id: 'olivia-wigzell' }, partOf: { id: 'who' }, certainty: 'stated' });
    const [first, ...rest] = sentencesOf(answer.summary.text);
    expect(first).toMatch(/^Olivia Wigzell /);
    expect(first).toContain('2015–2018');
    expect(first).toContain(lang === 'en' ? '(part of the World Health Organization)' : '(en del av Världshälsoorganisationen)');
    expect(first).toContain(
      lang === 'en'
        ? '[Socialstyrelsen, Vårt internationella arbete (2021), l. 18]'
        : '[Socialstyrelsen, Vårt internationella arbete (2021), rad 18]',
    );
    expect(rest.length).toBeGreaterThan(0);
    strongestFirst(answer.summary.text, answer.representations, lang);
    // "Sweden, speaking through its government" once per answer.
    expect(answer.summary.text.match(lang === 'en' ? /speaking through its government/g : /genom sin regering/g)).toHaveLength(1);
    // The group reads as a phrase with its size, the forum asked about named among its members.
    expect(answer.summary.text).toContain(
      lang === 'en'
        ? 'in some of the eight organisations Socialstyrelsen mainly works through, among them the World Health Organization'
        : 'i några av de åtta organisationer som Socialstyrelsen främst arbetar genom, bland dem Världshälsoorganisationen',
    );
    // The custom is said as the source hedges it (by custom, usually), whole, with no ellipsis,
    // and the post with its article: a sentence a reader can paste (001 L20).
    expect(rest).toContainEqual(
      expect.stringMatching(
        lang === 'en'
          ? /^By custom, the Director-General of Socialstyrelsen usually leads Sweden's delegation to the World Health Organization /
          : /^Enligt praxis leder Socialstyrelsens generaldirektör vanligen Sveriges delegation till Världshälsoorganisationen /,
      ),
    );
    expect(answer.summary.text).not.toContain('…');
    readsWell(answer.summary.text, lang, 'summary');
    citesDocuments(answer.summary, lang);
    for (const r of answer.representations) {
      readsWell(r.summary.text, lang, 'row');
      readsWell(r.basisText, lang, 'basis');
    }
  });

  it.each(['european-union', 'nordic-council-of-ministers'])(
    'in %s: every fact the data holds, the collective statement with its scope, in words',
    async (forum) => {
      const answer = await ask(forum);
      expect(answer.representations.length).toBeGreaterThan(0);
      // Complete against the data's own facts: the forum, its organs, and the groups that include them.
      expect(answer.representations.map((r) => r.relationship.factId ?? r.relationship.id).sort()).toEqual(
        seedRepresentations(forum).sort(),
      );
      // Each fact is a sentence of its own, or counted among the rest.
      const said = sentencesOf(answer.summary.text).filter((s) => s.endsWith('].')).length;
      const more = Number(/(\d+) (more facts|fakta till)/.exec(answer.summary.text)?.[1] ?? 0);
      expect(said + more).toBe(answer.representations.length);
      expect(answer.summary.text).toMatch(lang === 'en' ? /^In some cases, / : /^I vissa fall /);
      expect(answer.summary.text).toMatch(
        lang === 'en' ? /the eight organisations .*, among them / : /de åtta organisationer .*, bland dem /,
      );
      expect(answer.summary.text).not.toMatch(/uppdragen inom citattecken|bara på engelska/);
      strongestFirst(answer.summary.text, answer.representations, lang);
      readsWell(answer.summary.text, lang, 'summary');
      citesDocuments(answer.summary, lang);
    },
  );
});

describe.each(LANGS)('Socialstyrelsen as of a date (%s)', (lang) => {
  const ask = (asOf: string) => get<RepAnswer>('/api/representation', { agent: 'socialstyrelsen', asOf, lang });

  it('covers the people who act for it, marked as such', async () => {
    const answer = await get<RepAnswer>('/api/representation', { agent: 'socialstyrelsen', lang });
    const wigzell = answer.representations.find((r) => r.agent.id === 'olivia-wigzell');
    expect(wigzell?.actsFor).toMatchObject({ id: 'socialstyrelsen' });
    expect(wigzell?.summary.text).toMatch(lang === 'en' ? /^Olivia Wigzell \(acting for / : /^Olivia Wigzell \(för Socialstyrelsen\)/);
    expect(answer.representations.find((r) => r.agent.id === 'socialstyrelsen')?.actsFor).toBeNull();
    readsWell(answer.summary.text, lang, 'summary');
  });

  it('2016: three counted groups; the opening speaks only of what held then (Wigzell), never of undated facts first attested later', async () => {
    const answer = await ask('2016');
    const held = answer.representations.filter((r) => r.asOfGroup === 'held');
    const undated = answer.representations.filter((r) => r.asOfGroup === 'undated');
    expect(answer.asOf).toEqual({ date: '2016', held: held.length, undated: undated.length, notValid: answer.notValidThen.length });
    expect(held.map((r) => r.agent.id)).toContain('olivia-wigzell');
    // Facts with no dates of their own are never counted as held, whenever they were first attested.
    for (const r of undated) expect(r.validFrom ?? r.validTo).toBeFalsy();
    expect(undated.some((r) => r.forum?.id === 'nato')).toBe(true);
    const [opening, second] = sentencesOf(answer.summary.text);
    expect(opening).toBe(
      lang === 'en'
        ? `${held.length === 1 ? 'One fact' : `${held.length} facts`} held in 2016 by the dates the sources give.`
        : `${held.length === 1 ? 'Ett faktum' : `${held.length} fakta`} gällde 2016 enligt källornas datum.`,
    );
    expect(second).toMatch(/^Olivia Wigzell/);
    // NATO is first attested in 2024: not in the opening, only counted among the undated.
    expect(answer.summary.text).not.toMatch(/NATO|Nato/);
    expect(answer.summary.text).toContain(
      lang === 'en'
        ? `${undated.length} facts have no dates given and are not counted as held then.`
        : `${undated.length} fakta saknar angivna datum och räknas inte som gällande då.`,
    );
    readsWell(answer.summary.text, lang, 'summary');
  });

  it('2024: the Executive Board seat did not hold then; with nothing dated to 2024 the opening says so', async () => {
    const answer = await ask('2024');
    expect(answer.notValidThen.map((r) => r.agent.id)).toContain('olivia-wigzell');
    expect(answer.representations.map((r) => r.agent.id)).not.toContain('olivia-wigzell');
    const held = answer.representations.filter((r) => r.asOfGroup === 'held');
    expect(answer.asOf).toMatchObject({ held: held.length, notValid: answer.notValidThen.length });
    const [opening] = sentencesOf(answer.summary.text);
    if (!held.length) expect(opening).toBe(lang === 'en' ? 'No fact here is dated to 2024.' : 'Inget faktum här är daterat till 2024.');
    expect(answer.summary.text).toMatch(lang === 'en' ? /did not hold in 2024\.$/ : /gällde inte 2024\.$/);
    readsWell(answer.summary.text, lang, 'summary');
  });
});

const CHIEF_OFFICERS = [
  'post-sweden-chief-medical-officer',
  'post-sweden-chief-dental-officer',
  'post-sweden-chief-nurse-officer',
  'post-sweden-chief-midwifery-officer',
];

interface Hop {
  level: number;
  role: string;
  candidate: boolean;
  relationship: { id: string; type: string } | null;
  node: { id: string };
  certainty: string | null;
  hedge: string | null;
  basis: { kind: string } | null;
  basisText?: string | null;
  timeStatus?: string;
  validFrom: string | null;
  validTo: string | null;
}
interface Chain {
  hops: Hop[];
  summary: Summary;
  asOf: { date: string; held: number; undated: number; notValid: number } | null;
}
const steps = (hops: Hop[]) => hops.filter((h) => !h.candidate && h.relationship);
/** The sentences that say a fact: they end with their citation. */
const factSentences = (text: string) => sentencesOf(text).filter((s) => s.endsWith('].'));

describe.each(LANGS)('the chain above each chief officer post (%s)', (lang) => {
  it.each(CHIEF_OFFICERS)('%s: every step in the chain’s order, each with its certainty, hedge and basis, readable', async (post) => {
    const answer = await get<Chain>(`/api/nodes/${post}/mandate-chain`, { lang });
    const real = steps(answer.hops);
    expect(real.length).toBeGreaterThan(0);
    expect(answer.asOf).toBeNull();
    const [opening, certainties] = sentencesOf(answer.summary.text);
    expect(opening).toMatch(
      lang === 'en'
        ? new RegExp(`^${real.length} facts make the chain of authority above `)
        : new RegExp(`^${real.length} fakta bildar mandatkedjan ovanför `),
    );
    // How sure the chain is, counted from its own steps.
    const inferred = real.filter((h) => h.certainty === 'inferred').length;
    if (inferred) expect(certainties).toContain(lang === 'en' ? `are our inferences` : `är våra slutsatser`);
    expect(certainties).toMatch(lang === 'en' ? /^Of these, / : /^(\p{Lu}\p{Ll}+|\d+) står uttryckligen i källorna/u);
    // Complete: one sentence per step, none hidden behind a count.
    const said = factSentences(answer.summary.text);
    expect(said).toHaveLength(real.length);
    // In the chain's order: the act first (it says its basis), then level by level.
    expect(said[0]).toMatch(
      lang === 'en' ? /^The Swedish National Board of Health and Welfare (appoints|set up) / : /^Socialstyrelsen (utser|inrättade) /,
    );
    // The assignment from the giver, never a possessive after a name's parenthesis ("(Sweden)'s").
    expect(said[0]).toMatch(lang === 'en' ? /on the assignment “[^”]+” from |on an assignment from / : /på uppdrag av /);
    expect(answer.summary.text).not.toMatch(/\)['’]s\b/);
    // The Government Offices are many: "answer to", never "answers to" (their head noun is plural).
    if (lang === 'en') {
      expect(answer.summary.text).toContain('The Government Offices of Sweden answer to the Government of Sweden');
      expect(answer.summary.text).not.toMatch(/Offices of Sweden (answers|is|has)\b/);
    } else {
      // Swedish writes "regeringen" in small letters inside a sentence.
      expect(answer.summary.text).toContain('Regeringskansliet lyder under regeringen');
      expect(answer.summary.text).not.toMatch(/[^.\s] Regeringen\b/);
    }
    // Hedges kept in the reader's words, inferences marked as such.
    for (const h of real.filter((x) => x.certainty === 'hedged' && x.hedge)) {
      const words = hedgeWords(h.hedge!, lang);
      expect(
        said.some((s) => s.startsWith(words.charAt(0).toUpperCase() + words.slice(1))),
        words,
      ).toBe(true);
    }
    // 001 L54: the Director-General has traditionally held the CMO role; a head of department
    // holds it now. The hedge keeps the source's tense: "has been", never "is".
    if (post === 'post-sweden-chief-medical-officer') {
      expect(said).toContainEqual(
        expect.stringMatching(
          lang === 'en'
            ? /^Traditionally, the Director-General of Socialstyrelsen has been the Chief Medical Officer of Sweden /
            : /^Traditionellt har Socialstyrelsens generaldirektör varit Sveriges chefsläkare /,
        ),
      );
      expect(answer.summary.text).not.toMatch(/Traditionally, the Director-General of Socialstyrelsen is|Traditionellt är/);
      expect(said).toContainEqual(
        expect.stringMatching(
          lang === 'en' ? /^Thomas Lindén is the Chief Medical Officer of Sweden / : /^Thomas Lindén är Sveriges chefsläkare /,
        ),
      );
    }
    const marker = lang === 'en' ? 'inferred, not stated' : 'slutsats, inte uttryckligen';
    expect(answer.summary.text.split(marker).length - 1).toBe(inferred);
    // The act's basis in words on its hop too, for the list of steps.
    const act = real.find((h) => h.role === 'act')!;
    expect(act.basisText).toMatch(lang === 'en' ? /^on / : /^på uppdrag av /);
    readsWell(act.basisText!, lang, 'basis');
    readsWell(answer.summary.text, lang, 'summary');
    citesDocuments(answer.summary, lang);
  });

  it.each(['2016', '2024'])('as of %s: three counted groups, the opening only of what held then', async (date) => {
    const post = 'post-sweden-chief-midwifery-officer';
    const [answer, all] = await Promise.all([
      get<Chain>(`/api/nodes/${post}/mandate-chain`, { lang, asOf: date }),
      get<Chain>(`/api/nodes/${post}/mandate-chain`, { lang }),
    ]);
    const real = steps(answer.hops);
    const held = real.filter((h) => h.timeStatus === 'valid');
    // The chain without a date holds the ties the date leaves out: those dated elsewhere are "not valid then".
    const kept = new Set(real.map((h) => h.relationship!.id));
    const elsewhere = steps(all.hops).filter((h) => !kept.has(h.relationship!.id) && (h.validFrom || h.validTo));
    expect(answer.asOf).toEqual({ date, held: held.length, undated: real.length - held.length, notValid: elsewhere.length });
    // Undated steps are never held: held ones carry dates of their own.
    for (const h of held) expect(h.validFrom ?? h.validTo).toBeTruthy();
    const [opening] = sentencesOf(answer.summary.text);
    expect(opening).toBe(
      held.length
        ? lang === 'en'
          ? `${held.length === 1 ? 'One fact' : `${held.length} facts`} held in ${date} by the dates the sources give.`
          : `${held.length === 1 ? 'Ett faktum' : `${held.length} fakta`} gällde ${date} enligt källornas datum.`
        : lang === 'en'
          ? `No fact here is dated to ${date}.`
          : `Inget faktum här är daterat till ${date}.`,
    );
    expect(factSentences(answer.summary.text)).toHaveLength(held.length);
    readsWell(answer.summary.text, lang, 'summary');
  });
});

describe.each(LANGS)('what two share (%s)', (lang) => {
  it('counts the shared neighbours, then each side’s tie in a sentence of its own, the rest counted', async () => {
    const answer = await get<{
      a: { id: string };
      b: { id: string };
      shared: Array<{ node: { id: string }; fromA: unknown[]; fromB: unknown[] }>;
      summary: Summary;
    }>('/api/nodes/socialstyrelsen/common', { with: 'finland-ministry-social-affairs-health', lang });
    const n = answer.shared.length;
    expect(n).toBeGreaterThan(3);
    const [opening] = sentencesOf(answer.summary.text);
    expect(opening).toBe(
      lang === 'en'
        ? `The Swedish National Board of Health and Welfare and the Finnish Ministry of Social Affairs and Health share ${n} neighbours.`
        : `Socialstyrelsen och Social- och hälsovårdsministeriet har ${n} grannar gemensamt.`,
    );
    const said = factSentences(answer.summary.text);
    // Three neighbours said, one tie per side each; the others counted.
    expect(said).toHaveLength(6);
    expect(
      said.filter((_, i) => i % 2 === 0).every((s) => s.startsWith(lang === 'en' ? 'The Swedish National Board' : 'Socialstyrelsen')),
    ).toBe(true);
    expect(answer.summary.text).toMatch(
      lang === 'en'
        ? new RegExp(`${n - 3} more shared neighbours are listed below\\.$`)
        : new RegExp(`${n - 3} gemensamma grannar till listas nedan\\.$`),
    );
    readsWell(answer.summary.text, lang, 'summary');
    citesDocuments(answer.summary, lang);
  });
});

describe.each(LANGS)('the Ukraine request route (%s)', (lang) => {
  it('names the process, then one sentence per step in the order the request travels', async () => {
    const answer = await get<{ paths: Array<{ named: unknown; nodes: Array<{ id: string }> }>; summary: Summary }>('/api/paths', {
      from: 'ukraine',
      to: 'swedish-regions',
      lang,
    });
    expect(answer.paths[0]!.named).toBeTruthy();
    const sentences = sentencesOf(answer.summary.text);
    expect(sentences[1]).toBe(
      lang === 'en'
        ? 'The first is the named process “requests for medical supplies”, in 4 steps.'
        : // Named by its Swedish form, never by quoting the English one.
          'Den första är den namngivna processen ”begäran om sjukvårdsmateriel”, i 4 steg.',
    );
    const steps = sentences.filter((s) => s.endsWith('].'));
    expect(steps).toHaveLength(4);
    const starts =
      lang === 'en'
        ? ['Ukraine', 'The EU Civil Protection', 'The Swedish Civil Contingencies', 'The Swedish National Board']
        : ['Ukraina', 'EU:s mekanism', 'Myndigheten för samhällsskydd', 'Socialstyrelsen'];
    steps.forEach((s, i) => expect(s.startsWith(starts[i]!), s).toBe(true));
    // The last hop is our inference, and says so.
    expect(steps[3]).toMatch(lang === 'en' ? /inferred, not stated in the sources/ : /slutsats, inte uttryckligen i källorna/);
    readsWell(answer.summary.text, lang, 'summary');
    citesDocuments(answer.summary, lang);
  });

  it('as of 2016: its steps counted, none held then (their dates are not given), each step saying so', async () => {
    const answer = await get<{
      paths: Array<{ named: unknown; relationships: Array<{ timeStatus?: string }> }>;
      summary: Summary;
      asOf: { date: string; held: number; undated: number; notValid: number } | null;
    }>('/api/paths', { from: 'ukraine', to: 'swedish-regions', lang, asOf: '2016' });
    const first = answer.paths[0]!;
    expect(first.named).toBeTruthy();
    const held = first.relationships.filter((r) => r.timeStatus === 'valid').length;
    expect(answer.asOf).toEqual({ date: '2016', held, undated: first.relationships.length - held, notValid: 0 });
    expect(held).toBe(0);
    const sentences = sentencesOf(answer.summary.text);
    expect(sentences[2]).toBe(lang === 'en' ? 'None of its steps is dated to 2016.' : 'Inget av dess steg är daterat till 2016.');
    expect(sentences[3]).toBe(
      lang === 'en'
        ? 'Four steps have no dates given and are not counted as held then.'
        : 'Fyra steg saknar angivna datum och räknas inte som gällande då.',
    );
    const said = factSentences(answer.summary.text);
    expect(said).toHaveLength(4);
    for (const s of said)
      expect(s).toContain(lang === 'en' ? 'dates not given, first attested 2024-10' : 'datum ej angivna, belagt första gången 2024-10');
    readsWell(answer.summary.text, lang, 'summary');
  });
});

describe.each(LANGS)('a node’s details (%s)', (lang) => {
  it('opens with a readable sentence and the documents it cites', async () => {
    const answer = await get<{ summary: Summary }>('/api/nodes/socialstyrelsen', { lang });
    expect(answer.summary.text).toMatch(lang === 'en' ? /^Swedish National Board of Health and Welfare/ : /^Socialstyrelsen/);
    readsWell(answer.summary.text, lang, 'summary');
    citesDocuments(answer.summary, lang);
  });
});

// A planned change (a start after today, recorded as planned) reads as planned in every answer
// that says its dates, as the web app shows it: "planned from 2030", never a plain date.
describe('planned facts', () => {
  const P = 'test-report-planned-';
  let since = 0;
  beforeAll(async () => {
    since = (await request(app).get('/api/versions/current')).body.version;
    await undoTestWrites(db, P, since);
    const both = (en: string, sv: string) => ({ evidenceEn: en, evidenceSv: sv });
    const res = await request(app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({
        reason: 'Testing that answers say a planned fact is planned',
        sources: [{ file: '003_1f946c82219b01d6.txt', lines: 'L987-L989' }],
        ops: [
          {
            op: 'addTie',
            tie: {
              id: `${P}represents`,
              type: 'REPRESENTS',
              from: 'folkhalsomyndigheten',
              to: 'sweden',
              forum: 'council-of-europe',
              capacity: 'government',
              basisKind: 'not-stated',
              certainty: 'stated',
              validFrom: '2030',
              planned: true,
              ...both('A planned seat, for the test.', 'En planerad plats, för testet.'),
            },
          },
          {
            op: 'addTie',
            tie: {
              id: `${P}mandates`,
              type: 'MANDATES',
              from: 'socialdepartementet',
              to: 'folkhalsomyndigheten',
              certainty: 'stated',
              validFrom: '2030',
              planned: true,
              taskEn: 'a planned task',
              taskSv: 'ett planerat uppdrag',
              ...both('A planned assignment, for the test.', 'Ett planerat uppdrag, för testet.'),
            },
          },
        ],
      });
    expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(201);
  });
  afterAll(() => undoTestWrites(db, P, since));

  const planned = { en: 'planned from 2030', sv: 'planerat från 2030' };
  it.each(LANGS)('the representation, chain and route answers say it (%s)', async (lang) => {
    const rep = await get<RepAnswer>('/api/representation', { agent: 'folkhalsomyndigheten', lang });
    const seat = sentencesOf(rep.summary.text).find((s) => s.includes(lang === 'en' ? 'Council of Europe' : 'Europarådet'));
    expect(seat, rep.summary.text).toContain(planned[lang]);
    const chain = await get<Chain>('/api/nodes/folkhalsomyndigheten/mandate-chain', { lang });
    expect(chain.summary.text).toContain(planned[lang]);
    // The planned assignment is the one-step route from the ministry to the agency.
    const route = await get<{ summary: Summary }>('/api/paths', { from: 'socialdepartementet', to: 'folkhalsomyndigheten', lang });
    expect(route.summary.text).toContain(planned[lang]);
    for (const text of [rep.summary.text, chain.summary.text, route.summary.text]) {
      expect(text).not.toMatch(/\((from|från) 2030[;)]/);
      readsWell(text, lang, 'planned');
    }
  });
});
