// Readable views, as a reviewer checks them in headless Chromium against the seeded graph: a
// hub opens by kind of tie and no two names on the canvas meet at the fitted zoom, whatever
// node is expanded; the same view lays out the same way on every load; the keyboard reaches
// the answer of "Who represents…" in a few keystrokes; notices are read out once; and on a
// phone the tools, Export and the questions are within reach. Screenshots go to
// artifacts/screenshots/readable-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';
import { browserSuite, expectNoAxeViolations, readmePicture, SHOTS } from '../helpers/browser.ts';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB' };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' };

const suite = browserSuite('readable', DESKTOP);
let page: Page;

async function open(path = '/', options: BrowserContextOptions = DESKTOP): Promise<Page> {
  page = await suite.open(path, options);
  return page;
}

const settle = () => suite.settle(page);
const shot = (name: string) => suite.shot(name, page);

interface Names {
  /** Elements whose label is drawn now, at least 8 px high on the screen: names a reader can read. */
  drawn: string[];
  /** Pairs of drawn labels, legible or not, whose boxes meet. */
  overlapping: Array<[string, string]>;
  /** The node's neighbours, best connected first, with their number of distinct neighbours. */
  neighbours: Array<{ id: string; degree: number }>;
}

/**
 * What a reader sees of the names: every node and tie whose label Cytoscape draws at this zoom
 * (its own test: font size at the zoom rounded up to a power of two against the element's
 * min-zoomed-font-size, text not transparent, not left out by the view), inside the window,
 * with its label box as Cytoscape measures it; which of those boxes meet; and which are
 * legible, drawn at 8 px or more (font size × zoom × device pixels), so a name drawn at 3 px
 * does not count as named. Runs in the page: `readNames` sends it there, and the every-node
 * test installs it once for its batches.
 */
