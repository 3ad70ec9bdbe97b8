// The bench's reads-of-the-past stage in its report: the two issue-22 targets judged from the
// figures (the worst read, not the first), "not measured" for a smaller run that meets them, and
// the section in the Markdown that bench/results and bench/README.md keep.
import { describe, expect, it } from 'vitest';
import { checkTargets, toMarkdown, type BenchResults } from '../../bench/report.ts';
import { quantile, type PastResult } from '../../bench/scenarios/past.ts';
import { benchResults } from '../helpers/bench-results.ts';

function past(over: { readers?: number; importElements?: number; withP95?: number; searchPast?: number } = {}): PastResult {
  const withP95 = over.withP95 ?? 66;
  return {
    edits: 400,
    readers: over.readers ?? 16,
    importElements: over.importElements ?? 100_000,
    iterations: 30,
    cores: 2,
    pastReadConcurrency: 1,
    editorsFirstMs: 2000,
    editor: {
      alone: { n: 200, p50: 40, p95: 50 },
      withReaders: { n: 200, p50: 48, p95: withP95 },
      ratioP50: 48 / 40,
      ratioP95: withP95 / 50,
    },
    readsOfThePast: { reads: 900, seconds: 12, perSecond: 75 },
    changeSets: 410,
    import: { elements: over.importElements ?? 100_000, seconds: 21.5, versionBefore: 412, version: 413 },
    reads: [
      { name: 'neighbourhood', nowP50: 10, pastP50: 14, ratio: 1.4 },
      { name: 'search', nowP50: 5, pastP50: over.searchPast ?? 11, ratio: (over.searchPast ?? 11) / 5 },
      { name: 'representation', nowP50: 8, pastP50: 8, ratio: 1 },
    ],
    storage: [
      {
        when: 'seed and 410 edits of one node',
        liveNodes: 300,
        liveTies: 500,
        layerNodes: 1010,
        layerTies: 500,
        openNodes: 300,
        openTies: 500,
      },
      {
        when: 'and the import of 100000',
        liveNodes: 50_300,
        liveTies: 50_500,
        layerNodes: 101_010,
        layerTies: 50_500,
        openNodes: 50_300,
        openTies: 50_500,
      },
    ],
  };
}

function results(p: PastResult | null): Omit<BenchResults, 'targets'> {
  return benchResults({ past: p });
}

const editorRow = (t: ReturnType<typeof checkTargets>) => t.find((x) => x.target.startsWith("An editor's change-set p95"));
const importRow = (t: ReturnType<typeof checkTargets>) => t.find((x) => x.target.startsWith('A read of the past at the version before'));

describe('bench report: reads of the past', () => {
  it('judges the editor by its p95 ratio and the import by the worst read', () => {
    const met = checkTargets(results(past()));
    expect(editorRow(met)).toMatchObject({ met: true });
    expect(editorRow(met)?.measured).toMatch(/^×1\.32: 66 vs 50 ms, 16 readers \(75 reads\/s\), 200 edits each side$/);
    expect(importRow(met)).toMatchObject({ met: true });
    expect(importRow(met)?.measured).toContain('×2.2: search, 11 vs 5 ms');

    const missed = checkTargets(results(past({ withP95: 80, searchPast: 16 })));
    expect(editorRow(missed)?.met).toBe(false);
    expect(importRow(missed)).toMatchObject({ met: false });
    expect(importRow(missed)?.measured).toMatch(/^×3\.2: search/);
  });

  it('says "not measured" for a smaller run that meets the targets, and no for one that misses them', () => {
    const small = checkTargets(results(past({ readers: 2, importElements: 2000 })));
    expect(editorRow(small)?.met).toBeNull();
    expect(editorRow(small)?.measured).toContain('fewer than 16 readers');
    expect(importRow(small)?.met).toBeNull();
    expect(importRow(small)?.measured).toContain('after an import of 2,000');

    // Too few edits a side for a p95 of its own: the slowest edit, not judged when it meets the target.
    const few = past();
    few.editor.alone.n = 8;
    expect(editorRow(checkTargets(results(few)))).toMatchObject({
      met: null,
      measured: expect.stringContaining('fewer than 20 edits a side'),
    });

    const smallMissed = checkTargets(results(past({ readers: 2, importElements: 2000, withP95: 90, searchPast: 20 })));
    expect(editorRow(smallMissed)?.met).toBe(false);
    expect(importRow(smallMissed)?.met).toBe(false);
  });

  it('has no rows and no section when the stage was skipped', () => {
    const r = results(null);
    const targets = checkTargets(r);
    expect(editorRow(targets)).toBeUndefined();
    expect(importRow(targets)).toBeUndefined();
    expect(toMarkdown({ ...r, targets })).not.toContain('Reads of the past');
  });

  it('writes the section with the editor, the reads and the storage tables', () => {
    const r = results(past());
    const md = toMarkdown({ ...r, targets: checkTargets(r) });
    const section = md.slice(md.indexOf('#### Reads of the past'), md.indexOf('#### Targets'));
    expect(section).toContain('200 timed edits of one node with no readers and 200 while 16 clients');
    expect(section).toContain('| 16 clients reading the past (75.0 reads/s) | 48.0 | 66.0 |');
    expect(section).toContain('| ratio | ×1.20 | ×1.32 |');
    expect(section).toContain('import of 100000 elements: 21.5 s, as version 413');
    expect(section).toContain('| read | now p50 (ms) | as recorded at version 412 p50 (ms) | ratio |');
    expect(section).toContain('| search | 5.0 | 11.0 | ×2.20 |');
    expect(section).toContain('| and the import of 100000 | 50300 | 50500 | 101010 | 50500 | ×2.01 | ×1.00 |');
    expect(md).toContain('| An editor');
  });

  it('takes the quantile by floor(p·n) of the sorted times', () => {
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(quantile([5, 1, 4, 2, 3], 0.95)).toBe(5);
    expect(quantile([7], 0.95)).toBe(7);
  });
});
