// `npm run export -- --format F --out FILE [--root ID --depth N | --ids a,b,c] [--as-of D] [--lang sv]`:
// the API's exports from the command line. With no selection, the whole graph is streamed;
// --lang is the language of the citations in texts for people, as the API's `lang`.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { z } from 'zod';
import { connect } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { ExportRequest, exportSource } from '../export/subgraph.ts';
import { writeExport } from '../export/write.ts';
import { commaList, parseFlags, requestOrExit, SELECTION_FLAGS, selectionFlags } from './args.ts';
import { progress } from './progress.ts';

const flags = parseFlags(
  z.object({
    format: z.string().default('json'),
    out: z.string().min(1, 'give the output file, e.g. --out graph.json'),
    ...selectionFlags,
    labels: z.string().optional(),
    limit: z.coerce.number().optional(),
    lang: z.string().optional(),
  }),
  process.argv.slice(2),
  {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    ...SELECTION_FLAGS,
    labels: { type: 'string' },
    limit: { type: 'string' },
    lang: { type: 'string' },
  },
);

const request = requestOrExit(
  ExportRequest.safeParse({
    format: flags.format,
    root: flags.root,
    depth: flags.depth,
    ids: commaList(flags.ids),
    types: commaList(flags.types),
    labels: commaList(flags.labels),
    asOf: flags['as-of'],
    limit: flags.limit,
    lang: flags.lang,
  }),
);

const step = progress('Connecting to Neo4j');
const connection = await connect(loadConfig(), (line) => step.text(line));
const { db } = connection;
try {
  step.text(
    `Exporting ${request.root ? `the neighbourhood of ${request.root}` : request.ids ? 'the selected nodes' : 'the whole graph'} as ${request.format}`,
  );
  const source = await exportSource(db, request);
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
  await writeExport(request.format, source, counter);
  counter.end();
  await once(out, 'finish');
  step.succeed(`Wrote ${flags.out} (${(bytes / 1e6).toFixed(2)} MB)`);
} catch (err) {
  step.fail((err as Error).message);
  process.exitCode = 1;
} finally {
  await connection.close();
}
