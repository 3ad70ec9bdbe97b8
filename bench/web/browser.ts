// Web measurements in headless Chromium (Debian's, through playwright-core): time from
// navigation to a laid-out, painted graph of about 500, 2,000 and 10,000 elements, in the
// app and in a bare Cytoscape.js page given the same elements, with the canvas and the WebGL
// renderer; the longest main-thread task on the way; frames per second while panning and
// zooming afterwards.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { timedRequest } from '../lib/http.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Canvas: no GPU at all. WebGL: SwiftShader, Chromium's CPU implementation (there is no GPU here).
const CANVAS_ARGS = [...BASE_ARGS, '--disable-gpu'];
const WEBGL_ARGS = [...BASE_ARGS, '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

export type Renderer = 'canvas' | 'webgl';

export interface RenderRun {
  target: number;
  page: 'app' | 'bare';
  renderer: Renderer;
  elements: number | null;
  /** From navigation start to the second animation frame after the layout finished. */
  paintedMs: number | null;
  layoutMs: number | null;
  longestTaskMs: number | null;
  panFps: number | null;
  error?: string;
}

export interface BrowserResult {
  render: RenderRun[];
  notes: string[];
}

export interface BrowserOptions {
  /**
   * Starts the API (serving web/dist when the app is measured), allowing the bare page's
   * origin through CORS; measureBrowser stops it.
   */
  startApi: (corsOrigin: string) => Promise<{ url: string; stop(): Promise<void> }>;
  /** Hub to take neighbourhoods from. */
  hub: string;
  targets: number[];
  renderers: Renderer[];
  measureApp: boolean;
  panSeconds: number;
  timeoutMs: number;
  onProgress?: (line: string) => void;
}

/** Builds bench/web/bare.html with Vite into a temporary directory. */
async function buildBarePage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'bench-bare-'));
  const { build } = await import('vite');
  await build({
    root: HERE,
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: join(HERE, 'bare.html') } },
  });
  return out;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** Serves the built bare page and /case.json?case=K on 127.0.0.1. */
function serveBare(dir: string, cases: Map<string, unknown>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/case.json') {
      const body = cases.get(url.searchParams.get('case') ?? '');
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body ?? {}));
      return;
    }
    const path = normalize(join(dir, url.pathname === '/' ? 'bare.html' : url.pathname));
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    }),
  );
}

/**
 * Node ids whose induced subgraph (what the app shows for them) has about `target` elements:
 * a hub's depth-2 neighbourhood, trimmed by bisection on the number of nodes.
 */
export async function idsForTarget(apiUrl: string, hub: string, target: number): Promise<{ ids: string[]; elements: number }> {
  const res = await timedRequest(
    apiUrl,
    { method: 'GET', path: `/api/nodes/${hub}/neighborhood?depth=2&limit=${Math.min(5000, target)}` },
    { keepBody: true },
  );
  const all = (JSON.parse(res.body ?? '{}') as { nodes: Array<{ data: { id: string } }> }).nodes.map((n) => n.data.id);
  const count = async (k: number) => {
    const r = await timedRequest(
      apiUrl,
      { method: 'POST', path: '/api/export', body: { format: 'cytoscape', ids: all.slice(0, k) } },
      { keepBody: true },
    );
    const e = (JSON.parse(r.body ?? '{}') as { elements: { nodes: unknown[]; edges: unknown[] } }).elements;
    return e.nodes.length + e.edges.length;
  };
  let lo = 1;
  let hi = all.length;
  let best = { k: hi, n: await count(hi) };
  if (best.n <= target) return { ids: all, elements: best.n };
  for (let i = 0; i < 12 && lo < hi; i++) {
    const mid = Math.floor((lo + hi) / 2);
    const n = await count(mid);
    if (Math.abs(n - target) < Math.abs(best.n - target)) best = { k: mid, n };
    if (n < target) lo = mid + 1;
    else hi = mid;
    if (Math.abs(n - target) / target < 0.03) break;
  }
  return { ids: all.slice(0, best.k), elements: best.n };
}

