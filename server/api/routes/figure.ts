import type { Router } from 'express';
import { buildFigure, FigureRequest, type FigureFormat } from '../../figure/build.ts';
import { figurePdf, figurePng } from '../../figure/render.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const CONTENT_TYPE: Record<FigureFormat, string> = { svg: 'image/svg+xml', pdf: 'application/pdf', png: 'image/png' };

export function figureRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'post',
    path: '/api/figure',
    tag: 'export',
    summary: 'A figure for a report: the view drawn with title, legend, date, data version, sources and caption, as SVG, PDF or PNG',
    description:
      'The nodes given by `ids` (and the ties among them) or the neighbourhood of `root`, laid out on the server (layered, the same every time) unless `positions` gives where each node goes. The legend lists only the kinds of node and tie and the certainties drawn; the sources are the documents the drawn facts cite. `lang` chooses the language of every word in it.',
    body: FigureRequest.openapi({
      example: { format: 'pdf', root: 'socialstyrelsen', depth: 1, lang: 'en', caption: 'Where Socialstyrelsen works.' },
    }),
    errors: {
      400: 'A node given in `ids` or as `root` does not exist, or the figure would hold more than 300 nodes; the details name the field.',
    },
    response: { description: 'The file; Content-Disposition names it.', contentTypes: Object.values(CONTENT_TYPE) },
    handler: async ({ body }, { res, services: { db } }) => {
      const figure = await buildFigure(db, body);
      const file =
        body.format === 'svg'
          ? Buffer.from(figure.svg, 'utf8')
          : body.format === 'pdf'
            ? await figurePdf(figure.svg, { title: figure.title, lang: body.lang })
            : figurePng(figure.svg);
      const name = `mandate-explorer-figure-${figure.name}${body.asOf ? `-${body.asOf}` : ''}-${body.lang}.${body.format}`;
      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPE[body.format]);
      res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
      res.setHeader('X-Export-Filename', name);
      res.end(file);
      return undefined;
    },
  });
}
