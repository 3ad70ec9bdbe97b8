// Hostile: one client's burst of whole-graph exports, on the real Neo4j. It gets one place at a
// time and a short queue, the rest of the burst 429 with Retry-After; another client's read goes
// in beside it at once and is answered while the burst still waits; an editor's change set from
// the burst's own address is not refused, since change sets never enter the readers' lanes. Asserted on the lanes' state and the order of answers,
// never on how long anything took.
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ReadLanes } from '../../server/api/read-lanes.ts';
import { loadConfig } from '../../server/config.ts';
import { rewindLayer, testDatabase } from '../helpers/api.ts';

const TOKEN = 'test-write-token-read-lanes-0123456789';
const P = 'test-lanes-';
const db = testDatabase();
const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '0', WRITE_TOKEN: TOKEN });
const limits = { concurrency: 2, perClient: 1, queuePerClient: 3, queue: 50 };
const lanes = { reads: new ReadLanes(limits), past: new ReadLanes({ ...limits, concurrency: 1 }, 'reads of the past') };
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
