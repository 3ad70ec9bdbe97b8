// The curation endpoints (docs/curation.md) over the one HTTP client: sessions, change sets,
// history, versions and diffs. Cookies travel by themselves (same origin); the client adds
// the session's CSRF token to writes.
import { queryString, type ApiClient, type CallOptions } from './client.ts';
import type {
  ChangeLog,
  ChangeRequest,
  ChangeSetDetail,
  ChangeWritten,
  CurrentVersion,
  DiffAnswer,
  ElementHistory,
  SavedView,
  SavedViewWithChanges,
  SessionInfo,
  SignedIn,
  SourceList,
} from './curation-types.ts';

const enc = encodeURIComponent;

export type DiffQuery =
  | { kind: 'versions'; from: number; to: number; around?: string | null }
  | { kind: 'dates'; fromDate: string; toDate: string; around?: string | null };

export class CurationApi {
  constructor(private readonly api: ApiClient) {}

  session(opts?: CallOptions): Promise<SessionInfo> {
    return this.api.call('GET', '/api/session', undefined, opts);
  }

  signIn(name: string, password: string): Promise<SignedIn> {
    return this.api.call('POST', '/api/session', { name, password });
  }

  signOut(): Promise<void> {
    return this.api.call('POST', '/api/session/end');
  }

  /** The registered source documents a citation may name. */
  sources(opts?: CallOptions): Promise<SourceList> {
    return this.api.call('GET', '/api/sources', undefined, opts);
  }

  write(change: ChangeRequest): Promise<ChangeWritten> {
    return this.api.call('POST', '/api/changes', change);
  }

  changes(q: { limit?: number; before?: string | number | null; element?: string | null } = {}, opts?: CallOptions): Promise<ChangeLog> {
    return this.api.call(
      'GET',
      `/api/changes${queryString({ limit: q.limit, before: q.before ?? undefined, element: q.element })}`,
      undefined,
      opts,
    );
  }

  changeSet(id: string, opts?: CallOptions): Promise<ChangeSetDetail> {
    return this.api.call('GET', `/api/changes/${enc(id)}`, undefined, opts);
  }

  /** `withLater`: also undo the later change sets that stand in the way, as one change set. */
  revert(id: string, reason: string, withLater = false): Promise<ChangeWritten> {
    return this.api.call('POST', `/api/changes/${enc(id)}/revert`, { reason, ...(withLater ? { withLater } : {}) });
  }

  history(elementId: string, opts?: CallOptions): Promise<ElementHistory> {
    return this.api.call('GET', `/api/history/${enc(elementId)}`, undefined, opts);
  }

  currentVersion(opts?: CallOptions): Promise<CurrentVersion> {
    return this.api.call('GET', '/api/versions/current', undefined, opts);
  }

  diff(q: DiffQuery, opts?: CallOptions): Promise<DiffAnswer> {
    const params =
      q.kind === 'versions' ? { from: q.from, to: q.to, around: q.around } : { fromDate: q.fromDate, toDate: q.toDate, around: q.around };
    return this.api.call('GET', `/api/diff${queryString(params)}`, undefined, opts);
  }

  saveView(name: string, link: string): Promise<SavedView> {
    return this.api.call('POST', '/api/views', { name, link });
  }

  views(opts?: CallOptions): Promise<{ views: SavedViewWithChanges[] }> {
    return this.api.call('GET', '/api/views', undefined, opts);
  }

  view(id: string, opts?: CallOptions): Promise<SavedViewWithChanges> {
    return this.api.call('GET', `/api/views/${enc(id)}`, undefined, opts);
  }
}
