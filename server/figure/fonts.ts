// The one typeface the server draws figures in, so text is measured with the same metrics it
// is drawn with (PDF and PNG alike). DejaVu Sans covers Swedish and most of Europe; Debian
// ships it (fonts-dejavu-core), and Liberation Sans is the fallback. Without either, PDFKit's
// built-in Helvetica is used and the PNG takes whatever sans-serif the system has.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Measure } from '../../web/src/graph/svg-export.ts';

const DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/truetype/liberation'];
const FACES: Array<{ family: string; regular: string; bold: string; italic: string }> = [
  { family: 'DejaVu Sans', regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' },
  {
    family: 'Liberation Sans',
    regular: 'LiberationSans-Regular.ttf',
    bold: 'LiberationSans-Bold.ttf',
    italic: 'LiberationSans-Italic.ttf',
  },
];

export interface FigureFont {
  family: string;
  /** File paths, or PDFKit's standard font names when no file was found. */
  regular: string;
  bold: string;
  italic: string;
}

function find(): FigureFont {
  for (const face of FACES) {
    for (const dir of DIRS) {
      const path = (f: string) => `${dir}/${f}`;
      if (existsSync(path(face.regular)) && existsSync(path(face.bold)) && existsSync(path(face.italic))) {
        return { family: face.family, regular: path(face.regular), bold: path(face.bold), italic: path(face.italic) };
      }
    }
  }
  return { family: 'Helvetica', regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
}

export const FIGURE_FONT: FigureFont = find();
/** The font-family the figure's SVG names: ours first, then what any reader has. */
export const FIGURE_FONT_FAMILY = `${FIGURE_FONT.family}, Helvetica, Arial, sans-serif`;

/** Registers our faces on a PDF document as "figure", "figure-bold" and "figure-italic". */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont('figure', FIGURE_FONT.regular);
  doc.registerFont('figure-bold', FIGURE_FONT.bold);
  doc.registerFont('figure-italic', FIGURE_FONT.italic);
}

let measurer: PDFKit.PDFDocument | null = null;

/** Text widths in the figure's typeface (1 px = 1 unit of font size). */
export const measureText: Measure = (text, fontSize, fontWeight) => {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    registerFonts(measurer);
  }
  const bold = fontWeight === 'bold' || Number(fontWeight) >= 600;
  return measurer
    .font(bold ? 'figure-bold' : 'figure')
    .fontSize(fontSize)
    .widthOfString(text);
};
