// Everyone can use it (issue 14), in headless Debian Chromium against the seeded graph:
// axe-core on every screen and state with no violations allowed, the three journeys by
// keyboard alone, the same journeys in Swedish with no English left in the chrome, a phone
// at 390 px, dates refused at the field, and readable layered pictures. Screenshots go to
// artifacts/screenshots/, and the README's to docs/images/ when UPDATE_README_PICTURES=1.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expectNoAxeViolations, launchChromium, readmePicture } from '../helpers/browser.ts';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';

const base = inject('appUrl');
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** States axe has checked, with what it found (all must be empty). */
const axeStates: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  // Read in the report: how many states axe checked across the file.
  process.stdout.write(`axe checked ${axeStates.length} states with 0 violations: ${axeStates.join(', ')}\n`);
});

afterEach(async () => {
  await context?.close();
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
});

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB' };
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
  locale: 'en-GB',
};

async function open(path = '/', options: BrowserContextOptions = DESKTOP): Promise<Page> {
  context = await browser.newContext({ acceptDownloads: true, reducedMotion: 'reduce', ...options });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(base + path);
  // The first page of a run meets a cold database: give its starting view longer.
  await page.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 120_000 });
  await settle();
  return page;
}

async function settle(p: Page = page): Promise<void> {
  await p.waitForFunction(() => window.mandateExplorer?.idle() && document.querySelector('#cy canvas') !== null, null, { timeout: 30_000 });
  await p.waitForFunction(() => !window.mandateExplorer!.cy().animated(), null, { timeout: 10_000 });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function shot(name: string, docs?: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `access-${name}.png`) });
  const picture = docs && readmePicture(docs);
  if (picture) await page.screenshot({ path: picture });
}

/** No axe violation (WCAG 2.1 A and AA) in this state; the states checked are listed at the end. */
async function axe(state: string): Promise<void> {
  await expectNoAxeViolations(page, state, SHOTS);
  axeStates.push(state);
}

/** Inside a toolbar: press → until the focused control matches; fails after `max`. */
async function arrowTo(selector: string, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`The arrow keys never reached ${selector}`);
}

