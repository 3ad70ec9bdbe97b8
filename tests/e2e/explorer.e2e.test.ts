// The web app as a new user meets it, in headless Debian Chromium against the seeded graph:
// each test clicks and types through one story and saves screenshots of the steps to
// artifacts/screenshots/<test>-<step>.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';

const base = inject('appUrl');
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(path = '/'): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(base + path);
  // The first page of a run meets a cold database: give its starting view longer.
  await page.waitForFunction(() => window.mandateExplorer?.idle(), null, { timeout: 120_000 });
  await settle();
  return page;
}

afterEach(async () => {
  await context?.close();
  // Emptied per test: an error fails the test whose page threw it, not every later one.
  const errors = pageErrors.splice(0);
  expect(errors, 'uncaught errors in the page').toEqual([]);
});

/** Wait until no request, layout or animation is in flight. */
async function settle(p: Page = page): Promise<void> {
  await p.waitForFunction(() => window.mandateExplorer?.idle() && document.querySelector('#cy canvas') !== null, null, { timeout: 30_000 });
  await p.waitForFunction(
    () =>
      !window.mandateExplorer!.cy().animated() ||
      window
        .mandateExplorer!.cy()
        .nodes()
        .toArray()
        .some((n) => (n as unknown as { animated(): boolean }).animated()),
    null,
    { timeout: 10_000 },
  );
  // Two frames, so the canvas shows what the state says before a screenshot.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function shot(test: string, step: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${test}-${step}.png`) });
}

const visible = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: 15_000 });
/** Playwright's own web-first assertions are not in vitest: poll the text instead. */
const text = (l: Locator) => expect.poll(async () => ((await l.first().textContent()) ?? '').trim(), { timeout: 15_000 });

function canvasNodeIds(p: Page = page): Promise<string[]> {
  return p.evaluate(() =>
    window
      .mandateExplorer!.cy()
      .nodes()
      .map((n) => n.id()),
  );
}

/** Click (or double-click) a node or a tie where it is drawn, as a person would. */
async function clickElement(id: string, options: { double?: boolean } = {}): Promise<void> {
  const box = (await page.locator('#cy').boundingBox())!;
  // An edge's midpoint can sit under a crossing edge; try points along it until the
  // app itself reports the intended element selected, as a person would click again.
  for (const along of [0.5, 0.35, 0.65, 0.25, 0.75]) {
    const at = await page.evaluate(
      ([elementId, t]) => {
        const ele = window.mandateExplorer!.cy().getElementById(elementId as string);
        if (ele.isNode()) return ele.renderedPosition();
        const edge = ele as unknown as {
          renderedSourceEndpoint(): { x: number; y: number };
          renderedTargetEndpoint(): { x: number; y: number };
        };
        const a = edge.renderedSourceEndpoint();
        const b = edge.renderedTargetEndpoint();
        const f = t as number;
        return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      },
      [id, along] as const,
    );
    if (options.double) await page.mouse.dblclick(box.x + at.x, box.y + at.y);
    else await page.mouse.click(box.x + at.x, box.y + at.y);
    await settle();
    const selected = await page.evaluate(() => window.mandateExplorer!.state().selected);
    if (options.double || selected.includes(id)) return;
  }
}

async function searchAndPick(query: string, id: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('body').press('/');
  await page.keyboard.type(query, { delay: 20 });
  const option = page.locator(`#search-list-1 [data-id="${id}"], .topbar .suggestion[data-id="${id}"]`).first();
  await option.waitFor({ state: 'visible' });
  await option.click();
  await settle();
}

async function pick(fieldId: string, query: string, id: string): Promise<void> {
  const input = page.locator(`#${fieldId}`);
  await input.fill('');
  await input.pressSequentially(query, { delay: 20 });
  const option = page.locator(`.search-box:has(#${fieldId}) .suggestion[data-id="${id}"]`);
  await option.waitFor({ state: 'visible' });
  await option.click();
}

