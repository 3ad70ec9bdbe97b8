// Writes an export to any Node stream (an HTTP response, a file), honouring back-pressure.
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import { loadSchemaStatements } from '../db/cypher-registry.ts';
import {
  CSV_NODE_COLUMNS,
  CSV_RELATIONSHIP_COLUMNS,
  csvHeader,
  type ExportFormat,
  type ExportSource,
  nodeCsvLine,
  relationshipCsvLine,
  type TextSink,
  writeCypher,
  writeCytoscape,
  writeGraphml,
  writeJson,
} from './formats.ts';

export function streamSink(out: Writable): TextSink {
  return {
    async write(chunk) {
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (out.destroyed) throw new Error('the output was closed before the export finished');
    },
  };
}

export async function writeExport(format: ExportFormat, source: ExportSource, out: Writable): Promise<void> {
  if (format === 'csv') return writeCsvZip(source, out);
  const sink = streamSink(out);
  if (format === 'json') await writeJson(source, sink);
  else if (format === 'cytoscape') await writeCytoscape(source, sink);
  else if (format === 'graphml') await writeGraphml(source, sink);
  else await writeCypher(source, sink, loadSchemaStatements());
}

/** nodes.csv and relationships.csv in a zip, with headers neo4j-admin database import reads. */
async function writeCsvZip(source: ExportSource, out: Writable): Promise<void> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('finish', resolve);
    zip.on('error', reject);
  });
  zip.pipe(out);
  const entry = async (name: string, fill: (sink: TextSink) => Promise<void>) => {
    const stream = new PassThrough();
    zip.append(stream, { name });
    await fill(streamSink(stream));
    stream.end();
    await once(stream, 'end');
  };
  await entry('nodes.csv', async (sink) => {
    await sink.write(csvHeader(CSV_NODE_COLUMNS));
    for await (const n of source.nodes) await sink.write(nodeCsvLine(n));
  });
  await entry('relationships.csv', async (sink) => {
    await sink.write(csvHeader(CSV_RELATIONSHIP_COLUMNS));
    for await (const r of source.relationships) await sink.write(relationshipCsvLine(r));
  });
  await zip.finalize();
  await finished;
}