// Runs in the page before any of its scripts: collects long tasks from the start.
const INIT_SCRIPT = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/**
 * Pans and zooms for `seconds` as a person does: drags on the empty background with the mouse
 * and turns the wheel, through Chromium's input pipeline (Cytoscape's level of detail applies
 * to gestures only, not to `cy.panBy`). Counts the frames the page produced and the frames
 * Cytoscape drew; the smaller is the rate the user sees. Page code is sent as source text: the
 * TypeScript loader would add helpers the page does not have.
 */
async function measurePan(page: Page, seconds: number): Promise<number> {
  const box = (await page.evaluate(`(() => {
    const cy = window.mandateExplorer ? window.mandateExplorer.cy() : window.cy;
    const r = cy.container().getBoundingClientRect();
    let renders = 0;
    let frames = 0;
    window.__pan = { counting: true, renders: () => renders, frames: () => frames, stop: null };
    cy.on('render', () => { renders++; });
    const tick = () => { frames++; if (window.__pan.counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  })()`)) as { x: number; y: number; width: number; height: number };
  // A corner of the background: after a fit it holds no node, so a drag pans instead of moving one.
  const x0 = box.x + 12;
  const y0 = box.y + 12;
  const start = Date.now();
  let step = 0;
  const deadline = start + seconds * 1000;
  while (Date.now() < deadline) {
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    // Each move waits for the page to take it, so a slow renderer is checked against the clock per move.
    for (let i = 1; i <= 40 && Date.now() < deadline; i++) {
      const t = i / 40;
      await page.mouse.move(x0 + Math.sin(t * Math.PI) * 160, y0 + Math.sin(t * Math.PI * 2) * 60);
    }
    await page.mouse.up();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4 && Date.now() < deadline; i++) await page.mouse.wheel(0, step % 2 === 0 ? -120 : 120);
    step++;
  }
  const elapsed = (Date.now() - start) / 1000;
  const counts = (await page.evaluate(`(() => {
    window.__pan.counting = false;
    return { renders: window.__pan.renders(), frames: window.__pan.frames() };
  })()`)) as { renders: number; frames: number };
  // The WebGL renderer draws without emitting 'render'; then the page's own frames count.
  const drawn = counts.renders > 0 ? Math.min(counts.frames, counts.renders) : counts.frames;
  return Math.round((drawn / elapsed) * 10) / 10;
}

