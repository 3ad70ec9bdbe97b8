// The browser every e2e file drives: Debian's Chromium (never a downloaded one), headless,
// with the background chatter that would slow or disturb a test switched off; and the axe-core
// check each of them runs on the states a person sees.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

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
