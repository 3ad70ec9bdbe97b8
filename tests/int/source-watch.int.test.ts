// Source watch (issue 21, part 4) on the real Neo4j with the real seed documents as version 1:
// new texts of a document made from copies of it in a temp folder — lines inserted above cited
// passages (citations move, one 'source-update' change set), a cited line changed (the facts
// are flagged, listed for review with old and new lines, and answers say so in both
// languages), a cited passage deleted (gone), a different document (all flagged, none moved) —
// then review by two editors, a failed update that writes nothing, and the CLI's check and
// update. The store is left as found.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { createUser } from '../../server/auth/accounts.ts';
import { AUTOMATION } from '../../server/curation/actor.ts';
import { ensureLayer } from '../../server/curation/layer.ts';
import { rewindGraph } from '../../server/curation/recorded.ts';
import { updateSource } from '../../server/curation/source-watch.ts';
import { rewindLayer, testApp } from '../helpers/api.ts';
import { runCli, type CliResult } from '../helpers/cli.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const SEEDS = [process.env.SOURCES_DIR, resolve(REPO_ROOT, '../shared/seeds'), resolve(REPO_ROOT, '../../shared/seeds')].find(
  (d) => d && existsSync(resolve(d, '001_1c1597dd7120e666.txt')),
);
if (!SEEDS) throw new Error('source-watch.int.test.ts needs the seed documents (SOURCES_DIR or ../shared/seeds)');

const { app, db } = testApp({ SOURCES_DIR: SEEDS });
const PAGE = '001_1c1597dd7120e666.txt'; // Socialstyrelsen's page, 70 lines
const FINNISH = '000_7e31df940bd6ef96.txt'; // the Finnish ministry's page
const PEOPLE = `sw${randomBytes(3).toString('hex')}-`;
const dir = mkdtempSync(join(tmpdir(), 'source-watch-'));

let startVersion = 0;
let startDigest = '';
let startAt: unknown = null;
let startParts: Record<string, string> = {};
let ana: { token: string; cookie: string; csrf: string };
let bo: { token: string };

const seedLines = (file: string) => readFileSync(join(SEEDS, file), 'utf8').split('\n');
/** A new text of a document, written to the temp folder under the document's own name. */
function newText(file: string, lines: string[]): string {
  const text = lines.join('\n');
  writeFileSync(join(dir, file), text);
  return text;
}

const update = (file: string, text: string, token = ana.token) =>
  request(app)
    .post(`/api/sources/${file}/versions`)
    .set('Authorization', `Bearer ${token}`)
    .send({ text, reason: 'The publisher changed the page; testing source watch' });
const tieNow = async (id: string) => {
  const { rows } = await db.readText('MATCH (:Entity)-[r {id: $id}]->(:Entity) RETURN properties(r) AS props', { id }, { rowLimit: 1 });
  return rows[0]?.props as Record<string, unknown> | undefined;
};
const review = async (lang = 'en') => (await request(app).get('/api/review').query({ lang })).body.items as ReviewItem[];
interface ReviewItem {
  element: { kind: string; id: string; rev: number; title: string };
  document: { file: string; title: string };
  since: number;
  citation: { start: number; end: number };
  status: string;
  oldLines: Array<{ n: number; text: string }>;
  newLines: Array<{ n: number; text: string }>;
}

/**
 * `npm run -s sources -- ARGS` against the tests' Neo4j; the exit code and output instead of
 * throwing. The first call goes through npm, the others run the script's command
 * (tests/helpers/cli.ts).
 */
let npmChecked = false;
function sourcesCli(args: string[]): Promise<CliResult> {
  const viaNpm = !npmChecked;
  npmChecked = true;
  return runCli('sources', args, {
    viaNpm,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri'), SOURCES_DIR: SEEDS, CI: '1' },
    timeoutMs: 120_000,
  });
}

async function account(suffix: string) {
  const name = PEOPLE + suffix;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const made = await createUser(db, { name, role: 'editor', password });
  const res = await request(app).post('/api/session').send({ name, password });
  const cookie = String((res.headers['set-cookie'] as unknown as string[])[0]).split(';')[0]!;
  return { token: made!.token, cookie, csrf: res.body.csrfToken as string };
}

