// Accounts, tokens and sessions in Neo4j (docs/curation.md, "Who may do what"): what the
// session and token routes and `npm run users` do, each through a named query. Secrets are
// made here and returned once; only their hashes are written.
import type { Database } from '../db/database.ts';
import type { Actor, Role } from './actor.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { csrfTokenFor, hashSecret, newApiToken, newSessionId, newTokenId } from './secrets.ts';

export interface UserSummary {
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  tokens: number;
  sessions: number;
}

export interface TokenSummary {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewToken {
  id: string;
  label: string;
  /** The secret itself: shown to its owner once, never stored. */
  token: string;
}

/** Creates the account and its first token in one transaction; null when the name is taken. */
export async function createUser(
  db: Database,
  user: { name: string; role: Role; password: string },
  firstTokenLabel = 'first token',
): Promise<NewToken | null> {
  const passwordHash = await hashPassword(user.password);
  const token = newApiToken();
  const id = newTokenId();
  return db.writeTransaction(async (tx) => {
    const [created] = await tx.run('accounts/create-user', { name: user.name, role: user.role, passwordHash });
    if (!created) return null;
    await tx.run('accounts/create-token', { userName: user.name, id, label: firstTokenLabel, hash: hashSecret(token) });
    return { id, label: firstTokenLabel, token };
  });
}

export async function listUsers(db: Database): Promise<UserSummary[]> {
  return (await db.read('accounts/list-users')) as unknown as UserSummary[];
}

/** False when there is no such account. */
export async function setDisabled(db: Database, name: string, disabled: boolean): Promise<boolean> {
  return (await db.write('accounts/save-user-disabled', { name, disabled })).length > 0;
}

/** A new password; every session of the account ends. False when there is no such account. */
export async function resetPassword(db: Database, name: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return (await db.write('accounts/save-user-password', { name, passwordHash })).length > 0;
}

export type SignIn = { outcome: 'ok'; user: { name: string; role: Role } } | { outcome: 'wrong' } | { outcome: 'disabled' };

/**
 * Checks a name and password. An unknown name and a wrong password are the same answer,
 * and take the same time (a hash is checked either way). A disabled account is told apart
 * only after its correct password, so the answer gives nothing away to a guesser.
 */
export async function checkPassword(db: Database, name: string, password: string): Promise<SignIn> {
  const [row] = await db.read('accounts/get-user', { name });
  const stored = typeof row?.passwordHash === 'string' ? row.passwordHash : await dummyHash();
  const ok = await verifyPassword(password, stored);
  if (!row || !ok) return { outcome: 'wrong' };
  if (row.disabled === true) return { outcome: 'disabled' };
  return { outcome: 'ok', user: { name: String(row.name), role: row.role as Role } };
}

export interface NewSession {
  /** The cookie's value: the browser keeps it, the database only its hash. */
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(db: Database, userName: string, ttlHours: number): Promise<NewSession> {
  const sessionId = newSessionId();
  const [row] = await db.write('accounts/create-session', { userName, idHash: hashSecret(sessionId), ttlHours });
  return { sessionId, csrfToken: csrfTokenFor(sessionId), expiresAt: String(row?.expiresAt) };
}

export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.write('accounts/delete-session', { idHash: hashSecret(sessionId) });
}

/** What a presented secret proves: an account (maybe disabled), or nothing. */
export interface Holder {
  actor: Actor;
  disabled: boolean;
  /** For sessions: the token a cookie-authenticated write must echo in X-CSRF-Token. */
  csrfToken: string | null;
}

export async function sessionHolder(db: Database, sessionId: string): Promise<Holder | null> {
  const [row] = await db.read('accounts/get-session-actor', { idHash: hashSecret(sessionId) });
  if (!row) return null;
  return {
    actor: { name: String(row.name), role: row.role as Role, via: 'session' },
    disabled: row.disabled === true,
    csrfToken: csrfTokenFor(sessionId),
  };
}

export async function tokenHolder(db: Database, token: string): Promise<Holder | null> {
  const [row] = await db.read('accounts/get-token-actor', { hash: hashSecret(token) });
  if (!row) return null;
  return { actor: { name: String(row.name), role: row.role as Role, via: 'token' }, disabled: row.disabled === true, csrfToken: null };
}

export async function createToken(db: Database, userName: string, label: string): Promise<NewToken | null> {
  const token = newApiToken();
  const id = newTokenId();
  const [row] = await db.write('accounts/create-token', { userName, id, label, hash: hashSecret(token) });
  return row ? { id, label, token } : null;
}

export async function listTokens(db: Database, userName: string): Promise<TokenSummary[]> {
  return (await db.read('accounts/list-tokens', { userName })) as unknown as TokenSummary[];
}

/** Revokes a token; `owner` limits it to that account's tokens. Null when none matched. */
export async function revokeToken(
  db: Database,
  id: string,
  owner: string | null,
): Promise<{ id: string; userName: string; revokedAt: string } | null> {
  const [row] = await db.write('accounts/save-token-revoked', { id, userName: owner });
  return row ? { id: String(row.id), userName: String(row.userName), revokedAt: String(row.revokedAt) } : null;
}