/** Press Tab until the focused element matches, as a keyboard user does; fails after `max`. */
async function tabTo(selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = () => page.evaluate(() => document.activeElement?.closest('[id]')?.id ?? document.activeElement?.tagName);
const text = (sel: string) => expect.poll(async () => ((await page.locator(sel).first().textContent()) ?? '').trim(), { timeout: 15_000 });

/** Pick a suggestion in a search field by keyboard: type, wait for the list, Enter. */
async function typeAndPick(query: string, id: string): Promise<void> {
  await page.keyboard.type(query, { delay: 15 });
  await page.locator(`.suggestion[data-id="${id}"]:visible`).first().waitFor({ state: 'visible' });
  // Arrow down to the wanted suggestion.
  for (let i = 0; i < 12; i++) {
    const active = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      const a = input.getAttribute('aria-activedescendant');
      return a ? document.getElementById(a)?.getAttribute('data-id') : null;
    });
    if (active === id) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

describe('WCAG 2.1 AA, checked by axe on every screen and state', () => {
  it('landing, search open, export menu, both themes, every tab with an answer, the table, the citation dialog', async () => {
    await open();
    await shot('landing', 'landing');
    await axe('landing (light)');

    await page.locator('body').press('/');
    await page.keyboard.type('Socialstyrelsen', { delay: 15 });
    await page.locator('.topbar .suggestion').first().waitFor();
    await axe('search suggestions open');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await page.locator('.export-menu summary').click();
    await axe('export menu open');
    // Not an ARIA menu: a disclosure with radios and buttons.
    expect(await page.locator('.export-menu [role="menu"], .export-menu [role="menuitem"]').count()).toBe(0);
    await page.keyboard.press('Escape');

    // The Copy link button's name is its visible text.
    const copy = page.locator('button[data-action="copy-link"]');
    expect(await copy.getAttribute('aria-label')).toBeNull();

    // Details of a node.
    await page.locator('body').press('/');
    await typeAndPick('Chief Medical Officer', 'post-sweden-chief-medical-officer');
    await settle();
    await page.locator('#panel-details .holders-list li').first().waitFor();
    await axe('details tab with a node');

    // Chain answer.
    await page.locator('#panel-details button', { hasText: en.details.traceUp }).click();
    await settle();
    await page.locator('#panel-chain .answer-text').waitFor();
    expect(await focused()).toBe('panel-chain');
    await axe('chain tab with an answer');
    await shot('chain');

    // Representation answer.
    await page.locator('#tab-representation').click();
    await page.locator('#rep-principal').fill('');
    await page.locator('#rep-principal').pressSequentially('Sweden', { delay: 15 });
    await page.locator('.search-box:has(#rep-principal) .suggestion[data-id="sweden"]').click();
    await page.locator('#rep-forum').pressSequentially('World Health Organization', { delay: 15 });
    await page.locator('.search-box:has(#rep-forum) .suggestion[data-id="who"]').click();
    await page.locator('#panel-representation button[type="submit"]').click();
    await settle();
    await page.locator('#panel-representation .rep').first().waitFor();
    await text('#panel-representation .answer-sentence').toMatch(/represents/);
    await axe('representation tab with an answer');
    await shot('representation', 'answer-representation');

    // Paths answer.
    await page.locator('#tab-paths').click();
    await page.locator('#paths-from').pressSequentially('Ukraine', { delay: 15 });
    await page.locator('.search-box:has(#paths-from) .suggestion[data-id="ukraine"]').click();
    await page.locator('#paths-to').pressSequentially('Swedish regions', { delay: 15 });
    await page.locator('.search-box:has(#paths-to) .suggestion[data-id="swedish-regions"]').click();
    await page.locator('#panel-paths button[type="submit"]').click();
    await settle();
    await text('#panel-paths .stepper-text').toMatch(/Path 1 of/);
    await axe('paths tab with an answer');

    // Shared answer.
    await page.locator('#tab-common').click();
    await page.locator('#common-a').pressSequentially('Socialstyrelsen', { delay: 15 });
    await page.locator('.search-box:has(#common-a) .suggestion[data-id="socialstyrelsen"]').click();
    await page.locator('#common-b').pressSequentially('Ministry of Social Affairs and Health', { delay: 15 });
    await page.locator('.search-box:has(#common-b) .suggestion[data-id="finland-ministry-social-affairs-health"]').click();
    await page.locator('#panel-common button[type="submit"]').click();
    await settle();
    await page.locator('#panel-common .common-item').first().waitFor();
    await axe('shared tab with an answer');

    // The table, as a tab and as a view of its own.
    await page.locator('#tab-table').click();
    await page.locator('#table-nodes tbody tr').first().waitFor();
    await axe('table tab');
    await page.locator('button[data-view="table"]').click();
    await settle();
    expect(page.url()).toContain('v=table');
    await page.locator('.tab-bodies').evaluate((e) => (e.scrollTop = 0));
    await shot('table-view', 'table');
    await axe('table view');

    // A citation opens its lines (or where to find them); focus returns to it on close.
    await page.locator('button[data-view="graph"]').click();
    await page.locator('#tab-representation').click();
    await page.locator('#panel-representation .evidence-toggle summary').first().click();
    const cite = page.locator('#panel-representation .evidence-toggle[open] .source-button').first();
    await cite.click();
    await page.locator('dialog.citation-dialog[open]').waitFor();
    await expect.poll(() => page.locator('dialog.citation-dialog .citation-body').innerText()).not.toContain(en.sources.loadingLines);
    await axe('citation dialog open');
    await shot('citation');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('source-button'))).toBe(true);

    // Dark theme, with the representation answer on the canvas again.
    await page.locator('#panel-representation button[type="submit"]').click();
    await settle();
    await page.locator('button[data-action="theme"]').click();
    await settle();
    // axe reads colours element by element over several frames: start it only once the answer's
    // muted text has its dark colour, as a person would see it, not a frame of the switch.
    await page.waitForFunction(() => {
      const meta = document.querySelector('#panel-representation .rep-meta');
      return document.documentElement.dataset.theme === 'dark' && !!meta && getComputedStyle(meta).color === 'rgb(154, 167, 182)';
    });
    await axe('representation answer, dark theme');
    await shot('dark', 'dark');
  });

  it('Swedish landing and answer, and the phone, pass axe too', async () => {
    await open('/?lang=sv');
    await axe('landing in Swedish');
    await open('/', PHONE);
    await axe('phone landing');
    await page.locator('.export-menu summary').tap();
    await axe('phone export menu open');
  });
});