function namesInPage(anchorId: string): Names {
  const cy = window.mandateExplorer!.cy();
  type P = { pstyle(n: string): { strValue?: string; pfValue: number; value: unknown } };
  const scale = 2 ** Math.ceil(Math.log2(cy.zoom() * devicePixelRatio));
  const ext = cy.extent();
  const boxes: Array<{ id: string; x1: number; y1: number; x2: number; y2: number }> = [];
  const legible: string[] = [];
  cy.elements(':visible').forEach((e) => {
    const s = e as unknown as P;
    if (!s.pstyle('label').strValue) return;
    if (Number(s.pstyle('text-opacity').value) === 0 || Number(s.pstyle('opacity').value) === 0) return;
    if (s.pstyle('font-size').pfValue * scale < s.pstyle('min-zoomed-font-size').pfValue) return;
    const b = e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
    if (b.w <= 0 || b.x2 < ext.x1 || b.x1 > ext.x2 || b.y2 < ext.y1 || b.y1 > ext.y2) return;
    boxes.push({ id: e.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
    if (s.pstyle('font-size').pfValue * cy.zoom() * devicePixelRatio >= 8) legible.push(e.id());
  });
  const overlapping: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push([a.id, b.id]);
    }
  const node = cy.getElementById(anchorId);
  const neighbours = node.nonempty()
    ? node
        .neighborhood('node')
        .not(node)
        .map((n) => ({ id: n.id(), degree: n.neighborhood('node').not(n).length }))
        .sort((a, b) => b.degree - a.degree)
    : [];
  return { drawn: legible, overlapping, neighbours };
}

const readNames = (anchor: string): Promise<Names> => page.evaluate(namesInPage, anchor);

/** No two drawn names meet, and the node's best-connected neighbours (up to 15) are all named. */
function expectReadable(names: Names, anchor: string, what: string): void {
  expect(names.overlapping, `${what}: names that meet`).toEqual([]);
  const drawn = new Set(names.drawn);
  expect(drawn.has(anchor), `${what}: the expanded node is named`).toBe(true);
  const top = names.neighbours.slice(0, 15);
  // Ties in degree at the 15th place may be broken either way: those strictly better must all show.
  const cut = top.at(-1)?.degree ?? 0;
  const named = names.neighbours.filter((n) => drawn.has(n.id));
  expect(named.length, `${what}: neighbours named`).toBeGreaterThanOrEqual(top.length);
  for (const n of names.neighbours.filter((m) => m.degree > cut)) expect(drawn.has(n.id), `${what}: ${n.id} is named`).toBe(true);
}

async function fit(): Promise<void> {
  await page.locator('.toolbar button', { hasText: en.toolbar.fit }).click();
  await settle();
}

/**
 * Each node alone and selected (through the link, as a colleague's link would), expanded from
 * its details (every kind, when a hub asks which), then fitted, and its names read: all through
 * the page's own controls, in the page, a batch of nodes per call, waiting on the app's own
 * "settled" (nothing loading or moving, the names chosen) rather than on fixed sleeps. A node
 * with nothing to expand gives null.
 */
function expandEachAlone(ids: string[]): Promise<Array<{ id: string; names: Names | null }>> {
  return page.evaluate(
    async ([batch, fitLabel]) => {
      const app = window.mandateExplorer!;
      const read = (window as unknown as { namesInPage: (id: string) => Names }).namesInPage;
      const shown = (sel: string) => {
        const el = document.querySelector<HTMLElement>(sel);
        return el && el.offsetParent !== null ? el : null;
      };
      const out: Array<{ id: string; names: Names | null }> = [];
      for (const n of batch) {
        location.hash = `#n=${n}&sel=${n}&layout=force`;
        while (app.state().nodes.join() !== n) await new Promise((r) => requestAnimationFrame(r));
        await app.settled();
        const expand = shown('#panel-details [data-action="expand"]');
        if (!expand) {
          out.push({ id: n, names: null });
          continue;
        }
        expand.click();
        await app.settled();
        const all = shown('.hub-chooser [data-action="hub-all"]');
        if (all) {
          all.click();
          await app.settled();
        }
        [...document.querySelectorAll<HTMLElement>('.toolbar button')].find((b) => b.textContent?.trim() === fitLabel)!.click();
        await app.settled();
        out.push({ id: n, names: read(n) });
      }
      return out;
    },
    [ids, en.toolbar.fit] as const,
  );
}

/** Ids of the seed graph's nodes, best connected first. */
function seedNodesByDegree(): string[] {
  const dir = join(process.cwd(), 'seed', 'data');
  const ids = readFileSync(join(dir, 'nodes.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id);
  const degree = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const l of readFileSync(join(dir, 'relationships.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(l) as { source?: string; target?: string; from?: string; to?: string };
    for (const end of [r.source ?? r.from, r.target ?? r.to]) if (end && degree.has(end)) degree.set(end, degree.get(end)! + 1);
  }
  return [...ids].sort((a, b) => degree.get(b)! - degree.get(a)! || a.localeCompare(b));
}

describe('a hub opens readably', () => {
  it('lists a hub’s neighbours by kind, brings in one kind at a time, and no two names meet', async () => {
    await open();
    await page.locator('body').press('/');
    await page.keyboard.type('Socialstyrelsen', { delay: 15 });
    await page.locator('.topbar .suggestion[data-id="socialstyrelsen"]').waitFor();
    await page.keyboard.press('Enter');
    await settle();
    const before = await page.evaluate(() => window.mandateExplorer!.state().nodes.length);

    // Expand: too many to show at once, so the kinds are offered and the keyboard lands on them.
    await page.locator('#panel-details [data-action="expand"]').click();
    await settle();
    const chooser = page.locator('.hub-chooser');
    await chooser.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hub-title');
    expect(await page.evaluate(() => window.mandateExplorer!.state().nodes.length)).toBe(before);
    const kinds = await chooser.locator('.hub-kind-button').allTextContents();
    expect(kinds.length).toBeGreaterThan(3);
    expect(kinds[0]).toMatch(new RegExp(`^${en.types.COOPERATES_WITH} → \\(${en.readable.hub.outgoing}\\)\\d+$`));
    await shot('hub-kinds');
    // The README's picture of a hub opening by kind (the starting hint put away, as a reader would).
    await page
      .locator('.hint:not(.hub-chooser) .hint-close')
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    const picture = readmePicture('hub-chooser');
    if (picture) await page.screenshot({ path: picture });
    await expectNoAxeViolations(page, 'hub chooser open', SHOTS);

    // One kind, by keyboard: Tab from the heading past the close button to the first kind, Enter.
    const first = Number(/\d+$/.exec(kinds[0]!)![0]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await settle();
    expect(await page.evaluate(() => window.mandateExplorer!.state().nodes.length)).toBe(before + first);
    // The next kind has the keyboard; the one brought in is gone from the list.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('hub-kind-button'))).toBe(true);
    // (A kind whose neighbours all came in with it goes too.)
    expect(await chooser.locator('.hub-kind-button[data-kind="COOPERATES_WITH-out"]').count()).toBe(0);
    expect(await chooser.locator('.hub-kind-button').count()).toBeLessThan(kinds.length);
    await fit();
    expectReadable(await readNames('socialstyrelsen'), 'socialstyrelsen', 'socialstyrelsen, one kind');
    await shot('hub-one-kind');
    // A shorter canvas (a smaller window, a second row of the top bar) keeps the names legible.
    await page.setViewportSize({ width: 1280, height: 680 });
    await fit();
    expectReadable(await readNames('socialstyrelsen'), 'socialstyrelsen', 'socialstyrelsen, one kind, 1280×680');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Then everything: 0 names meet, the best-connected neighbours all named.
    await chooser.locator('[data-action="hub-all"]').click();
    await settle();
    expect(await chooser.isVisible()).toBe(false);
    await fit();
    const all = await readNames('socialstyrelsen');
    expect(all.neighbours.length).toBeGreaterThan(50);
    expectReadable(all, 'socialstyrelsen', 'socialstyrelsen, all');
    await shot('hub-all');

    // Zoomed in where names were left out, some come back: those whose crowding names are
    // now out of the window. A reader zooms in on the crowd, so the zoom goes to one left-out
    // name after another (from the fitted view each time) until one shows; whether the middle
    // of the window is such a spot depends on the picture, not on the names' rules.
    const hidden = await page.evaluate(() =>
      window
        .mandateExplorer!.cy()
        .nodes('.label-off')
        .map((n) => n.id()),
    );
    expect(hidden.length).toBeGreaterThan(0);
    let back: string[] = [];
    for (const spot of hidden) {
      await fit();
      await page.evaluate((id) => {
        const cy = window.mandateExplorer!.cy();
        cy.zoom({ level: cy.zoom() * 3, renderedPosition: cy.getElementById(id).renderedPosition() });
      }, spot);
      await settle();
      const zoomed = await readNames('socialstyrelsen');
      expect(zoomed.overlapping, `zoomed in on ${spot}`).toEqual([]);
      back = hidden.filter((id) => zoomed.drawn.includes(id));
      if (back.length) break;
    }
    expect(back.length).toBeGreaterThan(0);
    await shot('hub-zoomed-in');

    // Rings around the hub keep names too.
    await page.locator('.toolbar .layout-menu summary').click();
    await page.locator('.toolbar button[data-layout="concentric"]').click();
    await settle();
    await fit();
    expectReadable(await readNames('socialstyrelsen'), 'socialstyrelsen', 'socialstyrelsen, rings');
    await shot('hub-rings');
    await expectNoAxeViolations(page, 'hub expanded, rings', SHOTS);

    // The same at 1280×680, rings and then the force layout: no name depends on the canvas' height.
    await page.setViewportSize({ width: 1280, height: 680 });
    await fit();
    expectReadable(await readNames('socialstyrelsen'), 'socialstyrelsen', 'socialstyrelsen, rings, 1280×680');
    await shot('hub-rings-1280x680');
    await page.locator('.toolbar .layout-menu summary').click();
    await page.locator('.toolbar button[data-layout="force"]').click();
    await settle();
    await fit();
    expectReadable(await readNames('socialstyrelsen'), 'socialstyrelsen', 'socialstyrelsen, all, 1280×680');
    await shot('hub-all-1280x680');
  });

  it('expanding any node of the seed graph shows no names that meet, its best-connected neighbours named', async () => {
    const ids = seedNodesByDegree();
    await open();
    // No animation to wait for: the pictures are the same, reached at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(`window.namesInPage = ${namesInPage.toString()}`);
    const failures: string[] = [];
    let expanded = 0;
    for (let i = 0; i < ids.length; i += 20) {
      for (const { id, names } of await expandEachAlone(ids.slice(i, i + 20))) {
        if (!names) continue;
        expanded++;
        try {
          expectReadable(names, id, id);
        } catch (err) {
          failures.push((err as Error).message.split('\n')[0]!);
        }
      }
    }
    // Every node, all failures named at once.
    expect(failures).toEqual([]);
    expect(ids.length).toBeGreaterThan(150);
    expect(expanded).toBeGreaterThan(150);
  }, 600_000);
});

describe('the same view, the same picture', () => {
  it('lays out the starting view and a linked view the same way on every load', async () => {
    await open();
    const first = await page.evaluate(() => window.mandateExplorer!.state().positions);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    await page.reload();
    await page.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 120_000 });
    await settle();
    expect(await page.evaluate(() => window.mandateExplorer!.state().positions)).toEqual(first);

    // A link without positions is laid out afresh on each load: the same way.
    const link = `/#n=${['socialstyrelsen', 'who', 'sweden', 'european-union', 'un', 'oecd', 'ukraine', 'nordic-council-of-ministers'].join(',')}&layout=force`;
    await open(link);
    const a = await page.evaluate(() => window.mandateExplorer!.state().positions);
    await open(link);
    expect(await page.evaluate(() => window.mandateExplorer!.state().positions)).toEqual(a);
  });
});

describe('the keyboard', () => {
  for (const [lang, t, query] of [
    ['en', en, 'Sweden'],
    ['sv', sv, 'Sverige'],
  ] as const) {
    it(`reaches the answer of “Who represents…” from the search in at most 10 keystrokes (${lang})`, async () => {
      await open(`/?lang=${lang}`);
      let keys = 0;
      const press = async (key: string) => {
        keys++;
        await page.keyboard.press(key);
        await settle();
      };
      await press('/');
      // Typing the name is not counted: any search starts with it.
      await page.keyboard.type(query, { delay: 15 });
      await page.locator('.topbar .suggestion[data-id="sweden"]').waitFor();
      await press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('details-title'))).toBe(true);
      await press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(t.details.whoRepresents);
      await press('Enter');
      expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type)).toBe('submit');
      await press('Enter');
      await page.locator('#panel-representation .answer-sentence').waitFor();
      // The answer has the keyboard: read out on focus, and not a second time by a live region.
      const focused = await page.evaluate(() => ({
        panel: document.activeElement?.closest('[role="tabpanel"]')?.id,
        answer: document.activeElement?.matches('.answer-sentence, h2, h3') ?? false,
        text: document.activeElement?.textContent ?? '',
      }));
      expect(focused).toMatchObject({ panel: 'panel-representation', answer: true });
      expect(focused.text).toMatch(lang === 'en' ? /represents/ : /företräder/);
      expect(keys).toBeLessThanOrEqual(10);
      await shot(`keyboard-answer-${lang}`);
      await expectNoAxeViolations(page, `keyboard answer (${lang})`, SHOTS);
    });
  }

  it('gives the toolbar, the node’s actions and the panel’s tabs one Tab stop each, with arrow keys inside', async () => {
    await open();
    const stops = () =>
      page.evaluate(() =>
        [
          document.querySelector('.toolbar[role="toolbar"]'),
          document.querySelector('#panel-details .action-bar[role="toolbar"]'),
          document.querySelector('.tabs[role="tablist"]'),
        ].map((bar) =>
          // An open menu's items keep their own Tab order; closed, they are not shown.
          bar
            ? [...bar.querySelectorAll<HTMLElement>('button, summary')].filter((b) => b.tabIndex === 0 && !b.closest('.menu-body')).length
            : -1,
        ),
      );
    await page.locator('body').press('/');
    await page.keyboard.type('WHO', { delay: 15 });
    await page.locator('.topbar .suggestion[data-id="who"]').waitFor();
    await page.keyboard.press('Enter');
    await settle();
    expect(await stops()).toEqual([1, 1, 1]);

    // Into the toolbar and along it (after search and the question box): Undo is disabled with nothing to undo, so Graph… comes first.
    // The question box's button is the last stop before the toolbar.
    await page.locator('.topbar .ask-submit').focus();
    await page.keyboard.press('Tab');
    const start = await page.evaluate(() => document.activeElement?.closest('[role="toolbar"]')?.className);
    expect(start).toContain('toolbar');
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      if (seen.includes(label)) break;
      seen.push(label);
      await page.keyboard.press('ArrowRight');
    }
    expect(seen).toEqual(expect.arrayContaining([en.toolbar.fit, `${en.toolbar.export} ▾`, en.toolbar.copyLink]));
    // End and Home jump; one Tab leaves the toolbar.
    await page.keyboard.press('Home');
    const home = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(home).toBe(seen[0]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.toolbar'))).toBeNull();

    // The node's actions: one stop, arrows move along every row.
    await page.locator('#panel-details [data-action="who-represents"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('paths-from');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('remove');
    expect(await stops()).toEqual([1, 1, 1]);

    // The panel's tabs: arrows, Home and End move and open.
    await page.locator('#tab-details').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-representation');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-table');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-details');
    expect(await page.locator('#tab-details').getAttribute('aria-selected')).toBe('true');
    expect(await stops()).toEqual([1, 1, 1]);
  });

  it('offers every action of the canvas in the table’s rows, “Who represents…” included', async () => {
    await open();
    await page.locator('body').press('/');
    await page.keyboard.type('WHO', { delay: 15 });
    await page.locator('.topbar .suggestion[data-id="who"]').waitFor();
    await page.keyboard.press('Enter');
    await settle();
    const details = await page
      .locator('#panel-details .action-bar button')
      .evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.action));
    await page.locator('.toolbar button[data-view="table"]').click();
    await settle();
    const row = page.locator('#table-nodes tr.selected');
    const inRow = await row.locator('button[data-action]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.action));
    // Every action of the details is in the row (Rings around a node is a canvas layout, not in the table).
    const same: Record<string, string> = { 'trace-up': 'trace', 'paths-from': 'paths' };
    for (const action of details.filter((a) => a !== 'concentric')) expect(inRow, String(action)).toContain(same[action!] ?? action);
    await row.locator('[data-action="who-represents"]').click();
    await settle();
    expect(await page.locator('#rep-forum').inputValue()).toMatch(/World Health Organization/);
    expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type)).toBe('submit');
    await expectNoAxeViolations(page, 'table with the row actions', SHOTS);
  });
});

