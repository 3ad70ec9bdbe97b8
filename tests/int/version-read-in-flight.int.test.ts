// Warm reads share one data-version read (server/api/answer-cache.ts, current), but a request
// never joins a read that began before it arrived: that read may have passed a change set
// committed, through another API server, just before the request came. Here the first read is
// held after Neo4j answered it, an edit lands through the other server, and a request that
// comes while the old read is still in flight is answered with the edit, never with the answer
// kept at the old version.
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { AnswerCache, type DataVersion } from '../../server/api/answer-cache.ts';
import { loadConfig } from '../../server/config.ts';
import { Database, type Params, type QueryOptions, type Row } from '../../server/db/database.ts';
import type { QueryName } from '../../server/db/cypher-registry.ts';
import { testApp, undoTestWrites } from '../helpers/api.ts';

const TOKEN = 'test-write-token-version-in-flight-0123';
const P = 'test-inflight-';
const NODE = `${P}agency`;
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };

/** A Database whose next data-version read, once Neo4j has answered it, waits until released. */
class HeldVersionReads extends Database {
  private hold: { reached: () => void; release: Promise<void> } | null = null;

  /** Holds the next version read; `reached` resolves when its rows are in, `release` lets it go. */
  holdNext(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    this.hold = { reached, release: new Promise<void>((r) => (release = r)) };
    return { reached: reachedP, release };
  }

  override async read(name: QueryName, params: Params = {}, options: QueryOptions = {}): Promise<Row[]> {
    const rows = await super.read(name, params, options);
    const hold = name === 'curation/graph-version' ? this.hold : null;
    if (hold) {
      this.hold = null;
      hold.reached();
      await hold.release;
    }
    return rows;
  }
}

/** An answer cache that counts the requests that asked it for the current version. */
class CountingCache extends AnswerCache {
  asked = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  override current(db: Database): Promise<DataVersion> {
    this.asked++;
    for (const w of this.waiters.filter((x) => x.n <= this.asked)) w.resolve();
    return super.current(db);
  }

  /** Resolves once `n` requests in all have asked. */
  askedBy(n: number): Promise<void> {
    return n <= this.asked ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', WRITE_TOKEN: TOKEN });
const db = new HeldVersionReads({
  uri: inject('neo4jUri'),
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
});
const answers = new CountingCache(config.ANSWER_CACHE_BYTES, 'test');
const one = createApp({ db, config, log: pino({ level: 'silent' }), version: 'test', answers });
// The other API server on the same Neo4j, through which the edit lands.
const two = testApp({ WRITE_TOKEN: TOKEN });
let since = 0;

const edit = (ops: unknown[]) =>
  request(two.app)
    .post('/api/changes')
    .set('Authorization', `Bearer ${TOKEN}`)
    .send({ reason: 'Changed while testing version reads in flight', sources: [SOURCE], ops });

beforeAll(async () => {
  since = (await request(two.app).get('/api/versions/current')).body.version;
  const added = await edit([
    {
      op: 'addNode',
      node: {
        id: NODE,
        label: 'Agency',
        name: 'Provverket Förrfjord',
        certainty: 'inferred',
        outsideKnowledge: 'outside knowledge: invented for the version-read tests',
      },
    },
  ]);
  expect(added.status, added.text).toBe(201);
});
afterAll(async () => {
  await undoTestWrites(two.db, P, since);
  await Promise.all([db.close(), two.db.close()]);
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
    const asked = answers.asked;
    const held = db.holdNext();
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
    await answers.askedBy(asked + 2);
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
    const held = db.holdNext();
    const asked = answers.asked;
    const early = request(one)
      .get(`/api/nodes/${NODE}`)
      .then((r) => r);
    await held.reached;
    const reads = countVersionReads(db);
    // Three: with the held one, as many as one client may run at once (READ_CONCURRENCY_PER_CLIENT).
    const together = Array.from({ length: 3 }, () =>
      request(one)
        .get(`/api/nodes/${NODE}`)
        .then((r) => r),
    );
    await answers.askedBy(asked + 4);
    held.release();
    const answered = await Promise.all([early, ...together]);
    expect(answered.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answered.map((r) => r.body.node.name))).toEqual(new Set(['Provverket Efterfjord']));
    // The three that came meanwhile waited for one read between them, not one each.
    expect(reads.stop()).toBe(1);
  });
});

/** Counts the version reads `db` starts from now until stop(). */
function countVersionReads(target: Database): { stop: () => number } {
  const original = target.read.bind(target);
  let n = 0;
  target.read = (name, params, options) => {
    if (name === 'curation/graph-version') n++;
    return original(name, params, options);
  };
  return {
    stop: () => {
      target.read = original;
      return n;
    },
  };
}
