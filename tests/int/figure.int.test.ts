// Figures for reports from the API (POST /api/figure) and the command line (`npm run
// figure`), read back as a reader would: the SVG's text, the PDF's text (poppler's
// pdftotext), the PNG's size. Each must carry the title, a legend of what is drawn, the
// date, the data version, the sources and the caption.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import request from 'supertest';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../neo4j-local/launcher.ts';
import { overlaps, type Box } from '../../web/src/graph/figure.ts';
import { en } from '../../web/src/i18n/en.ts';
import { sv } from '../../web/src/i18n/sv.ts';
import { testApp } from '../helpers/api.ts';

const { app, db } = testApp();
const dir = mkdtempSync(join(tmpdir(), 'mandate-figure-'));
const run = promisify(execFile);

afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function binary(res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

async function figure(body: object): Promise<{ status: number; type: string; file: Buffer; json: unknown }> {
  const res = await request(app)
    .post('/api/figure')
    .send(body)
    .buffer(true)
    .parse(binary as never);
  const file = res.body as Buffer;
  const json = /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(file.toString('utf8')) : null;
  return { status: res.status, type: res.headers['content-type'] ?? '', file, json };
}

function pdfText(pdf: Buffer): string {
  const path = join(dir, `read-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  // -raw keeps each drawn string whole; whitespace is folded so wrapped lines read as one.
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const svgText = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1]!)
    .join(' ')
    .replace(/&amp;/g, '&');

async function version(): Promise<number> {
  const res = await request(app).get('/api/versions/current');
  return res.body.version as number;
}

/** The kinds of node and tie in the neighbourhood, from the export of the same selection. */
async function kindsAround(root: string): Promise<{ labels: Set<string>; types: Set<string> }> {
  const res = await request(app).post('/api/export').send({ format: 'json', root, depth: 1 });
  expect(res.status).toBe(200);
  const body = JSON.parse(res.text) as { nodes: Array<{ labels: string[] }>; relationships: Array<{ type: string }> };
  return { labels: new Set(body.nodes.map((n) => n.labels[1]!)), types: new Set(body.relationships.map((r) => r.type)) };
}

describe('POST /api/figure', () => {
  it('SVG: title, a legend of exactly what is drawn, date, version, sources and caption; captions never overlap', async () => {
    const caption = 'Socialstyrelsen and the bodies it works with, for the annual review.';
    // Read first, so the figure's own reads meet a warm database.
    const { labels, types } = await kindsAround('socialstyrelsen');
    const res = await figure({ format: 'svg', root: 'socialstyrelsen', depth: 1, lang: 'en', caption });
    expect(res.status).toBe(200);
    expect(res.type).toContain('image/svg+xml');
    const svg = res.file.toString('utf8');
    const text = svgText(svg);
    expect(text).toContain('Swedish National Board of Health and Welfare and its ties');
    expect(text).toContain(`data version ${await version()}`);
    expect(text).toMatch(/The data as it stands on \d{1,2} \w+ \d{4}/);
    expect(text).toContain(caption);
    expect(text).toContain('Socialstyrelsen, Vårt internationella arbete (2021)');
    expect(text).not.toMatch(/\.txt|#L\d/);

    const keys = (column: string) => {
      const start = svg.indexOf(`<g id="${column}">`);
      const end = svg.indexOf('id="legend-', start + 10);
      return new Set([...svg.slice(start, end < 0 ? undefined : end).matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]));
    };
    expect(keys('legend-nodes')).toEqual(labels);
    expect(keys('legend-ties')).toEqual(types);
    for (const label of labels) expect(text).toContain(en.labels[label as keyof typeof en.labels]);

    const boxes: Box[] = [...svg.matchAll(/class="tie-caption" data-box="([-\d. ]+)"/g)].map((m) => {
      const [x1, y1, x2, y2] = m[1]!.split(' ').map(Number) as [number, number, number, number];
      return { x1, y1, x2, y2 };
    });
    expect(boxes.length).toBeGreaterThan(5);
    // 0 caption boxes that meet.
    const meeting = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlaps(a, b)));
    expect(meeting).toEqual([]);
    // A hub's ties are captioned by group: ties between the same two nodes, and ties of one kind
    // fanning out of the hub, once each; so there are fewer captions than ties.
    const stands = [...svg.matchAll(/class="tie-caption" data-box="[-\d. ]+" data-ties="(\d+)"/g)].map((m) => Number(m[1]));
    expect(stands).toHaveLength(boxes.length);
    expect(Math.max(...stands)).toBeGreaterThan(2);
    expect(boxes.length).toBeLessThan((svg.match(/<g id="tie:/g) ?? []).length * 0.6);
    // Full names, wrapped rather than cut.
    expect(svg).not.toContain('…');
  });

  it('PDF in Swedish: a printable page whose text holds title, legend, date, version, sources and caption', async () => {
    const caption = 'Socialstyrelsens band år 2016, till årsrapporten.';
    const res = await figure({ format: 'pdf', ids: ['socialstyrelsen', 'who', 'swedish-government'], asOf: '2016', lang: 'sv', caption });
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.file.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.file);
    expect(text).toContain(sv.figure.titleView(3));
    expect(text).toContain('Per 2016');
    expect(text).toContain(`dataversion ${await version()}`);
    expect(text).toContain(sv.figure.kindsOfNode);
    expect(text).toContain(sv.labels.Agency);
    expect(text).toContain(sv.labels.Organisation);
    expect(text).not.toContain(sv.labels.Person);
    expect(text).toContain(sv.figure.sources);
    expect(text).toContain(caption);
    expect(text).not.toContain(en.figure.kindsOfNode);
  });

  it('PNG: twice the drawing’s size, with a title given by the caller', async () => {
    const svg = await figure({ format: 'svg', ids: ['socialstyrelsen', 'who'], title: 'Two bodies' });
    const png = await figure({ format: 'png', ids: ['socialstyrelsen', 'who'], title: 'Two bodies' });
    expect(png.status).toBe(200);
    expect(png.type).toBe('image/png');
    const image = PNG.sync.read(png.file);
    const [, w, h] = /<svg[^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg.file.toString('utf8'))!;
    expect(image.width).toBe(Math.round(Number(w) * 2));
    expect(image.height).toBe(Math.round(Number(h) * 2));
    expect(svgText(svg.file.toString('utf8'))).toContain('Two bodies');
  });

  it('as recorded at a version, names that version', async () => {
    const v = await version();
    const res = await figure({ format: 'svg', ids: ['socialstyrelsen', 'who'], recordedAt: String(v) });
    expect(res.status).toBe(200);
    expect(svgText(res.file.toString('utf8'))).toContain(`data version ${v}`);
    const bad = await figure({ format: 'svg', ids: ['socialstyrelsen'], recordedAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('recordedAt');
  });

  it('bad input is refused with 400 naming the field', async () => {
    const unknown = await figure({ format: 'svg', ids: ['socialstyrelsen', 'no-such-body'] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.json)).toContain('body.ids.1');
    const root = await figure({ format: 'svg', root: 'no-such-body' });
    expect(root.status).toBe(400);
    expect(JSON.stringify(root.json)).toContain('body.root');
    const format = await figure({ format: 'gif', root: 'socialstyrelsen' });
    expect(format.status).toBe(400);
    expect(JSON.stringify(format.json)).toMatch(/format/);
    const long = await figure({ format: 'svg', root: 'socialstyrelsen', caption: 'x'.repeat(601) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.json)).toMatch(/caption/);
  });
});

describe('npm run figure', () => {
  const env = () => ({ ...process.env, NEO4J_URI: inject('neo4jUri') });

  it('writes the PDF the API gives, in the language asked for, with the caption', { timeout: 120_000 }, async () => {
    const out = join(dir, 'f.pdf');
    const caption = 'Utskrift för rapporten';
    await run(
      'npm',
      [
        'run',
        '-s',
        'figure',
        '--',
        '--root',
        'socialstyrelsen',
        '--depth',
        '1',
        '--format',
        'pdf',
        '--out',
        out,
        '--lang',
        'sv',
        '--caption',
        caption,
      ],
      {
        cwd: REPO_ROOT,
        env: env(),
        timeout: 110_000,
      },
    );
    const text = pdfText(readFileSync(out));
    expect(text).toContain('Socialstyrelsen och dess band');
    expect(text).toContain(sv.figure.kindsOfTie);
    expect(text).toContain(`dataversion ${await version()}`);
    expect(text).toContain('Socialstyrelsen, Vårt internationella arbete (2021)');
    expect(text).toContain(caption);
  });

  it('names the flag that is wrong', { timeout: 60_000 }, async () => {
    const failed = await run(
      'npm',
      ['run', '-s', 'figure', '--', '--root', 'socialstyrelsen', '--format', 'gif', '--out', join(dir, 'x')],
      {
        cwd: REPO_ROOT,
        env: env(),
      },
    ).catch((err: { code: number; stderr: string }) => err);
    expect('code' in failed && failed.code).toBe(2);
    expect('stderr' in failed ? failed.stderr : '').toContain('--format');
  });
});
