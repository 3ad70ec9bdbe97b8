// Hostile: one client's burst of whole-graph exports, on the real Neo4j. It gets one place at a
// time and a short queue, the rest of the burst 429 with Retry-After; another client's read goes
// in beside it at once and is answered while the burst still waits; an editor's change set from
// the burst's own address is not refused, since change sets never enter the readers' lanes. Asserted on the lanes' state and the order of answers,
// never on how long anything took.
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ReadLanes } from '../../server/api/read-lanes.ts';
import { EditorsFirst } from '../../server/api/editors-first.ts';
import { loadConfig } from '../../server/config.ts';
import { rewindLayer } from '../helpers/api.ts';
import { HeldReads } from '../helpers/reads-held.ts';

const TOKEN = 'test-write-token-read-lanes-0123456789';
const P = 'test-lanes-';
// Counts each query's runs and can hold one: what shows a read of the past stepping aside.
const db = new HeldReads({ uri: inject('neo4jUri'), user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', WRITE_TOKEN: TOKEN });
const limits = { concurrency: 2, perClient: 1, queuePerClient: 3, queue: 50 };
/** The server's own gate, counting the writes that went through it. */
class CountedEditorsFirst extends EditorsFirst {
  writes = 0;
  override during<T>(write: () => Promise<T>): Promise<T> {
    this.writes++;
    return super.during(write);
  }
}
const editors = new CountedEditorsFirst(60_000);
const lanes = {
  editors,
  reads: new ReadLanes(limits, 'reads', editors),
  past: new ReadLanes({ ...limits, concurrency: 1 }, 'reads of the past', editors),
};
const app = createApp({ db, config, log: pino({ level: 'silent' }), version: 'test', lanes });
const HOSTILE = '10.9.0.1';
const OTHER = '10.9.0.2';
let start = { version: 0, at: '' };

const waitFor = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
};

beforeAll(async () => {
  start = (await request(app).get('/api/versions/current')).body;
});
afterAll(async () => {
  await db.replayStatement(`MATCH (n) WHERE (n:Entity OR n:Retired OR n:RetiredTie) AND n.id STARTS WITH '${P}' DETACH DELETE n`);
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${start.version} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${start.version}, g.at = '${start.at}'`);
  await rewindLayer(db, start.version);
  await db.close();
});

describe('a burst of expensive reads from one client', () => {
  it('is queued and refused on its own, and neither another reader nor an editor waits for it', async () => {
    const answered: string[] = [];
    const burst = Array.from({ length: 10 }, (_, i) =>
      request(app)
        .post('/api/export')
        .set('X-Forwarded-For', HOSTILE)
        .send({ format: 'json' })
        .then((res) => {
          answered.push(`burst ${i}: ${res.status}`);
          return res;
        }),
    );
    const hostile = `address:${HOSTILE}`;
    // The burst holds its one place and fills its queue; what is left of it is refused.
    await waitFor(() => lanes.reads.state().waiting[hostile] === limits.queuePerClient);
    expect(lanes.reads.state().running[hostile]).toBe(1);

    // Sent while the burst's queue is full: another client's read, and an editor's change set
    // from the burst's own address, which would be refused if it stood in the readers' lanes.
    const full = lanes.reads.state().waiting[hostile];
    const [other, added] = await Promise.all([
      request(app)
        .get('/api/nodes/who')
        .set('X-Forwarded-For', OTHER)
        .then((res) => {
          answered.push(`other: ${res.status}`);
          return res;
        }),
      request(app)
        .post('/api/changes')
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('X-Forwarded-For', HOSTILE)
        .send({
          reason: 'Added while a burst of exports waits, in the lanes tests',
          sources: [{ file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' }],
          ops: [
            {
              op: 'addNode',
              node: {
                id: `${P}agency`,
                label: 'Agency',
                name: 'Provverket Körfält',
                certainty: 'inferred',
                outsideKnowledge: 'outside knowledge: invented for the lanes tests',
              },
            },
          ],
        }),
    ]);
    expect(full).toBe(limits.queuePerClient);
    expect(other.status).toBe(200);
    expect(added.status, added.text).toBe(201);

    const results = await Promise.all(burst);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1 + limits.queuePerClient);
    const refused = results.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    for (const r of refused) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.body.error.code).toBe('RATE_LIMITED');
    }
    // The other reader went in beside the burst: it was answered before the burst's queue drained.
    const lastBurst = answered.findLastIndex((a) => a.endsWith(': 200') && a.startsWith('burst'));
    expect(answered.indexOf('other: 200')).toBeLessThan(lastBurst);
    expect(lanes.reads.state()).toEqual({ running: {}, waiting: {} });
  });
});

/** A change set that adds one invented agency. */
const addNode = (id: string, name: string, reason = 'Added to show editors going first, in the lanes tests') => ({
  reason,
  sources: [{ file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' }],
  ops: [
    {
      op: 'addNode',
      node: { id, label: 'Agency', name, certainty: 'inferred', outsideKnowledge: 'outside knowledge: invented for the lanes tests' },
    },
  ],
});

describe('an editor’s change set', () => {
  it('goes through the editors-first gate, and reads do not', async () => {
    const before = editors.writes;
    await request(app).get('/api/nodes/who').set('X-Forwarded-For', OTHER).expect(200);
    await request(app).get('/api/nodes/who').query({ recordedAt: '1' }).set('X-Forwarded-For', OTHER).expect(200);
    expect(editors.writes).toBe(before);
    const added = await request(app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(addNode(`${P}gated`, 'Provverket Grind'));
    expect(added.status, added.text).toBe(201);
    expect(editors.writes).toBe(before + 1);
  });

  it('is not kept waiting by reads that arrive while it runs: they wait, then read the graph with the change', async () => {
    const answers: string[] = [];
    let now: Promise<request.Response> | undefined;
    let past: Promise<request.Response> | undefined;
    const added = await editors.during(async () => {
      // Sent while the write runs: a read of now and one of the past, from two clients.
      now = request(app)
        .get(`/api/nodes/${P}first`)
        .set('X-Forwarded-For', OTHER)
        .then((res) => (answers.push('now'), res));
      past = request(app)
        .get('/api/nodes/who')
        .query({ recordedAt: '1' })
        .set('X-Forwarded-For', HOSTILE)
        .then((res) => (answers.push('past'), res));
      await waitFor(() => lanes.reads.state().waiting[`address:${OTHER}`] === 1 && lanes.past.state().waiting[`address:${HOSTILE}`] === 1);
      expect(lanes.reads.state().running).toEqual({});
      const res = await request(app)
        .post('/api/changes')
        .set('Authorization', `Bearer ${TOKEN}`)
        .send(addNode(`${P}first`, 'Provverket Först'));
      answers.push('write');
      return res;
    });
    expect(added.status, added.text).toBe(201);
    const [readNow, readPast] = await Promise.all([now!, past!]);
    expect(answers[0]).toBe('write');
    // The read of now started after the change set committed, so it finds the new node.
    expect(readNow.status, readNow.text).toBe(200);
    expect(readNow.body.node.name).toBe('Provverket Först');
    expect(readPast.status).toBe(200);
    expect(lanes.reads.state()).toEqual({ running: {}, waiting: {} });
  });
});

describe('a read of the past already running when an editor’s write begins', () => {
  it('sends no further query until the write has ended, and then answers as recorded', async () => {
    // The current version, which the recorded-states layer always holds (another file may have
    // built it afresh), and a node no test here asked for: an answer as recorded is kept for good.
    const { version } = (await request(app).get('/api/versions/current')).body as { version: number };
    // Held once Neo4j has answered its first query (the layer's state), so that it is mid-way.
    const held = db.holdNext('curation/layer-state');
    const past = request(app)
      .get('/api/nodes/sweden')
      .query({ recordedAt: String(version) })
      .set('X-Forwarded-For', OTHER)
      .then((res) => res);
    await held.reached;
    const pastQueries = () => db.runsOf('curation/version-made') + db.runsOf('nodes/get-node.past') + db.runsOf('nodes/degree.past');
    const before = pastQueries();
    let during = -1;
    const added = await editors.during(async () => {
      held.release();
      // A whole change set runs meanwhile: time enough for the read's next queries, had it sent them.
      const res = await request(app)
        .post('/api/changes')
        .set('Authorization', `Bearer ${TOKEN}`)
        .send(addNode(`${P}aside`, 'Provverket Åsido', 'Added while a read of the past waits, in the lanes tests'));
      during = pastQueries();
      return res;
    });
    expect(added.status, added.text).toBe(201);
    expect(during).toBe(before);
    const res = await past;
    expect(res.status, res.text).toBe(200);
    expect(res.body.recordedAt).toMatchObject({ version, method: 'layer' });
    expect(res.body.node.id).toBe('sweden');
    expect(pastQueries()).toBeGreaterThan(before);
  });
});
