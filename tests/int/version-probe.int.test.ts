// A cold read learns the data version in its first query's transaction instead of a read of its
// own (server/db/database.ts, versionProbe; server/api/route.ts): the rows are the same, the
// version is the graph's, and a read started beside it reads the version too, since it may see
// the graph before the first one's version was read.
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../helpers/api.ts';

// No answer kept: every read is cold, so every read takes the folded path.
const cold = testApp({ ANSWER_CACHE_BYTES: '0' });
const { db } = cold;
afterAll(() => db.close());

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
});
