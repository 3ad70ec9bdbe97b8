// The curation answers as the web app reads them (docs/curation.md): sessions, change sets,
// history, diffs, versions and sources. Every one is the server's zod schema, as a type only
// (erased, as types.ts does), so a changed schema fails the web typecheck.
import type { z } from 'zod';
import type {
  ChangeSetDetail as ChangeSetDetailSchema,
  ChangeSetInput as ChangeSetInputSchema,
  ChangeSetResult as ChangeSetResultSchema,
  ChangeSetSummary as ChangeSetSummarySchema,
  Citation as CitationSchema,
  Operation as OperationSchema,
} from '../../../server/curation/schemas.ts';
import type {
  ChangeLogAnswer,
  CurrentVersionAnswer,
  DiffAnswerBody,
  DiffItemAnswer,
  ElementHistoryAnswer,
  SavedViewAnswer,
  SavedViewWithChangesAnswer,
  SessionAnswer,
  SessionUserAnswer,
  SignedInAnswer,
  SourceLinesAnswer,
  SourceListAnswer,
} from '../../../server/api/answer-types.ts';
import type { NodeLabel, RelationshipType } from './types.ts';

/** POST /api/views: a saved view, pinned to the version current when it was saved. */
export type SavedView = SavedViewAnswer;
/** GET /api/views(/:id): with the change sets since and the diff query that shows them. */
export type SavedViewWithChanges = SavedViewWithChangesAnswer;

export type SessionUser = SessionUserAnswer;
export type Role = SessionUser['role'];
/** GET /api/session. */
export type SessionInfo = SessionAnswer;
/** POST /api/session. */
export type SignedIn = SignedInAnswer;

/** A change set's citation: a registered source file and, optionally, its lines (L18-L20). */
export type Citation = z.infer<typeof CitationSchema>;

/** An element's full state as a change set records it (`Op.before` / `Op.after`). */
export interface ElementState {
  id?: string;
  /** Nodes. */
  label?: NodeLabel;
  /** Ties. */
  type?: RelationshipType;
  from?: string;
  to?: string;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export type ChangeSetSummary = z.infer<typeof ChangeSetSummarySchema>;
export type ChangeKind = ChangeSetSummary['kind'];

export type OpAction = 'addNode' | 'addTie' | 'updateNode' | 'updateTie' | 'retireNode' | 'retireTie' | 'addSource' | string;

export type ChangeSetDetail = z.infer<typeof ChangeSetDetailSchema>;
export type OpRecord = ChangeSetDetail['ops'][number];

/** GET /api/changes: a page of the log and the `before` of the next page (null at the end). */
export type ChangeLog = ChangeLogAnswer;
/** GET /api/history/:id. */
export type ElementHistory = ElementHistoryAnswer;
export type HistoryEntry = ElementHistory['entries'][number];

/** One difference: the element's state at the first side and at the second (null: not there). */
export type DiffItem = DiffItemAnswer;
/** GET /api/diff. */
export type DiffAnswer = DiffAnswerBody;
/** GET /api/versions/current: 0 and null before any change set. */
export type CurrentVersion = CurrentVersionAnswer;
/** GET /api/sources. */
export type SourceList = SourceListAnswer;
/** GET /api/sources/:file/lines. */
export type SourceLines = SourceLinesAnswer;

/** One operation of a change set, as POST /api/changes takes it. */
export type Operation = z.infer<typeof OperationSchema>;
export type ChangeRequest = z.infer<typeof ChangeSetInputSchema>;
export type ChangeWritten = z.infer<typeof ChangeSetResultSchema>;
