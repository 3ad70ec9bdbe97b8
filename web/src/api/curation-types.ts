// The curation answers as the web app reads them (docs/curation.md): sessions, change sets,
// history, diffs. Written out from the contract while the server's schemas are being built;
// when they land in server/api, these become `z.infer` of them (type-only, as types.ts does).
import type { NodeLabel, RelationshipType } from './types.ts';

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

/** A change set's citation: a registered source file and, optionally, its lines ("18-20"). */
export interface Citation {
  file: string;
  lines?: string;
  note?: string;
}

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

export type ChangeKind = 'seed' | 'import' | 'edit' | 'revert';

export interface ChangeSetSummary {
  id: string;
  version: number;
  author: string;
  at: string;
  reason: string;
  kind: ChangeKind;
  sources: Array<Citation | string>;
  opCount: number;
  revertOf?: string | null;
}

export type OpAction = 'addNode' | 'addTie' | 'updateNode' | 'updateTie' | 'retireNode' | 'retireTie' | 'addSource' | string;

export interface OpRecord {
  seq: number;
  elementId: string;
  elementKind: 'node' | 'tie' | 'source' | string;
  action: OpAction;
  before: ElementState | null;
  after: ElementState | null;
}

export interface ChangeSetDetail extends ChangeSetSummary {
  ops: OpRecord[];
}

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

export interface DiffChange {
  id: string;
  before: ElementState | null;
  after: ElementState | null;
  fields: string[];
}

export interface DiffAnswer {
  added: ElementState[];
  retired: ElementState[];
  changed: DiffChange[];
}

export interface CurrentVersion {
  version: number;
  at: string;
}

/** One operation of a change set, as POST /api/changes takes it. */
export type Operation =
  | { op: 'addNode'; node: Record<string, unknown> }
  | { op: 'addTie'; tie: Record<string, unknown> }
  | { op: 'updateNode'; id: string; rev: number; set: Record<string, unknown> }
  | { op: 'updateTie'; id: string; rev: number; set: Record<string, unknown> }
  | { op: 'retireNode'; id: string; rev: number; reason: string }
  | { op: 'retireTie'; id: string; rev: number; reason: string };

export interface ChangeRequest {
  reason: string;
  sources: Citation[];
  ops: Operation[];
}

export interface ChangeWritten {
  changeSet: ChangeSetSummary;
  elements?: unknown;
}