describe('the graph without a mouse', () => {
  it('does the representation, chain and paths journeys by keyboard alone', async () => {
    await open();
    // The skip link is the first stop.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en.app.skipToQuestions);
    // Search and tools come before the legend.
    const order = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary, [tabindex="0"]')].filter(
        (e) => e.offsetParent !== null,
      );
      const pos = (sel: string) => all.findIndex((e) => e.matches(sel));
      return { search: pos('#search'), questions: pos('#tab-details'), legend: pos('.legend-item') };
    });
    expect(order.search).toBeLessThan(order.questions);
    expect(order.questions).toBeLessThan(order.legend);

    // 1. Representation: skip to the questions, arrow to the tab, fill the form, submit.
    await page.keyboard.press('Enter');
    await tabTo('#tab-details');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-representation').getAttribute('aria-selected')).toBe('true');
    await tabTo('#rep-principal');
    await typeAndPick('Sweden', 'sweden');
    await tabTo('#rep-forum');
    await typeAndPick('World Health Organization', 'who');
    await tabTo('#panel-representation button[type="submit"]');
    await page.keyboard.press('Enter');
    await settle();
    // The answer has the keyboard: its sentence, read out on focus (and so not a second time
    // through the live region).
    expect(await focused()).toBe('panel-representation');
    await text('#panel-representation .answer-sentence').toMatch(/represents/);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('answer-sentence'))).toBe(true);
    await shot('keyboard-1-representation');

    // 2. Chain: search by "/", then the table's row for it offers "Trace chain".
    await page.keyboard.press('/');
    await typeAndPick('Chief Medical Officer', 'post-sweden-chief-medical-officer');
    await settle();
    await page.keyboard.press('Shift+Tab');
    await tabTo('a.skip-link[href="#view-table"]');
    await page.keyboard.press('Enter');
    // The row's actions are one toolbar: one Tab stop, then arrow keys to the action.
    await tabTo('#table-nodes tr.selected [role="toolbar"] button');
    await arrowTo('#table-nodes tr.selected button[data-action="trace"]');
    await page.keyboard.press('Enter');
    await settle();
    expect(await focused()).toBe('panel-chain');
    await text('#panel-chain .chain-level h3').toBe('Level 1');
    expect(await page.evaluate(() => window.mandateExplorer!.state().focus)).toMatchObject({
      kind: 'chain',
      id: 'post-sweden-chief-medical-officer',
    });
    await shot('keyboard-2-chain');

    // 3. Paths from here: from the table row, to the Swedish regions.
    await page.keyboard.press('Shift+Tab');
    await tabTo('a.skip-link[href="#view-table"]');
    await page.keyboard.press('Enter');
    await tabTo('#table-nodes button.row-select[data-id="socialstyrelsen"]');
    await page.keyboard.press('Enter');
    await settle();
    expect(await page.evaluate(() => window.mandateExplorer!.state().selected)).toEqual(['socialstyrelsen']);
    await tabTo('#table-nodes tr.selected [role="toolbar"] button');
    await arrowTo('#table-nodes tr.selected button[data-action="paths"]');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('paths-to');
    await typeAndPick('Swedish regions', 'swedish-regions');
    await tabTo('#panel-paths button[type="submit"]');
    await page.keyboard.press('Enter');
    await settle();
    expect(await focused()).toBe('panel-paths');
    await text('#panel-paths .stepper-text').toMatch(/Path 1 of/);
    // Next path by keyboard.
    await tabTo('#panel-paths button[aria-label="Next path"]');
    await shot('keyboard-3-paths');

    // Sorting the table by keyboard, and the CSV.
    await page.keyboard.press('Shift+Tab');
    await tabTo('a.skip-link[href="#view-table"]');
    await page.keyboard.press('Enter');
    await tabTo('#table-nodes th button.sort');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#table-nodes th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    const names = await page.locator('#table-nodes tbody th').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base', numeric: true })));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-action="table-csv"]').press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^mandate-explorer-table-paths-socialstyrelsen-to-swedish-regions\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('"certainty"');
    expect(csv).toContain('"node","socialstyrelsen"');
  });
});

