// POST /api/query as its user meets it, with Neo4j replaced by a stand-in that plays the
// planner and the READ transaction: what is refused before Neo4j sees it, what Neo4j's plan
// refuses, what reaches the transaction (the statement, its parameters, the row cap and the
// time limit) and the answer built from the rows. The same route on the real Neo4j:
// tests/int/console-*.int.test.ts and api-errors.int.test.ts. This file is what lets
// `npm run mutate` judge the route in minutes (docs/mutation-testing.md).
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database, Params, Row } from '../../server/db/database.ts';
import type { ConsoleLayers } from '../../server/graph/console-guard.ts';

interface Call {
  cypher: string;
  params: Params;
  options?: unknown;
}

/** The two calls the console makes; anything else the stand-in is asked fails the test. */
function standIn(queryType = 'r', rows: Row[] = [], truncated = false) {
  const explained: Call[] = [];
  const read: Call[] = [];
  const db = {
    explainText: async (cypher: string, params: Params) => {
      explained.push({ cypher, params });
      return queryType;
    },
    readText: async (cypher: string, params: Params, options: unknown) => {
      read.push({ cypher, params, options });
      return { rows, truncated };
    },
  };
  // Only the two methods above exist; the cast is what lets the app take a partial stand-in.
  return { db: db as unknown as Database, explained, read };
}

/** As main.ts builds it (no layers replaced), or with some of the console's layers replaced. */
function app(db: Database, consoleLayers?: Partial<ConsoleLayers>) {
  const config = loadConfig({ SERVE_WEB: '0', RATE_LIMIT_PER_MINUTE: '100000', CONSOLE_ROW_LIMIT: '7', QUERY_TIMEOUT_MS: '1234' });
  return createApp({ db, config, log: pino({ level: 'silent' }), version: 'test', ...(consoleLayers ? { consoleLayers } : {}) });
}

const agency = { kind: 'node', elementId: '4:x:1', labels: ['Entity', 'Agency'], properties: { id: 'agency-a', name: 'A' } };

describe('a statement the console runs', () => {
  it('is planned, then read with its parameters, the row cap and the time limit, and answered with columns, rows and elements', async () => {
    const rows = [
      { n: agency, total: 2 },
      { n: null, total: 3 },
    ];
    const { db, explained, read } = standIn('r', rows, true);
    const cypher = 'MATCH (n:Entity {id: $id}) RETURN n, count(*) AS total';
    const res = await request(app(db))
      .post('/api/query')
      .send({ cypher: `  ${cypher}\n`, params: { id: 'agency-a', _n2: [1, 2] } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      columns: ['n', 'total'],
      rows,
      truncated: true,
      elements: { nodes: [{ data: { label: 'Agency', id: 'agency-a', name: 'A' } }], edges: [] },
    });
    expect(explained).toEqual([{ cypher, params: { id: 'agency-a', _n2: [1, 2] } }]);
    expect(read).toEqual([{ cypher, params: { id: 'agency-a', _n2: [1, 2] }, options: { rowLimit: 7, timeoutMs: 1234 } }]);
  });

  it('without parameters is run with none, and no rows give no columns', async () => {
    const { db, explained, read } = standIn('r', []);
    const res = await request(app(db)).post('/api/query').send({ cypher: 'RETURN 1 AS one LIMIT 0' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ columns: [], rows: [], truncated: false, elements: { nodes: [], edges: [] } });
    expect(explained[0]!.params).toEqual({});
    expect(read[0]!.params).toEqual({});
  });

  it('may be 20,000 characters long', async () => {
    const { db } = standIn();
    const cypher = `RETURN '${'x'.repeat(20_000 - 'RETURN '.length - 2)}'`;
    expect(cypher).toHaveLength(20_000);
    expect((await request(app(db)).post('/api/query').send({ cypher })).status).toBe(200);
  });

  it('is the example the API document gives, and its parameter names are the ones the document allows', async () => {
    const { db } = standIn();
    const server = app(db);
    const doc = (await request(server).get('/api/openapi.json')).body;
    const schema = doc.components.schemas.ConsoleRequest;
    expect((await request(server).post('/api/query').send(schema.example)).status).toBe(200);
    const documented = new RegExp(schema.properties.params.propertyNames.pattern);
    for (const name of ['id', '_x', 'Z9_a', 'x-a', 'a-x', '9a', 'a b', '', 'ä']) {
      const res = await request(server)
        .post('/api/query')
        .send({ cypher: 'RETURN 1', params: { [name]: 1 } });
      expect([name, res.status]).toEqual([name, documented.test(name) ? 200 : 400]);
    }
  });
});

