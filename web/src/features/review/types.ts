// Source watch's answers as the web app reads them: the server's zod schemas, as types only
// (erased, so the bundle carries no server code, but a changed schema fails the web typecheck).
import type { z } from 'zod';
import type {
  ReviewAction as ReviewActionSchema,
  ReviewItem as ReviewItemSchema,
  ReviewList as ReviewListSchema,
} from '../../../../server/curation/review.ts';
import type { SourceUpdateResult } from '../../../../server/api/routes/source-watch.ts';

/** GET /api/review: one fact whose cited lines changed or went in a newer text of its document. */
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type ReviewLine = ReviewItem['oldLines'][number];
export type ReviewList = z.infer<typeof ReviewListSchema>;
/** POST /api/review/:kind/:id: confirm with new lines, or retire. */
export type ReviewAction = z.infer<typeof ReviewActionSchema>;
/** POST /api/sources/:file/versions: a new text of a registered document, and what it did. */
export type SourceVersionWritten = z.infer<typeof SourceUpdateResult>;
