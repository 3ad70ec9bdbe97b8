// Whether exports stream: the server's peak resident memory while it writes the whole graph
// as GraphML, in a fresh server process, compared across graph sizes by the caller.
// Run twice: as the server runs by default, and with V8's old generation capped. Uncapped, V8
// lets garbage pile up to a threshold before its first full collection, so a short export
// ends below that threshold and a long one above it, whatever the export itself holds on to.
// Capped, garbage goes as it would under memory pressure and the peak shows what the export
// needs; an export that buffered its file would fail there instead.
import { startApiChild } from '../lib/api-child.ts';
import { timedRequest } from '../lib/http.ts';

/** The cap of the second run: well above the ~25 MiB the server holds after a collection. */
export const EXPORT_HEAP_CAP_MIB = 128;

export interface ExportMemory {
  /** V8 old-generation cap of the server in MiB (--max-old-space-size), or null for Node's default. */
  heapCapMiB: number | null;
  elements: number;
  bytes: number;
  seconds: number;
  /** Resident memory of the fresh server before the export. */
  baselineRss: number;
  /** Peak resident memory during the export (VmHWM, reset just before). */
  peakRss: number;
  /** Largest V8 heap in use seen while sampling every 250 ms (garbage not yet collected included). */
  maxHeapUsed: number;
  /** Heap in use after the export and a full collection: what stays behind. */
  heapAfter: number;
}

export async function measureExportMemory(neo4jUri: string, o: { heapCapMiB?: number } = {}): Promise<ExportMemory> {
  const heapCapMiB = o.heapCapMiB ?? null;
  const api = await startApiChild({ neo4jUri, nodeArgs: heapCapMiB ? [`--max-old-space-size=${heapCapMiB}`] : [] });
  try {
    // One small request first, so lazy start-up work is not counted as export memory.
    await timedRequest(api.url, { method: 'GET', path: '/api/health' });
    await api.resetPeak();
    const { rss: baselineRss } = await api.memory();
    let elements = 0;
    let tail = '';
    let sampling = true;
    let maxHeapUsed = 0;
    const sampler = (async () => {
      while (sampling) {
        maxHeapUsed = Math.max(maxHeapUsed, (await api.memory()).heapUsed);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const res = await timedRequest(
      api.url,
      { method: 'POST', path: '/api/export', body: { format: 'graphml' } },
      {
        onChunk: (chunk) => {
          // Count elements across chunk boundaries without keeping the file.
          const text = tail + chunk.toString('utf8');
          for (const needle of ['<node ', '<edge '])
            for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) elements++;
          tail = text.slice(-5);
        },
      },
    );
    sampling = false;
    await sampler;
    if (res.status !== 200) throw new Error(`bench: whole-graph export answered ${res.status}`);
    const { peakRss } = await api.memory();
    const { heapUsed: heapAfter } = await api.memory(true);
    return { heapCapMiB, elements, bytes: res.bytes, seconds: res.ms / 1000, baselineRss, peakRss, maxHeapUsed, heapAfter };
  } finally {
    await api.stop();
  }
}
