// "Export → Picture": the view as a figure for a report, framed by the shared composition
// (graph/figure.ts): title, legend of what is drawn, date, data version, sources and the
// user's caption. SVG is composed here from the canvas as drawn, PNG is that SVG painted at
// twice the size, PDF is drawn by the server (POST /api/figure) from the same nodes at the
// canvas's positions, with the same composition (so is every format of a past version).
import type { ApiClient } from '../../api/client.ts';
import { CurationApi } from '../../api/curation.ts';
import type { ImageFormat } from '../../events.ts';
import { composeFigure, type FigureDocument, type FigureFrame } from '../../graph/figure.ts';
import type { GraphView } from '../../graph/view.ts';
import { lang, t } from '../../i18n/index.ts';
import type { ViewState } from '../../state/view-state.ts';

export const MAX_CAPTION = 600;

export interface FigureRequestOfView {
  format: ImageFormat;
  scope: 'view' | 'selection';
  caption: string;
  /** The node ids the figure holds (the view's or the selection's, after the filters). */
  ids: string[];
  /** Relationship types the filters let through, or undefined for all. */
  types: string[] | undefined;
  state: ViewState;
}

export class FigureExport {
  private readonly cur: CurationApi;
  private documents: FigureDocument[] | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly view: GraphView,
  ) {
    this.cur = new CurationApi(api);
  }

  /** The figure as a file, ready to download. */
  async file(req: FigureRequestOfView): Promise<Blob> {
    const title = t.figure.titleView(req.ids.length);
    // As recorded at a past version, the server reads that version and names it; so the
    // figure comes from there, at the canvas's positions, in every format.
    if (req.format === 'pdf' || req.state.recordedAt) {
      const file = await this.api.figureFile({
        format: req.format === 'pdf' ? 'pdf' : 'svg',
        ids: req.ids,
        types: req.types as never,
        asOf: req.state.asOf ?? undefined,
        lang,
        title,
        caption: req.caption || undefined,
        positions: this.view.positionsOf(req.ids),
      });
      if (req.format !== 'png') return file.blob;
      return paintPng(await file.blob.text());
    }
    const svg = await this.svg(req, title);
    const blob = new Blob([svg], { type: 'image/svg+xml' });
    return req.format === 'svg' ? blob : paintPng(svg);
  }

  private async svg(req: FigureRequestOfView, title: string): Promise<string> {
    const [version, documents] = await Promise.all([this.cur.currentVersion(), this.sources()]);
    const model = this.view.drawing(req.scope, { title, asOf: req.state.asOf });
    const dayFormat = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' });
    const frame: FigureFrame = {
      title,
      caption: req.caption,
      dateLine: req.state.asOf ? t.figure.asOf(req.state.asOf) : t.figure.drawn(dayFormat.format(new Date())),
      versionLine: t.figure.version(version.version, version.at ? dayFormat.format(new Date(version.at)) : null),
      documents,
      words: { ...t.figure, labels: t.labels, types: t.types },
    };
    return composeFigure(model, frame, this.view.measure());
  }

  private async sources(): Promise<FigureDocument[]> {
    this.documents ??= (await this.cur.sources()).sources;
    return this.documents;
  }
}

/** The SVG painted onto a canvas at twice its size, as a PNG. */
async function paintPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    // The SVG's own size, not the image's (whole pixels), so the PNG is exactly twice it.
    const [, w, h] = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg) ?? [];
    const width = Number(w ?? img.naturalWidth);
    const height = Number(h ?? img.naturalHeight);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * 2);
    canvas.height = Math.round(height * 2);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