describe('notices', () => {
  it('are read out once: the toast is not a live region, the one announcer says it', async () => {
    await open();
    await page.locator('.toolbar button', { hasText: en.toolbar.copyLink }).click();
    const toast = page.locator('.toast').first();
    await toast.waitFor();
    const message = ((await toast.locator('.toast-text').textContent()) ?? '').trim();
    expect(message.length).toBeGreaterThan(0);
    const live = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], [role="log"]')]
        .filter((el) => el.closest('.toasts, .busy, .topbar'))
        .map((el) => el.className),
    );
    expect(live.filter((c) => !c.includes('suggestions-status'))).toEqual([]);
    await expect.poll(() => page.locator('.visually-hidden[aria-live="polite"]').textContent()).toBe(message);
  });
});

describe('on a phone', () => {
  for (const [lang, t] of [
    ['en', en],
    ['sv', sv],
  ] as const) {
    it(`keeps the tools, Export and the questions within reach, and lists where they can be seen (${lang})`, async () => {
      await open(`/?lang=${lang}`, { ...PHONE, locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
      // No tool row that scrolls sideways, and Export in sight above the canvas.
      const bar = await page.evaluate(() => {
        const tb = document.querySelector<HTMLElement>('.toolbar')!;
        const exp = document.querySelector<HTMLElement>('.export-menu summary')!.getBoundingClientRect();
        const cy = document.querySelector<HTMLElement>('#cy')!.getBoundingClientRect();
        return {
          scrolls: tb.scrollWidth > tb.clientWidth + 1,
          exp: { l: exp.left, r: exp.right, b: exp.bottom },
          cyTop: cy.top,
          width: innerWidth,
        };
      });
      expect(bar.scrolls).toBe(false);
      expect(bar.exp.l).toBeGreaterThanOrEqual(0);
      expect(bar.exp.r).toBeLessThanOrEqual(bar.width);
      expect(bar.exp.b).toBeLessThanOrEqual(bar.cyTop);
      await shot(`phone-${lang}`);

      // Export's menu opens on the screen.
      await page.locator('.export-menu summary').tap();
      const menu = (await page.locator('.export-menu .menu-body').boundingBox())!;
      expect(menu.y).toBeGreaterThanOrEqual(0);
      expect(menu.y + menu.height).toBeLessThanOrEqual(844);
      await shot(`phone-export-${lang}`);
      await expectNoAxeViolations(page, `phone export menu (${lang})`, SHOTS);
      await page.locator('.export-menu summary').tap();

      // The questions: the form is on the screen without scrolling the page.
      await page.locator('#tab-representation').tap();
      // The panel takes its larger height once the tab has opened: wait for the layout to settle.
      await expect
        .poll(async () => {
          const box = (await page.locator('#rep-forum').boundingBox())!;
          return box.y > 0 && box.y + box.height <= 844;
        })
        .toBe(true);
      expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);

      // Who represents Sweden in WHO: the forum's field is low on the screen, so its suggestions
      // open above it, all on the screen.
      await page.locator('#rep-principal').tap();
      await page.keyboard.type(lang === 'en' ? 'Sweden' : 'Sverige', { delay: 15 });
      await page.locator('.search-box:has(#rep-principal) .suggestion[data-id="sweden"]').waitFor();
      // Picked with Enter: after a tapped pick, the emulated touch screen types into nothing.
      await page.keyboard.press('Enter');
      await settle();
      await page.locator('#rep-forum').tap();
      await page.keyboard.type('WHO', { delay: 15 });
      await settle();
      const list = page.locator('.search-box:has(#rep-forum) .suggestions');
      await list.locator('.suggestion[data-id="who"]').waitFor();
      const box = (await list.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      // Seen, not cut off by the panel it sits in: its first and last lines are what the screen shows there.
      const seen = await page.evaluate(
        ([x, top, bottom]) => [top, bottom].map((y) => !!document.elementFromPoint(x!, y!)?.closest('.suggestions')),
        [box.x + box.width / 2, box.y + 6, box.y + box.height - 6],
      );
      expect(seen).toEqual([true, true]);
      await shot(`phone-suggestions-${lang}`);
      await page.locator('.search-box:has(#rep-forum) .suggestion[data-id="who"]').tap();
      await page.locator('#panel-representation button[type="submit"]').tap();
      await settle();
      await page.locator('#panel-representation .answer-sentence').first().waitFor();
      expect(await page.locator('#tab-representation').textContent()).toBe(t.tabs.representation[0]);
      await shot(`phone-answer-${lang}`);
      await expectNoAxeViolations(page, `phone answer (${lang})`, SHOTS);
    });
  }
});