describe('a statement the console refuses', () => {
  const rejected = (res: request.Response) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('QUERY_REJECTED');
    return res.body.error as { message: string; details: Array<{ path: string; message: string }> };
  };

  it('by its words never reaches Neo4j, and the answer says why', async () => {
    const { db, explained, read } = standIn();
    const error = rejected(await request(app(db)).post('/api/query').send({ cypher: 'MATCH (n) SET n.x = 1' }));
    expect(error.message).toBe('The console only reads: SET changes properties or labels.');
    expect(error.details).toEqual([{ path: 'body.cypher', message: 'SET changes properties or labels' }]);
    expect(explained).toEqual([]);
    expect(read).toEqual([]);
  });

  it.each(['rw', 'w', 's', ''])('by a plan of type "%s" is never run', async (queryType) => {
    const { db, explained, read } = standIn(queryType);
    const error = rejected(await request(app(db)).post('/api/query').send({ cypher: 'MATCH (n) RETURN n' }));
    expect(error.message).toBe('The console only reads: Neo4j plans this statement as a write or schema change.');
    expect(error.details).toEqual([{ path: 'body.cypher', message: `query type "${queryType}" is not read-only` }]);
    expect(explained).toHaveLength(1);
    expect(read).toEqual([]);
  });

  it('by a replaced layer, even one that gives no reason', async () => {
    const { db, read } = standIn();
    const silentGuard = rejected(
      await request(app(db, { keywordGuard: () => ({ ok: false }) }))
        .post('/api/query')
        .send({ cypher: 'RETURN 1' }),
    );
    expect(silentGuard.details).toEqual([{ path: 'body.cypher', message: 'refused' }]);
    const silentPlan = rejected(
      await request(app(db, { planCheck: async () => ({ ok: false }) }))
        .post('/api/query')
        .send({ cypher: 'RETURN 1' }),
    );
    expect(silentPlan.details).toEqual([{ path: 'body.cypher', message: 'not read-only' }]);
    expect(read).toEqual([]);
  });

  it('with the keyword guard off, is judged by the plan alone', async () => {
    const { db, explained, read } = standIn('w');
    const error = rejected(
      await request(app(db, { keywordGuard: () => ({ ok: true }) }))
        .post('/api/query')
        .send({ cypher: 'CREATE (n)' }),
    );
    expect(error.details[0]!.message).toBe('query type "w" is not read-only');
    expect(explained.map((c) => c.cypher)).toEqual(['CREATE (n)']);
    expect(read).toEqual([]);
  });
});

describe('a request the console cannot read', () => {
  const invalid = async (body: unknown) => {
    const { db, explained, read } = standIn();
    const res = await request(app(db))
      .post('/api/query')
      .send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect([explained, read]).toEqual([[], []]);
    return res.body.error.details as Array<{ path: string; message: string }>;
  };

  it('names an empty or blank statement', async () => {
    expect(await invalid({ cypher: '' })).toEqual([{ path: 'body.cypher', message: 'write a Cypher statement' }]);
    expect(await invalid({ cypher: ' \n\t ' })).toEqual([{ path: 'body.cypher', message: 'write a Cypher statement' }]);
  });

  it('names a statement over 20,000 characters', async () => {
    expect(await invalid({ cypher: `RETURN '${'x'.repeat(20_000)}'` })).toEqual([
      { path: 'body.cypher', message: 'at most 20,000 characters' },
    ]);
  });

  it('names a missing statement, parameters that are not an object and a parameter name that is not an identifier', async () => {
    expect((await invalid({})).map((d) => d.path)).toEqual(['body.cypher']);
    expect((await invalid({ cypher: 'RETURN 1', params: [1] })).map((d) => d.path)).toEqual(['body.params']);
    expect((await invalid({ cypher: 'RETURN 1', params: { 'a-b': 1 } })).map((d) => d.path)).toEqual(['body.params.a-b']);
  });
});

describe('the API document', () => {
  it('tells a client what the console does, what it refuses and what it answers', async () => {
    const doc = (await request(app(standIn().db)).get('/api/openapi.json')).body;
    const operation = doc.paths['/api/query'].post;
    expect(operation.tags).toEqual(['console']);
    expect(operation.summary).toMatch(/^Read-only Cypher console$/);
    expect(operation.description).toMatch(/READ transaction.*row cap.*refused with 400/s);
    expect(operation.responses['400'].description).toMatch(/BAD_REQUEST.*QUERY_REJECTED.*QUERY_TOO_LARGE/s);
    expect(operation.responses['200'].description).toBe('Rows and graph elements');
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ConsoleResult' });
    const result = doc.components.schemas.ConsoleResult;
    expect(Object.keys(result.properties)).toEqual(['columns', 'rows', 'truncated', 'elements']);
    expect(result.required).toEqual(['columns', 'rows', 'truncated', 'elements']);
    expect(doc.components.schemas.ConsoleRequest.properties.params.additionalProperties).toEqual({ description: 'a JSON value' });
  });

  it('gives an example that asks about an entity of the seed graph', async () => {
    const doc = (await request(app(standIn().db)).get('/api/openapi.json')).body;
    const seedIds = readFileSync(new URL('../../seed/data/nodes.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(seedIds).toContain(doc.components.schemas.ConsoleRequest.example.params.id);
  });
});
