// Evidence at hand: the list of source documents, and cited lines shown in context from the
// server's SOURCES_DIR, never from anywhere else. The real documents are read from
// ../shared/seeds (or SOURCES_DIR) and never copied into the repository; the hostile cases run
// on a folder of our own made-up lines.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { testApp } from '../helpers/api.ts';

const work = mkdtempSync(join(tmpdir(), 'sources-'));
const folder = join(work, 'seeds');
mkdirSync(folder);
writeFileSync(join(work, 'secret.txt'), 'SECRET OUTSIDE THE FOLDER\n');
writeFileSync(join(folder, '001_test.txt'), Array.from({ length: 30 }, (_, i) => `made-up line ${i + 1}`).join('\n') + '\n');
symlinkSync(join(work, 'secret.txt'), join(folder, '002_link.txt'));

const without = testApp({ SOURCES_DIR: '' });
const withDir = testApp({ SOURCES_DIR: folder });

const realSeeds = [process.env.SOURCES_DIR, resolve(REPO_ROOT, '../shared/seeds'), resolve(REPO_ROOT, '../../shared/seeds')].find(
  (d): d is string => Boolean(d) && existsSync(join(d!, '001_1c1597dd7120e666.txt')),
);
if (!realSeeds) {
  process.stderr.write(
    '\n*** sources.int.test.ts: NO SOURCE DOCUMENTS FOUND (SOURCES_DIR, ../shared/seeds, ../../shared/seeds): the test on the real documents is SKIPPED ***\n\n',
  );
}
const real = realSeeds ? testApp({ SOURCES_DIR: realSeeds }) : null;

afterAll(async () => {
  await Promise.all([without.db.close(), withDir.db.close(), real?.db.close()]);
  rmSync(work, { recursive: true, force: true });
});

describe('GET /api/sources', () => {
  it('lists the :Source nodes (none before the data names them) and says whether text is at hand', async () => {
    const a = await request(without.app).get('/api/sources');
    expect(a.status).toBe(200);
    expect(Array.isArray(a.body.sources)).toBe(true);
    for (const s of a.body.sources) expect(s.file).toMatch(/\.txt$/);
    expect(a.body.textAvailable).toBe(false);
    const b = await request(withDir.app).get('/api/sources');
    expect(b.body.textAvailable).toBe(true);
  });
});

