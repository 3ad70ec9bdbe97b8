// API tokens, session ids and CSRF tokens: 32 random bytes each. Tokens and session ids are
// stored only as their SHA-256, so a copy of the database lets nobody sign in; a random
// 256-bit value needs no salt or slow hash, since it cannot be guessed from a dictionary.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Personal API tokens start with this, so the server can tell them from the WRITE_TOKEN. */
export const TOKEN_PREFIX = 'me_';

export const newApiToken = (): string => TOKEN_PREFIX + randomBytes(32).toString('base64url');
export const newSessionId = (): string => randomBytes(32).toString('base64url');
/** A token's public handle, shown in lists and used to revoke it; not a secret. */
export const newTokenId = (): string => 'tok_' + randomBytes(9).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * A session's CSRF token, derived from its id rather than stored: whoever can read the store
 * (a backup, a Neo4j admin) learns neither, and only the holder of the cookie can compute it.
 * The prefix keeps it apart from the id's stored hash.
 */
export const csrfTokenFor = (sessionId: string): string => createHash('sha256').update(`csrf:${sessionId}`, 'utf8').digest('base64url');

/** Compares two strings in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}
