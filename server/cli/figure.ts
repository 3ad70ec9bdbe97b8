// `npm run figure -- --root ID [--depth N] | --ids a,b  --format svg|pdf|png --out FILE
// [--as-of D] [--lang sv] [--title T] [--caption C]`: the API's figure for a report, from the
// command line.
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { buildFigure, FigureRequest } from '../figure/build.ts';
import { figurePdf, figurePng } from '../figure/render.ts';
import { commaList, parseFlags, requestOrExit, SELECTION_FLAGS, selectionFlags } from './args.ts';
import { progress } from './progress.ts';

const flags = parseFlags(
  z.object({
    format: z.string().default('pdf'),
    out: z.string().min(1, 'give the output file, e.g. --out figure.pdf'),
    ...selectionFlags,
    lang: z.string().optional(),
    title: z.string().optional(),
    caption: z.string().optional(),
  }),
  process.argv.slice(2),
  {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    ...SELECTION_FLAGS,
    lang: { type: 'string' },
    title: { type: 'string' },
    caption: { type: 'string' },
  },
);

const request = requestOrExit(
  FigureRequest.safeParse({
    format: flags.format,
    root: flags.root,
    depth: flags.depth,
    ids: commaList(flags.ids),
    types: commaList(flags.types),
    asOf: flags['as-of'],
    lang: flags.lang,
    title: flags.title,
    caption: flags.caption,
  }),
);

const step = progress('Connecting to Neo4j');
const connection = await connect(loadConfig(), (line) => step.text(line));
try {
  step.text('Laying out and drawing the figure');
  const figure = await buildFigure(connection.db, request);
  const format = request.format;
  if (format !== 'svg') step.text(`Writing the ${format.toUpperCase()}`);
  const body =
    format === 'svg'
      ? Buffer.from(figure.svg, 'utf8')
      : format === 'pdf'
        ? await figurePdf(figure.svg, { title: figure.title, lang: request.lang })
        : figurePng(figure.svg);
  await writeFile(flags.out, body);
  step.succeed(`Wrote ${flags.out} (${(body.length / 1e3).toFixed(0)} kB): ${figure.title}`);
} catch (err) {
  const details = (err as { details?: Array<{ path: string; message: string }> }).details ?? [];
  step.fail([(err as Error).message, ...details.map((d) => `${d.path.replace(/^body\./, '--')}: ${d.message}`)].join('\n'));
  process.exitCode = 1;
} finally {
  await connection.close();
}