/** Everything since the start written back (the change sets' own `before` states), then the log and the versions removed. */
async function cleanUp() {
  await db.writeTransaction((tx) => rewindGraph(tx, startVersion).then(() => undefined));
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${startVersion} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (v:SourceVersion) DETACH DELETE v`);
  await db.replayStatement(`MATCH (s:Source) REMOVE s.currentVersion`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${startVersion}, g.at = ${JSON.stringify(startAt)}`);
  await rewindLayer(db, startVersion);
  await db.write('accounts/delete-prefixed', { prefix: PEOPLE });
}

beforeAll(async () => {
  ({ version: startVersion, at: startAt } = (await request(app).get('/api/versions/current')).body);
  await cleanUp();
  // The recorded-states layer kept up to this version, so that the clean-up can give it back exactly.
  await ensureLayer(db);
  startDigest = (await graphDigest(db)).digest;
  startParts = (await graphDigest(db)).parts;
  ana = await account('ana');
  bo = await account('bo');
});

afterAll(async () => {
  await cleanUp();
  // The next test files read the seed as it was.
  const end = await graphDigest(db);
  const lost = (k: string) => startParts[k]!.split('\n').filter((l) => !end.parts[k as 'nodes']!.split('\n').includes(l));
  const gained = (k: string) => end.parts[k as 'nodes']!.split('\n').filter((l) => !startParts[k]!.split('\n').includes(l));
  expect({ lost: lost('nodes').concat(lost('relationships')), gained: gained('nodes').concat(gained('relationships')) }).toEqual({
    lost: [],
    gained: [],
  });
  expect(end.digest).toBe(startDigest);
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('lines inserted above cited passages', () => {
  it('re-points the citations that moved, as one source-update change set that History shows', async () => {
    const before = await tieNow('represents-olivia-wigzell-sweden');
    expect(before?.sources).toEqual([`${PAGE}#L18-L18`]);
    const lines = seedLines(PAGE);
    const res = await update(PAGE, newText(PAGE, ['Nyheter', '', ...lines]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ source: { file: PAGE, version: 2 }, flagged: 0, unchanged: 0, differentDocument: false });
    expect(res.body.moved).toBeGreaterThan(10);

    const after = await tieNow('represents-olivia-wigzell-sweden');
    expect(after).toMatchObject({ sources: [`${PAGE}#L20-L20`], citedAgainst: [2], rev: res.body.changeSet.version });
    expect(after?.review).toBeUndefined();

    const cs = await request(app).get(`/api/changes/${res.body.changeSet.id}`);
    expect(cs.body).toMatchObject({ kind: 'source-update', author: `${PEOPLE}ana`, sources: [{ file: PAGE }] });
    const history = await request(app).get('/api/history/represents-olivia-wigzell-sweden');
    expect(history.body.entries[0]).toMatchObject({ changeSet: { kind: 'source-update' }, action: 'updateTie' });
    expect(history.body.entries[0].before.properties.sources).toEqual([`${PAGE}#L18-L18`]);

    // The moved citation opens the same words in the new text as the old one did in the old.
    const opened = await request(app).get(`/api/sources/${PAGE}/lines`).query({ from: 20, context: 0 });
    expect(opened.body.lines[0].text).toBe(lines[17]);
    const old = await request(app).get(`/api/sources/${PAGE}/lines`).query({ from: 18, context: 0, version: 1 });
    expect(old.body.lines[0].text).toBe(lines[17]);
  });

  it('"as recorded at" the version before shows the old citation; now shows the new one', async () => {
    const now = (await request(app).get('/api/versions/current')).body.version;
    const edgeOf = (body: { edges: Array<{ data: Record<string, unknown> }> }) =>
      body.edges.find((e) => e.data.factId === 'represents-olivia-wigzell-sweden')?.data;
    const then = await request(app)
      .get('/api/nodes/olivia-wigzell/neighborhood')
      .query({ recordedAt: String(now - 1) });
    expect(then.status, JSON.stringify(then.body)).toBe(200);
    expect(edgeOf(then.body)?.sources).toEqual([`${PAGE}#L18-L18`]);
    const today = await request(app).get('/api/nodes/olivia-wigzell/neighborhood');
    expect(edgeOf(today.body)?.sources).toEqual([`${PAGE}#L20-L20`]);
  });

  it('a citation checked after the update is checked against the new text', async () => {
    const res = await request(app)
      .post('/api/changes')
      .set('Authorization', `Bearer ${ana.token}`)
      .send({
        reason: 'A correction citing the last lines of the new text',
        sources: [{ file: PAGE, lines: 'L99' }],
        ops: [
          {
            op: 'updateTie',
            id: 'represents-olivia-wigzell-sweden',
            rev: (await tieNow('represents-olivia-wigzell-sweden'))!.rev,
            set: { sources: [`${PAGE}#L99-L99`] },
          },
        ],
      });
    // The new text has two lines more than the first.
    expect(res.status).toBe(400);
    const lines = (await request(app).get(`/api/sources/${PAGE}/lines`).query({ from: 1, version: 1 })).body.totalLines;
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.sources[0].lines', problem: { code: 'beyond-end', lines: lines + 2 } });
  });
});

describe('a cited line changed', () => {
  it('flags the facts citing it, keeps their citation, lists them for review with old and new lines, and answers say so', async () => {
    const v2 = readFileSync(join(dir, PAGE), 'utf8').split('\n');
    const changed = [...v2];
    changed[19] = `${v2[19]!.replace('2015', '2014')} (rättad)`;
    const res = await update(PAGE, newText(PAGE, changed));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ source: { version: 3 }, moved: 0, differentDocument: false });
    expect(res.body.flagged).toBeGreaterThanOrEqual(1);

    const flagged = await tieNow('represents-olivia-wigzell-sweden');
    expect(flagged).toMatchObject({ review: 'source-changed', reviewFile: PAGE, reviewSince: 3, sources: [`${PAGE}#L20-L20`] });

    const items = await review('en');
    const item = items.find((i) => i.element.id === 'represents-olivia-wigzell-sweden');
    expect(item).toMatchObject({
      element: { kind: 'tie', rev: res.body.changeSet.version, title: 'Olivia Wigzell — represents Sweden in WHO Executive Board' },
      document: { file: PAGE },
      since: 3,
      citation: { start: 20, end: 20 },
      status: 'changed',
      oldLines: [{ n: 20, text: v2[19] }],
      newLines: [{ n: 20, text: changed[19] }],
    });
    expect(item!.document.title).toMatch(/\(\d{4}\)$/);
    const sv = (await review('sv')).find((i) => i.element.id === 'represents-olivia-wigzell-sweden');
    expect(sv!.element.title).toMatch(/^Olivia Wigzell — företräder Sverige i /);

    const en = await request(app).get('/api/representation').query({ agent: 'olivia-wigzell', lang: 'en' });
    expect(en.status, JSON.stringify(en.body)).toBe(200);
    expect(en.body.summary.text).toContain('source changed since cited');
    const svAnswer = await request(app).get('/api/representation').query({ agent: 'olivia-wigzell', lang: 'sv' });
    expect(svAnswer.body.summary.text).toContain('källan har ändrats sedan den citerades');
    const person = await request(app).get('/api/nodes/olivia-wigzell').query({ lang: 'en' });
    expect(person.body.node.sourceChanged).toBe(true);
    expect(person.body.summary.text).toContain('(source changed since cited)');
    const edge = (await request(app).get('/api/nodes/olivia-wigzell/neighborhood')).body.edges.find(
      (e: { data: { factId: string } }) => e.data.factId === 'represents-olivia-wigzell-sweden',
    );
    expect(edge.data.sourceChanged).toBe(true);
  });
});

