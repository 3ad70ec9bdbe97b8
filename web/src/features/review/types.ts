// Source watch's answers as the web app reads them (docs/curation.md, "History design v2" §2).
// Written out from the agreed contract until the server's zod schemas (server/curation/review.ts,
// on the source-watch branch) are merged; then these become type-only imports of them.

export interface ReviewLine {
  n: number;
  text: string;
}

/** GET /api/review: one fact whose cited lines changed or went in a newer text of its document. */
export interface ReviewItem {
  element: { kind: 'node' | 'tie'; id: string; rev: number; title: string };
  document: { file: string; title: string };
  /** The version of the document whose text changed the cited lines. */
  since: number;
  /** The cited lines, in the old text. */
  citation: { start: number; end: number };
  status: 'changed' | 'gone';
  oldLines: ReviewLine[];
  newLines: ReviewLine[];
}

export interface ReviewList {
  items: ReviewItem[];
}

/** POST /api/review/:kind/:id. */
export type ReviewAction =
  | { action: 'confirm'; rev: number; reason: string; citation: { start: number; end: number } }
  | { action: 'retire'; rev: number; reason: string };

/** POST /api/sources/:file/versions: a new text of a registered document, and what it did. */
export interface SourceVersionWritten {
  changeSet: { id: string; version: number };
  source: { file: string; version: number };
  moved: number;
  flagged: number;
  unchanged: number;
  differentDocument: boolean;
}
