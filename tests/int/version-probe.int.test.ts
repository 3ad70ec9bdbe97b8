// A cold read learns the data version in its first query's transaction instead of a read of its
// own (server/db/database.ts, versionProbe; server/api/route.ts): the rows are the same, the
// version is the graph's, and a read started beside it reads the version too, since it may see
// the graph before the first one's version was read. A request's reads of the graph now share
// one read transaction (server/curation/recorded.ts), so a cold request reads the version once.
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { Database, type NamedTransaction, type Params, type QueryOptions, type Reader, type Row } from '../../server/db/database.ts';
import type { QueryName } from '../../server/db/cypher-registry.ts';
import { testApp } from '../helpers/api.ts';

/** A Database that counts the transactions it opens for reads. */
class CountedTransactions extends Database {
  transactions = 0;

  override read(name: QueryName, params?: Params, options?: QueryOptions): Promise<Row[]> {
    this.transactions++;
    return super.read(name, params, options);
  }

  override readTransaction<T>(work: (tx: NamedTransaction & Reader) => Promise<T>, options?: QueryOptions): Promise<T> {
    this.transactions++;
    return super.readTransaction(work, options);
  }
}

// No answer kept: every read is cold, so every read takes the folded path.
const cold = testApp({ ANSWER_CACHE_BYTES: '0' });
const { db } = cold;
const counted = new CountedTransactions({
  uri: inject('neo4jUri'),
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
});
const countedApp = createApp({
  db: counted,
  config: loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', ANSWER_CACHE_BYTES: '0' }),
  log: pino({ level: 'silent' }),
  version: 'test',
});
afterAll(() => Promise.all([db.close(), counted.close()]));

const SEARCH = { query: 'Sweden', exact: 'Sweden', labels: null, limit: 5, candidates: 50 };

describe('the data version read with the first query', () => {
  it('answers the query as before and reads the version the graph is at', async () => {
    const [current] = await db.read('curation/graph-version');
    const plain = await db.read('search/search-nodes', SEARCH);
    const probe: NonNullable<typeof db.versionProbe> = { started: 0, seen: [] };
    db.versionProbe = probe;
    const probed = db.read('search/search-nodes', SEARCH);
    // A second read started before the first await reads the version in its transaction too.
    const beside = db.read('curation/graph-version');
    db.versionProbe = null;
    // After the handler's first await, reads are plain again.
    const after = db.read('curation/graph-version');
    expect(await probed).toEqual(plain);
    expect(plain.length).toBeGreaterThan(0);
    expect((await beside)[0]).toEqual(current);
    await after;
    expect(probe.started).toBe(2);
    expect(probe.seen).toEqual([current, current]);
  });

  it('gives a cold answer through the API the tag and version of the graph now', async () => {
    const now = await request(cold.app).get('/api/versions/current');
    const first = await request(cold.app).get('/api/search').query({ q: 'Sweden' });
    expect(first.status).toBe(200);
    expect(first.headers['x-data-version']).toBe(String(now.body.version));
    expect(first.body.hits.length).toBeGreaterThan(0);
    // The same question at the same version has the same tag, and the tag is honoured.
    const again = await request(cold.app).get('/api/search').query({ q: 'Sweden' }).set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
  });

  it('runs every read of a cold request in one read transaction, the version read first in it', async () => {
    // Each of these reads the graph several times: the neighbourhood level by level, the chain
    // level by level with its documents, the node with its degree and documents, the
    // representation with its documents.
    for (const url of [
      '/api/nodes/socialstyrelsen/neighborhood?depth=2',
      '/api/nodes/post-sweden-chief-nurse-officer/mandate-chain',
      '/api/nodes/socialstyrelsen',
      '/api/representation?agent=socialstyrelsen',
    ]) {
      const now = (await request(cold.app).get('/api/versions/current')).body.version as number;
      const before = counted.transactions;
      const answer = await request(countedApp).get(url);
      expect(answer.status, url).toBe(200);
      expect(answer.headers['server-timing'], url).toMatch(/^read;dur=/);
      expect(answer.headers['x-data-version'], url).toBe(String(now));
      expect(counted.transactions - before, url).toBe(1);
    }
  });
});