async function runBare(
  browser: Browser,
  bareUrl: string,
  caseKey: string,
  o: BrowserOptions,
): Promise<Omit<RenderRun, 'target' | 'page' | 'renderer'>> {
  // The app's Content-Security-Policy forbids eval; the measuring scripts are ours, not the page's.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  try {
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${bareUrl}/bare.html?case=${caseKey}`);
    await page.waitForFunction('window.bareBench && window.bareBench.done === true', undefined, { timeout: o.timeoutMs, polling: 100 });
    const r = await page.evaluate<{
      bench: { error: string | null; elements: number; layoutMs: number; paintedMs: number };
      longest: number;
    }>(`({ bench: window.bareBench, longest: Math.max(0, ...(window.__longTasks || [])) })`);
    if (r.bench.error) throw new Error(r.bench.error);
    const panFps = await measurePan(page, o.panSeconds);
    return {
      elements: r.bench.elements,
      paintedMs: Math.round(r.bench.paintedMs),
      layoutMs: Math.round(r.bench.layoutMs),
      longestTaskMs: Math.round(r.longest),
      panFps,
    };
  } finally {
    await page.close();
  }
}

async function runApp(
  browser: Browser,
  apiUrl: string,
  o: BrowserOptions,
  ids: string[],
  renderer: Renderer,
): Promise<Omit<RenderRun, 'target' | 'page' | 'renderer'>> {
  // The app's Content-Security-Policy forbids eval; the measuring scripts are ours, not the page's.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  try {
    // The app marks nothing itself; a frame loop notes when it is idle with every node drawn.
    await page.addInitScript(`${INIT_SCRIPT}
      window.__appBench = { expected: ${ids.length}, paintedMs: null, sawBusy: false };
      (function watch() {
        const me = window.mandateExplorer;
        const b = window.__appBench;
        if (me && b.paintedMs === null) {
          const n = me.cy().nodes().length;
          if (!me.idle()) b.sawBusy = true;
          else if (b.sawBusy && n >= b.expected) {
            requestAnimationFrame(() => requestAnimationFrame(() => { b.paintedMs = performance.now(); }));
            return;
          }
        }
        requestAnimationFrame(watch);
      })();
    `);
    const hash = `#n=${ids.map(encodeURIComponent).join(',')}&layout=force${renderer === 'webgl' ? '&r=webgl' : ''}`;
    await page.goto(`${apiUrl}/${hash}`);
    await page.waitForFunction('window.__appBench.paintedMs !== null', undefined, { timeout: o.timeoutMs, polling: 100 });
    const r = await page.evaluate<{ painted: number; elements: number; longest: number }>(
      `({ painted: window.__appBench.paintedMs, elements: window.mandateExplorer.cy().elements().length, longest: Math.max(0, ...(window.__longTasks || [])) })`,
    );
    const panFps = await measurePan(page, o.panSeconds);
    return { elements: r.elements, paintedMs: Math.round(r.painted), layoutMs: null, longestTaskMs: Math.round(r.longest), panFps };
  } finally {
    await page.close();
  }
}

export async function measureBrowser(o: BrowserOptions): Promise<BrowserResult> {
  const notes: string[] = [];
  if (!existsSync(CHROMIUM)) {
    return { render: [], notes: [`Chromium not found at ${CHROMIUM} (apt-get install chromium); web measurements skipped.`] };
  }
  const bareDir = await buildBarePage();
  const cases = new Map<string, unknown>();
  const bare = await serveBare(bareDir, cases);
  const api = await o.startApi(bare.url);
  const apiUrl = api.url;
  const render: RenderRun[] = [];
  try {
    const picked = new Map<number, { ids: string[]; elements: number }>();
    for (const target of o.targets) picked.set(target, await idsForTarget(apiUrl, o.hub, target));
    for (const renderer of o.renderers) {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: renderer === 'webgl' ? WEBGL_ARGS : CANVAS_ARGS,
      });
      try {
        for (const target of o.targets) {
          const { ids } = picked.get(target)!;
          const key = `${target}-${renderer}`;
          cases.set(key, { api: apiUrl, ids, webgl: renderer === 'webgl' });
          const pages: Array<'bare' | 'app'> = o.measureApp ? ['app', 'bare'] : ['bare'];
          for (const page of pages) {
            o.onProgress?.(`${page} page, ${renderer}, ~${target} elements`);
            try {
              const r = page === 'bare' ? await runBare(browser, bare.url, key, o) : await runApp(browser, apiUrl, o, ids, renderer);
              render.push({ target, page, renderer, ...r });
            } catch (err) {
              render.push({
                target,
                page,
                renderer,
                elements: null,
                paintedMs: null,
                layoutMs: null,
                longestTaskMs: null,
                panFps: null,
                error: firstLine((err as Error).message),
              });
            }
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await api.stop();
    await bare.close();
    rmSync(bareDir, { recursive: true, force: true });
  }
  if (!o.measureApp) notes.push('The app was not measured: web/dist is missing (run npm run build:web); only the bare Cytoscape page ran.');
  notes.push(
    'WebGL runs on SwiftShader (Chromium’s CPU rasteriser): this machine has no GPU, so WebGL figures are a floor, not what a user with a GPU sees.',
  );
  return { render, notes };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 160);
}
