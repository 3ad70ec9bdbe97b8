// Signing in and out with a password (docs/curation.md, "Who may do what"). The session lives
// in Neo4j, so every server of a cluster knows it; the browser holds only its id, in an
// httpOnly cookie that page scripts cannot read.
import type { Request, Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { z } from '../../zod.ts';
import { checkPassword, createSession, endSession } from '../../auth/accounts.ts';
import { Role } from '../../auth/actor.ts';
import { presented, SESSION_COOKIE } from '../../auth/identify.ts';
import { defineRoute } from '../route.ts';
import { orNull } from '../schemas.ts';
import type { Services } from '../services.ts';
import { accountDisabled, tooManySignIns, wrongPassword } from '../../refusal-words.ts';

const SignIn = z
  .object({
    // Bounded so that nobody can make the server hash megabytes; scrypt's cost is per call.
    name: z.string().min(1).max(200),
    password: z.string().min(1).max(1000),
  })
  .strict()
  .openapi('SignIn');

export const SessionUser = z.object({ name: z.string(), role: Role }).openapi('SessionUser');

export const SignedIn = z.object({ user: SessionUser, csrfToken: z.string() }).openapi('SignedIn');

export const SessionState = z
  .object({
    user: orNull(SessionUser),
    csrfToken: z.string().nullable().openapi({ description: 'For X-CSRF-Token on writes; null unless signed in by the cookie.' }),
    readRequiresSignIn: z.boolean(),
  })
  .openapi('SessionState');

const WINDOW_MS = 60_000;

export function sessionRoutes(router: Router, services: Services): void {
  const { config } = services;
  const cookieOptions = (req: Request) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    // Behind a TLS-terminating proxy Express sees https through X-Forwarded-Proto (trust proxy).
    secure: req.secure,
  });

  // Per name and client, counting failures only: a guesser is slowed down, a colleague behind
  // the same address signing in with another name is not.
  const signInLimit = rateLimit({
    windowMs: WINDOW_MS,
    limit: config.SIGN_IN_ATTEMPTS_PER_MINUTE,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as { name?: unknown } | undefined;
      const name = typeof body?.name === 'string' ? body.name.toLowerCase().slice(0, 200) : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${name}`;
    },
    handler: (req, _res, next) => {
      req.log?.warn({ event: 'sign-in', outcome: 'rate-limited' }, 'sign-in refused: too many attempts');
      next(tooManySignIns(WINDOW_MS / 1000));
    },
  });

  defineRoute(router, services, {
    method: 'post',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Sign in with a name and password',
    description:
      'On success sets the httpOnly, SameSite=Strict session cookie `me_session` and answers with the CSRF token that writes signed in by the cookie must send in X-CSRF-Token. An unknown name and a wrong password get the same 401.',
    public: true,
    body: SignIn,
    middleware: [signInLimit],
    errors: {
      401: 'Wrong name or password (the same answer for a name that does not exist).',
      403: 'The name and password are right but the account is disabled.',
      429: `More than ${config.SIGN_IN_ATTEMPTS_PER_MINUTE} failed sign-ins for this name from this client in a minute; retry after the seconds in Retry-After.`,
    },
    response: { description: 'Signed in', schema: SignedIn },
    handler: async ({ body }, { req, res, services: { db } }) => {
      const result = await checkPassword(db, body.name, body.password);
      if (result.outcome !== 'ok') {
        req.log?.warn({ event: 'sign-in', user: body.name, outcome: result.outcome }, 'sign-in refused');
        if (result.outcome === 'disabled') throw accountDisabled();
        throw wrongPassword();
      }
      // A cookie from before is ended: a session id planted in the browser beforehand never
      // becomes a signed-in one.
      const old = presented(req);
      if (old?.kind === 'cookie') await endSession(db, old.secret);
      const session = await createSession(db, result.user.name, config.SESSION_TTL_HOURS);
      res.cookie(SESSION_COOKIE, session.sessionId, { ...cookieOptions(req), maxAge: config.SESSION_TTL_HOURS * 3_600_000 });
      req.log?.info({ event: 'sign-in', user: result.user.name, outcome: 'ok' }, 'signed in');
      return { user: result.user, csrfToken: session.csrfToken };
    },
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/session',
    tag: 'accounts',
    summary: 'Who is signed in, and whether reading needs sign-in',
    public: true,
    auth: 'optional',
    response: { description: 'The signed-in user, or null', schema: SessionState },
    handler: async (_input, { res, actor }) => {
      // The route guard keeps the session's CSRF token beside the actor (server/api/route.ts).
      const csrfToken = actor?.via === 'session' ? ((res.locals.csrfToken as string | null | undefined) ?? null) : null;
      return {
        user: actor && actor.via !== 'write-token' ? { name: actor.name, role: actor.role } : null,
        csrfToken,
        readRequiresSignIn: config.READ_REQUIRES_SIGN_IN,
      };
    },
  });

  defineRoute(router, services, {
    method: 'post',
    path: '/api/session/end',
    tag: 'accounts',
    summary: 'Sign out: the session ends and the cookie is cleared',
    public: true,
    auth: 'optional',
    response: { description: 'Signed out (also when nobody was signed in)', status: 204 },
    handler: async (_input, { req, res, actor, services: { db } }) => {
      const cred = presented(req);
      if (cred?.kind === 'cookie') await endSession(db, cred.secret);
      res.clearCookie(SESSION_COOKIE, cookieOptions(req));
      if (actor?.via === 'session') req.log?.info({ event: 'sign-out', user: actor.name }, 'signed out');
      return undefined;
    },
  });
}
