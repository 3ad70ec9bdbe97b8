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
import { writeFtm } from './formats/ftm.ts';
import { writeGexf } from './formats/gexf.ts';
import { writeJsonLd, writeTurtle } from './formats/linked-data.ts';
import { writePopolo } from './formats/popolo.ts';

/**
 * A sink over a Node stream that gathers small pieces into ~64 KB writes: one write per
 * element made the HTTP response frame and copy hundreds of thousands of tiny chunks, which
 * cost CPU and left garbage that grew the heap with the size of the export. Call flush() at
 * the end.
 */
export function streamSink(out: Writable, chunkChars = 64 * 1024): TextSink & { flush(): Promise<void> } {
  let pending: string[] = [];
  let size = 0;
  const push = async (): Promise<void> => {
    const text = pending.join('');
    pending = [];
    size = 0;
    if (!out.write(text)) {
      // Whichever event comes first, the other listener is removed: a long export waits
      // many times, and leaving one listener behind each time grew memory with size.
      const settled = new AbortController();
      try {
        await Promise.race([once(out, 'drain', { signal: settled.signal }), once(out, 'close', { signal: settled.signal })]);
      } finally {
        settled.abort();
      }
    }
  };
  return {
    async write(chunk) {
      if (out.destroyed) throw new Error('the output was closed before the export finished');
      pending.push(chunk);
      size += chunk.length;
      if (size >= chunkChars) await push();
    },
    async flush() {
      if (size > 0) await push();
      if (out.destroyed) throw new Error('the output was closed before the export finished');
    },
  };
}

export async function writeExport(format: ExportFormat, source: ExportSource, out: Writable): Promise<void> {
  if (format === 'csv') return writeCsvZip(source, out);
  const sink = streamSink(out);
  // Our own formats keep `rev` (a backup restored beside its change log goes on from it); the
  // standards carry the facts only, since `rev` means something only in this store's history.
  const facts = withoutRev(source);
  const writers: Record<Exclude<ExportFormat, 'csv'>, () => Promise<void>> = {
    json: () => writeJson(source, sink),
    cytoscape: () => writeCytoscape(source, sink),
    graphml: () => writeGraphml(source, sink),
    cypher: () => writeCypher(source, sink, loadSchemaStatements()),
    ftm: () => writeFtm(facts, sink),
    popolo: () => writePopolo(facts, sink),
    jsonld: () => writeJsonLd(facts, sink),
    turtle: () => writeTurtle(facts, sink),
    gexf: () => writeGexf(facts, sink),
  };
  await writers[format]();
  await sink.flush();
}

function withoutRev(source: ExportSource): ExportSource {
  // Re-iterable like the source: some writers read the nodes or ties more than once.
  const strip = <T extends { properties: Record<string, unknown> }>(items: AsyncIterable<T> | Iterable<T>): AsyncIterable<T> => ({
    async *[Symbol.asyncIterator]() {
      for await (const item of items) {
        const { rev: _rev, ...properties } = item.properties;
        yield { ...item, properties };
      }
    },
  });
  return { ...source, nodes: strip(source.nodes), relationships: strip(source.relationships) };
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
    const sink = streamSink(stream);
    await fill(sink);
    await sink.flush();
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
