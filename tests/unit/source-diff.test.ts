// What a new text of a source document does to its citations (issue 21, part 4, the pure half):
// cited lines moved but unchanged are re-pointed, changed or vanished ones flagged, and a text
// that is a different document flags everything and moves nothing. On the seed chapter when it
// is beside the repository, otherwise on a text of its own.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationChanges, citationFate, isDifferentDocument, lineMap } from '../../server/curation/source-diff.ts';

const CHAPTER = [
  process.env.SOURCES_DIR,
  resolve(import.meta.dirname, '../../../shared/seeds'),
  resolve(import.meta.dirname, '../../../../shared/seeds'),
]
  .map((d) => d && resolve(d, '003_1f946c82219b01d6.txt'))
  .find((f): f is string => !!f && existsSync(f));
const text = CHAPTER
  ? readFileSync(CHAPTER, 'utf8').split('\n')
  : Array.from({ length: 300 }, (_, i) => (i % 7 === 3 ? '' : `Sentence ${i + 1} of an invented chapter about agencies.`));
const FILE = 'doc.txt';

describe('lineMap and citationFate', () => {
  it('an unchanged text keeps every citation where it is', () => {
    const map = lineMap(text, text);
    expect(citationFate(map, 100, 104)).toEqual({ kind: 'same' });
    expect(isDifferentDocument(text, map)).toBe(false);
  });

  it('lines moved by an insertion above them are re-pointed', () => {
    const next = [...text.slice(0, 50), 'A new paragraph.', 'Another new line.', '', ...text.slice(50)];
    const map = lineMap(text, next);
    expect(citationFate(map, 100, 104)).toEqual({ kind: 'moved', start: 103, end: 107 });
    expect(citationFate(map, 10, 12)).toEqual({ kind: 'same' });
    const changes = citationChanges([`${FILE}#L100-L104`, 'other.txt#L100', `${FILE}#L10-L12`], FILE, map, false);
    expect(changes.map((c) => c.moved ?? c.fate.kind)).toEqual([`${FILE}#L103-L107`, 'same']);
  });

  it('a changed cited line is flagged with the line that changed', () => {
    const next = [...text];
    next[101] = `${next[101]} (edited on the web page)`;
    const fate = citationFate(lineMap(text, next), 100, 104);
    expect(fate).toEqual({ kind: 'changed', lost: [102] });
  });

  it('a deleted passage is gone, and a citation that straddles its edge is changed', () => {
    const next = [...text.slice(0, 99), ...text.slice(110)];
    const map = lineMap(text, next);
    expect(citationFate(map, 100, 104).kind).toBe('gone');
    expect(citationFate(map, 108, 112)).toEqual({ kind: 'changed', lost: [108, 109, 110] });
    expect(citationFate(map, 120, 121)).toEqual({ kind: 'moved', start: 109, end: 110 });
  });

  it('lines kept but no longer together are changed, not moved', () => {
    const next = [...text.slice(0, 101), 'An inserted line between two cited ones.', ...text.slice(101)];
    expect(citationFate(lineMap(text, next), 100, 104)).toEqual({ kind: 'changed', lost: [] });
  });

  it('a different document flags every citation and moves none', () => {
    const other = text.map((l, i) => (l.trim() ? `Another document, line ${i}.` : l));
    const shifted = ['Preface.', ...other];
    const map = lineMap(text, shifted);
    expect(isDifferentDocument(text, map)).toBe(true);
    const changes = citationChanges([`${FILE}#L100-L104`, `${FILE}#L4`], FILE, map, true);
    expect(changes.every((c) => c.fate.kind === 'changed' && !c.moved)).toBe(true);
  });
});