describe('Mandate Explorer in the browser', () => {
  it('lands on the network around the two national bodies, with a hint', async () => {
    await open();
    const ids = await canvasNodeIds();
    expect(ids).toContain('socialstyrelsen');
    expect(ids).toContain('finland-ministry-social-affairs-health');
    expect(ids.length).toBeGreaterThan(10);
    await visible(page.locator('.hint'));
    expect(await page.locator('.hint').innerText()).toMatch(/Start here/);
    // Legend shows the labels on the canvas with their counts.
    expect(await page.locator('.legend-item[data-label="Agency"] .legend-count').innerText()).toMatch(/^\d+$/);
    expect(page.url()).toContain('#n=');
    await shot('landing', '1-start');
  });

  it('searches, opens a node and reads its provenance', async () => {
    await open();
    await page.locator('body').press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('Chief Nurse', { delay: 30 });
    const option = page.locator('.topbar .suggestion[data-id="post-sweden-chief-nurse-officer"]');
    await option.waitFor({ state: 'visible' });
    await shot('search-provenance', '1-suggestions');
    await page.keyboard.press('Enter');
    await settle();
    expect(await page.evaluate(() => window.mandateExplorer!.state().selected)).toEqual(['post-sweden-chief-nurse-officer']);
    const panel = page.locator('#panel-details');
    await text(panel.locator('.details-title')).toMatch(/Chief Nurse Officer/);
    await text(panel.locator('.provenance h3')).toBe('Provenance');
    expect((await panel.locator('.evidence').first().innerText()).length).toBeGreaterThan(10);
    const source = await panel.locator('.provenance .source').first().innerText();
    // The document by its title and the lines, never its file name.
    expect(source).toMatch(/lines? \d+/);
    expect(source).not.toMatch(/\.txt|#L/);
    expect(source).toMatch(/Socialstyrelsen|Finnish|Carlsson/);
    await panel.locator('.holders-list li').first().waitFor();
    await shot('search-provenance', '2-node-details');

    // A tie has its provenance too: bring in the post's holder and click their tie.
    await panel.locator('.ties-table button[aria-label*="holds post"]').click();
    await settle();
    const edgeId = await page.evaluate(() =>
      window.mandateExplorer!.cy().getElementById('post-sweden-chief-nurse-officer').connectedEdges('[type = "HOLDS_POST"]').first().id(),
    );
    expect(edgeId).toBeTruthy();
    // Zoom in on the tie first, as one would to hit a thin line.
    await page.evaluate((id) => {
      const cy = window.mandateExplorer!.cy();
      cy.fit(cy.getElementById(id).connectedNodes(), 120);
    }, edgeId);
    await clickElement(edgeId);
    await visible(panel.locator('.edge-title'));
    await text(panel.locator('.provenance .source').first()).toMatch(/(Socialstyrelsen|Finnish|Carlsson).*lines? \d+/s);
    await shot('search-provenance', '3-tie-details');
  });

  it('draws the government’s many assignments to Socialstyrelsen as one line, and lists each of them', async () => {
    await open();
    const bundle = await page.evaluate(() => {
      const cy = window.mandateExplorer!.cy();
      const all = cy.edges('[source = "swedish-government"][target = "socialstyrelsen"][type = "MANDATES"]');
      const drawn = all.filter((e) => e.visible());
      return { all: all.length, drawn: drawn.map((e) => e.id()), caption: drawn.length ? String(drawn.first().style('label')) : '' };
    });
    expect(bundle.all).toBeGreaterThan(2);
    expect(bundle.drawn).toHaveLength(1);
    expect(bundle.caption).toBe(`mandates ×${bundle.all}`);
    await page.evaluate((id) => {
      const cy = window.mandateExplorer!.cy();
      cy.fit(cy.getElementById(id).connectedNodes(), 160);
    }, bundle.drawn[0]!);
    await settle();
    await clickElement(bundle.drawn[0]!);
    const panel = page.locator('#panel-details');
    await text(panel.locator('.bundle-list h3')).toBe(`${bundle.all} ties of this kind between them`);
    expect(await panel.locator('.bundle-list li').count()).toBe(bundle.all);
    await shot('bundle', '1-list');
    // Picking another assignment from the list shows that one, with its own task and sources.
    const other = panel.locator('.bundle-list .tie-link').first();
    const summary = await other.innerText();
    await other.click();
    await settle();
    const selected = await page.evaluate(() => window.mandateExplorer!.state().selected);
    expect(selected).toHaveLength(1);
    expect(selected[0]).not.toBe(bundle.drawn[0]);
    expect(await page.evaluate((id) => window.mandateExplorer!.cy().getElementById(id).visible(), selected[0]!)).toBe(true);
    await text(panel.locator('.bundle-list .current')).toContain(summary.split(' · ')[0]!);
    await shot('bundle', '2-other-tie');
  });

  it('traces the mandate chain above Sweden’s Chief Medical Officer, top-down', async () => {
    await open();
    await searchAndPick('Chief Medical Officer', 'post-sweden-chief-medical-officer');
    // A post is an office: its holders are listed, in order of their dates.
    const holders = page.locator('#panel-details .holders-list li');
    await holders.first().waitFor();
    expect(await holders.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Thomas Lindén')]));
    await shot('mandate-chain', '0-post-holders');
    await page.locator('#panel-details button', { hasText: 'Trace mandate chain ↑' }).click();
    await settle();
    await expect.poll(() => page.locator('#tab-chain').getAttribute('aria-selected')).toBe('true');
    const chain = page.locator('#panel-chain');
    await text(chain.locator('.chain-level h3').first()).toBe('Level 1');
    await text(chain).toContain('National Board of Health and Welfare');
    await text(chain).toContain('appoint');
    // The answer counts how sure the chain is and says each step, its basis in words on the hop.
    await text(chain.locator('.answer-sentence')).toMatch(
      /^\d+ facts make the chain of authority above .*\. Of these, .+ stated in the sources/,
    );
    await text(chain.locator('.hop .basis').first()).toMatch(/^on .+assignment/);
    const pos = await page.evaluate(() => {
      const cy = window.mandateExplorer!.cy();
      const y = (id: string) => cy.getElementById(id).position('y');
      return {
        post: y('post-sweden-chief-medical-officer'),
        agency: y('socialstyrelsen'),
        government: y('swedish-government'),
        layout: window.mandateExplorer!.state().layout,
      };
    });
    expect(pos.layout).toBe('hierarchy');
    // Authority above sits higher on the screen.
    expect(pos.agency).toBeLessThan(pos.post);
    expect(pos.government).toBeLessThan(pos.agency);
    expect(page.url()).toContain('focus=chain');
    await shot('mandate-chain', '1-hierarchy');
    // Evidence is one click away.
    await chain.locator('.evidence-toggle summary').first().click();
    await visible(chain.locator('.evidence-toggle[open] .evidence'));
    await shot('mandate-chain', '2-evidence');
  });

  it('shows who represents Sweden in WHO, with capacity and dates', async () => {
    await open();
    await page.locator('#tab-representation').click();
    await pick('rep-principal', 'Sweden', 'sweden');
    await pick('rep-forum', 'World Health Organization', 'who');
    await page.locator('#panel-representation button[type="submit"]').click();
    await settle();
    const list = page.locator('#panel-representation .rep-list');
    await visible(list.locator('.rep').first());
    const rows = await list.locator('.rep').allInnerTexts();
    const bySocialstyrelsen = rows.filter((r) => r.includes('National Board of Health and Welfare'));
    expect(bySocialstyrelsen.length).toBeGreaterThan(0);
    // WHO by name: the director-general leading the delegation (as delegate); Socialstyrelsen's own
    // "in some cases" representation is one fact about a Group of forums that includes WHO.
    expect(bySocialstyrelsen.join('\n')).toMatch(/as delegate|on behalf of the government/);
    // The basis reads as the assignment and who gave it, not as a fact id; the id stays in the tooltip.
    const basis = list.locator('.rep .basis', { hasText: 'assignment' }).first();
    await visible(basis);
    expect(await basis.innerText()).toMatch(/^Basis: the assignment “.+” from .+$/);
    expect(rows.join('\n')).not.toMatch(/Basis: mandate ·|mandates-swedish-government/);
    expect(await basis.getAttribute('title')).toMatch(/^mandate · mandates-/);
    const state = await page.evaluate(() => window.mandateExplorer!.state());
    expect(state.focus).toMatchObject({ kind: 'representation', principal: 'sweden', forum: 'who' });
    const edges = await page.evaluate(() =>
      window
        .mandateExplorer!.cy()
        .edges('[type = "REPRESENTS"].emphasis')
        .map((e) => e.data('forum')),
    );
    expect(edges.length).toBeGreaterThan(0);
    // WHO itself, its Executive Board (an organ of WHO), or the group of forums that includes it
    // ("in some cases … in these bodies").
    expect(new Set(edges)).toEqual(new Set(['who', 'who-executive-board', 'socialstyrelsen-main-forums']));
    // The answer opens with a sentence that keeps the hedge and names the mandate.
    const sentence = await page.locator('#panel-representation .answer-sentence').first().innerText();
    expect(sentence).toMatch(/in some cases/i);
    expect(sentence).toMatch(/assignment|basis not stated/i);
    await shot('representation', '1-sweden-in-who');

    // In Swedish the basis is in Swedish words too.
    await context.close();
    await open('/?lang=sv');
    await page.locator('#tab-representation').click();
    await pick('rep-principal', 'Sverige', 'sweden');
    await pick('rep-forum', 'WHO', 'who');
    await page.locator('#panel-representation button[type="submit"]').click();
    await settle();
    const sv = page.locator('#panel-representation .rep-list .rep .basis', { hasText: 'uppdrag' }).first();
    await visible(sv);
    expect(await sv.innerText()).toMatch(/^Grund: uppdrag från .+: ”.+”/);
  });

  it('moves the time slider from 2016 to 2020 and Olivia Wigzell’s WHO Executive Board seat fades', async () => {
    await open();
    await searchAndPick('Olivia Wigzell', 'olivia-wigzell');
    await page.locator('#panel-details button', { hasText: /^Expand$/ }).click();
    await settle();
    const seatEdge = () =>
      page.evaluate(() => {
        const e = window
          .mandateExplorer!.cy()
          .edges('[type = "REPRESENTS"][source = "olivia-wigzell"][forum = "who-executive-board"]')
          .first();
        return e.empty() ? null : { outOfTime: e.hasClass('out-of-time'), opacity: Number(e.style('opacity')) };
      });
    expect(await seatEdge()).toMatchObject({ outOfTime: false });
    // Zoom in on her, as one would to read her ties.
    await page.evaluate(() => {
      const cy = window.mandateExplorer!.cy();
      cy.fit(cy.getElementById('olivia-wigzell').closedNeighborhood(), 60);
    });

    await page.locator('#asof-enabled').check();
    await page.locator('#asof-exact').fill('2016');
    await page.locator('#asof-exact').press('Enter');
    await settle();
    expect(page.url()).toContain('asOf=2016');
    // Opacity fades over a short transition: poll rather than read once.
    await expect.poll(seatEdge).toMatchObject({ outOfTime: false, opacity: 1 });
    await shot('time-slider', '1-as-of-2016');

    const slider = page.locator('#asof-year');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await settle();
    await text(page.locator('.asof-readout')).toBe('2020');
    expect(page.url()).toContain('asOf=2020');
    await expect.poll(async () => (await seatEdge())?.outOfTime).toBe(true);
    await expect.poll(async () => (await seatEdge())?.opacity).toBeLessThan(0.3);
    await shot('time-slider', '2-as-of-2020');
    // The faded seat still tells its story when clicked.
    const seatId = await page.evaluate(() =>
      window.mandateExplorer!.cy().edges('[type = "REPRESENTS"][source = "olivia-wigzell"][forum = "who-executive-board"]').first().id(),
    );
    await clickElement(seatId);
    await text(page.locator('#panel-details .dates')).toContain('not valid as of 2020');
    await shot('time-slider', '3-seat-details');

    // Undo goes back a year step.
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('Control+z');
    await settle();
    expect(await page.evaluate(() => window.mandateExplorer!.state().asOf)).toBe('2019');
  });

  it('compares the Finnish ministry with Socialstyrelsen: the forums both work in', async () => {
    await open();
    await searchAndPick('Social- och hälsovårdsministeriet', 'finland-ministry-social-affairs-health');
    await page.locator('#panel-details button', { hasText: 'Compare with…' }).click();
    await expect.poll(() => page.locator('#tab-common').getAttribute('aria-selected')).toBe('true');
    await pick('common-b', 'Socialstyrelsen', 'socialstyrelsen');
    await page.locator('#panel-common button[type="submit"]').click();
    await settle();
    const panel = page.locator('#panel-common');
    await text(panel.locator('.result-count')).toMatch(/^\d+ nodes tied to both$/);
    // The answer in sentences: how many they share, then each side's tie in a sentence of its own.
    await text(panel.locator('.answer-sentence')).toMatch(
      /^The Finnish Ministry of Social Affairs and Health and the Swedish National Board of Health and Welfare share \d+ neighbours\. The Finnish Ministry/,
    );
    const shared = (await panel.locator('.common-item .node-link').allInnerTexts()).map((s) => s.trim());
    for (const forum of ['World Health Organization', 'Council of Europe']) expect(shared).toContain(forum);
    // The canvas shows the two and what they share, highlighted; the link keeps the question.
    const emphasised = await page.evaluate(() =>
      window
        .mandateExplorer!.cy()
        .nodes('.emphasis')
        .map((n) => n.id()),
    );
    expect(emphasised).toEqual(expect.arrayContaining(['finland-ministry-social-affairs-health', 'socialstyrelsen', 'who']));
    expect(emphasised.length).toBe(shared.length + 2);
    expect(decodeURIComponent(page.url())).toContain('focus=common:finland-ministry-social-affairs-health:socialstyrelsen');
    await shot('common', '1-shared-forums');
  });

  it('finds the path from Ukraine to the Swedish regions and steps through it', async () => {
    await open();
    await page.locator('#tab-paths').click();
    await pick('paths-from', 'Ukraine', 'ukraine');
    await pick('paths-to', 'Swedish regions', 'swedish-regions');
    await page.locator('#panel-paths button[type="submit"]').click();
    await settle();
    const stepper = page.locator('#panel-paths .stepper-text');
    await text(stepper).toMatch(/Path 1 of \d+/);
    const onPath = () =>
      page.evaluate(() =>
        window
          .mandateExplorer!.cy()
          .elements('.on-path')
          .map((e) => e.id()),
      );
    const first = await onPath();
    expect(first).toContain('ukraine');
    expect(first).toContain('swedish-regions');
    await shot('paths', '1-first-path');
    const total = Number((await stepper.innerText()).match(/of (\d+)/)![1]);
    if (total > 1) {
      await page.locator('#panel-paths button[aria-label="Next path"]').click();
      await settle();
      await text(stepper).toMatch(/Path 2 of/);
      expect(await onPath()).not.toEqual(first);
      await shot('paths', '2-second-path');
    }

    // The request route itself: only forwarding ties, in their direction.
    await page.locator('#paths-type').selectOption('FORWARDS_REQUESTS_TO');
    await page.locator('#paths-directed').check();
    await page.locator('#panel-paths button[type="submit"]').click();
    await settle();
    const route = await page.locator('#panel-paths .path-node').allInnerTexts();
    expect(route.length).toBeGreaterThan(2);
    expect(
      await page.evaluate(() =>
        window
          .mandateExplorer!.cy()
          .edges('.on-path')
          .map((e) => e.data('type')),
      ),
    ).toSatisfy((types: string[]) => types.every((t) => t === 'FORWARDS_REQUESTS_TO'));
    await shot('paths', '3-request-route');
  });

  it('exports the view as SVG and GraphML, and the files hold what is on the canvas', async () => {
    await open();
    await settle();
    const view = await page.evaluate(() => {
      const cy = window.mandateExplorer!.cy();
      return {
        nodes: cy.nodes(':visible').map((n) => ({ id: n.id(), name: n.data('name') as string })),
        drawnEdges: cy.edges(':visible').map((e) => e.id()),
        // Ties of one kind between the same two nodes share a line; the data files hold each.
        edges: cy.edges(':visible, .bundled').map((e) => e.id()),
      };
    });

    await page.locator('.export-menu summary').click();
    await shot('export', '1-menu');
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-menu button[data-format="svg"]').click(),
    ]);
    expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    const svgCheck = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '').join(' '),
        nodeTitles: Object.fromEntries(
          [...doc.querySelectorAll('g[id^="node:"]')].map((g) => [g.id.slice(5), g.querySelector('title')?.textContent ?? '']),
        ),
        ties: doc.querySelectorAll('g[id^="tie:"] path').length,
        shapes: doc.querySelectorAll('g[id^="node:"] :is(ellipse, rect, polygon)').length,
      };
    }, svg);
    expect(svgCheck.error).toBeNull();
    expect(svgCheck.root).toBe('svg');
    // Every node on the canvas is drawn, named, with its shape; every tie is a path.
    expect(svgCheck.nodeTitles).toEqual(Object.fromEntries(view.nodes.map((n) => [n.id, n.name])));
    expect(svgCheck.shapes).toBeGreaterThanOrEqual(view.nodes.length);
    expect(svgCheck.ties).toBe(view.drawnEdges.length);
    // Labels are text (vector), not pixels: each name's words are in the drawing.
    for (const n of view.nodes)
      for (const word of n.name.replace(/…$/, '').split(/\s+/).slice(0, 1)) expect(svgCheck.texts).toContain(word);
    await page.evaluate((text) => {
      // Show the file as a browser would, for the screenshot.
      const img = document.createElement('img');
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      img.style.cssText =
        'position:fixed;inset:60px 20px 20px 220px;background:#fff;border:2px solid #888;z-index:999;max-width:calc(100% - 240px);max-height:calc(100% - 80px)';
      img.id = 'svg-preview';
      document.body.append(img);
      return new Promise((r) => (img.onload = r));
    }, svg);
    await shot('export', '2-svg-file');
    await page.evaluate(() => document.getElementById('svg-preview')?.remove());

    await page.locator('.export-menu summary').click();
    const [graphml] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-menu button[data-format="graphml"]').click(),
    ]);
    expect(graphml.suggestedFilename()).toMatch(/\.graphml$/);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    const g = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        nodes: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('id')),
        edges: doc.getElementsByTagName('edge').length,
        hasProvenance: text.includes('sources') && text.includes('evidence'),
      };
    }, xml);
    expect(g.error).toBeNull();
    expect(new Set(g.nodes)).toEqual(new Set(view.nodes.map((n) => n.id)));
    expect(g.edges).toBe(view.edges.length);
    expect(g.hasProvenance).toBe(true);

    // A standard from the same menu, opened in its consumer's library: Gephi's GEXF in networkx.
    await page.locator('.export-menu summary').click();
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.locator('.export-menu button[data-format="gexf"]').click()]);
    expect(gexf.suggestedFilename()).toMatch(/\.gexf$/);
    const read = JSON.parse(
      execFileSync('python3', [join(process.cwd(), 'tests', 'tools', 'check_gexf.py'), (await gexf.path())!], { encoding: 'utf8' }),
    ) as { mode: string; nodes: number; edges: number };
    expect(read.mode).toBe('dynamic');
    expect(read.nodes).toBe(view.nodes.length);
    expect(read.edges).toBe(view.edges.length);
    await shot('export', '3-done');
  });

  it('exports the view as PNG: the framed figure at twice its resolution, with the graph drawn on it', async () => {
    await open();
    const bb = await page.evaluate(() => {
      const b = window.mandateExplorer!.cy().elements(':visible').boundingBox();
      return { w: b.w, h: b.h, nodes: window.mandateExplorer!.cy().nodes(':visible').length };
    });
    expect(bb.nodes).toBeGreaterThan(3);
    await page.locator('.export-menu summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-menu button[data-format="png"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = PNG.sync.read(readFileSync((await download.path())!));
    // The whole drawing at scale 2, framed for a report: title and date above it, legend and
    // sources below (tests/e2e/figure.e2e.test.ts reads those).
    expect(png.width).toBeGreaterThanOrEqual(Math.floor(bb.w * 0.9) * 2);
    expect(png.height).toBeGreaterThan(Math.ceil(bb.h) * 2 + 200);
    // An opaque background (the theme's), and a fair share of pixels that are not it: nodes,
    // ties and names, not a blank canvas.
    const px = (i: number) => [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]].join(',');
    const background = px(0);
    expect(png.data[3]).toBe(255);
    let drawn = 0;
    for (let i = 0; i < png.data.length; i += 4) if (px(i) !== background) drawn++;
    expect(drawn / (png.width * png.height)).toBeGreaterThan(0.01);
  });

  it('reopens a copied link with the same view: nodes, positions, as-of, layout and selection', async () => {
    await open();
    await searchAndPick('Olivia Wigzell', 'olivia-wigzell');
    const before0 = (await canvasNodeIds()).length;
    await clickElement('olivia-wigzell', { double: true });
    expect((await canvasNodeIds()).length).toBeGreaterThan(before0);
    // Drag a node somewhere else: it must stay there in the copied view.
    const box = (await page.locator('#cy').boundingBox())!;
    const rendered = await page.evaluate(() => window.mandateExplorer!.cy().getElementById('olivia-wigzell').renderedPosition());
    await page.mouse.move(box.x + rendered.x, box.y + rendered.y);
    await page.mouse.down();
    await page.mouse.move(box.x + rendered.x + 60, box.y + rendered.y + 40, { steps: 8 });
    await page.mouse.up();
    await page.locator('#asof-enabled').check();
    await settle();
    await page.locator('.legend-item[data-label="Post"]').click();
    await settle();
    await clickElement('olivia-wigzell');

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('button[data-action="copy-link"]').click();
    await visible(page.locator('.toast', { hasText: 'Link copied' }));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    const before = await page.evaluate(() => ({
      state: window.mandateExplorer!.state(),
      cyNodes: window.mandateExplorer!.cy().nodes().length,
    }));
    await shot('copied-link', '1-original');

    const second = await context.newPage();
    second.on('pageerror', (err) => pageErrors.push(err.message));
    await second.goto(link);
    await settle(second);
    const after = await second.evaluate(() => ({
      state: window.mandateExplorer!.state(),
      cyNodes: window.mandateExplorer!.cy().nodes().length,
    }));
    expect(new Set(after.state.nodes)).toEqual(new Set(before.state.nodes));
    expect(after.state.asOf).toBe(before.state.asOf);
    expect(after.state.hiddenLabels).toEqual(['Post']);
    expect(after.state.layout).toBe(before.state.layout);
    expect(after.state.selected).toEqual(['olivia-wigzell']);
    for (const id of before.state.nodes) {
      expect(after.state.positions[id], id).toEqual(before.state.positions[id]);
    }
    expect(after.cyNodes).toBe(before.cyNodes);
    await second.screenshot({ path: join(SHOTS, 'copied-link-2-reopened.png') });
    await text(second.locator('#panel-details .details-title')).toBe('Olivia Wigzell');
  });

  it('keyboard: Delete removes the selection, Ctrl+Z brings it back, Escape clears', async () => {
    await open();
    await clickElement('socialstyrelsen');
    await page.locator('#tab-details').focus();
    await page.keyboard.press('Delete');
    await settle();
    expect(await canvasNodeIds()).not.toContain('socialstyrelsen');
    await page.keyboard.press('Control+z');
    await settle();
    expect(await canvasNodeIds()).toContain('socialstyrelsen');
    await page.keyboard.press('Escape');
    await settle();
    expect(await page.evaluate(() => window.mandateExplorer!.state().selected)).toEqual([]);
  });

  it('says what went wrong when the database is away, and what to try', async () => {
    await open();
    await page.route('**/api/search**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'Retry-After': '1' },
        body: JSON.stringify({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not reachable.', details: [] } }),
      }),
    );
    await page.locator('body').press('/');
    await page.keyboard.type('WHO');
    await text(page.locator('.toast-error').first()).toContain('retrying');
    await text(page.locator('.topbar .suggestions-status')).toContain('database is not reachable');
    await shot('failure', '1-database-away');
  });

  it('stays usable on a narrow screen and in the dark theme', async () => {
    await open();
    await page.locator('button[data-action="theme"]').click();
    await settle();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await shot('themes', '1-dark');
    await page.setViewportSize({ width: 600, height: 800 });
    await settle();
    await visible(page.locator('#search'));
    await visible(page.locator('#cy'));
    await shot('themes', '2-narrow');
  });
});
