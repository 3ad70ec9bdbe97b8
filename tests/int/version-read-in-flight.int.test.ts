// Warm reads share one data-version read (server/api/answer-cache.ts, current), but a request
// never joins a read that began before it arrived: that read may have passed a change set
// committed, through another API server, just before the request came. Here the first read is
// held after Neo4j answered it, an edit lands through the other server, and a request that
// comes while the old read is still in flight is answered with the edit, never with the answer
// kept at the old version.
import request from 'supertest';
import { pino } from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { QueryName } from '../../server/db/cypher-registry.ts';
import { CountingCache, HeldReads, editsThroughASecondServer } from '../helpers/reads-held.ts';

const TOKEN = 'test-write-token-version-in-flight-0123';

// The data-version read, which the warm path shares between requests.
const VERSION_READ: QueryName = 'curation/graph-version';

const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', WRITE_TOKEN: TOKEN });
const db = new HeldReads({
  uri: inject('neo4jUri'),
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
});
const answers = new CountingCache(config.ANSWER_CACHE_BYTES, 'test');
const one = createApp({ db, config, log: pino({ level: 'silent' }), version: 'test', answers });
// The other API server on the same Neo4j, through which the edit lands, and the node asked about.
const { node: NODE, edit } = editsThroughASecondServer({
  token: TOKEN,
  prefix: 'test-inflight-',
  name: 'Provverket Förrfjord',
  purpose: 'version reads in flight',
  closeAlso: () => db.close(),
});

describe('a warm read that comes while an older version read is in flight', () => {
  it('waits for a read of its own and answers with the edit committed through the other server', async () => {
    // Kept at the old version, and answered warm from there.
    const cold = await request(one).get(`/api/nodes/${NODE}`);
    expect(cold.status).toBe(200);
    const warm = await request(one).get(`/api/nodes/${NODE}`);
    expect(warm.body.node.name).toBe('Provverket Förrfjord');
    expect(warm.headers.etag).toBe(cold.headers.etag);
    const oldVersion = Number(warm.headers['x-data-version']);

    // A request whose version read has Neo4j's answer (the old version) and is held there.
    const asked = answers.asked.value;
    const held = db.holdNext(VERSION_READ);
    const early = request(one)
      .get(`/api/nodes/${NODE}`)
      .then((r) => r);
    await held.reached;

    // The edit lands through the other server; then a request comes while the old read is in flight.
    const renamed = await edit([{ op: 'updateNode', id: NODE, rev: cold.body.node.rev, set: { name: 'Provverket Efterfjord' } }]);
    expect(renamed.status, renamed.text).toBe(201);
    const late = request(one)
      .get(`/api/nodes/${NODE}`)
      .then((r) => r);
    await answers.asked.reached(asked + 2);
    held.release();

    const [first, second] = await Promise.all([early, late]);
    // The early request came before the edit: the old answer is right for it.
    expect(first.status).toBe(200);
    expect(Number(first.headers['x-data-version'])).toBe(oldVersion);
    // The late one came after it: never the answer kept at the old version.
    expect(second.status).toBe(200);
    expect(second.body.node.name).toBe('Provverket Efterfjord');
    expect(Number(second.headers['x-data-version'])).toBe(oldVersion + 1);
    expect(second.headers.etag).not.toBe(warm.headers.etag);
  });

  it('requests that come together while one read is in flight share the next read', async () => {
    await request(one).get(`/api/nodes/${NODE}`);
    const held = db.holdNext(VERSION_READ);
    const asked = answers.asked.value;
    const early = request(one)
      .get(`/api/nodes/${NODE}`)
      .then((r) => r);
    await held.reached;
    const versionReads = db.runsOf(VERSION_READ);
    // Three: with the held one, as many as one client may run at once (READ_CONCURRENCY_PER_CLIENT).
    const together = Array.from({ length: 3 }, () =>
      request(one)
        .get(`/api/nodes/${NODE}`)
        .then((r) => r),
    );
    await answers.asked.reached(asked + 4);
    held.release();
    const answered = await Promise.all([early, ...together]);
    expect(answered.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answered.map((r) => r.body.node.name))).toEqual(new Set(['Provverket Efterfjord']));
    // The three that came meanwhile waited for one read between them, not one each.
    expect(db.runsOf(VERSION_READ) - versionReads).toBe(1);
  });
});
