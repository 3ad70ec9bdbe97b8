// Bad input on every endpoint gets a 400 that names the field and what was expected, and
// changes nothing; the console refuses writes.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const { app, db } = testApp();
let before: string;
beforeAll(async () => {
  before = (await graphDigest(db)).digest;
});
afterAll(async () => {
  expect((await graphDigest(db)).digest).toBe(before);
  await db.close();
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

  it('an unknown endpoint → 404 JSON naming it', async () => {
    const res = await request(app).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toContain('GET /api/nope');
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