/** Visible text of the interface's own parts (not the data): buttons, labels, headings, notes. */
async function chromeTexts(): Promise<string[]> {
  return page.evaluate(() => {
    const data =
      '.node-link, .row-select, .source-button, .legend-name, .suggestion, .details-title, .name-en, .aliases, .evidence, .answer-sentence, .answer-list, .focus-text, .hop-rel, .hop-task, .rep-line, .rep-meta strong, .path-edge, .common-side-name, .description, .facts dd, .refs, td';
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, label, th, h2, h3, summary, legend, caption, .field-label, .muted, .result-count, .menu-label, .stepper-text, .tips li, .hint-text, .legend-key, .timebar, .status, p',
    )) {
      if (!el.checkVisibility() || el.closest(data)) continue;
      const clone = el.cloneNode(true) as HTMLElement;
      clone.querySelectorAll(data).forEach((d) => d.remove());
      const s = clone.textContent?.replace(/\s+/g, ' ').trim();
      if (s) out.push(s);
    }
    return out;
  });
}

/** English phrases the Swedish chrome must not show: every catalogue string that differs. */
function englishPhrases(): { exact: Set<string>; inside: string[] } {
  const exact = new Set<string>();
  const inside: string[] = [];
  const walk = (e: unknown, s: unknown) => {
    if (typeof e === 'string') {
      if (e !== s && /[A-Za-z]{3,}/.test(e)) {
        exact.add(e.trim());
        if (e.trim().split(/\s+/).length >= 3) inside.push(e.trim());
      }
    } else if (typeof e === 'function') {
      // The fixed words of a message: what stays when the arguments are taken out.
      let whole = '';
      try {
        whole = String((e as (...a: string[]) => string)(...Array.from({ length: 6 }, () => '\u0000')));
      } catch {
        // a message built from a list: its words are checked where it is shown
      }
      const parts = whole
        .split('\u0000')
        .map((p) => p.trim())
        .filter((p) => p.split(/\s+/).length >= 3 && /[a-z]{3,}/.test(p));
      inside.push(...parts);
    } else if (e && typeof e === 'object') for (const [k, v] of Object.entries(e)) walk(v, (s as Record<string, unknown>)?.[k]);
  };
  const { keys: _k, ...rest } = en;
  walk(rest, sv);
  return { exact, inside };
}

