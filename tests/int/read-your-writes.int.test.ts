// Read-your-writes for a cluster (server/db/database.ts, one bookmark manager per process):
// every change set an API server commits leaves its bookmark with that server, and its later
// reads carry it, so a follower answers them only once it has that change set. On the tests'
// single instance the bookmarks are met at once; what can be seen is which server holds which.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addInventedAgency, testApp, undoTestWrites } from '../helpers/api.ts';

const TOKEN = 'test-write-token-read-your-writes-01234';
const P = 'test-ryw-';
const SOURCE = { file: '001_1c1597dd7120e666.txt', lines: 'L3-L4' };
const writer = testApp({ WRITE_TOKEN: TOKEN });
const other = testApp({ WRITE_TOKEN: TOKEN });
let since = 0;

const bookmarks = async (db: typeof writer.db) => [...(await db.causalBookmarks())];

beforeAll(async () => {
  since = (await request(writer.app).get('/api/versions/current')).body.version;
});
afterAll(async () => {
  await undoTestWrites(writer.db, P, since);
  await Promise.all([writer.db.close(), other.db.close()]);
});

describe('read-your-writes', () => {
  it('a server’s reads wait for the change sets it committed, and only for those', async () => {
    // Reads commit nothing new: a server that has only read holds no change set to wait for.
    expect((await request(other.app).get('/api/nodes/who')).status).toBe(200);
    const otherBefore = await bookmarks(other.db);
    const writerBefore = await bookmarks(writer.db);

    const added = await request(writer.app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({
        reason: 'Changed while testing read-your-writes',
        sources: [SOURCE],
        ops: [addInventedAgency(`${P}agency`, 'Provverket Läsfjord', 'tests of read-your-writes')],
      });
    expect(added.status, added.text).toBe(201);

    // The writer now holds a bookmark it did not hold before: its next read carries it.
    const writerAfter = await bookmarks(writer.db);
    expect(writerAfter.length).toBeGreaterThan(0);
    expect(writerAfter).not.toEqual(writerBefore);
    const read = await request(writer.app).get(`/api/nodes/${P}agency`);
    expect(read.status).toBe(200);
    expect(read.body.node.name).toBe('Provverket Läsfjord');
    // The other server committed nothing: it waits for no change set of the writer's.
    expect(await bookmarks(other.db)).toEqual(otherBefore);
  });
});