describe('a cited passage deleted', () => {
  it('lists the fact as gone, with no new lines', async () => {
    const v3 = readFileSync(join(dir, PAGE), 'utf8').split('\n');
    // Line 58 of version 3 (56 of the seed, cited against version 2 since the move) and the blank line after it.
    const cut = [...v3.slice(0, 57), ...v3.slice(59)];
    const res = await update(PAGE, newText(PAGE, cut));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = (await review()).find((i) => i.element.id === 'coordinates-eu-presidency-eu-cmo-meeting');
    expect(item).toMatchObject({
      status: 'gone',
      since: 4,
      citation: { start: 58, end: 58 },
      oldLines: [{ n: 58, text: v3[57] }],
      newLines: [],
    });
  });
});

describe('a different document', () => {
  it('flags every fact citing it and moves none', async () => {
    const citing = (await db.read('sources/citing-ties', { prefix: `${FINNISH}#` })).length;
    const other = seedLines(PAGE).map((l, i) => `${i}: ${l.split('').reverse().join('')}`);
    const res = await update(FINNISH, newText(FINNISH, other));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ differentDocument: true, moved: 0, unchanged: 0 });
    expect(res.body.flagged).toBeGreaterThanOrEqual(citing);
    const tie = await tieNow('part-of-finland-ministry-social-affairs-health-finnish-government');
    expect(tie).toMatchObject({ review: 'source-changed', reviewFile: FINNISH, sources: [`${FINNISH}#L7-L7`] });
  });
});

