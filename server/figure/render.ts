// A figure's SVG as a print-ready PDF (PDFKit draws the SVG as vectors, text as text in our
// embedded typeface, so it can be searched and copied) or as a PNG (resvg, at twice the size).
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FIGURE_FONT, registerFonts } from './fonts.ts';

/** ISO paper sizes in points, portrait. */
const PAPER = { A4: [595.28, 841.89], A3: [841.89, 1190.55] } as const;
const MARGIN = 36;
/** Below this the text of a figure fitted to the paper gets too small to read. */
const MIN_SCALE = 0.5;

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(m?.[1] ?? 800), height: Number(m?.[2] ?? 600) };
}

/** The paper the figure fits on at a readable scale: A4, else A3, else a page of its own size. */
function paper(width: number, height: number): { size: [number, number]; scale: number } {
  const landscape = width > height;
  for (const [w0, h0] of Object.values(PAPER)) {
    const [w, h] = landscape ? [h0, w0] : [w0, h0];
    const scale = Math.min((w - 2 * MARGIN) / width, (h - 2 * MARGIN) / height, 1);
    if (scale >= MIN_SCALE) return { size: [w, h], scale };
  }
  return { size: [width * MIN_SCALE + 2 * MARGIN, height * MIN_SCALE + 2 * MARGIN], scale: MIN_SCALE };
}

export async function figurePdf(svg: string, meta: { title: string; lang: string }): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const { size, scale } = paper(width, height);
  const doc = new PDFDocument({
    size,
    margin: MARGIN,
    info: { Title: meta.title, Creator: 'Mandate Explorer', Producer: 'Mandate Explorer (PDFKit)' },
    lang: meta.lang,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerFonts(doc);
  SVGtoPDF(doc, svg, (size[0] - width * scale) / 2, MARGIN, {
    width: width * scale,
    height: height * scale,
    preserveAspectRatio: 'xMidYMin meet',
    assumePt: true,
    fontCallback: (_family, bold, italic) => (bold ? 'figure-bold' : italic ? 'figure-italic' : 'figure'),
    warningCallback: () => undefined,
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export function figurePng(svg: string, zoom = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    font: {
      loadSystemFonts: true,
      defaultFontFamily: FIGURE_FONT.family,
      sansSerifFamily: FIGURE_FONT.family,
    },
  });
  return resvg.render().asPng();
}
