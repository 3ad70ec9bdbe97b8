// Identical reads in flight, answered once (server/api/reads-in-flight.ts), on the real Neo4j
// with a server that keeps no answers (as the bench's cold one): requests for the same question
// that come while it is being read take that read's answer, which Server-Timing says ("shared");
// a request that comes after an edit landed through a second API server never takes the answer
// of a read begun before it, and under READ_REQUIRES_SIGN_IN a request without credentials is
// refused while a signed-in reader's read of the same question is under way.
import request from 'supertest';
import { pino } from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ReadsInFlight, type SharedAnswer } from '../../server/api/reads-in-flight.ts';
import { loadConfig } from '../../server/config.ts';
import type { QueryName } from '../../server/db/cypher-registry.ts';
import { CountingCache, HeldReads, Tally, editsThroughASecondServer } from '../helpers/reads-held.ts';

const TOKEN = 'test-write-token-reads-in-flight-0123456';
// The node's own query: one run of it is one read of the question.
const QUESTION: QueryName = 'nodes/get-node';

/** Reads in flight that count the requests that found one under way. */
class WatchedFlights extends ReadsInFlight {
  readonly found = new Tally();

  override find(key: string): Promise<SharedAnswer | null> | undefined {
    const running = super.find(key);
    if (running) this.found.bump();
    return running;
  }
}

/** The counting cache, with its reads in flight watched too. */
class WatchedCache extends CountingCache {
  override readonly inFlight = new WatchedFlights();
}

// No answers kept: every request that finds no identical read under way runs its queries.
const settings = {
  RATE_LIMIT_PER_MINUTE: '100000',
  SERVE_WEB: '0',
  WRITE_TOKEN: TOKEN,
  ANSWER_CACHE_BYTES: '0',
  READ_CONCURRENCY_PER_CLIENT: '8',
};
const config = loadConfig({ ...process.env, ...settings });
const db = new HeldReads({ uri: inject('neo4jUri'), user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
const answers = new WatchedCache(config.ANSWER_CACHE_BYTES, 'test');
const one = createApp({ db, config, log: pino({ level: 'silent' }), version: 'test', answers });
// The same Neo4j and Database behind a server that requires sign-in to read.
const guarded = createApp({
  db,
  config: loadConfig({ ...process.env, ...settings, READ_REQUIRES_SIGN_IN: '1' }),
  log: pino({ level: 'silent' }),
  version: 'test',
});
// The other API server on the same Neo4j, through which the edits land, and the node asked about.
const { node, edit } = editsThroughASecondServer({
  token: TOKEN,
  prefix: 'test-shared-',
  name: 'Provverket Samfjord',
  purpose: 'identical reads in flight',
  closeAlso: () => db.close(),
});
const URL = `/api/nodes/${node}`;
const read = (app = one) =>
  request(app)
    .get(URL)
    .then((r) => r);
const runsOf = (name: QueryName) => db.runsOf(name);

describe('identical reads in flight', () => {
  it('requests for a question being read take that read’s answer: the question runs once', async () => {
    // Alone, a request runs the question once, and again the next time (nothing is kept).
    const before = runsOf(QUESTION);
    const alone = await read();
    expect(alone.status).toBe(200);
    expect(alone.headers['server-timing']).toMatch(/^read;dur=/);
    expect((await read()).headers['server-timing']).toMatch(/^read;dur=/);
    expect(runsOf(QUESTION)).toBe(before + 2);

    const held = db.holdNext(QUESTION);
    const asked = answers.asked.value;
    const first = read();
    await held.reached;
    const together = [read(), read(), read()];
    // Each of the three has found the read under way and asked what the version is now.
    await answers.asked.reached(asked + 3);
    held.release();
    const answered = await Promise.all([first, ...together]);
    expect(answered.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(runsOf(QUESTION)).toBe(before + 3);
    expect(answered[0]!.headers['server-timing']).toMatch(/^read;dur=/);
    for (const r of answered.slice(1)) {
      expect(r.headers['server-timing']).toMatch(/^shared;dur=/);
      expect(r.text).toBe(answered[0]!.text);
      expect(r.headers.etag).toBe(answered[0]!.headers.etag);
      expect(r.headers['x-data-version']).toBe(answered[0]!.headers['x-data-version']);
    }
    expect(answered[0]!.body.node.name).toBe('Provverket Samfjord');
  });

  it('a request that comes after an edit through another server never takes the answer of a read begun before it', async () => {
    const rev = (await read()).body.node.rev as number;
    const before = runsOf(QUESTION);
    const held = db.holdNext(QUESTION);
    const asked = answers.asked.value;
    const early = read();
    await held.reached;
    const renamed = await edit([{ op: 'updateNode', id: node, rev, set: { name: 'Provverket Nyfjord' } }]);
    expect(renamed.status, renamed.text).toBe(201);
    const late = read();
    await answers.asked.reached(asked + 1);
    held.release();
    const [first, second] = await Promise.all([early, late]);
    // The early request came before the edit: the old answer is right for it.
    expect(first.status).toBe(200);
    expect(first.body.node.name).toBe('Provverket Samfjord');
    // The late one found a newer version than the read under way had seen, and read the graph itself.
    expect(second.status).toBe(200);
    expect(second.body.node.name).toBe('Provverket Nyfjord');
    expect(second.headers['server-timing']).toMatch(/^read;dur=/);
    expect(Number(second.headers['x-data-version'])).toBe(Number(first.headers['x-data-version']) + 1);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    expect(runsOf(QUESTION)).toBe(before + 2);
  });

  it('requests that send an old tag share one read at the version they found', async () => {
    const tag = (await read()).headers.etag as string;
    const rev = (await read()).body.node.rev as number;
    expect((await edit([{ op: 'updateNode', id: node, rev, set: { name: 'Provverket Tagfjord' } }])).status).toBe(201);
    const before = runsOf(QUESTION);
    const held = db.holdNext(QUESTION);
    const withTag = () =>
      request(one)
        .get(URL)
        .set('If-None-Match', tag)
        .then((r) => r);
    const first = withTag();
    await held.reached;
    const found = answers.inFlight.found.value;
    const together = [withTag(), withTag()];
    // Both have read the version and found the first one's read of the same key under way.
    await answers.inFlight.found.reached(found + 2);
    held.release();
    const answered = await Promise.all([first, ...together]);
    expect(answered.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(answered.map((r) => r.body.node.name))).toEqual(new Set(['Provverket Tagfjord']));
    expect(answered.map((r) => r.headers['server-timing']?.split(';')[0])).toEqual(['read', 'shared', 'shared']);
    expect(runsOf(QUESTION)).toBe(before + 1);
  });

  it('under READ_REQUIRES_SIGN_IN a request without credentials is refused while a signed-in read of the same question runs', async () => {
    const held = db.holdNext(QUESTION);
    const signedIn = request(guarded)
      .get(URL)
      .set('Authorization', `Bearer ${TOKEN}`)
      .then((r) => r);
    await held.reached;
    const anonymous = await request(guarded).get(URL);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.node).toBeUndefined();
    held.release();
    const answered = await signedIn;
    expect(answered.status).toBe(200);
    expect(answered.headers['cache-control']).toBe('private, no-store');
  });
});
