// `npm run export -- --format F --out FILE [--root ID --depth N | --ids a,b,c] [--as-of D]`:
// the API's exports from the command line. With no selection, the whole graph is streamed.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { z } from 'zod';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { ExportRequest, exportSource } from '../export/subgraph.ts';
import { writeExport } from '../export/write.ts';
import { parseFlags } from './args.ts';
import { progress } from './progress.ts';

const flags = parseFlags(
  z.object({
    format: z.string().default('json'),
    out: z.string().min(1, 'give the output file, e.g. --out graph.json'),
    root: z.string().optional(),
    depth: z.coerce.number().optional(),
    ids: z.string().optional(),
    types: z.string().optional(),
    labels: z.string().optional(),
    'as-of': z.string().optional(),
    limit: z.coerce.number().optional(),
  }),
  process.argv.slice(2),
  {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    root: { type: 'string' },
    depth: { type: 'string' },
    ids: { type: 'string' },
    types: { type: 'string' },
    labels: { type: 'string' },
    'as-of': { type: 'string' },
    limit: { type: 'string' },
  },
);

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
const request = ExportRequest.safeParse({
  format: flags.format,
  root: flags.root,
  depth: flags.depth,
  ids: list(flags.ids),
  types: list(flags.types),
  labels: list(flags.labels),
  asOf: flags['as-of'],
  limit: flags.limit,
});
if (!request.success) {
  for (const issue of request.error.issues) process.stderr.write(`${issue.path.join('.') || 'arguments'}: ${issue.message}\n`);
  process.exit(2);
}

const step = progress('Connecting to Neo4j');
const connection = await connect(loadConfig(), (line) => step.text(line));
const { db } = connection;
try {
  step.text(
    `Exporting ${request.data.root ? `the neighbourhood of ${request.data.root}` : request.data.ids ? 'the selected nodes' : 'the whole graph'} as ${request.data.format}`,
  );
  const source = await exportSource(db, request.data);
  const out = createWriteStream(flags.out);
  let bytes = 0;
  let lastShown = 0;
  // Counts what passes through, for the progress line.
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes - lastShown > 1e6) {
        lastShown = bytes;
        step.text(`Writing ${flags.out}: ${(bytes / 1e6).toFixed(1)} MB`);
      }
      callback(null, chunk);
    },
  });
  counter.pipe(out);
  await writeExport(request.data.format, source, counter);
  counter.end();
  await once(out, 'finish');
  step.succeed(`Wrote ${flags.out} (${(bytes / 1e6).toFixed(2)} MB)`);
} catch (err) {
  step.fail((err as Error).message);
  process.exitCode = 1;
} finally {
  await connection.close();
}
