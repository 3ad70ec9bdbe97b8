// Property-based fuzzing of every endpoint's parameters: whatever arrives, the answer is one
// the endpoint is documented to give (never a 5xx), any error has the JSON shape
// { error: { code, message, details } }, and the store is exactly as it was (whole-store digest,
// schema included). A console statement that writes and is answered 200 fails the test.
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const { app, db } = testApp({ QUERY_TIMEOUT_MS: '3000' });
let cases = 0;
afterAll(async () => {
  console.log(`fuzz: ${cases} requests, each answered as its endpoint documents`);
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

/**
 * What each endpoint may answer: 400 for bad input, 404 for an unknown id where the path or
 * a parameter names one, 408 where a query runs under the time limit.
 */
const ALLOWED = {
  search: [200, 400],
  node: [200, 400, 404],
  neighborhood: [200, 400, 404, 408],
  paths: [200, 400, 404, 408],
  'mandate-chain': [200, 400, 404, 408],
  representation: [200, 400, 408],
  common: [200, 400, 404, 408],
  schema: [200],
  export: [200, 400, 404, 408],
  console: [200, 400, 408],
} as const;

function check(res: request.Response, allowed: readonly number[]): void {
  cases++;
  expect(allowed, `${res.status} for ${res.request.url}: ${res.text.slice(0, 200)}`).toContain(res.status);
  if (res.status >= 400) {
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), details: expect.any(Array) });
  }
}

const endpoints: Array<[keyof typeof ALLOWED, fc.Arbitrary<{ path: string; query: Record<string, unknown> }>]> = [
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
  it.each(endpoints)('%s answers only what it documents', async (name, arb) => {
    await fc.assert(
      fc.asyncProperty(arb, async ({ path, query }) => {
        const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
        check(
          await request(app)
            .get(path)
            .query(clean as Record<string, string>),
          ALLOWED[name],
        );
      }),
      { numRuns: RUNS },
    );
  });
});

const READS = [
  'MATCH (n) RETURN n LIMIT 3',
  'RETURN $x',
  'MATCH (n:Entity {id: $id}) RETURN n',
  'RETURN 1 +',
  'MATCH (n RETURN n',
  'RETURN date($d)',
];
/** Statements that write (data, labels, schema): each must be answered 400. */
const WRITES = [
  'CREATE (n)',
  'CREATE (n:Entity {id: "fuzz"})',
  'MERGE (n:Fuzz) RETURN n',
  'MATCH (n:Entity {id: "who"}) SET n:Fuzz',
  'MATCH (n:Entity {id: "who"}) REMOVE n:Organisation',
  'MATCH (n:Entity {id: "who"}) SET n.name = "fuzz"',
  'MATCH (n) DETACH DELETE n',
  'DROP INDEX entity_label',
  'CREATE INDEX fuzz FOR (n:Fuzz) ON (n.x)',
];

describe('fuzzed POST bodies', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  it('export answers only what it documents and writes nothing', async () => {
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
          check(await request(app).post('/api/export').set('Content-Type', 'application/json').send(JSON.stringify(body)), ALLOWED.export);
        },
      ),
      { numRuns: RUNS },
    );
    expect((await graphDigest(db)).digest).toBe(before);
  });

  it('the console answers only what it documents, never 200 to a write, and writes nothing', async () => {
    const before = (await graphDigest(db)).digest;
    const cypherish = fc.oneof(
      fc.string(),
      fc.constantFrom(...READS, ...WRITES),
      // A write hidden among noise: after a comment, in other case, behind a read.
      fc.tuple(fc.constantFrom('', '/* x */ ', 'MATCH (m) WITH m LIMIT 1 '), fc.constantFrom(...WRITES)).map(([pre, w]) => pre + w),
    );
    let writes = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(json, fc.record({ cypher: maybe(cypherish), params: maybe(fc.oneof(json, fc.dictionary(fc.string(), json))) })),
        async (body) => {
          const res = await request(app).post('/api/query').set('Content-Type', 'application/json').send(JSON.stringify(body));
          check(res, ALLOWED.console);
          const cypher = (body as { cypher?: unknown } | null)?.cypher;
          if (typeof cypher === 'string' && WRITES.some((w) => cypher.endsWith(w))) {
            writes++;
            expect(res.status, `a write was answered ${res.status}: ${cypher}`).toBe(400);
          }
          // Whatever it was, a 200 left the store as it found it.
          if (res.status === 200) expect((await graphDigest(db)).digest, `the store changed after: ${JSON.stringify(body)}`).toBe(before);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(writes, 'the draw should include write statements').toBeGreaterThan(0);
    expect((await graphDigest(db)).digest).toBe(before);
  });
});
