// Bad input on every endpoint gets a 400 that names the field and what was expected, and
// changes nothing; the console refuses writes and answers reads with its parameters, row cap
// and time limit, as a user sees them on the real Neo4j.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const { app, db } = testApp();
const capped = testApp({ CONSOLE_ROW_LIMIT: '7', QUERY_TIMEOUT_MS: '1000' });
const silentGuard = testApp({}, { keywordGuard: () => ({ ok: false }) });
const silentPlan = testApp({}, { planCheck: async () => ({ ok: false }) });
let before: string;
beforeAll(async () => {
  before = (await graphDigest(db)).digest;
});
afterAll(async () => {
  expect((await graphDigest(db)).digest).toBe(before);
  await Promise.all([db, capped.db, silentGuard.db, silentPlan.db].map((d) => d.close()));
});

const cases: Array<[string, string, Record<string, unknown>, string]> = [
  ['search without q', '/api/search', {}, 'query.q'],
  ['search with a huge limit', '/api/search', { q: 'who', limit: 100000 }, 'query.limit'],
  ['search with an unknown label', '/api/search', { q: 'who', labels: 'Org' }, 'query.labels.0'],
  ['search with an empty label list', '/api/search', { q: 'who', labels: '' }, 'query.labels'],
  ['neighbourhood with only commas for types', '/api/nodes/who/neighborhood', { types: ',,' }, 'query.types'],
  ['node id with spaces', '/api/nodes/Not%20An%20Id', {}, 'params.id'],
  ['neighbourhood depth 9', '/api/nodes/who/neighborhood', { depth: 9 }, 'query.depth'],
  ['neighbourhood unknown type', '/api/nodes/who/neighborhood', { types: 'LIKES' }, 'query.types.0'],
  ['neighbourhood bad direction', '/api/nodes/who/neighborhood', { direction: 'sideways' }, 'query.direction'],
  ['neighbourhood impossible date', '/api/nodes/who/neighborhood', { asOf: '2016-02-30' }, 'query.asOf'],
  ['paths without to', '/api/paths', { from: 'who' }, 'query.to'],
  ['paths depth 0', '/api/paths', { from: 'who', to: 'sweden', maxDepth: 0 }, 'query.maxDepth'],
  ['mandate chain sideways', '/api/nodes/who/mandate-chain', { direction: 'sideways' }, 'query.direction'],
  ['representation bad capacity', '/api/representation', { capacity: 'king' }, 'query.capacity'],
  ['representation bad asOf', '/api/representation', { asOf: 'last year' }, 'query.asOf'],
  ['common without with', '/api/nodes/who/common', {}, 'query.with'],
];

