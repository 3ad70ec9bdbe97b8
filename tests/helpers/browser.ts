// The browser every e2e file drives: Debian's Chromium (never a downloaded one), headless,
// with the background chatter that would slow or disturb a test switched off; the axe-core
// check each of them runs on the states a person sees (at the desktop, and at 390 px); and
// browserSuite, the set-up a story file shares (so far readable and report-views use it).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
  targets: string[];
}

/** axe-core in the page (WCAG 2.1 A and AA rules), injected through the debugging protocol so the app's CSP stays on. */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: unknown,
          o: unknown,
        ): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[]; failureSummary: string }> }> }>;
      };
    };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`),
      targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
    }));
  });
}

/** For each failing element: the theme, and colour, background and opacity up its ancestors. */
function computedAround(page: Page, violations: AxeViolation[]) {
  return page.evaluate(
    (selectors) =>
      selectors.map((sel) => {
        const chain: string[] = [];
        for (let el = document.querySelector(sel); el && chain.length < 9; el = el.parentElement) {
          const cs = getComputedStyle(el);
          chain.push(
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} color=${cs.color} bg=${cs.backgroundColor} opacity=${cs.opacity}`,
          );
        }
        return { sel, theme: document.documentElement.dataset.theme, chain };
      }),
    violations.flatMap((v) => v.targets).slice(0, 4),
  );
}

/**
 * No axe violation in the settled page. A violation seen once is looked at again three times,
 * 500 ms apart (axe reads colours over several frames, and one CI run in three caught the dark
 * theme's switch half done); one that stays fails, with a screenshot in `shots` and what the
 * browser computed for the failing elements, so the next person can see what axe saw.
 */
export async function expectNoAxeViolations(page: Page, state: string, shots: string): Promise<void> {
  let violations = await runAxe(page);
  for (let retry = 0; retry < 3 && violations.length; retry++) {
    await page.waitForTimeout(500);
    violations = await runAxe(page);
  }
  if (violations.length) {
    await page.screenshot({ path: join(shots, `axe-failure-${state.replace(/\W+/g, '-')}.png`) });
    console.error(`axe failure in "${state}":`, JSON.stringify(await computedAround(page, violations), null, 1));
  }
  expect(violations, `axe: ${state}`).toEqual([]);
}

/**
 * The same state at phone width (390 × 844) passes axe too, with a screenshot
 * `<prefix>-phone-<state>.png` in `shots`; then back to the width it had.
 */
export async function expectNoAxeViolationsAtPhone(page: Page, state: string, shots: string, prefix: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(shots, `${prefix}-phone-${state.replace(/\W+/g, '-')}.png`) });
  await expectNoAxeViolations(page, `${state}, phone`, shots);
  if (before) await page.setViewportSize(before);
}

/** Where every e2e file keeps its screenshots. */
export const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');

/**
 * Where a README picture goes, or undefined: the tests redraw docs/images only when asked
 * (`UPDATE_README_PICTURES=1 npm run test:e2e`), so a test run leaves the working tree as it was.
 */
export function readmePicture(name: string): string | undefined {
  if (process.env.UPDATE_README_PICTURES !== '1') return undefined;
  const dir = join(process.cwd(), 'docs', 'images');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

export interface BrowserSuite {
  /** The page `open` opened last. */
  readonly page: Page;
  /** A fresh context and page at `path` (the one before is closed), once the app has drawn its view. */
  open(path?: string, options?: BrowserContextOptions): Promise<Page>;
  /** Until nothing loads, moves or animates, and the canvas shows it. */
  settle(p?: Page): Promise<void>;
  /** A screenshot, kept as artifacts/screenshots/<prefix>-<name>.png. */
  shot(name: string, p?: Page): Promise<void>;
}

/**
 * What every browser story sets up the same way: Chromium for the file, a page per `open`, the
 * page's uncaught errors failing the test they happen in, screenshots kept, everything closed.
 * Call once at the top of a test file.
 */
export function browserSuite(prefix: string, defaults: BrowserContextOptions = {}): BrowserSuite {
  const base = inject('appUrl');
  mkdirSync(SHOTS, { recursive: true });
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let current: Page | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(errors.splice(0), 'uncaught errors in the page').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const settle = async (p: Page = suite.page) => {
    await p.waitForFunction(() => window.mandateExplorer?.idle() && document.querySelector('#cy canvas') !== null, null, {
      timeout: 30_000,
    });
    await p.waitForFunction(() => !window.mandateExplorer!.cy().animated(), null, { timeout: 10_000 });
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await p.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 30_000 });
  };
  const suite: BrowserSuite = {
    get page() {
      if (!current) throw new Error('no page yet: call open() first');
      return current;
    },
    async open(path = '/', options = {}) {
      await context?.close();
      context = await browser!.newContext({
        reducedMotion: 'reduce',
        viewport: { width: 1280, height: 800 },
        locale: 'en-GB',
        ...defaults,
        ...options,
      });
      current = await context.newPage();
      current.on('pageerror', (err) => errors.push(err.message));
      await current.goto(base + path);
      // The first page of a run meets a cold database: its starting view gets longer.
      await current.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 120_000 });
      await settle(current);
      return current;
    },
    settle,
    shot: async (name, p = suite.page) => {
      await p.screenshot({ path: join(SHOTS, `${prefix}-${name}.png`) });
    },
  };
  return suite;
}
