// Property-based fuzzing of every endpoint's parameters: whatever arrives, the answer is never
// a 500 and any error has the JSON shape { error: { code, message, details } }.
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const { app, db } = testApp({ QUERY_TIMEOUT_MS: '3000' });
let cases = 0;
afterAll(async () => {
  console.log(`fuzz: ${cases} requests, none answered 5xx`);
  await db.close();
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

/** Values a hostile or careless client might send for a parameter. */
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    ' ',
    'null',
    'undefined',
    '-1',
    '0',
    '1e309',
    'NaN',
    '2016-02-30',
    '9999-99-99',
    'who',
    'Agency',
    'REPRESENTS',
    'both',
    "' OR 1=1 --",
    '") RETURN n //',
    '$(label)',
    '%00',
    '../../etc/passwd',
  ),
  fc.array(fc.string(), { maxLength: 4 }),
);
const maybe = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined });
const pathSegment = fc.oneof(
  fc.constantFrom('who', 'socialstyrelsen', 'sweden', 'no-such-node'),
  fc.string({ minLength: 1, maxLength: 30 }),
);

function check(res: request.Response): void {
  cases++;
  expect(res.status, `${res.status} for ${res.request.url}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  }
}

const endpoints: Array<[string, fc.Arbitrary<{ path: string; query: Record<string, unknown> }>]> = [
  [
    'search',
    fc.record({ q: maybe(anyValue), labels: maybe(anyValue), limit: maybe(anyValue) }).map((query) => ({ path: '/api/search', query })),
  ],
  ['node', pathSegment.map((id) => ({ path: `/api/nodes/${encodeURIComponent(id)}`, query: {} }))],
  [
    'neighborhood',
    fc
      .tuple(
        pathSegment,
        fc.record({
          depth: maybe(anyValue),
          labels: maybe(anyValue),
          types: maybe(anyValue),
          direction: maybe(anyValue),
          asOf: maybe(anyValue),
          limit: maybe(anyValue),
        }),
      )
      .map(([id, query]) => ({ path: `/api/nodes/${encodeURIComponent(id)}/neighborhood`, query })),
  ],
  [
    'paths',
    fc
      .record({
        from: maybe(fc.oneof(pathSegment, anyValue)),
        to: maybe(fc.oneof(pathSegment, anyValue)),
        types: maybe(anyValue),
        maxDepth: maybe(anyValue),
        directed: maybe(anyValue),
        asOf: maybe(anyValue),
        limit: maybe(anyValue),
      })
      .map((query) => ({ path: '/api/paths', query })),
  ],
  [
    'mandate-chain',
    fc
      .tuple(
        pathSegment,
        fc.record({ direction: maybe(anyValue), asOf: maybe(anyValue), maxLevels: maybe(anyValue), limit: maybe(anyValue) }),
      )
      .map(([id, query]) => ({ path: `/api/nodes/${encodeURIComponent(id)}/mandate-chain`, query })),
  ],
  [
    'representation',
    fc
      .record({
        agent: maybe(fc.oneof(pathSegment, anyValue)),
        principal: maybe(fc.oneof(pathSegment, anyValue)),
        forum: maybe(fc.oneof(pathSegment, anyValue)),
        capacity: maybe(anyValue),
        asOf: maybe(anyValue),
        limit: maybe(anyValue),
      })
      .map((query) => ({ path: '/api/representation', query })),
  ],
  [
    'common',
    fc
      .tuple(
        pathSegment,
        fc.record({ with: maybe(fc.oneof(pathSegment, anyValue)), types: maybe(anyValue), asOf: maybe(anyValue), limit: maybe(anyValue) }),
      )
      .map(([id, query]) => ({ path: `/api/nodes/${encodeURIComponent(id)}/common`, query })),
  ],
  ['schema', fc.record({ x: maybe(anyValue) }).map((query) => ({ path: '/api/schema', query }))],
];

describe('fuzzed GET parameters', () => {
  it.each(endpoints)('%s never answers 5xx', async (_name, arb) => {
    await fc.assert(
      fc.asyncProperty(arb, async ({ path, query }) => {
        const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
        check(
          await request(app)
            .get(path)
            .query(clean as Record<string, string>),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzed POST bodies', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  it('export never answers 5xx and writes nothing', async () => {
    const before = (await graphDigest(db)).digest;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          json,
          fc.record({
            format: fc.oneof(fc.constantFrom('json', 'graphml', 'csv', 'cypher', 'cytoscape'), fc.string()),
            ids: maybe(fc.array(fc.oneof(pathSegment, fc.string()), { maxLength: 5 })),
            root: maybe(pathSegment),
            depth: maybe(fc.oneof(fc.integer(), fc.string())),
            asOf: maybe(anyValue),
            limit: maybe(fc.integer({ min: -5, max: 50 })),
          }),
        ),
        async (body) => {
          check(await request(app).post('/api/export').set('Content-Type', 'application/json').send(JSON.stringify(body)));
        },
      ),
      { numRuns: RUNS },
    );
    expect((await graphDigest(db)).digest).toBe(before);
  });

  it('the console never answers 5xx and writes nothing', async () => {
    const before = (await graphDigest(db)).digest;
    const cypherish = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'MATCH (n) RETURN n LIMIT 3',
        'RETURN $x',
        'MATCH (n:Entity {id: $id}) RETURN n',
        'RETURN 1 +',
        'MATCH (n RETURN n',
        'RETURN date($d)',
        'CREATE (n)',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(json, fc.record({ cypher: maybe(cypherish), params: maybe(fc.oneof(json, fc.dictionary(fc.string(), json))) })),
        async (body) => {
          check(await request(app).post('/api/query').set('Content-Type', 'application/json').send(JSON.stringify(body)));
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect((await graphDigest(db)).digest).toBe(before);
  });
});
