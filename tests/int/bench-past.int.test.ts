// The bench's reads-of-the-past stage (bench/scenarios/past.ts) on the tests' Neo4j, small: a few
// edits with and without two readers of the past, an import of 20, one round of reads. Shapes
// and counts only, never timings. The store keeps its seed ("fresh: false"); what the stage
// wrote (edits of a seed node, the import, their change sets and recorded states) is undone after.
import { afterAll, describe, expect, it } from 'vitest';
import { measurePast } from '../../bench/scenarios/past.ts';
import { rewindGraph } from '../../server/curation/recorded.ts';
import { testDatabase, undoTestWrites } from '../helpers/api.ts';

const P = 'test-bench-past-';
const db = testDatabase();
const version = async () => Number((await db.read('curation/graph-version'))[0]?.version);
const layer = async () => (await db.read('curation/count-layer'))[0] as Record<string, number>;
const described = async () =>
  ((await db.read('curation/node-states', { ids: ['socialstyrelsen'] }))[0]?.props as { description?: string }).description;

let since: number | null = null;
async function cleanUp() {
  if (since === null) return;
  const at = since;
  // The imported elements go first: the rewind then only meets the seed node the edits changed.
  await db.replayStatement(`MATCH (n) WHERE n.id STARTS WITH '${P}' DETACH DELETE n`);
  await db.writeTransaction((tx) => rewindGraph(tx, at), { timeoutMs: 120_000 });
  await undoTestWrites(db, P, at);
  since = null;
}

afterAll(async () => {
  await cleanUp();
  await db.close();
});

describe('bench: reads of the past beside editors and after an import', () => {
  it(
    'times edits alone and with readers, imports after them, reads now and before, and counts the layer',
    { timeout: 240_000 },
    async () => {
      since = await version();
      const layerBefore = await layer();
      const descriptionBefore = await described();

      const r = await measurePast(db, {
        fresh: false,
        edits: 4,
        readers: 2,
        importElements: 20,
        iterations: 1,
        idPrefix: P,
        warmupEdits: 1,
        readerLeadMs: 300,
        settleMs: 0,
      });

      // One timed edit per block and side, four blocks; the readers were answered meanwhile.
      expect(r.editor.alone.n).toBe(4);
      expect(r.editor.withReaders.n).toBe(4);
      for (const side of [r.editor.alone, r.editor.withReaders]) expect(side.p95).toBeGreaterThanOrEqual(side.p50);
      expect(r.readsOfThePast.reads).toBeGreaterThan(0);
      expect(r.readsOfThePast.perSecond).toBeGreaterThan(0);
      // Every edit a change set of its own, and the import the next version.
      expect(r.changeSets).toBe(9);
      expect(r.import).toMatchObject({ elements: 20, versionBefore: since + 9, version: since + 10 });
      expect(r.reads.map((q) => q.name)).toEqual(['neighbourhood', 'representation', 'search']);
      for (const q of r.reads) expect(q.ratio).toBeCloseTo(q.pastP50 / q.nowP50, 9);

      // The layer in step with the live graph; each edit one more state, each imported node an
      // identity and a state, each imported tie one copy.
      const [edited, imported] = r.storage;
      expect(r.storage).toHaveLength(2);
      for (const s of r.storage) expect([s.openNodes, s.openTies]).toEqual([s.liveNodes, s.liveTies]);
      expect(edited).toMatchObject({
        liveNodes: Number(layerBefore.liveNodes),
        liveTies: Number(layerBefore.liveTies),
        layerNodes: Number(layerBefore.recNodes) + 9,
        layerTies: Number(layerBefore.recTies),
      });
      expect(imported).toMatchObject({
        liveNodes: edited!.liveNodes + 10,
        liveTies: edited!.liveTies + 10,
        layerNodes: edited!.layerNodes + 20,
        layerTies: edited!.layerTies + 10,
      });

      // Undone: the seed node as it was, the layer and the counter back where they were.
      expect(await described()).toBe('Bench 9');
      await cleanUp();
      expect(await described()).toBe(descriptionBefore);
      expect(await version()).toBe(r.import.versionBefore - 9);
      const after = await layer();
      expect([after.liveNodes, after.liveTies, after.recNodes, after.recTies].map(Number)).toEqual(
        [layerBefore.liveNodes, layerBefore.liveTies, layerBefore.recNodes, layerBefore.recTies].map(Number),
      );
    },
  );
});
