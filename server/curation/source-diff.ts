// Source watch (issue 21, part 4; docs/curation.md "History design v2" §2), the pure half:
// what a new text of a document does to each citation of it. Lines are compared whole (jsdiff's
// array diff, Myers' algorithm): a cited range whose lines are all still there, unchanged and in
// one run, has moved (or stayed); one with a line changed or gone needs review. A new text that
// keeps too few of the old lines is treated as a different document: everything is flagged and
// nothing is moved silently.
import { diffArrays } from 'diff';

/** For each old line (index 0 = line 1), its line number in the new text, or null when it changed or went. */
export function lineMap(oldLines: readonly string[], newLines: readonly string[]): Array<number | null> {
  const map: Array<number | null> = new Array<number | null>(oldLines.length).fill(null);
  let o = 0;
  let n = 0;
  for (const part of diffArrays([...oldLines], [...newLines])) {
    const count = part.count ?? part.value.length;
    if (part.added) n += count;
    else if (part.removed) o += count;
    else for (let k = 0; k < count; k++) map[o++] = ++n;
  }
  return map;
}

export type CitationFate =
  { kind: 'same' } | { kind: 'moved'; start: number; end: number } | { kind: 'changed'; lost: number[] } | { kind: 'gone' };

/**
 * What happens to lines start–end of the old text. Blank lines do not anchor a move on their own
 * (a range of blank lines only "moves" if its neighbours say where), so a citation is moved only
 * when every cited line is kept, in order and without gaps.
 */
export function citationFate(map: ReadonlyArray<number | null>, start: number, end: number): CitationFate {
  const targets = [];
  for (let line = start; line <= end; line++) targets.push(map[line - 1] ?? null);
  const lost = targets.flatMap((t, k) => (t === null ? [start + k] : []));
  if (lost.length === targets.length) return { kind: 'gone' };
  if (lost.length) return { kind: 'changed', lost };
  const first = targets[0] as number;
  if (targets.some((t, k) => t !== first + k)) return { kind: 'changed', lost: [] };
  return first === start ? { kind: 'same' } : { kind: 'moved', start: first, end: first + (end - start) };
}

/** Fewer than half of the old text's non-blank lines kept: a different document, not an edit of this one. */
export function isDifferentDocument(oldLines: readonly string[], map: ReadonlyArray<number | null>): boolean {
  let words = 0;
  let kept = 0;
  oldLines.forEach((line, i) => {
    if (!line.trim()) return;
    words++;
    if (map[i] !== null) kept++;
  });
  return words > 0 && kept * 2 < words;
}

/** "FILE#L12-L15" → its parts; null for a citation of another form. */
export function parseCitation(ref: string): { file: string; start: number; end: number } | null {
  const m = /^(.+)#L(\d+)(?:-L(\d+))?$/.exec(ref);
  if (!m) return null;
  const start = Number(m[2]);
  return { file: m[1]!, start, end: m[3] === undefined ? start : Number(m[3]) };
}

/** "FILE#L12-L15"; one line as "FILE#L12", or "FILE#L12-L12" with `range` (the seed's own form, kept when a citation moves). */
export function formatCitation(file: string, start: number, end: number, range = false): string {
  return start === end && !range ? `${file}#L${start}` : `${file}#L${start}-L${end}`;
}

export interface CitationChange {
  /** Index in the fact's `sources`. */
  index: number;
  ref: string;
  fate: CitationFate;
  /** The re-pointed citation when the lines moved. */
  moved?: string;
}

/**
 * Each citation of `file` among a fact's sources and what the new text does to it. With a
 * different document every citation is flagged ('changed'), whatever the diff found.
 */
export function citationChanges(
  sources: readonly string[],
  file: string,
  map: ReadonlyArray<number | null>,
  differentDocument: boolean,
): CitationChange[] {
  const out: CitationChange[] = [];
  sources.forEach((ref, index) => {
    const c = parseCitation(ref);
    if (!c || c.file !== file) return;
    const fate: CitationFate = differentDocument ? { kind: 'changed', lost: [] } : citationFate(map, c.start, c.end);
    out.push({
      index,
      ref,
      fate,
      ...(fate.kind === 'moved' ? { moved: formatCitation(file, fate.start, fate.end, ref.includes('-L')) } : {}),
    });
  });
  return out;
}