describe('Swedish', () => {
  it('follows the browser, is kept in the URL and on reload, and leaves no English in the chrome', async () => {
    await open('/', { ...DESKTOP, locale: 'sv-SE' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(page.url()).toContain('lang=sv');
    const seen: string[] = [];
    const collect = async () => seen.push(...(await chromeTexts()));
    await collect();
    await shot('swedish-landing', 'swedish');
    // Names in the chosen language: the Finnish ministry keeps its original name in Swedish.
    await text('.hint-text').toContain('Socialstyrelsen');

    // Representation.
    await page.locator('#tab-representation').click();
    await page.locator('#rep-principal').pressSequentially('Sweden', { delay: 15 });
    await page.locator('.search-box:has(#rep-principal) .suggestion[data-id="sweden"]').click();
    await page.locator('#rep-forum').pressSequentially('WHO', { delay: 15 });
    await page.locator('.search-box:has(#rep-forum) .suggestion[data-id="who"]').click();
    await page.locator('#panel-representation button[type="submit"]').click();
    await settle();
    await page.locator('#panel-representation .rep').first().waitFor();
    await collect();
    await shot('swedish-representation');

    // Chain, with its details first.
    await page.locator('body').press('/');
    await typeAndPick('Chief Medical Officer', 'post-sweden-chief-medical-officer');
    await settle();
    await page.locator('#panel-details .holders-list li').first().waitFor();
    await collect();
    await page.locator('#panel-details button', { hasText: sv.details.traceUp }).click();
    await settle();
    await page.locator('#panel-chain .chain-level').first().waitFor();
    await collect();
    await shot('swedish-chain');

    // Paths, the table, the export menu, the date field.
    await page.locator('#tab-paths').click();
    await page.locator('#paths-from').pressSequentially('Ukraine', { delay: 15 });
    await page.locator('.search-box:has(#paths-from) .suggestion[data-id="ukraine"]').click();
    await page.locator('#paths-to').pressSequentially('Swedish regions', { delay: 15 });
    await page.locator('.search-box:has(#paths-to) .suggestion[data-id="swedish-regions"]').click();
    await page.locator('#panel-paths button[type="submit"]').click();
    await settle();
    await text('#panel-paths .stepper-text').toMatch(/Väg 1 av/);
    await collect();
    await page.locator('#tab-table').click();
    await collect();
    await page.locator('.export-menu summary').click();
    await collect();
    await page.keyboard.press('Escape');
    await page.locator('#asof-exact').fill('2016-02-30');
    await collect();
    await text('#asof-message').toContain('februari');
    await axe('Swedish: paths answer, invalid date');

    const { exact, inside } = englishPhrases();
    const english = [...new Set(seen)].filter((s) => exact.has(s) || inside.some((p) => s.includes(p)));
    expect(english).toEqual([]);
    expect(seen.length).toBeGreaterThan(80);

    // Switch back to English; the choice is in the URL and survives a reload.
    await page.locator('button[data-action="language"]').click();
    await page.waitForURL(/lang=en/);
    await settle();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await settle();
    expect(await page.locator('#tab-details').innerText()).toBe(en.tabs.details[0]);
    // Numbers and dates in the language's format.
    await page.goto(`${base}/?lang=sv#n=post-sweden-chief-medical-officer,thomas-linden&sel=thomas-linden&layout=force`);
    await settle();
    await page.locator('#panel-details .details-title').waitFor();
  });
});

describe('at laptop widths', () => {
  it('keeps every tool of the top bar inside the window, in Swedish and English', async () => {
    await open('/?lang=sv');
    for (const lang of ['sv', 'en']) {
      if (lang === 'en') {
        await page.locator('button[data-action="language"]').click();
        await page.waitForURL(/lang=en/);
        await settle();
      }
      for (const width of [900, 1024, 1280, 1366, 1440, 1600, 1920]) {
        await page.setViewportSize({ width, height: 800 });
        const outside = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.topbar button, .topbar input, .topbar summary, .topbar select')]
            .filter((el) => el.offsetParent !== null)
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.right > window.innerWidth + 0.5 || r.left < -0.5;
            })
            .map((el) => el.textContent?.trim() || el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.tagName),
        );
        expect(outside, `${lang} at ${width} px`).toEqual([]);
        const canvas = (await page.locator('#cy').boundingBox())!;
        expect(canvas.height, `${lang} at ${width} px`).toBeGreaterThan(400);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await shot(`laptop-1280-${lang}`);
    }
  });
});

