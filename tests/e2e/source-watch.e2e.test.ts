// Source watch in the browser (issue 21, part 4): an editor uploads a new text of the seed
// chapter in which a cited line changed, cited lines moved and a cited passage was deleted; the
// form says what moved and what needs review; the Review tab lists the facts with their old and
// new lines; one is opened in the edit form, one confirmed with new lines, one retired (by
// keyboard, in Swedish at phone width); two editors resolving the same fact get one 201 and a
// plain 409. Answers say "source changed since cited" until the facts are reviewed.
// The app here is served with SOURCES_DIR pointing at the seed documents (version 1 of each
// document is its text there), on a server of this file's own over the tests' Neo4j; the store
// is left as found. Screenshots: artifacts/screenshots/source-watch-*.png.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { ensureLayer } from '../../server/curation/layer.ts';
import { rewindGraph } from '../../server/curation/recorded.ts';
import { rewindLayer, testApp } from '../helpers/api.ts';
import { expectNoAxeViolations, expectNoAxeViolationsAtPhone, launchChromium } from '../helpers/browser.ts';
import { graphDigest } from '../helpers/graph-digest.ts';

const SEEDS = [process.env.SOURCES_DIR, resolve(REPO_ROOT, '../shared/seeds'), resolve(REPO_ROOT, '../../shared/seeds')].find(
  (d) => d && existsSync(resolve(d, '003_1f946c82219b01d6.txt')),
);
if (!SEEDS) throw new Error('source-watch.e2e.test.ts needs the seed documents (SOURCES_DIR or ../shared/seeds)');

const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
const DOC = '003_1f946c82219b01d6.txt'; // the chapter on Socialstyrelsen's international work
const RUN = randomBytes(3).toString('hex');
const PEOPLE = `e2e-sw-${RUN}-`;
const ANA = { name: `${PEOPLE}ana`, password: `pw-${randomBytes(12).toString('hex')}` };
const BO = { name: `${PEOPLE}bo`, password: `pw-${randomBytes(12).toString('hex')}` };
/** The facts the new text touches: a changed line (545) is cited by the first two, the deleted passage (226–228) by the third. */
const REP_NATO = 'represents-socialstyrelsen-sweden-nato';
const IN_NATO = 'participates-in-socialstyrelsen-nato';
const IN_EU = 'member-of-sweden-european-union';

const old = readFileSync(join(SEEDS, DOC), 'utf8').split('\n');
/** The new text: line 545 reworded, lines 226–228 deleted, two lines inserted after line 100 (moving what follows). */
const changed = (() => {
  const next = [...old];
  next[544] = next[544]!.replace('har länge representerat', 'har sedan 1990-talet representerat');
  next.splice(225, 3);
  next.splice(100, 0, 'Ett stycke som den nya utgåvan har lagt till.', '');
  return next.join('\n');
})();

const { app, db } = testApp({ SOURCES_DIR: SEEDS, SERVE_WEB: '1' });
let server: Server;
let base = '';
let browser: Browser;
let startVersion = 0;
/** When the version counter last moved: part of the store, so put back with it. */
let startAt = '';
let startDigest = '';
const pageErrors: string[] = [];

function addEditor(who: { name: string; password: string }): void {
  execFileSync('npx', ['tsx', 'server/cli/users.ts', 'add', who.name, '--role', 'editor', '--password-stdin'], {
    input: `${who.password}\n`,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Everything this file wrote, taken back: the graph, the change log, the document's versions, the accounts. */
async function cleanUp(): Promise<void> {
  // Hundreds of moved citations to write back: more time than a request gets.
  await db.writeTransaction((tx) => rewindGraph(tx, startVersion).then(() => undefined), { timeoutMs: 300_000 });
  await db.replayStatement(`MATCH (c:ChangeSet) WHERE c.version > ${startVersion} OPTIONAL MATCH (c)-[:HAS_OP]->(o) DETACH DELETE c, o`);
  await db.replayStatement(`MATCH (v:SourceVersion {file: '${DOC}'}) DETACH DELETE v`);
  await db.replayStatement(`MATCH (s:Source {file: '${DOC}'}) REMOVE s.currentVersion`);
  await db.replayStatement(`MATCH (g:GraphVersion {id: 'graph'}) SET g.version = ${startVersion}, g.at = ${JSON.stringify(startAt)}`);
  await rewindLayer(db, startVersion);
  await db.write('accounts/delete-prefixed', { prefix: PEOPLE });
}

beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [now] = (await db.readText("MATCH (g:GraphVersion {id: 'graph'}) RETURN g.version AS v, g.at AS at", {}, { rowLimit: 1 })).rows;
  [startVersion, startAt] = [Number(now?.v ?? 0), String(now?.at ?? '')];
  // The recorded-states layer kept up to this version, so that the clean-up can give it back exactly.
  await ensureLayer(db);
  startDigest = (await graphDigest(db)).digest;
  addEditor(ANA);
  addEditor(BO);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await cleanUp();
  // The next test files read the seed as it was.
  expect((await graphDigest(db)).digest).toBe(startDigest);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await db.close();
  expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
});

const text = (l: Locator) => expect.poll(async () => ((await l.first().textContent()) ?? '').trim(), { timeout: 20_000 });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `source-watch-${name}.png`) });

