// Source watch's review lines: beside a flagged citation, the lines of the new text that stand
// where the cited ones stood (between the nearest kept lines around them), none when the passage
// went; on small texts whose diff is plain to see.
import { describe, expect, it } from 'vitest';
import { lineMap } from '../../server/curation/source-diff.ts';
import { nearestNewLines } from '../../server/curation/source-watch.ts';

const OLD = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('nearestNewLines', () => {
  it('gives the reworded line in place of the cited one', () => {
    const NEW = ['a', 'b', 'C!', 'd', 'e', 'f'];
    expect(nearestNewLines(lineMap(OLD, NEW), 3, 3, NEW)).toEqual([{ n: 3, text: 'C!' }]);
  });

  it('follows the passage when lines were added above it', () => {
    const NEW = ['new', 'new 2', 'a', 'b', 'C!', 'd', 'e', 'f'];
    expect(nearestNewLines(lineMap(OLD, NEW), 3, 3, NEW)).toEqual([{ n: 5, text: 'C!' }]);
  });

  it('gives nothing when the cited passage was deleted', () => {
    const NEW = ['a', 'b', 'e', 'f'];
    expect(nearestNewLines(lineMap(OLD, NEW), 3, 4, NEW)).toEqual([]);
  });

  it('gives what replaced a passage at the very start or end of the text', () => {
    const start = ['A', 'b', 'c', 'd', 'e', 'f'];
    expect(nearestNewLines(lineMap(OLD, start), 1, 1, start)).toEqual([{ n: 1, text: 'A' }]);
    const end = ['a', 'b', 'c', 'd', 'e', 'F', 'G'];
    expect(nearestNewLines(lineMap(OLD, end), 6, 6, end)).toEqual([
      { n: 6, text: 'F' },
      { n: 7, text: 'G' },
    ]);
  });

  it('shows at most 30 lines however much replaced the passage', () => {
    const NEW = ['a', ...Array.from({ length: 100 }, (_, i) => `x${i}`), 'f'];
    const lines = nearestNewLines(lineMap(OLD, NEW), 3, 3, NEW);
    expect(lines).toHaveLength(30);
    expect(lines[0]).toEqual({ n: 2, text: 'x0' });
  });
});
