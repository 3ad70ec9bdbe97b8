// GET /api/ask on the real Neo4j: the issue's five questions and their translations give the
// answer their tool's route gives; the question set read through the full-text index scores as
// it does in the unit tier; bad input is refused with a reason and reaches nothing.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { read } from '../../server/ask/ask.ts';
import { testApp } from '../helpers/api.ts';

const { app, db } = testApp();
afterAll(() => db.close());

interface Entity {
  role: string;
  id: string;
}
interface AskBody {
  reading: { kind: string; entities: Entity[]; date: unknown; reason?: string };
  alternatives: unknown[];
  tool: { tool: string; path: string; params: Record<string, string>; query: Record<string, string> } | null;
  answer: unknown;
  cannot: string | null;
}

async function ask(q: string, lang = 'en'): Promise<AskBody> {
  const res = await request(app).get('/api/ask').query({ q, lang });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as AskBody;
}
const roles = (b: AskBody) => Object.fromEntries(b.reading.entities.map((e) => [e.role, e.id]));

/** The tool's own route, asked over HTTP with the input the reading gave. */
async function toolAnswer(b: AskBody): Promise<unknown> {
  const path = b.tool!.path.replace(/:(\w+)/g, (_, k: string) => b.tool!.params[k]!);
  const res = await request(app).get(path).query(b.tool!.query);
  expect(res.status).toBe(200);
  return res.body;
}

describe("the issue's five questions, in both languages", () => {
  it.each([
    ['sv', 'Vem företräder Sverige i WHO?'],
    ['en', 'Who represents Sweden in WHO?'],
  ])('%s: %s → who represents Sweden in WHO, the representation answer', async (lang, q) => {
    const b = await ask(q, lang);
    expect(b.reading.kind).toBe('representation');
    expect(roles(b)).toEqual({ principal: 'sweden', forum: 'who' });
    expect(b.answer).toEqual(await toolAnswer(b));
    const answer = b.answer as { representations: { agent: { id: string } }[]; summary: { text: string } };
    expect(answer.representations.length).toBeGreaterThan(0);
    // The sentence is in the language asked for.
    expect(answer.summary.text).toMatch(lang === 'sv' ? /företräder|representerar/ : /represents/);
  });

  it.each([
    ['en', "Who appointed Sweden's chief nursing officer, and on whose assignment?"],
    ['sv', 'Vem utsåg Sveriges chefssjuksköterska, och på vems uppdrag?'],
  ])('%s: %s → the mandate chain above the post', async (lang, q) => {
    const b = await ask(q, lang);
    expect(b.reading.kind).toBe('chain-up');
    expect(roles(b)).toEqual({ subject: 'post-sweden-chief-nurse-officer' });
    expect(b.tool).toMatchObject({ tool: 'chain', query: { direction: 'up' } });
    expect(b.answer).toEqual(await toolAnswer(b));
  });

  it.each([
    ['sv', 'Hur når en begäran om sjukvårdsmateriel från Ukraina de svenska regionerna?'],
    ['en', 'How does a request for medical supplies from Ukraine reach the Swedish regions?'],
  ])('%s: %s → the named route from Ukraine to the regions', async (lang, q) => {
    const b = await ask(q, lang);
    expect(b.reading.kind).toBe('route');
    expect(roles(b)).toEqual({ from: 'ukraine', to: 'swedish-regions' });
    expect(b.answer).toEqual(await toolAnswer(b));
    const paths = (b.answer as { paths: { named: unknown; nodes: { id: string }[] }[] }).paths;
    expect(paths[0]?.named).not.toBeNull();
    expect(paths[0]!.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['ukraine', 'msb', 'socialstyrelsen', 'swedish-regions']));
  });

  it.each([
    ['sv', 'Vilka forum delar Socialstyrelsen och STM?'],
    ['en', 'Which forums do Socialstyrelsen and STM share?'],
  ])('%s: %s → what the two share', async (lang, q) => {
    const b = await ask(q, lang);
    expect(b.reading.kind).toBe('shared');
    expect(roles(b)).toEqual({ a: 'socialstyrelsen', b: 'finland-ministry-social-affairs-health' });
    expect(b.answer).toEqual(await toolAnswer(b));
    const shared = (b.answer as { shared: { node: { id: string } }[] }).shared.map((s) => s.node.id);
    expect(shared).toEqual(expect.arrayContaining(['who', 'european-union']));
  });

  it.each([
    ['en', 'What did Socialstyrelsen do in 2016?'],
    ['sv', 'Vad gjorde Socialstyrelsen 2016?'],
  ])('%s: %s → its ties as of 2016', async (lang, q) => {
    const b = await ask(q, lang);
    expect(b.reading).toMatchObject({ kind: 'ties', date: { kind: 'at', date: '2016' } });
    expect(b.tool).toMatchObject({ tool: 'neighborhood', params: { id: 'socialstyrelsen' }, query: { asOf: '2016' } });
    expect(b.answer).toEqual(await toolAnswer(b));
  });
});

