// Writes need the token from WRITE_TOKEN, sent as "Authorization: Bearer <token>". Without a
// configured token the write endpoints are off. The comparison takes the same time whatever
// the token, so its content cannot be guessed from timings.
//
// The order follows RFC 6750 (bearer tokens): a request with no token is asked for one (401)
// even when writes are off, so a client learns first that the route is protected; a request
// with a token is refused with 403 when writes are off and 401 when the token is wrong.
// Either way nothing is written.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Config } from '../config.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function requireWriteToken(req: Request, config: Config): void {
  const header = req.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!presented) {
    const off = config.WRITE_TOKEN ? '' : ' (this server has no WRITE_TOKEN configured, so writes are off)';
    throw new UnauthorizedError(`A write token is needed: send "Authorization: Bearer <token>"${off}.`, [
      { path: 'headers.authorization', message: 'missing token' },
    ]);
  }
  if (!config.WRITE_TOKEN) {
    throw new ForbiddenError('Write endpoints are off: the server has no WRITE_TOKEN configured.');
  }
  if (!timingSafeEqual(digest(presented), digest(config.WRITE_TOKEN))) {
    throw new UnauthorizedError('A valid write token is needed: send "Authorization: Bearer <token>".', [
      { path: 'headers.authorization', message: 'wrong token' },
    ]);
  }
}
