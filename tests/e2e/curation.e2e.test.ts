// Curation in the browser, as issue 13 tells it: an editor signs in, adds a tie with a
// citation, corrects its date and retires it; a second browser, not signed in, sees the
// changes, their history and a diff against the version before; "Compare 2016 with 2024"
// for Socialstyrelsen lists the ties that differ and marks them on the canvas. Headless
// Debian Chromium against the seeded graph and the real server; screenshots go to
// artifacts/screenshots/curation-<step>.png.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoAxeViolationsAtPhone, launchChromium } from '../helpers/browser.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const base = inject('appUrl');
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

// A user of this run only, so a second run on the same store does not meet the first one's.
const RUN = randomBytes(3).toString('hex');
const EDITOR = `e2e-editor-${RUN}`;
/** A forum of this run's own, so the tie it gets never meets one from an earlier run on a kept store. */
const FORUM = { name: `E2E forum ${RUN}`, id: `e2e-forum-${RUN}` };
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const SOURCE = '003_1f946c82219b01d6.txt';

let browser: Browser;
const pageErrors: string[] = [];

/** The editor's first API token, which `users add` prints on its last line. */
let token = '';

/** The editor, made with the product's own command against the test database. */
function createEditor(): void {
  const out = execFileSync('npx', ['tsx', 'server/cli/users.ts', 'add', EDITOR, '--role', 'editor', '--password-stdin'], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    stdio: ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  token = out.trim().split('\n').at(-1)!.trim();
}

beforeAll(async () => {
  createEditor();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
});

async function open(context: BrowserContext, path = '/?lang=en'): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(base + path);
  await page.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 120_000 });
  await settle(page);
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.mandateExplorer?.idle() && document.querySelector('#cy canvas') !== null, null, {
    timeout: 30_000,
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function shot(page: Page, step: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `curation-${step}.png`) });
}

const visible = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: 15_000 });
const text = (l: Locator) => expect.poll(async () => ((await l.first().textContent()) ?? '').trim(), { timeout: 15_000 });

