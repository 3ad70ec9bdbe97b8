// Who is signed in, as plain data that the other curation controllers read and follow. The
// CSRF token lives here (never in storage): the API client adds it to each write.
import type { SessionInfo, SessionUser } from '../../api/curation-types.ts';

export class SessionState {
  user: SessionUser | null = null;
  csrfToken: string | null = null;
  readRequiresSignIn = false;
  private readonly listeners = new Set<() => void>();

  set(info: Pick<SessionInfo, 'user' | 'csrfToken'> & Partial<Pick<SessionInfo, 'readRequiresSignIn'>>): void {
    this.user = info.user;
    this.csrfToken = info.csrfToken;
    if (info.readRequiresSignIn !== undefined) this.readRequiresSignIn = info.readRequiresSignIn;
    for (const fn of this.listeners) fn();
  }

  /** Editors and admins may write change sets and revert them. */
  get canEdit(): boolean {
    return this.user !== null;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