describe('on a phone, 390 px wide', () => {
  it('leaves the canvas half the screen, keeps menus on screen, selects by tap and offers Expand', async () => {
    await open('/', PHONE);
    const cy = (await page.locator('#cy').boundingBox())!;
    expect(cy.height).toBeGreaterThanOrEqual(844 / 2);
    await shot('phone-landing', 'phone');
    // Help that fits touch: no double-click, Delete or Ctrl+Z.
    const help = `${await page.locator('.hint').innerText()} ${await page.locator('#panel-details').innerText()}`;
    expect(help).not.toMatch(/double-click|Delete|Ctrl/i);
    expect(help).toMatch(/tap/i);

    const inside = async (sel: string) => {
      const b = (await page.locator(sel).boundingBox())!;
      expect(b.x, sel).toBeGreaterThanOrEqual(0);
      expect(b.y, sel).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, sel).toBeLessThanOrEqual(390);
      expect(b.y + b.height, sel).toBeLessThanOrEqual(844);
    };
    await page.locator('.export-menu summary').tap();
    await inside('.export-menu .menu-body');
    await shot('phone-export-menu');
    await page.locator('.export-menu summary').tap();
    await page.locator('button[aria-controls="legend"]').tap();
    await inside('#legend');
    await page.locator('button[aria-controls="legend"]').tap();

    // Tap a node: it is selected and Expand is right there.
    const at = await page.evaluate(() => window.mandateExplorer!.cy().getElementById('socialstyrelsen').renderedPosition());
    await page.touchscreen.tap(cy.x + at.x, cy.y + at.y);
    await settle();
    expect(await page.evaluate(() => window.mandateExplorer!.state().selected)).toEqual(['socialstyrelsen']);
    const expand = page.locator('#panel-details button[data-action="expand"]');
    await expand.scrollIntoViewIfNeeded();
    expect(await expand.isVisible()).toBe(true);
    const before = (await page.evaluate(() => window.mandateExplorer!.state().nodes)).length;
    await expand.tap();
    await settle();
    expect((await page.evaluate(() => window.mandateExplorer!.state().nodes)).length).toBeGreaterThanOrEqual(before);

    // A search result is framed at a readable zoom, its name on screen.
    await page.locator('#search').tap();
    await page.keyboard.type('Chief Medical Officer', { delay: 15 });
    await page.locator('.topbar .suggestion[data-id="post-sweden-chief-medical-officer"]').tap();
    await settle();
    const framed = await page.evaluate(() => {
      const c = window.mandateExplorer!.cy();
      const n = c.getElementById('post-sweden-chief-medical-officer');
      const bb = n.renderedBoundingBox({ includeLabels: true } as never);
      return { zoom: c.zoom(), bb, w: c.width(), h: c.height() };
    });
    expect(framed.zoom).toBeGreaterThan(0.3);
    expect(framed.zoom).toBeLessThanOrEqual(1.35);
    expect(framed.bb.x1).toBeGreaterThanOrEqual(-1);
    expect(framed.bb.x2).toBeLessThanOrEqual(framed.w + 1);
    await shot('phone-search-result');
  });
});