/** Signed in, the page settled; Swedish pages at phone width for the keyboard story. */
async function open(
  who: { name: string; password: string },
  lang: 'en' | 'sv',
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${base}/?lang=${lang}`);
  await page.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 120_000 });
  await page.locator('#sign-in').click();
  await page.locator('#sign-in-name').fill(who.name);
  await page.locator('#sign-in-password').fill(who.password);
  await page.keyboard.press('Enter');
  await text(page.locator('.session-user')).toBe(who.name);
  return page;
}

/** The answer to "who represents Sweden in NATO through Socialstyrelsen", as the server words it. */
async function natoAnswer(lang: 'en' | 'sv'): Promise<string> {
  const res = await fetch(`${base}/api/representation?agent=socialstyrelsen&forum=nato&lang=${lang}`);
  return ((await res.json()) as { summary?: { text?: string } }).summary?.text ?? '';
}

const item = (page: Page, id: string) => page.locator(`.review-item[data-id="${id}"]`);

/** The fact leaves the queue; if it stays, what its item says is the failure's message. */
async function leaves(page: Page, id: string): Promise<void> {
  try {
    await expect.poll(() => item(page, id).count(), { timeout: 30_000 }).toBe(0);
  } catch {
    throw new Error(`still listed for review: ${(await item(page, id).textContent()) ?? ''}`);
  }
}

describe('source watch in the browser', { timeout: 400_000 }, () => {
  it('uploads a new text of the chapter, says what moved and what needs review, and lists the facts with old and new lines', async () => {
    expect(await natoAnswer('en')).not.toContain('source changed since cited');
    const page = await open(ANA, 'en', { width: 1280, height: 860 });
    await text(page.locator('#tab-review')).toMatch(/^Review/);

    await page.locator('#tab-edit').click();
    await page.locator('#panel-edit [data-mode="upload"]').click();
    await page.locator('#source-upload-doc').selectOption(DOC);
    await page.locator('#source-upload-text').setInputFiles({ name: DOC, mimeType: 'text/plain', buffer: Buffer.from(changed, 'utf8') });
    await page.locator('#source-upload-reason').fill('The publisher issued a revised edition of the chapter');
    await page.locator('.upload-form button[type="submit"]').click();
    const result = page.locator('.upload-result');
    await text(result).toContain('3 facts need review.');
    await text(result).toMatch(/The citations of \d+ facts moved with the text\./);
    await text(result).toContain('The new text is version 2 of the document.');
    await expectNoAxeViolations(page, 'a new text uploaded, its result', SHOTS);
    await shot(page, '1-uploaded');

    // Until reviewed, the answer says so.
    expect(await natoAnswer('en')).toContain('source changed since cited');
    expect(await natoAnswer('sv')).toContain('källan har ändrats sedan den citerades');

    await result.getByRole('button', { name: 'Open the review' }).click();
    await expect.poll(() => page.locator('#tab-review').getAttribute('aria-selected')).toBe('true');
    await text(page.locator('#tab-review')).toBe('Review (3)');
    await expect.poll(() => page.locator('.review-item').count()).toBe(3);
    // The changed line: as cited, and as the new text has it, side by side under their headers.
    const rep = item(page, REP_NATO);
    await text(rep.locator('caption')).toMatch(/^The cited lines of .+: as cited, and in the new text$/);
    const [cited, now] = [rep.locator('tbody td').nth(0), rep.locator('tbody td').nth(1)];
    await text(cited).toContain('Line 545');
    await text(cited).toContain('har länge representerat');
    await text(now).toContain('har sedan 1990-talet representerat');
    // The deleted passage: old lines, nothing new.
    // The deleted passage: the old lines, and none of their words in the new text.
    const gone = item(page, IN_EU);
    await text(gone.locator('tbody td').nth(0)).toContain('EU-medlemskapet har medfört stora förändringar');
    expect(await gone.locator('tbody td').nth(1).textContent()).not.toContain('EU-medlemskapet');
    expect((await page.locator('#panel-review').textContent()) ?? '').not.toMatch(/represents-|member-of-|\.txt|body\./);
    await expectNoAxeViolations(page, 'the review queue', SHOTS);
    await expectNoAxeViolationsAtPhone(page, 'the review queue', SHOTS, 'source-watch');
    await shot(page, '2-review');

    // Edit opens the existing edit form on the fact.
    await rep.locator('[data-action="edit"]').click();
    await expect.poll(() => page.locator('#tab-edit').getAttribute('aria-selected'), { timeout: 30_000 }).toBe('true');
    await text(page.locator('#panel-edit .edit-target')).toContain('Swedish National Board of Health and Welfare represents Sweden');
    await expect.poll(() => page.locator('#panel-edit [data-mode="correct"]').getAttribute('aria-pressed')).toBe('true');

    // Confirm with the new lines offered (the nearest ones), and the keyboard lands on the next fact.
    await page.locator('#tab-review').click();
    await rep.locator('[data-action="confirm"]').click();
    const lines = rep.locator('input[name="lines"]');
    await expect.poll(() => lines.inputValue()).toMatch(/^\d+-\d+$/);
    await rep.locator('textarea[name="reason"]').fill('The revised edition still says Socialstyrelsen represents Sweden here');
    await rep.getByRole('button', { name: 'Confirm', exact: true }).click();
    await leaves(page, REP_NATO);
    await text(page.locator('#tab-review')).toBe('Review (2)');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('review-title') ?? false)).toBe(true);
    await expectNoAxeViolations(page, 'a fact confirmed, the next one focused', SHOTS);
    await shot(page, '3-confirmed');
    await page.context().close();
  });

  it('two editors resolve the same fact: the first is saved, the second is told plainly, in Swedish at phone width', async () => {
    const [a, b] = await Promise.all([open(ANA, 'en', { width: 1280, height: 860 }), open(BO, 'sv', { width: 390, height: 844 })]);
    for (const p of [a, b]) {
      await p.locator('#tab-review').click();
      await item(p, IN_NATO).waitFor({ state: 'visible', timeout: 30_000 });
    }
    // Ana confirms first.
    await item(a, IN_NATO).locator('[data-action="confirm"]').click();
    await item(a, IN_NATO).locator('textarea[name="reason"]').fill('The revised edition still names this cooperation');
    await item(a, IN_NATO).getByRole('button', { name: 'Confirm', exact: true }).click();
    await leaves(a, IN_NATO);
    // Bo's page still shows it; his confirmation is refused and the queue is read again.
    await item(b, IN_NATO).locator('[data-action="confirm"]').click();
    await item(b, IN_NATO).locator('textarea[name="reason"]').fill('Den nya utgåvan säger fortfarande detta');
    await item(b, IN_NATO).getByRole('button', { name: 'Bekräfta', exact: true }).click();
    const note = b.locator('.review-gone');
    await text(note).toBe('Någon annan hann granska uppgiften före dig, så inget skrevs. Den väntar inte längre på granskning.');
    await expect.poll(() => b.evaluate(() => document.activeElement?.classList.contains('review-gone') ?? false)).toBe(true);
    await expect.poll(() => item(b, IN_NATO).count()).toBe(0);
    await text(b.locator('#tab-review')).toBe('Granska (1)');
    await expectNoAxeViolations(b, 'a review refused because another editor was first, Swedish phone', SHOTS);
    await shot(b, '4-conflict-sv-phone');
    // Both facts about NATO reviewed: the answer no longer marks them.
    expect(await natoAnswer('en')).not.toContain('source changed since cited');
    await a.context().close();
    await b.context().close();
  });

  it('retires the fact whose passage was deleted, by keyboard in Swedish at phone width, until nothing is left', async () => {
    const page = await open(BO, 'sv', { width: 390, height: 844 });
    await page.locator('#tab-review').focus();
    await page.keyboard.press('Enter');
    const gone = item(page, IN_EU);
    await gone.waitFor({ state: 'visible', timeout: 30_000 });
    // Stacked at phone width: each cell says which side it is.
    const cell = gone.locator('tbody td').first();
    // Polled: the queue may draw itself once more after it first shows (a cell of the first
    // drawing, gone from the page, has no style).
    await expect.poll(() => cell.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    await expect.poll(() => cell.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('Som citerat');
    await expectNoAxeViolations(page, 'the review queue in Swedish at phone width', SHOTS);
    await shot(page, '5-review-sv-phone');

    await gone.locator('[data-action="retire"]').focus();
    await page.keyboard.press('Enter');
    // The reason field takes the keyboard; Tab reaches the button, Enter presses it.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('name'))).toBe('reason');
    await page.keyboard.type('Stycket finns inte längre i den nya utgåvan');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avveckla uppgiften');
    await page.keyboard.press('Enter');
    const nothing = page.locator('.review-nothing');
    await text(nothing).toBe('Inget att granska: alla uppgifters citerade rader lyder som när de citerades.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('review-nothing') ?? false)).toBe(true);
    await text(page.locator('#tab-review')).toBe('Granska');
    await expectNoAxeViolations(page, 'nothing left to review, Swedish phone', SHOTS);
    await shot(page, '6-nothing-left-sv-phone');
    await page.context().close();
  });
});
