// A chain of authority whose act rests on a treaty, in the browser. The API sends such a step
// with no tie (the treaty is a node), which the web's own copy of the answer's shape did not
// allow for, so the chain panel stopped on it. An editor records the fact with the API, as a
// script would; a reader opens the chain above the post and reads every step, the treaty among
// them, in English and Swedish, with the keyboard and axe. Screenshots: artifacts/screenshots/
// chain-basis-<step>.png.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchChromium } from '../helpers/browser.ts';

const base = inject('appUrl');
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

// Ids and names of this run only, so a second run on a kept store does not meet the first one's.
const RUN = randomBytes(3).toString('hex');
const TREATY = { id: `e2e-treaty-${RUN}`, name: `E2E Health Treaty ${RUN}` };
const POST = { id: `e2e-post-${RUN}`, name: `E2E Chief Officer ${RUN}` };
const SOURCE = '003_1f946c82219b01d6.txt';

let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  // An editor made with the product's own command; its API token is the last line printed.
  const editor = `e2e-chain-${RUN}`;
  const out = execFileSync('npx', ['tsx', 'server/cli/users.ts', 'add', editor, '--role', 'editor', '--password-stdin'], {
    input: `pw-${randomBytes(12).toString('hex')}\n`,
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    encoding: 'utf8',
  });
  const token = out.trim().split('\n').at(-1)!.trim();
  const res = await fetch(`${base}/api/changes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      reason: 'A post whose appointment rests on a treaty, for the chain of authority',
      sources: [{ file: SOURCE, lines: 'L41' }],
      ops: [
        { op: 'addNode', node: { id: TREATY.id, label: 'Treaty', name: TREATY.name, certainty: 'stated' } },
        { op: 'addNode', node: { id: POST.id, label: 'Post', name: POST.name, certainty: 'stated' } },
        {
          op: 'addTie',
          tie: {
            type: 'APPOINTS',
            from: 'socialstyrelsen',
            to: POST.id,
            certainty: 'stated',
            basisKind: 'treaty',
            basisRef: TREATY.id,
            basisCertainty: 'stated',
          },
        },
      ],
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
});

async function chainAbovePost(lang: 'en' | 'sv'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // A link to the chain: the view state lives in the fragment (web/src/state/url.ts).
  await page.goto(`${base}/?lang=${lang}#n=${POST.id}&focus=${encodeURIComponent(`chain:${POST.id}:up`)}`);
  await page.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 120_000 });
  return page;
}

const text = (page: Page, selector: string) =>
  expect.poll(async () => ((await page.locator(selector).first().textContent()) ?? '').trim(), { timeout: 30_000 });

describe('a chain of authority that rests on a treaty', () => {
  it('lists every step, the treaty among them, in English and Swedish', async () => {
    for (const lang of ['en', 'sv'] as const) {
      const page = await chainAbovePost(lang);
      const chain = page.locator('#panel-chain');
      await text(page, '#panel-chain .chain-level h3').toBe(lang === 'en' ? 'Level 1' : 'Nivå 1');
      // The appointment, then the treaty it rests on: a step of its own, with how sure the link is.
      await text(page, '#panel-chain').toContain(TREATY.name);
      // The appointment's own step names the treaty as its basis; the treaty's step has no tie.
      const treatyStep = chain.locator('.hop:not(:has(.hop-rel))', { hasText: TREATY.name });
      await expect.poll(() => treatyStep.count()).toBe(1);
      await expect.poll(() => treatyStep.locator('.status-stated').count()).toBe(1);
      // The other steps keep their ties and the button that shows them.
      const withTies = await chain.locator('.hop:has(.hop-rel)').count();
      expect(withTies).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, `chain-basis-${lang}.png`) });
      // The treaty step is reachable by keyboard: its name is a button that opens the treaty.
      await treatyStep.locator('button', { hasText: TREATY.name }).focus();
      await page.keyboard.press('Enter');
      await text(page, '#panel-details h2').toContain(TREATY.name);
      await expectNoAxeViolations(page, `chain resting on a treaty (${lang})`, SHOTS);
      await page.close();
    }
  });
});