describe('readings that need more than the five', () => {
  it('finds its names with a typo and an abbreviation', async () => {
    expect(roles(await ask('vem företräder sverge i who', 'sv'))).toEqual({ principal: 'sweden', forum: 'who' });
    expect(roles(await ask('On whose mandate does MSB work?'))).toEqual({ subject: 'msb' });
  });

  it('compares two dates around a node for "between", and counts "since" from the change log', async () => {
    const between = await ask('Vad samarbetade Socialstyrelsen med mellan 2015 och 2018?', 'sv');
    expect(between.tool).toMatchObject({ tool: 'diff', query: { fromDate: '2015', toDate: '2018', around: 'socialstyrelsen' } });
    expect(between.answer).toMatchObject({ mode: 'dates' });
    const since = await ask('What changed about MSB since 2020?');
    expect(since.tool).toMatchObject({ tool: 'diff', query: { around: 'msb' } });
    expect(since.answer).toMatchObject({ mode: 'versions', around: 'msb' });
  });

  it('says plainly why it cannot answer, and answers nothing', async () => {
    const money = await ask('Hur mycket pengar ger Sverige till WHO?', 'sv');
    expect(money).toMatchObject({ reading: { kind: 'cannot', reason: 'amount' }, tool: null, answer: null });
    expect(money.cannot).toMatch(/inte belopp/);
    const imf = await ask('Who represents Sweden in the IMF?');
    expect(imf).toMatchObject({ reading: { kind: 'cannot', reason: 'unknown-name' }, answer: null });
    expect(imf.cannot).toBe('“IMF” is not in the data.');
  });
});

describe('bad and hostile input', () => {
  it.each([
    ['', 'is empty'],
    ['x'.repeat(301), 'at most 300'],
    ['Who represents\u0000 Sweden?', 'control characters'],
    ['MATCH (n) DETACH DELETE n', 'database query'],
    ["Who represents Sweden' RETURN 1 UNION CALL db.labels() //", 'database query'],
  ])('%j → 400 saying why', async (q, why) => {
    const res = await request(app).get('/api/ask').query({ q });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'query.q' });
    expect(res.body.error.message).toContain(why);
  });

  it('reads Lucene and Cypher characters inside a question only as words', async () => {
    const b = await ask('Who represents "Sweden" in (WHO)~ *:* ?');
    expect(roles(b)).toEqual({ principal: 'sweden', forum: 'who' });
  });

  it('answers any text with a reading or a 400, never an error of its own, and changes nothing', async () => {
    const before = (await request(app).get('/api/health')).body as { counts?: unknown };
    const word = fc.constantFrom(
      'WHO',
      'Sverige',
      'who',
      'i',
      'since',
      '2016',
      'MATCH',
      '(n)',
      '"',
      '*',
      '~',
      ':s',
      'och',
      'DELETE',
      '$x',
      '\\',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')),
        ),
        async (q) => {
          const res = await request(app).get('/api/ask').query({ q });
          expect([200, 400], `${res.status} for ${JSON.stringify(q)}: ${res.text.slice(0, 200)}`).toContain(res.status);
          if (res.status === 400) expect(res.body.error.details[0].path).toBe('query.q');
        },
      ),
      { numRuns: 40 },
    );
    expect((await request(app).get('/api/health')).body.counts).toEqual(before.counts);
  }, 120_000);

  it('is in the OpenAPI document', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body as {
      paths: Record<string, { get?: { parameters: { name: string }[] } }>;
    };
    expect(doc.paths['/api/ask']?.get?.parameters.map((p) => p.name).sort()).toEqual(['lang', 'q']);
  });
});

describe('the question set through the full-text index', () => {
  it('reads with names from the index as the unit tier does: at least 90% right, every cannot-answer said', async () => {
    const set = JSON.parse(readFileSync(new URL('../fixtures/ask-questions.json', import.meta.url), 'utf8')) as {
      questions: { q: string; lang: string; expect: { kind: string; entities?: Record<string, string> } }[];
    };
    let right = 0;
    const wrong: string[] = [];
    const cannotWrong: string[] = [];
    for (const item of set.questions) {
      // The reading only (the answers are covered above): names from the full-text index.
      const b = { reading: (await read(db, item.q, '2026-12-06')).reading } as unknown as AskBody;
      // Dates are left out here: "today" is the real day on the server, not the set's.
      const ok =
        item.expect.kind === 'cannot'
          ? b.reading.kind === 'cannot'
          : b.reading.kind === item.expect.kind &&
            JSON.stringify(Object.entries(roles(b)).sort()) === JSON.stringify(Object.entries(item.expect.entities ?? {}).sort());
      if (ok) right++;
      else {
        wrong.push(`${item.q} → ${b.reading.kind} ${JSON.stringify(roles(b))}`);
        if (item.expect.kind === 'cannot') cannotWrong.push(item.q);
      }
    }
    console.log(`Ask through the index: ${right}/${set.questions.length} read right\n${wrong.map((w) => `  ✗ ${w}`).join('\n')}`);
    expect(cannotWrong).toEqual([]);
    expect(right / set.questions.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
