// From a request to an actor. A request proves who it is with a bearer token (a personal API
// token or the server's WRITE_TOKEN) or with the session cookie; a bearer token wins when
// both come, and then no CSRF token is needed, since a browser never adds that header by
// itself to a request another site makes.
//
// The answers follow RFC 6750 as the write guard always did: no credentials at all is asked
// for them (401), wrong, revoked or expired ones are 401 too, and a known account that may not
// do this (disabled, or a token the server has switched off) is 403.
import type { Request } from 'express';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { sessionHolder, tokenHolder, type Holder } from './accounts.ts';
import { AUTOMATION } from './actor.ts';
import { sameSecret, TOKEN_PREFIX } from './secrets.ts';
import { accountDisabled, automationTokenOff, sessionEnded, signInNeeded, tokenUnknown } from '../refusal-words.ts';

export const SESSION_COOKIE = 'me_session';
export const CSRF_HEADER = 'x-csrf-token';

export type Presented = { kind: 'bearer'; secret: string } | { kind: 'cookie'; secret: string } | null;

export function presented(req: Request): Presented {
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Bearer ') && header.length > 7) return { kind: 'bearer', secret: header.slice(7) };
  const session = readCookie(req.headers.cookie, SESSION_COOKIE);
  return session ? { kind: 'cookie', secret: session } : null;
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** Who the request proves to be, or an error saying why not. */
export async function identify(req: Request, config: Config, db: Database): Promise<Holder> {
  const cred = presented(req);
  if (!cred) {
    throw signInNeeded(!config.WRITE_TOKEN);
  }
  if (cred.kind === 'cookie') {
    const holder = await sessionHolder(db, cred.secret);
    if (!holder) {
      throw sessionEnded(`cookies.${SESSION_COOKIE}`);
    }
    return checkEnabled(holder);
  }
  if (config.WRITE_TOKEN && sameSecret(cred.secret, config.WRITE_TOKEN)) return { actor: AUTOMATION, disabled: false, csrfToken: null };
  if (cred.secret.startsWith(TOKEN_PREFIX)) {
    const holder = await tokenHolder(db, cred.secret);
    if (!holder) {
      throw tokenUnknown('unknown or revoked token');
    }
    return checkEnabled(holder);
  }
  if (!config.WRITE_TOKEN) {
    throw automationTokenOff();
  }
  throw tokenUnknown('wrong token');
}

function checkEnabled(holder: Holder): Holder {
  if (holder.disabled) throw accountDisabled();
  return holder;
}