describe('bad input', () => {
  it.each(cases)('%s → 400 naming %s', async (_name, path, query, field) => {
    const res = await request(app).get(path).query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    expect(res.body.error.message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('export with an unknown format → 400', async () => {
    const res = await request(app).post('/api/export').send({ format: 'xlsx' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('body.format');
  });

  it('export with both ids and root → 400', async () => {
    const res = await request(app)
      .post('/api/export')
      .send({ format: 'json', ids: ['who'], root: 'who' });
    expect(res.status).toBe(400);
  });

  it('a body that is not JSON → 400', async () => {
    const res = await request(app).post('/api/query').set('Content-Type', 'application/json').send('{"cypher": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it('an unknown endpoint → 404 JSON, naming it in details (the message is for people)', async () => {
    const res = await request(app).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toMatch(/^The server offers nothing at this address/);
    expect(res.body.error.details).toEqual([{ path: 'url', message: 'no API endpoint GET /api/nope' }]);
  });
});

describe('methods a path does not have', () => {
  it.each([
    ['delete', '/api/search', 'GET, HEAD, OPTIONS'],
    ['put', '/api/nodes/who', 'GET, HEAD, OPTIONS'],
    ['get', '/api/export', 'POST, OPTIONS'],
    ['patch', '/api/query', 'POST, OPTIONS'],
    ['get', '/api/import', 'POST, OPTIONS'],
  ] as const)('%s %s → 405 with Allow: %s', async (method, path, allow) => {
    const res = await request(app)[method](path);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('OPTIONS → 204 with the same Allow', async () => {
    const res = await request(app).options('/api/nodes/who/neighborhood');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('HEAD is answered wherever GET is', async () => {
    const res = await request(app).head('/api/schema');
    expect(res.status).toBe(200);
  });
});

describe('bodies', () => {
  it('are read only where a route takes one: a GET with a broken JSON body is answered as usual', async () => {
    const res = await request(app).get('/api/schema').set('Content-Type', 'application/json').send('{"not json');
    expect(res.status).toBe(200);
  });

  it('export with no body at all → 400 naming the missing format, as the document says (body required)', async () => {
    const res = await request(app).post('/api/export');
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('body.format');
    const doc = await request(app).get('/api/openapi.json');
    expect(doc.body.paths['/api/export'].post.requestBody.required).toBe(true);
  });
});

describe('the read-only console', () => {
  it('runs a read and returns rows and graph elements', async () => {
    const res = await request(app)
      .post('/api/query')
      .send({ cypher: 'MATCH (a:Entity {id: $id})-[r]->(b) RETURN a, r, b LIMIT 5', params: { id: 'socialstyrelsen' } });
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(['a', 'r', 'b']);
    expect(res.body.rows.length).toBeGreaterThan(0);
    expect(res.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toContain('socialstyrelsen');
    expect(res.body.elements.edges.length).toBeGreaterThan(0);
  });

  it('caps rows', async () => {
    const res = await request(app).post('/api/query').send({ cypher: 'UNWIND range(1, 100000) AS x RETURN x' });
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(true);
    expect(res.body.rows.length).toBeLessThanOrEqual(1000);
  });

  it.each([
    'CREATE (n:Entity {id: "x-console"})',
    'MATCH (n:Entity {id: "who"}) SET n.name = "changed"',
    'MATCH (n) DETACH DELETE n',
    'MERGE (n:Entity {id: "x"}) RETURN n',
    'DROP CONSTRAINT entity_id',
    'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
    'CALL dbms.security.listUsers()',
  ])('refuses %s with a 400', async (cypher) => {
    const res = await request(app).post('/api/query').send({ cypher });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
    expect(res.body.error.details[0].path).toBe('body.cypher');
  });
});

describe('what the console answers', () => {
  const query = (body: object, server = app) => request(server).post('/api/query').send(body);

  it('runs the statement with the parameters sent and answers with its columns and rows', async () => {
    const res = await query({ cypher: '  RETURN $id AS id, $_n2 AS n\n', params: { id: 'socialstyrelsen', _n2: [1, 2] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      columns: ['id', 'n'],
      rows: [{ id: 'socialstyrelsen', n: [1, 2] }],
      truncated: false,
      elements: { nodes: [], edges: [] },
    });
  });

  it('is served by the app as the server builds it, with no layer replaced', async () => {
    // Built here rather than at the top of the file, so that an app that cannot be built fails
    // this test instead of stopping the file before any test runs.
    const server = createApp({ db, config: capped.config, log: pino({ level: 'silent' }), version: 'test' });
    const read = await query({ cypher: 'MATCH (n:Entity {id: $id}) RETURN n.id AS id', params: { id: 'socialstyrelsen' } }, server);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.rows).toEqual([{ id: 'socialstyrelsen' }]);
    const write = await query({ cypher: 'MATCH (n:Entity) SET n.x = 1' }, server);
    expect(write.status).toBe(400);
    expect(write.body.error.code).toBe('QUERY_REJECTED');
  });

  it('without parameters runs with none, and no rows give no columns', async () => {
    expect((await query({ cypher: 'RETURN 1 AS one LIMIT 0' })).body).toEqual({
      columns: [],
      rows: [],
      truncated: false,
      elements: { nodes: [], edges: [] },
    });
  });

  it('stops at the configured row cap and says the answer is cut', async () => {
    const over = await query({ cypher: 'UNWIND range(1, 20) AS x RETURN x' }, capped.app);
    expect(over.status).toBe(200);
    expect(over.body.rows).toEqual([1, 2, 3, 4, 5, 6, 7].map((x) => ({ x })));
    expect(over.body.truncated).toBe(true);
    const exact = await query({ cypher: 'UNWIND range(1, 7) AS x RETURN x' }, capped.app);
    expect(exact.body.rows).toHaveLength(7);
    expect(exact.body.truncated).toBe(false);
  });

  it('stops a statement that runs past the configured time limit with 408', async () => {
    const res = await query({ cypher: 'UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n' }, capped.app);
    expect(res.status, JSON.stringify(res.body)).toBe(408);
    expect(res.body.error.code).toBe('QUERY_TIMEOUT');
  });

  it("gives slow work such as a store's preparation its own time limit, leaving the API's as it was", async () => {
    // One that never ends unless stopped, and one that is slow but ends.
    const endless = 'UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';
    await expect(capped.db.withQueryTimeout(50).readText(endless, {}, { rowLimit: 1 })).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    const slow = 'UNWIND range(1, 30000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';
    const longer = await capped.db.withQueryTimeout(120_000).readText(slow, {}, { rowLimit: 1 });
    expect(longer.rows).toEqual([{ n: 0 }]);
    const res = await query({ cypher: 'UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n' }, capped.app);
    expect(res.status).toBe(408);
  });

  it('takes a statement of 20,000 characters and names one longer, or an empty one', async () => {
    const longest = `RETURN '${'x'.repeat(20_000 - "RETURN ''".length)}'`;
    expect(longest).toHaveLength(20_000);
    expect((await query({ cypher: longest })).status).toBe(200);
    for (const [cypher, message] of [
      [`${longest}x`, 'at most 20,000 characters'],
      ['', 'write a Cypher statement'],
      [' \n\t ', 'write a Cypher statement'],
    ]) {
      const res = await query({ cypher });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', details: [{ path: 'body.cypher', message }] });
    }
  });

  it('names parameters that are not an object and a parameter name that is not an identifier', async () => {
    const paths = async (params: unknown) => {
      const res = await query({ cypher: 'RETURN 1', params });
      expect(res.status).toBe(400);
      return res.body.error.details.map((d: { path: string }) => d.path);
    };
    expect(await paths([1])).toEqual(['body.params']);
    expect(await paths({ 'a-b': 1 })).toEqual(['body.params.a-b']);
    for (const name of ['id', '_x', 'Z9_a']) expect((await query({ cypher: 'RETURN 1 AS one', params: { [name]: 1 } })).status).toBe(200);
    for (const name of ['9a', 'a b', 'ä', 'x-a']) expect((await query({ cypher: 'RETURN 1', params: { [name]: 1 } })).status).toBe(400);
  });

  it('says which word it refused a statement for', async () => {
    const res = await query({ cypher: 'MATCH (n:Entity) SET n.x = 1' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'QUERY_REJECTED',
      message: 'The console only reads the graph, and this statement would change it or do more than read.',
      details: [{ path: 'body.cypher', message: 'SET changes properties or labels' }],
    });
  });

  it('refuses with a reason even when a layer gives none', async () => {
    const guard = await query({ cypher: 'RETURN 1' }, silentGuard.app);
    expect(guard.status).toBe(400);
    expect(guard.body.error).toMatchObject({
      code: 'QUERY_REJECTED',
      message: 'The console only reads the graph, and this statement would change it or do more than read.',
      details: [{ path: 'body.cypher', message: 'refused' }],
    });
    const plan = await query({ cypher: 'RETURN 1' }, silentPlan.app);
    expect(plan.status).toBe(400);
    expect(plan.body.error).toMatchObject({
      code: 'QUERY_REJECTED',
      message: 'The console only reads the graph, and the database does not run this statement as a read.',
      details: [{ path: 'body.cypher', message: 'not read-only' }],
    });
  });

  it('is described in the API document, with an example about an entity of the seed graph that runs', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body;
    const operation = doc.paths['/api/query'].post;
    expect(operation.tags).toEqual(['console']);
    expect(operation.summary).toBe('Read-only Cypher console');
    expect(operation.description).toMatch(/READ transaction.*row cap.*refused with 400/s);
    expect(operation.responses['400'].description).toMatch(/BAD_REQUEST.*QUERY_REJECTED.*QUERY_TOO_LARGE/s);
    expect(operation.responses['200'].description).toBe('Rows and graph elements');
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ConsoleResult' });
    expect(operation.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ConsoleRequest' });
    const result = doc.components.schemas.ConsoleResult;
    expect(result.required).toEqual(['columns', 'rows', 'truncated', 'elements']);
    const params = doc.components.schemas.ConsoleRequest.properties.params;
    expect(params.additionalProperties).toEqual({ description: 'a JSON value' });
    expect(params.propertyNames).toEqual({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' });
    const example = doc.components.schemas.ConsoleRequest.example;
    const seedIds = readFileSync(new URL('../../seed/data/nodes.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(seedIds).toContain(example.params.id);
    const res = await query(example);
    expect(res.status).toBe(200);
    expect(res.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toContain(example.params.id);
  });
});
