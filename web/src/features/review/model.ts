// The review queue's pure parts: the lines a confirmation offers first, what an item says of its
// lines, and what a new text did, as sentences in the reader's language.
import { t } from '../../i18n/index.ts';
import { parseLines } from '../edit/model.ts';
import type { ReviewItem, SourceVersionWritten } from './types.ts';

/** The new lines standing where the cited ones stood ("18-20"); empty when the passage is gone. */
export function nearestLines(item: Pick<ReviewItem, 'newLines'>): string {
  const ns = item.newLines.map((l) => l.n).filter((n) => n > 0);
  if (!ns.length) return '';
  const [from, to] = [Math.min(...ns), Math.max(...ns)];
  return from === to ? String(from) : `${from}-${to}`;
}

/** "18-20" → the citation a confirmation sends; null when it is not a line or a range. */
export function confirmCitation(text: string): { start: number; end: number } | null {
  const span = parseLines(text);
  return span ? { start: span.from, end: span.to } : null;
}

/** What the review item says of its lines: changed or gone, and since which text. */
export function itemStatus(item: Pick<ReviewItem, 'status' | 'since'>): string {
  return `${item.status === 'gone' ? t.review.gone : t.review.changed} ${t.review.sinceVersion(item.since)}`;
}

/** A new text's result, strongest first: the review it needs, then what moved and what stayed. */
export function uploadSummary(r: SourceVersionWritten): string[] {
  const out: string[] = [];
  if (r.differentDocument) out.push(t.review.differentDocument);
  if (r.flagged) out.push(t.review.flagged(r.flagged));
  if (r.moved) out.push(t.review.moved(r.moved));
  if (r.unchanged) out.push(t.review.unchanged(r.unchanged));
  out.push(t.review.uploaded(r.source.version));
  return out;
}
