// The curation answers as the web app reads them (docs/curation.md): sessions, change sets,
// history, diffs. Change sets come from the server's zod schemas as types only (erased, as
// types.ts does); the session and diff answers are declared in route files that do not
// export them, so they are written out here from the contract.
import type { z } from 'zod';
import type {
  ChangeSetDetail as ChangeSetDetailSchema,
  ChangeSetInput as ChangeSetInputSchema,
  ChangeSetResult as ChangeSetResultSchema,
  ChangeSetSummary as ChangeSetSummarySchema,
  Citation as CitationSchema,
  Operation as OperationSchema,
} from '../../../server/curation/schemas.ts';
import type { View as ViewSchema, ViewWithChanges as ViewWithChangesSchema } from '../../../server/api/routes/diffs.ts';
import type { AsOfCounts, NodeLabel, RelationshipType } from './types.ts';

/** POST /api/views: a saved view, pinned to the version current when it was saved. */
export type SavedView = z.infer<typeof ViewSchema>;
/** GET /api/views(/:id): with the change sets since and the diff query that shows them. */
export type SavedViewWithChanges = z.infer<typeof ViewWithChangesSchema>;

export type Role = 'editor' | 'admin';

export interface SessionUser {
  name: string;
  role: Role;
}

/** GET /api/session. */
export interface SessionInfo {
  user: SessionUser | null;
  csrfToken: string | null;
  readRequiresSignIn: boolean;
}

/** POST /api/session. */
export interface SignedIn {
  user: SessionUser;
  csrfToken: string;
}

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

export interface ChangeLog {
  changes: ChangeSetSummary[];
  next: string | number | null;
}

export interface HistoryEntry {
  changeSet: ChangeSetSummary;
  action: OpAction;
  before: ElementState | null;
  after: ElementState | null;
}

export interface ElementHistory {
  id: string;
  entries: HistoryEntry[];
}

/** One difference: the element's state at the first side and at the second (null: not there). */
export interface DiffItem {
  id: string;
  kind: 'node' | 'tie';
  before: ElementState | null;
  after: ElementState | null;
  /** The fields that differ (changed elements only). */
  fields?: string[];
}

/** GET /api/diff (server/api/routes/diffs.ts). */
export interface DiffAnswer {
  mode: 'versions' | 'dates';
  from: number | string;
  to: number | string;
  around: string | null;
  added: DiffItem[];
  retired: DiffItem[];
  changed: DiffItem[];
  /** Versions only: each list's size in all, and whether a list goes on past the page. */
  counts?: { added: number; retired: number; changed: number };
  truncated?: boolean;
  limit?: number;
  /** Dates only: the node's ties at each date, in the three as-of groups. */
  asOf?: { from: AsOfCounts; to: AsOfCounts };
  /** Dates only: ties whose dates are not given, which a comparison of dates cannot place. */
  undated?: number;
}

export interface CurrentVersion {
  version: number;
  at: string;
}

/** One operation of a change set, as POST /api/changes takes it. */
export type Operation = z.infer<typeof OperationSchema>;
export type ChangeRequest = z.infer<typeof ChangeSetInputSchema>;
export type ChangeWritten = z.infer<typeof ChangeSetResultSchema>;
