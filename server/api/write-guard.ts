// Writes need the token from WRITE_TOKEN, sent as "Authorization: Bearer <token>". Without a
// configured token the write endpoints are off. The comparison takes the same time whatever
// the token, so its content cannot be guessed from timings.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { Config } from '../config.ts';
import { ForbiddenError, UnauthorizedError } from '../errors.ts';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function requireWriteToken(req: Request, config: Config): void {
  if (!config.WRITE_TOKEN) {
    throw new ForbiddenError('Write endpoints are off: the server has no WRITE_TOKEN configured.');
  }
  const header = req.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!presented || !timingSafeEqual(digest(presented), digest(config.WRITE_TOKEN))) {
    throw new UnauthorizedError('A valid write token is needed: send "Authorization: Bearer <token>".', [
      { path: 'headers.authorization', message: 'missing or wrong token' },
    ]);
  }
}