describe('input that explains itself', () => {
  it('refuses impossible dates at the field, never in the URL, and notices neither pile up nor cover controls', async () => {
    await open();
    const field = page.locator('#asof-exact');
    for (const [typed, says] of [
      ['2016-02-30', /no day 30 in February 2016/],
      ['2016-13', /no month 13/],
      ['yesterday', /year, month or day/],
    ] as const) {
      await field.fill('');
      await field.pressSequentially(typed, { delay: 10 });
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      await text('#asof-message').toMatch(says);
      await field.press('Enter');
      await settle();
      expect(await page.evaluate(() => window.mandateExplorer!.state().asOf)).toBeNull();
      expect(page.url()).not.toContain('asOf=');
      // The message sits next to the field.
      const f = (await field.boundingBox())!;
      const m = (await page.locator('#asof-message').boundingBox())!;
      expect(Math.abs(m.y + m.height / 2 - (f.y + f.height / 2))).toBeLessThan(40);
    }
    await shot('date-refused');
    await axe('invalid date at the field');
    await field.fill('2016-02-29');
    await field.press('Enter');
    await settle();
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    expect(page.url()).toContain('asOf=2016-02-29');

    // The same notice twice is one notice; none covers a control.
    await page.locator('body').click({ position: { x: 700, y: 400 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect(await page.locator('.toast', { hasText: en.notices.nothingToUndo }).count()).toBeLessThanOrEqual(1);
    for (const toast of await page.locator('.toast').all()) {
      const t = (await toast.boundingBox())!;
      for (const sel of ['#asof-exact', '.toolbar', '#side', '#legend', '#search']) {
        const c = (await page.locator(sel).boundingBox())!;
        const overlap = t.x < c.x + c.width && c.x < t.x + t.width && t.y < c.y + c.height && c.y < t.y + t.height;
        expect(overlap, `a notice covers ${sel}`).toBe(false);
      }
    }
  });

  it('says an unknown id in a link was not found', async () => {
    await open('/#n=socialstyrelsen,no-such-body&layout=force');
    await text('.toast-error').toContain('“no-such-body” was not found in the graph');
    expect(await page.locator('.toast', { hasText: 'no longer in the graph' }).count()).toBe(0);
  });
});

describe('readable pictures', () => {
  it('keeps labels apart in the layered layout and names exports by what they hold', async () => {
    await open();
    await page.locator('body').press('/');
    await typeAndPick('Socialstyrelsen', 'socialstyrelsen');
    await settle();
    await page.locator('#panel-details button', { hasText: en.details.traceUp }).click();
    await settle();
    await page.locator('.layout-menu summary').click();
    await page.locator('button[data-layout="hierarchy"]').click();
    await settle();
    const overlaps = await page.evaluate(() => {
      const cy = window.mandateExplorer!.cy();
      const boxes = cy
        .nodes(':visible')
        .map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true, includeOverlays: false } as never) }));
      const out: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.b;
          const b = boxes[j]!.b;
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) out.push(`${boxes[i]!.id} × ${boxes[j]!.id}`);
        }
      return out;
    });
    expect(overlaps).toEqual([]);
    await shot('hierarchy-labels');
    await page.locator('.export-menu summary').click();
    const [graphml] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-menu button[data-format="graphml"]').click(),
    ]);
    expect(graphml.suggestedFilename()).toBe('mandate-explorer-chain-socialstyrelsen.graphml');
    await page.locator('.export-menu summary').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('.export-menu button[data-format="png"]').click()]);
    expect(png.suggestedFilename()).toBe('mandate-explorer-chain-socialstyrelsen.png');
    expect(png.suggestedFilename()).not.toContain('selection');
  });
});

describe('how sure each fact is', () => {
  it('draws inferred ties dotted with a badge in words, and "stated only" hides them and stays in the URL', async () => {
    await open();
    const unsure = () =>
      page.evaluate(() =>
        window
          .mandateExplorer!.cy()
          .edges(':visible')
          .filter((e) => e.data('certainty') !== undefined && e.data('certainty') !== 'stated')
          .map((e) => [e.id(), e.style('line-style')]),
      );
    const before = await unsure();
    expect(before.length).toBeGreaterThan(0);
    for (const [, style] of before) expect(['dotted', 'dashed']).toContain(style);
    await page.locator('#stated-only').check();
    await settle();
    expect(page.url()).toContain('c=stated');
    expect(await unsure()).toEqual([]);
    await page.reload();
    await settle();
    expect(await page.locator('#stated-only').isChecked()).toBe(true);
    expect(await unsure()).toEqual([]);
    await shot('stated-only');
  });
});