describe('review', () => {
  it('two editors settling the same item: one gets 201, the other 409 in plain words', async () => {
    const item = (await review()).find((i) => i.element.id === 'represents-olivia-wigzell-sweden')!;
    const body = { action: 'confirm', rev: item.element.rev, reason: 'The new wording still says this', citation: { start: 20, end: 20 } };
    const [a, b] = await Promise.all([
      request(app).post(`/api/review/tie/${item.element.id}`).set('Authorization', `Bearer ${ana.token}`).send(body),
      request(app).post(`/api/review/tie/${item.element.id}`).set('Authorization', `Bearer ${bo.token}`).send(body),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body.error.message).toMatch(/^This fact was changed in version \d+ after you opened it/);
    expect(refused.body.error.message).not.toContain(item.element.id);
  });

  it('confirming with lines of the current text clears the flag and cites them against it', async () => {
    const tie = await tieNow('represents-olivia-wigzell-sweden');
    expect(tie?.review).toBeUndefined();
    expect(tie).toMatchObject({ sources: [`${PAGE}#L20-L20`], citedAgainst: [4] });
    expect((await review()).some((i) => i.element.id === 'represents-olivia-wigzell-sweden')).toBe(false);
    const cs = (await request(app).get('/api/changes').query({ element: 'represents-olivia-wigzell-sweden', limit: 1 })).body.changes[0];
    expect(cs).toMatchObject({ kind: 'review', sources: [{ file: PAGE, lines: 'L20-L20' }] });
    const en = await request(app).get('/api/representation').query({ agent: 'olivia-wigzell', lang: 'en' });
    expect(en.body.summary.text).not.toContain('source changed since cited');
  });

  it('confirming with lines past the end of the current text is refused at the citation', async () => {
    const item = (await review()).find((i) => i.element.id === 'coordinates-eu-presidency-eu-cmo-meeting')!;
    const res = await request(app)
      .post(`/api/review/tie/${item.element.id}`)
      .set('Authorization', `Bearer ${ana.token}`)
      .send({ action: 'confirm', rev: item.element.rev, reason: 'Citing lines that are not there', citation: { start: 500, end: 501 } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.citation', problem: { code: 'beyond-end' } });
  });

  it('retiring takes the fact out of the graph and the queue', async () => {
    const item = (await review()).find((i) => i.element.id === 'coordinates-eu-presidency-eu-cmo-meeting')!;
    const res = await request(app)
      .post(`/api/review/tie/${item.element.id}`)
      .set('Authorization', `Bearer ${ana.token}`)
      .send({ action: 'retire', rev: item.element.rev, reason: 'The page no longer says this' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.changeSet).toMatchObject({ kind: 'review' });
    expect(await tieNow(item.element.id)).toBeUndefined();
    expect((await review()).some((i) => i.element.id === item.element.id)).toBe(false);
  });
});

describe('a failed update', () => {
  it('writes nothing: not the version, not a moved citation, not a flag', async () => {
    const before = (await graphDigest(db)).digest;
    const lines = seedLines(PAGE);
    await expect(
      updateSource(db, { file: PAGE, text: ['Rubrik', ...lines].join('\n'), reason: 'Failing halfway on purpose' }, AUTOMATION, {
        sourcesDir: SEEDS,
        beforeRecord: () => Promise.reject(new Error('the disk filled up')),
      }),
    ).rejects.toThrow('the disk filled up');
    expect((await graphDigest(db)).digest).toBe(before);
  });
});

describe('refusals', () => {
  it('an unknown document 404, an empty text 400, nobody 401, a session without CSRF 403; nothing written', async () => {
    const before = (await graphDigest(db)).digest;
    expect((await update('999_unknown.txt', 'Some text')).status).toBe(404);
    const empty = await update(PAGE, '');
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe('body.text');
    expect((await update(PAGE, '   \n  ')).status).toBe(400);
    const anonymous = await request(app).post(`/api/sources/${PAGE}/versions`).send({ text: 'x', reason: 'Nobody signed in here' });
    expect(anonymous.status).toBe(401);
    const noCsrf = await request(app)
      .post(`/api/sources/${PAGE}/versions`)
      .set('Cookie', ana.cookie)
      .send({ text: 'x', reason: 'A cookie without its CSRF token' });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('CSRF_FAILED');
    const reviewAnon = await request(app)
      .post('/api/review/tie/represents-olivia-wigzell-sweden')
      .send({ action: 'retire', rev: 1, reason: 'Nobody signed in' });
    expect(reviewAnon.status).toBe(401);
    expect((await graphDigest(db)).digest).toBe(before);
  });
});

describe('npm run sources', () => {
  it('check: 2 on bad usage, 1 with the facts a change touches, and 0 after the update', async () => {
    const usage = await Promise.all([sourcesCli(['check']), sourcesCli(['check', join(dir, 'nope')]), sourcesCli(['frobnicate'])]);
    expect(usage.map((u) => u.code)).toEqual([2, 2, 2]);
    expect(usage[1]!.stderr).toContain('is not a folder');

    const folder = mkdtempSync(join(dir, 'watch-'));
    const { totalLines } = (await request(app).get(`/api/sources/${PAGE}/lines`).query({ from: 1, context: 0 })).body;
    const current = await request(app).get(`/api/sources/${PAGE}/lines`).query({ from: 1, to: totalLines, context: 0 });
    const lines = current.body.lines.map((l: { text: string }) => l.text) as string[];
    // The line on Olivia Wigzell (20 of the current text) changes again.
    const edited = [...lines];
    edited[19] = `${lines[19]} (uppdaterad)`;
    writeFileSync(join(folder, PAGE), edited.join('\n'));
    writeFileSync(join(folder, FINNISH), readFileSync(join(dir, FINNISH)));

    const check = await sourcesCli(['check', folder]);
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain(`${PAGE}: changed since version 4`);
    expect(check.stdout).toContain('needs review: Olivia Wigzell — represents Sweden in WHO Executive Board (cites line 20, changed)');
    expect(check.stdout).toContain(`${FINNISH}: the same as version 2`);
    expect(check.stderr).toMatch(/0\/2 documents/);
    expect(check.stderr).toMatch(/\d+ fact\(s\) would need review after updating 2 document\(s\)/);

    const updated = await sourcesCli(['update', PAGE, join(folder, PAGE), '--author', `${PEOPLE}ana`]);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stderr).toContain(`${PAGE} is now at version 5`);
    expect(await tieNow('represents-olivia-wigzell-sweden')).toMatchObject({ review: 'source-changed', reviewSince: 5 });

    const again = await sourcesCli(['check', folder]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${PAGE}: the same as version 5`);
  }, 300_000);
});
