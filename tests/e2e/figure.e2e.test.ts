// Figures for reports from the web app (issue 20, part 7): the export menu takes a caption by
// keyboard, and the SVG, PNG and PDF it downloads carry the title, a legend of exactly the
// kinds on the canvas, the date, the data version, the sources and that caption, in English
// and in Swedish. Screenshots of the files as a reader sees them:
// artifacts/screenshots/figure-<step>.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';
import { expectNoAxeViolations, launchChromium, readmePicture } from '../helpers/browser.ts';

const base = inject('appUrl');
const SHOTS = join(process.cwd(), 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  expect(pageErrors, 'uncaught errors in the pages').toEqual([]);
});

async function open(lang: 'en' | 'sv', width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${base}/?lang=${lang}`);
  await page.waitForFunction(() => window.mandateExplorer?.idle() && document.querySelector('#cy canvas') !== null, null, {
    timeout: 120_000,
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page;
}

/** The kinds of node on the canvas, as the legend should list them. */
const canvasKinds = (page: Page) =>
  page.evaluate(() =>
    [
      ...new Set(
        window
          .mandateExplorer!.cy()
          .nodes(':visible')
          .map((n) => n.data('label') as string),
      ),
    ].sort(),
  );

/** Opens the export menu and types the caption, by keyboard alone. */
async function captionByKeyboard(page: Page, caption: string): Promise<void> {
  await page.locator('.export-menu summary').focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate(() => document.activeElement?.id === 'export-caption')) break;
    await page.keyboard.press('Tab');
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-caption');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(caption);
}

/** Moves focus on to a format's button and presses Enter; resolves with the download. */
async function pressFormat(page: Page, format: 'svg' | 'png' | 'pdf'): Promise<Download> {
  for (let i = 0; i < 6; i++) {
    if (await page.evaluate((f) => document.activeElement?.getAttribute('data-format') === f, format)) break;
    await page.keyboard.press('Tab');
  }
  // Reached from the caption going on; when the menu was opened afresh, straight to the button.
  if (!(await page.evaluate((f) => document.activeElement?.getAttribute('data-format') === f, format))) {
    await page.locator(`.export-menu button[data-format="${format}"]`).focus();
  }
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
  return download;
}

async function readSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const words = (sel: string) => [...doc.querySelectorAll(`${sel} text`)].map((t) => t.textContent ?? '').join(' ');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: words('#figure-title'),
      date: words('#figure-date'),
      caption: words('#caption'),
      sources: words('#sources'),
      legend: words('#legend'),
      kinds: [...doc.querySelectorAll('#legend-nodes .legend-item')].map((g) => g.getAttribute('data-key')).sort(),
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
    };
  }, svg);
}

/** Shows a file as a browser would (an <img> over the page), for the screenshot. */
async function showImage(page: Page, bytes: Buffer, type: string, step: string): Promise<void> {
  await page.evaluate(
    ({ b64, type }) => {
      const img = document.createElement('img');
      img.src = `data:${type};base64,${b64}`;
      img.id = 'figure-preview';
      img.style.cssText =
        'position:fixed;inset:10px;background:#fff;border:2px solid #888;z-index:999;max-width:calc(100% - 20px);max-height:calc(100% - 20px)';
      document.body.append(img);
      return new Promise((r) => (img.onload = r));
    },
    { b64: bytes.toString('base64'), type },
  );
  await page.screenshot({ path: join(SHOTS, `figure-${step}.png`) });
  await page.evaluate(() => document.getElementById('figure-preview')?.remove());
}

describe('figures from the export menu', () => {
  it('SVG, PNG and PDF in English carry title, legend of what is shown, date, version, sources and the caption', async () => {
    const page = await open('en');
    const kinds = await canvasKinds(page);
    const version = (await (await page.request.get(`${base}/api/versions/current`)).json()) as { version: number };
    const caption = 'The starting view, for the annual report.';
    await captionByKeyboard(page, caption);
    await page.screenshot({ path: join(SHOTS, 'figure-1-menu-caption.png') });
    await expectNoAxeViolations(page, 'figure-menu', SHOTS);

    const svgDownload = await pressFormat(page, 'svg');
    expect(svgDownload.suggestedFilename()).toMatch(/^mandate-explorer-view-\d+-nodes\.svg$/);
    const svgFile = readFileSync((await svgDownload.path())!, 'utf8');
    const svg = await readSvg(page, svgFile);
    expect(svg.error).toBeNull();
    expect(svg.kinds).toEqual(kinds);
    for (const kind of kinds) expect(svg.legend).toContain(en.labels[kind as keyof typeof en.labels]);
    expect(svg.caption).toBe(caption);
    expect(svg.title).toMatch(/actors and their ties/);
    expect(svg.date).toContain(`data version ${version.version}`);
    expect(svg.sources).toContain('Socialstyrelsen, Vårt internationella arbete (2021)');
    expect(svgFile).not.toContain('…');
    await showImage(page, Buffer.from(svgFile), 'image/svg+xml', '2-svg-en');

    // The caption stays for the next format.
    await page.locator('.export-menu summary').click();
    expect(await page.locator('#export-caption').inputValue()).toBe(caption);
    const png = readFileSync((await (await pressFormat(page, 'png')).path())!);
    const image = PNG.sync.read(png);
    expect(image.width).toBe(Math.round(svg.width * 2));
    expect(image.height).toBe(Math.round(svg.height * 2));
    await showImage(page, png, 'image/png', '3-png-en');
    // The README shows the exported figure itself.
    const picture = readmePicture('figure');
    if (picture) writeFileSync(picture, png);

    await page.locator('.export-menu summary').click();
    const pdfPath = (await (await pressFormat(page, 'pdf')).path())!;
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(caption);
    expect(text).toContain(en.figure.kindsOfNode);
    for (const kind of kinds) expect(text).toContain(en.labels[kind as keyof typeof en.labels]);
    expect(text).toContain(`data version ${version.version}`);
    expect(text).toContain(en.figure.sources);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdfPath, join(SHOTS, 'figure-4-pdf-en')]);
    await page.context().close();
  });

  it('in Swedish, at phone width, the caption field is in reach and the figure speaks Swedish', async () => {
    const page = await open('sv', 390);
    const kinds = await canvasKinds(page);
    const caption = 'Startvyn, till årsrapporten.';
    await captionByKeyboard(page, caption);
    await expect.poll(() => page.locator('#export-caption').isVisible()).toBe(true);
    await page.locator('#export-caption').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'figure-5-menu-sv-phone.png') });
    await expectNoAxeViolations(page, 'figure-menu-sv-phone', SHOTS);
    const svgFile = readFileSync((await (await pressFormat(page, 'svg')).path())!, 'utf8');
    const svg = await readSvg(page, svgFile);
    expect(svg.caption).toBe(caption);
    expect(svg.kinds).toEqual(kinds);
    expect(svg.legend).toContain(sv.figure.kindsOfNode);
    expect(svg.legend).not.toContain(en.figure.kindsOfNode);
    for (const kind of kinds) expect(svg.legend).toContain(sv.labels[kind as keyof typeof sv.labels]);
    expect(svg.date).toContain('dataversion');
    await page.setViewportSize({ width: 1280, height: 860 });
    await showImage(page, Buffer.from(svgFile), 'image/svg+xml', '6-svg-sv');
    await page.context().close();
  });
});
