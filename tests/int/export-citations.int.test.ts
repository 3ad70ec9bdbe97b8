// The whole graph exported in every format: where people read the file in their tools (GraphML,
// GEXF, Cytoscape JSON, JSON-LD, Turtle), the texts cite documents as the answers do,
// "Socialstyrelsen, Vårt internationella arbete (2021), l. 54", in the export's language (a
// Swedish form in Swedish, an English one in English), never the curators' "001 L54"; the
// machine references stay whole in the sources. The formats that import back exactly (our
// JSON, the Cypher script, the CSV for neo4j-admin, FollowTheMoney, Popolo) keep the data's own texts.
import JSZip from 'jszip';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../server/export/formats.ts';
import { READABLE_FORMATS } from '../../server/export/readable-texts.ts';
import { testApp } from '../helpers/api.ts';

const { app, db } = testApp();
afterAll(() => db.close());

function binary(res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The file as text; a zip's files joined. */
async function exported(format: ExportFormat, lang: 'en' | 'sv'): Promise<string> {
  const res = await request(app)
    .post('/api/export')
    .send({ format, lang })
    .buffer(true)
    .parse(binary as never);
  expect(res.status).toBe(200);
  const body = res.body as Buffer;
  if (format !== 'csv') return body.toString('utf8');
  const zip = await JSZip.loadAsync(body);
  return (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
}

/** The curators' shorthand for a citation: a document's number and its lines ("001 L54", "003 r. 16"). */
const SHORTHAND = /(?<![\p{L}\d.,:–_#-])0\d\d\s(?:L|r\.\s?|l\.\s?)\d+/u;

describe.each(['en', 'sv'] as const)('citations in exported texts (%s)', (lang) => {
  it.each(EXPORT_FORMATS.filter((f) => READABLE_FORMATS.has(f)))('%s: by document and lines, the references kept whole', async (format) => {
    const text = await exported(format, lang);
    expect(text.match(SHORTHAND)?.[0] ?? null).toBeNull();
    expect(text).toContain(`[Socialstyrelsen, Vårt internationella arbete (2021), ${lang === 'en' ? 'l.' : 'rad'} `);
    // The machine reference beside it, for programs: file and lines.
    expect(text).toMatch(/001_1c1597dd7120e666\.txt#L\d+/);
  });

  it('a Swedish form cites in Swedish and an English form in English, whatever the export’s language', async () => {
    const text = await exported('jsonld', lang);
    expect(text).toMatch(/\[[^\]]*\(20\d\d\), rad \d+[^\]]*\]/);
    expect(text).toMatch(/\[[^\]]*\(20\d\d\), ll?\. \d+[^\]]*\]/);
  });
});

describe('the formats that import back exactly', () => {
  it.each(EXPORT_FORMATS.filter((f) => !READABLE_FORMATS.has(f)))('%s keeps the data’s own texts', async (format) => {
    const text = await exported(format, 'en');
    expect(text).toMatch(SHORTHAND);
  });
});