describe('GET /api/sources/{file}/lines', () => {
  it('returns the cited lines with numbered context lines', async () => {
    const res = await request(withDir.app).get('/api/sources/001_test.txt/lines').query({ from: 10, to: 11, context: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ file: '001_test.txt', from: 10, to: 11, totalLines: 30 });
    expect(res.body.lines.map((l: { number: number; cited: boolean }) => [l.number, l.cited])).toEqual([
      [8, false],
      [9, false],
      [10, true],
      [11, true],
      [12, false],
      [13, false],
    ]);
    expect(res.body.lines[2].text).toBe('made-up line 10');
    // Context stops at the ends of the document.
    const edge = await request(withDir.app).get('/api/sources/001_test.txt/lines').query({ from: 1, context: 3 });
    expect(edge.body.lines.map((l: { number: number }) => l.number)).toEqual([1, 2, 3, 4]);
  });

  it('answers 404 SOURCE_TEXT_UNAVAILABLE without SOURCES_DIR, or for a file not in the folder', async () => {
    const a = await request(without.app).get('/api/sources/001_test.txt/lines').query({ from: 1 });
    expect(a.status).toBe(404);
    expect(a.body.error.code).toBe('SOURCE_TEXT_UNAVAILABLE');
    const b = await request(withDir.app).get('/api/sources/009_missing.txt/lines').query({ from: 1 });
    expect(b.status).toBe(404);
    expect(b.body.error.code).toBe('SOURCE_TEXT_UNAVAILABLE');
  });

  it.each([
    [{ from: 0 }, 'query.from'],
    [{ from: 'x' }, 'query.from'],
    [{ from: 5, to: 4 }, 'query.to'],
    [{ from: 31 }, 'query.from'],
    [{ from: 29, to: 40 }, 'query.to'],
    [{ from: 1, context: 99 }, 'query.context'],
    [{}, 'query.from'],
  ])('answers 400 on a bad range %j', async (query, path) => {
    const res = await request(withDir.app).get('/api/sources/001_test.txt/lines').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it.each([
    '..%2Fsecret.txt',
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '%2Fetc%2Fpasswd',
    '%2F..%2Fsecret.txt',
    '..%5Csecret.txt',
    '..secret.txt',
    '.%2E%2Fsecret.txt',
    '%2e%2e%2fsecret.txt',
    '002_link.txt',
    'secret.txt%00.txt',
  ])('never reads outside the folder: %s', async (file) => {
    const res = await request(withDir.app).get(`/api/sources/${file}/lines?from=1`);
    expect([400, 404]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toMatch(/SECRET|root:/);
  });

  it('a raw ../ in the path reaches no source file', async () => {
    const res = await request(withDir.app).get('/api/sources/../../secret.txt/lines?from=1');
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toMatch(/SECRET/);
  });

  it.skipIf(!real)('shows a cited line of the real documents in context (SOURCES_DIR or ../shared/seeds)', async () => {
    const res = await request(real!.app).get('/api/sources/001_1c1597dd7120e666.txt/lines').query({ from: 16, context: 1 });
    expect(res.status).toBe(200);
    expect(res.body.lines.map((l: { number: number; cited: boolean }) => [l.number, l.cited])).toEqual([
      [15, false],
      [16, true],
      [17, false],
    ]);
    expect(res.body.lines[1].text.length).toBeGreaterThan(0);
  });
});

describe('lines of a source registered with an uploaded text (addSource)', () => {
  const TOKEN = `t-${randomBytes(16).toString('hex')}`;
  const writer = testApp({ SOURCES_DIR: '', WRITE_TOKEN: TOKEN });
  const withFolder = testApp({ SOURCES_DIR: folder });
  afterAll(() => Promise.all([writer.db.close(), withFolder.db.close()]));
  // A file of this run's own, so a kept store's earlier runs do not answer for it.
  const file = `upload_${randomBytes(4).toString('hex')}.txt`;
  const hostile = 'a line with <img src=x onerror=alert(1)> in it';
  const text = ['made-up first line', 'made-up second line', hostile, 'made-up fourth line'].join('\n') + '\n';

  it('serves the uploaded lines as plain text, and lists the source without its text', async () => {
    const before = await request(writer.app).get(`/api/sources/${file}/lines`).query({ from: 1 });
    expect(before.status).toBe(404);
    expect(before.body.error.code).toBe('SOURCE_TEXT_UNAVAILABLE');

    const written = await request(writer.app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({
        reason: 'Register an uploaded document for the source-lines test',
        sources: [{ file }],
        ops: [{ op: 'addSource', source: { file, title: 'Uploaded test document' }, text }],
      });
    expect(written.status).toBe(201);

    // Without SOURCES_DIR, and with a folder that does not hold the file: the uploaded text.
    for (const app of [writer.app, withFolder.app]) {
      const res = await request(app).get(`/api/sources/${file}/lines`).query({ from: 3, context: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ file, from: 3, to: 3, totalLines: 4 });
      expect(res.body.lines).toEqual([
        { number: 2, text: 'made-up second line', cited: false },
        { number: 3, text: hostile, cited: true },
        { number: 4, text: 'made-up fourth line', cited: false },
      ]);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
    const past = await request(writer.app).get(`/api/sources/${file}/lines`).query({ from: 5 });
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe('query.from');

    const list = await request(writer.app).get('/api/sources');
    const listed = list.body.sources.find((s: { file: string }) => s.file === file);
    expect(listed).toMatchObject({ file, title: 'Uploaded test document', hasText: true });
    expect(listed).not.toHaveProperty('text');
  });

  it('a source registered without a text has no lines to show (404)', async () => {
    const bare = `bare_${randomBytes(4).toString('hex')}.txt`;
    const written = await request(writer.app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({
        reason: 'Register a document without its text',
        sources: [{ file: bare }],
        ops: [{ op: 'addSource', source: { file: bare, title: 'No text' } }],
      });
    expect(written.status).toBe(201);
    const res = await request(writer.app).get(`/api/sources/${bare}/lines`).query({ from: 1 });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('SOURCE_TEXT_UNAVAILABLE');
  });
});