async function pick(page: Page, fieldId: string, query: string, id: string): Promise<void> {
  const input = page.locator(`#${fieldId}`);
  const option = page.locator(`.search-box:has(#${fieldId}) .suggestion[data-id="${id}"]`);
  // A node added a moment ago reaches the search index shortly after: type again, as a person would.
  for (let attempt = 1; ; attempt++) {
    await input.fill('');
    await input.pressSequentially(query, { delay: 20 });
    try {
      await option.waitFor({ state: 'visible', timeout: attempt < 4 ? 5_000 : 15_000 });
      break;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
  await option.click();
}

/** Press Tab until the focused element matches, as a keyboard user does. */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const axe = (page: Page, state: string) => expectNoAxeViolations(page, state, SHOTS);
/** The same state at 390 px passes axe too (then back to the desktop). */
const axePhone = (page: Page, state: string) => expectNoAxeViolationsAtPhone(page, state, SHOTS, 'curation');

/** The ids of canvas ties whose fact id is `factId` (one, or none once it is retired). */
function edgesWithFact(page: Page, factId: string): Promise<string[]> {
  return page.evaluate(
    (f) =>
      window
        .mandateExplorer!.cy()
        .edges()
        .filter((e) => e.data('factId') === f)
        .map((e) => e.id()),
    factId,
  );
}

async function fillWhy(page: Page, form: string, reason: string, lines: string): Promise<void> {
  await page.locator(`#${form}-reason`).fill(reason);
  await page.locator(`#${form}-file`).selectOption(SOURCE);
  await page.locator(`#${form}-lines`).fill(lines);
}

describe('curation with history, in the browser', () => {
  let factId = '';
  let versions: number[] = [];

  it('an editor signs in, adds a tie with a citation, corrects its date and retires it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await open(context);

    // Reading needs no account; editing offers to sign in.
    await page.locator('#tab-edit').click();
    await visible(page.locator('#panel-edit .edit-signed-out'));
    await page.locator('#sign-in').click();
    await visible(page.locator('.sign-in-dialog'));
    await page.locator('#sign-in-name').fill(EDITOR);
    await page.locator('#sign-in-password').fill('not the password');
    await page.keyboard.press('Enter');
    await text(page.locator('#sign-in-problem')).toMatch(/not accepted/);
    await axe(page, 'sign-in dialog with a refusal');
    await shot(page, '1-sign-in-refused');
    await page.locator('#sign-in-password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await text(page.locator('.session-user')).toBe(EDITOR);

    // Add a node: its id is made from its name.
    await page.locator('#tab-edit').click();
    await page.locator('#panel-edit [data-mode="node"]').click();
    await page.locator('#edit-node-label').selectOption('Organisation');
    await page.locator('#edit-node-name').fill(FORUM.name);
    await expect.poll(() => page.locator('#edit-node-id').inputValue()).toBe(FORUM.id);
    await page.locator('#edit-node-evidence').fill('The chapter names a forum of this kind among those the board works in.');
    await fillWhy(page, 'edit-node', 'A forum the chapter names, for this test run', '40-42');
    await page.locator('#panel-edit button[type="submit"]').click();
    await text(page.locator('#panel-edit .edit-saved, #panel-edit .edit-status .ok-text')).toMatch(/Saved as version \d+/);
    await settle(page);
    expect(await page.evaluate(() => window.mandateExplorer!.state().selected)).toEqual([FORUM.id]);

    // Add a tie: the type picker offers only what the model allows from an Agency to an Organisation.
    await page.locator('#panel-edit [data-mode="tie"]').click();
    await pick(page, 'edit-tie-from', 'Socialstyrelsen', 'socialstyrelsen');
    await pick(page, 'edit-tie-to', FORUM.name, FORUM.id);
    await text(page.locator('#edit-tie-type-fit')).toMatch(/kinds? fits? a tie from Agency to Organisation/);
    const offered = await page
      .locator('#edit-tie-type option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toContain('PARTICIPATES_IN');
    expect(offered).not.toContain('HOLDS_POST');
    expect(offered).not.toContain('WORKS_AT');
    await page.locator('#edit-tie-type').selectOption('PARTICIPATES_IN');

    // A change without a reason or source is refused beside those fields, and nothing is sent.
    await page.locator('#edit-tie-evidence').fill('The chapter says the board takes part in the work of this organisation.');
    await page.locator('#panel-edit button[type="submit"]').click();
    await visible(page.locator('#edit-tie-reason-error'));
    await text(page.locator('#edit-tie-reason-error')).toMatch(/at least 10 characters/);
    expect(await page.locator('#edit-tie-reason').getAttribute('aria-invalid')).toBe('true');

    // The server's model refuses a hedged fact without its hedge words, beside the hedge field.
    await page.locator('#edit-tie-certainty').selectOption('hedged');
    await page.locator('#edit-tie-validFrom').fill('2019');
    await fillWhy(page, 'edit-tie', 'Found in the chapter on international work', '40-42');
    await page.locator('#panel-edit button[type="submit"]').click();
    await text(page.locator('#panel-edit .edit-status')).toMatch(/nothing was written/i);
    await visible(page.locator('#edit-tie-hedge-error'));
    await text(page.locator('#edit-tie-hedge-error')).toMatch(/hedge/i);
    await axe(page, 'edit form with a refusal beside the field');
    await shot(page, '2-refused-beside-field');

    await page.locator('#edit-tie-certainty').selectOption('stated');
    await page.locator('#panel-edit button[type="submit"]').click();
    await text(page.locator('#panel-edit .edit-saved, #panel-edit .edit-status .ok-text')).toMatch(/Saved as version \d+/);
    await settle(page);
    const selected = await page.evaluate(() => window.mandateExplorer!.state().selected);
    expect(selected).toHaveLength(1);
    factId = await page.evaluate((id) => String(window.mandateExplorer!.cy().getElementById(id).data('factId')), selected[0]!);
    expect(await edgesWithFact(page, factId)).toHaveLength(1);
    await shot(page, '3-tie-added');

    // Correct its date: the tie stays selected, the form shows what it says.
    await page.locator('#panel-edit [data-mode="correct"]').click();
    await expect.poll(() => page.locator('#edit-correct-validFrom').inputValue()).toBe('2019');

    // Meanwhile a script of the same editor sharpens the paraphrase (its API token, no cookie).
    const rev = await page.evaluate((id) => Number(window.mandateExplorer!.cy().getElementById(id).data('rev') ?? 0), selected[0]!);
    const meanwhile = await page.request.post(`${base}/api/changes`, {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        reason: 'A colleague sharpens the paraphrase',
        sources: [{ file: SOURCE, lines: 'L41' }],
        ops: [
          { op: 'updateTie', id: factId, rev, set: { evidence: 'The chapter names this council among the forums the board works in.' } },
        ],
      },
    });
    expect(meanwhile.status()).toBe(201);

    // The form was read before that: the server refuses it, and the page shows the tie as it is now.
    await page.locator('#edit-correct-validFrom').fill('2018');
    await fillWhy(page, 'edit-correct', 'The chapter dates the start a year earlier', '41');
    await page.locator('#panel-edit button[type="submit"]').click();
    const conflict = page.locator('#panel-edit .conflict');
    await visible(conflict);
    // Said to the person, in words: the same editor made the later change (through a script).
    await text(conflict).toContain('This changed since you opened it');
    await text(conflict).toMatch(/You changed its sources again in version \d+\./);
    await text(conflict).toContain('names this council among the forums');
    await axe(page, 'edit conflict with the current state');
    await shot(page, '4a-conflict');
    await conflict.getByRole('button', { name: 'Load the current state' }).click();
    await settle(page);
    await expect.poll(() => page.locator('#edit-correct-evidence').inputValue()).toContain('names this council');
    await expect.poll(() => page.locator('#edit-correct-validFrom').inputValue()).toBe('2019');
    await page.locator('#edit-correct-validFrom').fill('2018');
    await fillWhy(page, 'edit-correct', 'The chapter dates the start a year earlier', '41');
    await page.locator('#panel-edit button[type="submit"]').click();
    await text(page.locator('#panel-edit .edit-saved, #panel-edit .edit-status .ok-text')).toMatch(/Saved as version \d+/);
    await settle(page);
    const [corrected] = await edgesWithFact(page, factId);
    expect(await page.evaluate((id) => window.mandateExplorer!.cy().getElementById(id).data('validFrom'), corrected!)).toBe('2018');
    await shot(page, '4-date-corrected');

    // Retire it, with a reason: it leaves the canvas.
    await page.locator('#panel-edit [data-mode="retire"]').click();
    await page.locator('#edit-retire-retireReason').fill('Added to try the editor; the source does not say this');
    await fillWhy(page, 'edit-retire', 'Retiring the tie added in this test run', '41');
    await page.locator('#panel-edit button[type="submit"]').click();
    await text(page.locator('#panel-edit .edit-saved, #panel-edit .edit-status .ok-text')).toMatch(/Saved as version \d+/);
    await settle(page);
    expect(await edgesWithFact(page, factId)).toEqual([]);
    await shot(page, '5-tie-retired');
    await context.close();
  });

  it('a second browser sees the changes, their history and a diff against the version before', async () => {
    expect(factId).not.toBe('');
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await open(context);
    await page.locator('#tab-changes').click();
    const items = page.locator('.change-item');
    await visible(items);
    // Newest first: the retirement, the correction, the addition, all by the editor.
    const top = await items.evaluateAll((li) =>
      li.slice(0, 4).map((l) => ({ v: Number((l as HTMLElement).dataset.version), text: l.textContent ?? '' })),
    );
    versions = top.map((x) => x.v);
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(top[0]!.text).toContain('Retiring the tie added in this test run');
    expect(top[1]!.text).toContain('The chapter dates the start a year earlier');
    expect(top[2]!.text).toContain('A colleague sharpens the paraphrase');
    expect(top[3]!.text).toContain('Found in the chapter on international work');
    for (const x of top) expect(x.text).toContain(EDITOR);
    // Not signed in: nothing to revert with.
    expect(await page.locator('.change-item [data-action="revert"]').count()).toBe(0);

    // The correction's operation, field by field.
    await items.nth(1).locator('summary').click();
    await text(items.nth(1).locator('.change-table')).toMatch(/2019\s*2018/);

    // The retirement against the version before: the tie is listed as retired and drawn, faint, where it was.
    await items.nth(0).getByRole('button', { name: 'Compare with the version before' }).click();
    await settle(page);
    const row = page.locator(`.diff-row[data-id="${factId}"]`);
    await visible(row);
    expect(await row.getAttribute('data-mark')).toBe('gone');
    const ghost = await page.evaluate(
      (f) =>
        window
          .mandateExplorer!.cy()
          .edges('.diff-gone')
          .filter((e) => e.data('factId') === f)
          .map((e) => e.id()),
      factId,
    );
    expect(ghost).toHaveLength(1);
    await visible(page.locator('.diff-canvas-legend'));
    await axe(page, 'changes tab with a diff');
    await axePhone(page, 'changes tab with a diff');
    await shot(page, '6-second-browser-diff');

    // Its history: select it from the list, then the History tab.
    await row.getByRole('button', { name: 'Select' }).click();
    await settle(page);
    await page.locator('#tab-history').click();
    const entries = page.locator('#panel-history .history-entry');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(4);
    await text(entries.nth(0)).toContain('Retired the tie');
    await text(entries.nth(1)).toMatch(/Corrected the tie[\s\S]*2019[\s\S]*2018/);
    await text(entries.nth(2)).toContain('A colleague sharpens the paraphrase');
    await text(entries.nth(3)).toContain('Added the tie');
    await axe(page, 'history tab');
    await axePhone(page, 'history tab');
    await shot(page, '7-history');
    await context.close();
  });

  it('compares 2016 with 2024 for Socialstyrelsen: the ties that differ, listed and marked on the canvas', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await open(context);
    // By keyboard alone: the tab, both dates, the node from the suggestions, Compare.
    await page.locator('#tab-changes').focus();
    await page.keyboard.press('Enter');
    await tabTo(page, '#compare-a');
    await page.keyboard.type('2016');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2024');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Socialstyrelsen', { delay: 20 });
    await page.locator('.search-box:has(#compare-around) .suggestion[data-id="socialstyrelsen"]').waitFor({ state: 'visible' });
    // Arrow down to the agency itself: the documents named after it are suggested too.
    const agency = '.search-box:has(#compare-around) .suggestion[data-id="socialstyrelsen"][aria-selected="true"]';
    for (let i = 0; i < 10 && !(await page.locator(agency).count()); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.locator('#compare-around').inputValue()).not.toMatch(/2024|cited/);
    await tabTo(page, '#compare-run');
    await page.keyboard.press('Enter');
    await settle(page);
    const rows = page.locator('.diff-row');
    await visible(rows);
    const listed = await rows.evaluateAll((r) => r.map((x) => ({ mark: (x as HTMLElement).dataset.mark, text: x.textContent ?? '' })));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => r.mark === 'added' || r.mark === 'gone')).toBe(true);
    expect(listed.every((r) => r.text.includes('Socialstyrelsen') || r.text.includes('National Board'))).toBe(true);
    // Every listed tie is marked on the canvas, and nothing else is.
    const marked = await page.evaluate(() => window.mandateExplorer!.cy().edges('.diff-added, .diff-gone').length);
    expect(marked).toBe(listed.length);
    await text(page.locator('.compare-heading')).toMatch(/held in 2016 but not in 2024/);
    // Each date's ties in the three as-of groups, and the undated ties the comparison cannot place.
    const sides = page.locator('.compare-side');
    await expect.poll(() => sides.count()).toBe(2);
    await text(sides.first()).toMatch(/The ties as of 2016.*Held then: \d+.*Dates not given: \d+.*Not valid then: \d+/s);
    await text(sides.last()).toMatch(/The ties as of 2024/);
    await text(page.locator('.compare-undated')).toMatch(/^\d+ ties have no dates given: a comparison of dates cannot say/);
    await axe(page, 'compare two dates');
    await shot(page, '8-compare-2016-2024');

    // At phone width the comparison still reads.
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page);
    await shot(page, '9-compare-phone');
    await axe(page, 'compare two dates, phone');
    await context.close();
  });

  it('an editor reverts the retirement, recorded as a change set of its own', async () => {
    expect(factId).not.toBe('');
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await open(context);
    await page.locator('#sign-in').click();
    await page.locator('#sign-in-name').fill(EDITOR);
    await page.locator('#sign-in-password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await text(page.locator('.session-user')).toBe(EDITOR);
    await page.locator('#tab-changes').click();
    const retirement = page.locator('.change-item', { hasText: 'Retiring the tie added in this test run' }).first();
    await visible(retirement);
    const version = Number(await retirement.getAttribute('data-version'));
    await retirement.locator('[data-action="revert"]').click();
    // The reason is asked for, beside the field, before anything is sent.
    await retirement.getByRole('button', { name: 'Revert this change' }).click();
    await text(retirement.locator('.field-error')).toMatch(/at least 10 characters/);
    await retirement.locator('textarea').fill('The tie was right after all: bring it back');
    await retirement.getByRole('button', { name: 'Revert this change' }).click();
    const top = page.locator('.change-item').first();
    await text(top).toContain('The tie was right after all');
    expect(Number(await top.getAttribute('data-version'))).toBeGreaterThan(version);
    await text(top.locator('.change-kind')).toBe('revert');
    // The tie is back: its history now ends in the revert.
    const history = (await (await page.request.get(`${base}/api/history/${factId}`)).json()) as {
      entries: Array<{ changeSet: { kind: string } }>;
    };
    expect(history.entries.map((e) => e.changeSet.kind)).toContain('revert');
    await shot(page, '10-reverted');

    // A revert is a change set like any other: reverting it retires the tie again.
    const revertVersion = Number(await top.getAttribute('data-version'));
    await top.locator('[data-action="revert"]').click();
    await top.locator('textarea').fill('Retire it again: this run leaves the graph as it found it');
    await top.getByRole('button', { name: 'Revert this change' }).click();
    await text(page.locator('.change-item').first()).toContain('Retire it again');
    await text(page.locator('.change-item').first()).toContain(`Undoes version ${revertVersion}`);
    await context.close();
  });

  it('speaks Swedish in every curation tab, and passes axe there', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'sv-SE' });
    const page = await open(context, '/?lang=sv');
    await page.locator('#tab-edit').click();
    await text(page.locator('#panel-edit .edit-signed-out')).toContain('Logga in som redaktör');
    await page.locator('#sign-in').click();
    await page.locator('#sign-in-name').fill(EDITOR);
    await page.locator('#sign-in-password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await text(page.locator('.session-user')).toBe(EDITOR);
    await page.locator('#tab-edit').click();
    await text(page.locator('#edit-tie-type-fit')).toContain('Välj båda ändarna');
    await text(page.locator('#panel-edit button[type="submit"]')).toBe('Lägg till bandet');
    await axe(page, 'edit tab in Swedish');
    await shot(page, '11-swedish-edit');
    await page.locator('#tab-changes').click();
    await text(page.locator('#compare-title')).toBe('Jämför');
    await text(page.locator('#changes-title')).toBe('Senaste ändringarna');
    await visible(page.locator('.change-item'));
    await axe(page, 'changes tab in Swedish');
    await axePhone(page, 'changes tab in Swedish');
    await context.close();
  });
});
