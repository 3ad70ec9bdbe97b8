// `npm run figure -- --root ID [--depth N] | --ids a,b  --format svg|pdf|png --out FILE
// [--as-of D] [--lang sv] [--title T] [--caption C]`: the API's figure for a report, from the
// command line.
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { buildFigure, FigureRequest } from '../figure/build.ts';
import { figurePdf, figurePng } from '../figure/render.ts';
import { parseFlags } from './args.ts';
import { progress } from './progress.ts';

const flags = parseFlags(
  z.object({
    format: z.string().default('pdf'),
    out: z.string().min(1, 'give the output file, e.g. --out figure.pdf'),
    root: z.string().optional(),
    depth: z.coerce.number().optional(),
    ids: z.string().optional(),
    types: z.string().optional(),
    'as-of': z.string().optional(),
    lang: z.string().optional(),
    title: z.string().optional(),
    caption: z.string().optional(),
  }),
  process.argv.slice(2),
  {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    root: { type: 'string' },
    depth: { type: 'string' },
    ids: { type: 'string' },
    types: { type: 'string' },
    'as-of': { type: 'string' },
    lang: { type: 'string' },
    title: { type: 'string' },
    caption: { type: 'string' },
  },
);

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
// The flags' names, for messages: the request says asOf where the command line says --as-of.
const FLAG: Record<string, string> = { asOf: 'as-of' };
const request = FigureRequest.safeParse({
  format: flags.format,
  root: flags.root,
  depth: flags.depth,
  ids: list(flags.ids),
  types: list(flags.types),
  asOf: flags['as-of'],
  lang: flags.lang,
  title: flags.title,
  caption: flags.caption,
});
if (!request.success) {
  for (const issue of request.error.issues) {
    const [field] = issue.path;
    process.stderr.write(`${field === undefined ? 'arguments' : `--${FLAG[String(field)] ?? String(field)}`}: ${issue.message}\n`);
  }
  process.exit(2);
}

const step = progress('Connecting to Neo4j');
const connection = await connect(loadConfig(), (line) => step.text(line));
try {
  step.text('Laying out and drawing the figure');
  const figure = await buildFigure(connection.db, request.data);
  const format = request.data.format;
  if (format !== 'svg') step.text(`Writing the ${format.toUpperCase()}`);
  const body =
    format === 'svg'
      ? Buffer.from(figure.svg, 'utf8')
      : format === 'pdf'
        ? await figurePdf(figure.svg, { title: figure.title, lang: request.data.lang })
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
