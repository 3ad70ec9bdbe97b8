// A route is defined once: its zod schemas validate the request, type the handler's input and
// describe the endpoint in the OpenAPI document. The framework, not each route, decides what
// every route shares — body parsing, who may call it (docs/curation.md), the error statuses it
// can answer with and 405 for methods a path does not have — so a new route is as honest in the document as the
// old ones without having to remember any of it (docs/api-contract.md).
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from '../zod.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import { hasRole, type Actor, type Role } from '../auth/actor.ts';
import type { Holder } from '../auth/accounts.ts';
import { CSRF_HEADER, identify, SESSION_COOKIE } from '../auth/identify.ts';
import { sameSecret } from '../auth/secrets.ts';
import { matchesTag, type AnswerCache, type DataVersion } from './answer-cache.ts';
import { freshFor, type SharedAnswer } from './reads-in-flight.ts';
import { invalidRequest, problemOf } from '../error-words.ts';
import type { ReadLanes } from './read-lanes.ts';
import { BEARER_SCHEME, COOKIE_SCHEME, registry } from './openapi-registry.ts';
import { ErrorBody } from './schemas.ts';
import type { Services } from './services.ts';
import { csrfRefused, methodNotOffered, roleNeeded } from '../refusal-words.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** The largest request body any route reads; larger ones get 413 before a handler runs. */
export const BODY_LIMIT = '5mb';

/**
 * What a route needs from its caller. 'editor' and 'admin' need an account with that role (an
 * admin may do what an editor may), or the WRITE_TOKEN, which acts as an admin; 'write' is
 * 'editor'. 'optional' gives the handler the caller's actor when valid credentials come, and
 * refuses nobody.
 */
export type RouteAuth = 'write' | 'editor' | 'admin';

/** The handler's actor: always there on routes that need a role, maybe null elsewhere. */
export type ActorFor<A> = A extends RouteAuth ? Actor : Actor | null;

export interface RouteContext<A> {
  req: Request;
  res: Response;
  services: Services;
  actor: ActorFor<A>;
}

export interface RouteSpec<
  Q extends AnyObject,
  P extends AnyObject,
  B extends z.ZodType,
  A extends RouteAuth | 'optional' | undefined = undefined,
> {
  method: 'get' | 'post';
  /** Express-style path, e.g. /api/nodes/:id */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: Q;
  params?: P;
  /** A JSON body, parsed and validated with this schema. */
  body?: B;
  /** A body the handler reads itself from req.body (text for the text types, parsed JSON otherwise). */
  rawBody?: { description: string; contentTypes: Record<string, z.ZodType> };
  /** Who may call it (RouteAuth); checked before the body is even read. */
  auth?: A;
  /**
   * Open even when the server requires sign-in to read (READ_REQUIRES_SIGN_IN): health and the
   * session endpoints, without which nobody could sign in.
   */
  public?: boolean;
  /** Run after the body is parsed and before it is validated (e.g. the sign-in rate limit). */
  middleware?: RequestHandler[];
  /**
   * Statuses this route answers with besides those the framework documents for every route,
   * each with what it means here, e.g. { 404: 'No node with that id.' }. A 400 given here
   * replaces the general wording, for a route that refuses more than malformed input.
   */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 429, string>>;
  /**
   * false: the answer is not a function of the data version alone (saved views, which are kept
   * outside change sets), so it is never cached. Every other GET that anyone may read with a JSON
   * answer is cached by data version (cachedByVersion).
   */
  cache?: false;
  /**
   * JSON response schema, or a non-JSON content type for downloads; `status` when success is
   * not 200 (201 created, 204 with no body).
   */
  response: { description: string; schema?: z.ZodType; contentTypes?: string[]; status?: 201 | 204 };
  handler: (input: { query: z.infer<Q>; params: z.infer<P>; body: z.infer<B> }, ctx: RouteContext<A>) => Promise<unknown>;
}

const neededRole = (auth: RouteAuth | 'optional' | undefined): Role | null =>
  auth === 'admin' ? 'admin' : auth === 'write' || auth === 'editor' ? 'editor' : null;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds the caller before anything else runs. A route that needs a role refuses the wrong one
 * (403), and a cookie-authenticated write without the session's CSRF token (403 CSRF_FAILED):
 * another site's page can make the browser send the cookie, but cannot read the token.
 */
function guard(
  spec: { auth?: RouteAuth | 'optional' | undefined; public?: boolean | undefined },
  services: Services,
): RequestHandler | null {
  const role = neededRole(spec.auth);
  const signInToRead = services.config.READ_REQUIRES_SIGN_IN && !spec.public;
  if (!role && !signInToRead && spec.auth !== 'optional') return null;
  return (req: Request, res: Response, next: NextFunction) => {
    const check = async (): Promise<Holder | null> => {
      // 'optional': a stale cookie or a wrong token only means "nobody signed in".
      if (!role && !signInToRead) return identify(req, services.config, services.db).catch(() => null);
      const holder = await identify(req, services.config, services.db);
      if (!role) return holder;
      if (!hasRole(holder.actor, role)) {
        throw roleNeeded(role, holder.actor.role);
      }
      if (holder.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
        const sent = req.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !holder.csrfToken || !sameSecret(sent, holder.csrfToken)) {
          throw csrfRefused({
            path: 'headers.x-csrf-token',
            message: `${typeof sent === 'string' ? "not this session's token" : 'missing'}: a write signed in by the ${SESSION_COOKIE} cookie sends the CSRF token GET /api/session gives`,
          });
        }
      }
      return holder;
    };
    check().then((holder) => {
      res.locals.actor = holder?.actor ?? null;
      // GET /api/session hands it to the web app, which cannot read the httpOnly cookie.
      res.locals.csrfToken = holder?.csrfToken ?? null;
      next();
    }, next);
  };
}

/** application/json and its kin (application/ld+json …), with or without parameters. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/;

/** Methods per path, per router, so that the others can be answered with 405 and Allow. */
const methodsByRouter = new WeakMap<Router, Map<string, Set<string>>>();

type AnyHandler = (input: { query: unknown; params: unknown; body: unknown }, ctx: RouteContext<'optional'>) => Promise<unknown>;
/** Every GET route's schemas and handler, by path, so that /api/ask can give the very answer a tool's route gives. */
const readRoutes = new Map<string, { query?: z.ZodType; params?: z.ZodType; handler: AnyHandler }>();

/**
 * Runs a GET route's handler in-process, its input checked by the route's own schemas (so its
 * defaults apply): the answer is the one the route gives over HTTP.
 */
export async function callRoute(
  path: string,
  input: { query?: Record<string, unknown>; params?: Record<string, unknown> },
  ctx: RouteContext<'optional'>,
): Promise<unknown> {
  const route = readRoutes.get(path);
  if (!route) throw new Error(`No GET route ${path}`);
  const details: ErrorDetail[] = [];
  const query = parsePart(route.query, input.query ?? {}, 'query', details);
  const params = parsePart(route.params, input.params ?? {}, 'params', details);
  if (details.length) throw invalidRequest(details);
  return route.handler({ query, params, body: undefined }, ctx);
}

export function defineRoute<
  Q extends AnyObject = AnyObject,
  P extends AnyObject = AnyObject,
  B extends z.ZodType = z.ZodUnknown,
  A extends RouteAuth | 'optional' | undefined = undefined,
>(router: Router, services: Services, spec: RouteSpec<Q, P, B, A>): void {
  register(spec as RouteSpec<AnyObject, AnyObject, z.ZodType, RouteAuth | 'optional' | undefined>);
  if (spec.method === 'get' && !spec.auth)
    readRoutes.set(spec.path, { query: spec.query, params: spec.params, handler: spec.handler as AnyHandler });
  const paths = methodsByRouter.get(router) ?? new Map<string, Set<string>>();
  methodsByRouter.set(router, paths);
  paths.set(spec.path, (paths.get(spec.path) ?? new Set()).add(spec.method.toUpperCase()));

  const before: RequestHandler[] = [];
  const check = guard(spec, services);
  if (check) before.push(check);
  // Bodies are read only by routes that take one: elsewhere a body is ignored, so it can
  // neither be too large nor malformed there, and the document need not say so.
  if (spec.body || spec.rawBody) before.push(express.json({ limit: BODY_LIMIT }));
  const textTypes = Object.keys(spec.rawBody?.contentTypes ?? {}).filter((t) => !JSON_TYPE.test(t));
  if (textTypes.length) before.push(express.text({ type: textTypes, limit: BODY_LIMIT }));
  before.push(...(spec.middleware ?? []));
  // Reads wait their turn per client; editor routes (change sets) and the open ones do not.
  if (!neededRole(spec.auth) && !spec.public && services.lanes) before.push(readerLane(services.lanes));

  const answers = cachedByVersion(spec as AnySpec) ? (services.answers ?? null) : null;
  const editorWrite = neededRole(spec.auth) !== null && spec.method !== 'get';
  router[spec.method](spec.path, ...before, async (req, res, next) => {
    try {
      const details: ErrorDetail[] = [];
      const query = parsePart(spec.query, req.query, 'query', details);
      const params = parsePart(spec.params, req.params, 'params', details);
      const body = parsePart(spec.body, req.body, 'body', details);
      if (details.length) throw invalidRequest(details);
      const actor = (res.locals.actor ?? null) as ActorFor<A>;
      const handle = () => spec.handler({ query, params, body } as never, { req, res, services, actor });
      // An editor's write goes first: the readers' lanes start nothing new while it runs.
      const editors = editorWrite ? services.lanes?.editors : undefined;
      const run = editors ? () => editors.during(handle) : handle;
      if (answers) {
        await answerByVersion(answers, spec.path, { query, params }, req, res, run, services);
        return;
      }
      const result = await run();
      if (res.headersSent) return;
      if (spec.response.status) res.status(spec.response.status);
      if (result !== undefined) res.json(result);
      else if (spec.response.status === 204) res.end();
    } catch (err) {
      next(err);
    }
  });
}

/** The reader's lane (server/api/read-lanes.ts); a read of the past has a narrower one of its own. */
function readerLane(lanes: { reads: ReadLanes; past: ReadLanes }): RequestHandler {
  return (req, res, next) => {
    const recordedAt = (req.query as Record<string, unknown>).recordedAt ?? (req.body as Record<string, unknown> | undefined)?.recordedAt;
    const lane = recordedAt !== undefined ? lanes.past : lanes.reads;
    const actor = res.locals.actor as Actor | null | undefined;
    // A signed-in reader is one client wherever it reads from; anyone else is an address.
    const client = actor ? `account:${actor.name}` : `address:${req.ip ?? 'unknown'}`;
    let place: ReturnType<ReadLanes['enter']>;
    try {
      place = lane.enter(client);
    } catch (err) {
      next(err);
      return;
    }
    res.once('close', place.leave);
    void place.admitted.then(() => next());
  };
}

/**
 * GETs that anyone allowed to read may call, with a JSON answer: the graph's reads. Not the
 * session or a caller's tokens (they depend on who asks), nor health (it reports on Neo4j).
 */
function cachedByVersion(spec: AnySpec): boolean {
  return spec.method === 'get' && Boolean(spec.response.schema) && spec.cache !== false && !spec.auth && !spec.public;
}

/**
 * A read answered by data version (docs/curation.md, part 4): the current version is read first,
 * a client that already holds the answer at that version gets 304, the in-process cache answers
 * what it holds, an identical read under way answers what it will hold, and only what none of
 * them has runs the handler. The tag and caching headers go out with successful answers only.
 */
async function answerByVersion(
  answers: AnswerCache,
  route: string,
  input: { query: unknown; params: unknown },
  req: Request,
  res: Response,
  run: () => Promise<unknown>,
  services: Services,
): Promise<void> {
  const started = performance.now();
  const ifNoneMatch = req.headers['if-none-match'];
  let at: DataVersion | undefined;
  const asked = answers.requestKey(route, input);
  if (answers.foldable(route, input, ifNoneMatch, asked)) {
    const ahead = answers.inFlight.find(asked);
    if (ahead) {
      // The same question is being read. Its answer will do if it was read at the version a read
      // begun after this request came finds (reads-in-flight.ts, freshFor); if not, this
      // request reads the graph itself, at that version.
      const [mine, theirs] = await Promise.all([answers.current(services.db), ahead]);
      if (theirs && freshFor(theirs.at, mine)) {
        sendAnswer(res, theirs.at, theirs.key.past, theirs.key.etag, theirs.body, services, 'shared', started);
        return;
      }
      at = mine;
    } else {
      const reading = readFolded(answers, route, asked, input, res, run, services);
      answers.inFlight.lead(asked, reading);
      const mine = await reading;
      if (res.headersSent) return;
      if (mine) {
        answers.set(mine.key, mine.at, mine.body);
        sendAnswer(res, mine.at, mine.key.past, mine.key.etag, mine.body, services, 'read', started);
        return;
      }
      // The handler awaited something else before its first read (or let a read fail): part of
      // the answer may be older than any version it saw, so it is asked again below, after a
      // version read of its own, and this route reads the version first from now on.
      answers.unfold(route);
    }
  }
  at ??= await answers.current(services.db);
  const key = answers.keyOf(route, input, at, asked);
  // The tag is hashed only for a request that sends one; a kept answer brings its own.
  if (ifNoneMatch && matchesTag(ifNoneMatch, key.etag)) {
    setVersionHeaders(res, at, key.past, key.etag, services);
    res.status(304).end();
    return;
  }
  const kept = answers.get(key);
  if (kept) {
    sendAnswer(res, at, key.past, kept.etag, kept.body, services, 'kept', started);
    return;
  }
  // A read of the same question at the same version (or of the same past) already under way
  // began after a version read that found what this request's did: its answer is this one's.
  const ahead = answers.inFlight.find(key.key);
  const theirs = ahead ? await ahead : null;
  if (theirs) {
    sendAnswer(res, theirs.at, theirs.key.past, theirs.key.etag, theirs.body, services, 'shared', started);
    return;
  }
  const version = at;
  const reading = run().then((result) => (res.headersSent ? null : { body: Buffer.from(JSON.stringify(result)), at: version, key }));
  answers.inFlight.lead(key.key, reading);
  const mine = await reading;
  if (!mine) return;
  answers.set(key, at, mine.body);
  sendAnswer(res, at, key.past, key.etag, mine.body, services, 'read', started);
}

/**
 * Runs the handler with the version probe on (server/db/database.ts): each read or read
 * transaction it starts before its first await reads the version too, first in that transaction
 * (a request's reads of the graph now share one, server/curation/recorded.ts). Null when the
 * handler answered by itself, or when not every transaction read its version.
 */
async function readFolded(
  answers: AnswerCache,
  route: string,
  asked: string,
  input: { query: unknown; params: unknown },
  res: Response,
  run: () => Promise<unknown>,
  services: Services,
): Promise<SharedAnswer | null> {
  const probe: NonNullable<Services['db']['versionProbe']> = { started: 0, seen: [] };
  services.db.versionProbe = probe;
  let running: Promise<unknown>;
  try {
    running = run();
  } finally {
    services.db.versionProbe = null;
  }
  const result = await running;
  // A transaction whose version never came (it failed, or was never awaited) leaves a hole in `seen`.
  const versions = probe.seen.filter(Boolean);
  if (res.headersSent || probe.started === 0 || versions.length !== probe.started) return null;
  const at = answers.observeRow(lowest(versions));
  return { body: Buffer.from(JSON.stringify(result)), at, key: answers.keyOf(route, input, at, asked) };
}

/** How an answer came, in Server-Timing: its own read, an identical read's, or the in-process cache's. */
type AnswerSource = 'read' | 'shared' | 'kept';

/**
 * The answer's bytes as they are, straight to the socket: a kept answer is already JSON, so
 * Express's send (type lookup, freshness check, a second look at the body) has nothing to add.
 */
function sendAnswer(
  res: Response,
  at: DataVersion,
  past: boolean,
  etag: string,
  body: Buffer,
  services: Services,
  source: AnswerSource,
  started: number,
): void {
  setVersionHeaders(res, at, past, etag, services);
  res.setHeader('Server-Timing', `${source};dur=${(performance.now() - started).toFixed(1)}`);
  res.setHeader('Content-Type', JSON_UTF8);
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

const JSON_UTF8 = 'application/json; charset=utf-8';

/** The version row with the lowest version (the earliest moment when versions tie). */
function lowest(rows: Array<Record<string, unknown>>): Record<string, unknown> {
  return rows.reduce((a, b) => (Number(b.version ?? 0) < Number(a.version ?? 0) ? b : a));
}

function setVersionHeaders(res: Response, at: DataVersion, past: boolean, etag: string, services: Services): void {
  res.setHeader('ETag', etag);
  res.setHeader(
    'Cache-Control',
    services.config.READ_REQUIRES_SIGN_IN
      ? // Never kept by a shared cache, nor by the browser: the answer is for a signed-in reader.
        'private, no-store'
      : past
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate',
  );
  res.setHeader('X-Data-Version', String(at.version));
}

export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly code = 'METHOD_NOT_ALLOWED';
}

/**
 * After the routes: any other method on a path the router serves gets 405 with `Allow`
 * (RFC 9110), and OPTIONS gets 204 with the same `Allow`. HEAD is there wherever GET is,
 * because Express answers it with the GET handler.
 */
export function answerOtherMethods(router: Router): void {
  for (const [path, methods] of methodsByRouter.get(router) ?? []) {
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    router.all(path, (req, res, next) => {
      res.setHeader('Allow', allow);
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
      next(methodNotOffered(new MethodNotAllowedError('', [{ path: 'method', message: `expected one of ${allow}` }])));
    });
  }
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string, details: ErrorDetail[]): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    details.push({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message, problem: problemOf(issue) });
  }
  return undefined;
}

const error = (description: string, headers?: ResponseConfig['headers']): ResponseConfig => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ErrorBody } },
});

/** What an answer cached by data version carries (docs/curation.md, part 4). */
const VERSION_HEADERS: ResponseConfig['headers'] = {
  ETag: { description: 'the answer’s tag: its request and the data version it was read at', required: true, schema: { type: 'string' } },
  'Cache-Control': {
    description:
      '"public, max-age=0, must-revalidate" for the graph now; "public, max-age=31536000, immutable" as recorded at a past version; "private, no-store" when the server requires sign-in to read',
    required: true,
    schema: { type: 'string' },
  },
  'X-Data-Version': {
    description: 'the data version current when the request was answered',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
};

/** How a cached read's answer came (server/api/reads-in-flight.ts), on its 200s. */
const ANSWER_TIMING = {
  description:
    'how the answer came and the milliseconds it took: "read" (this request’s own queries), "shared" (an identical read under way when it came, at the version it found) or "kept" (the server’s in-process cache), e.g. "shared;dur=4.2"',
  required: true,
  schema: { type: 'string', pattern: '^(read|shared|kept);dur=[0-9.]+$' },
} as const;

const retryAfter = (description: string): ResponseConfig['headers'] => ({
  'Retry-After': { description, required: true, schema: { type: 'integer', minimum: 0 } },
});

/**
 * Every status the route can answer with. Every route reads the graph, so each can time out
 * (408), find Neo4j gone (503), meet the rate limit (429) or fail in a way we did not foresee
 * (500); the rest depends on what the route takes.
 */
type AnySpec = RouteSpec<AnyObject, AnyObject, z.ZodType, RouteAuth | 'optional' | undefined>;

function responses(spec: AnySpec): Record<number, ResponseConfig> {
  // A download in a JSON type is any JSON document; in any other type, bytes.
  const content = spec.response.schema
    ? { 'application/json': { schema: spec.response.schema } }
    : Object.fromEntries(
        (spec.response.contentTypes ?? ['application/octet-stream']).map((t) => [
          t,
          { schema: JSON_TYPE.test(t) ? z.unknown() : z.string().openapi({ format: 'binary' }) },
        ]),
      );
  const takesInput = Boolean(spec.query || spec.params || spec.body || spec.rawBody);
  const takesBody = Boolean(spec.body || spec.rawBody);
  const success = spec.response.status ?? 200;
  const all: Record<number, ResponseConfig> = {
    [success]: success === 204 ? { description: spec.response.description } : { description: spec.response.description, content },
  };
  if (cachedByVersion(spec)) {
    all[success] = { ...all[success]!, headers: { ...VERSION_HEADERS, 'Server-Timing': ANSWER_TIMING } };
    all[304] = {
      description: 'Not modified: `If-None-Match` named this answer’s tag, so the copy the client holds is still the answer.',
      headers: VERSION_HEADERS,
    };
  }
  if (takesInput) all[400] = error(spec.errors?.[400] ?? 'The request is not valid: `details` says which field and what was expected.');
  const role = neededRole(spec.auth);
  const wwwAuthenticate: ResponseConfig['headers'] = {
    'WWW-Authenticate': { description: 'how to authenticate: Bearer', required: true, schema: { type: 'string' } },
  };
  if (role) {
    all[401] = error(
      'No credentials, or wrong, revoked or expired ones: sign in (POST /api/session) or send "Authorization: Bearer <token>" with a personal API token or the WRITE_TOKEN. Nothing was written.',
      wwwAuthenticate,
    );
    all[403] = error(
      spec.errors?.[403] ??
        `FORBIDDEN: the account is not ${role === 'admin' ? 'an admin' : 'an editor or admin'}, or it is disabled, or a token that is not a personal one came to a server with no WRITE_TOKEN. CSRF_FAILED: signed in by the session cookie, but without the session's token in X-CSRF-Token. Nothing was written.`,
    );
  } else if (!spec.public) {
    all[401] = error(
      'Only on a server that requires sign-in to read (READ_REQUIRES_SIGN_IN=1): no session or token, or an expired or revoked one.',
      wwwAuthenticate,
    );
    all[403] = error('Only on a server that requires sign-in to read (READ_REQUIRES_SIGN_IN=1): the account is disabled.');
  } else {
    if (spec.errors?.[401]) all[401] = error(spec.errors[401], wwwAuthenticate);
    if (spec.errors?.[403]) all[403] = error(spec.errors[403]);
  }
  if (spec.errors?.[404]) all[404] = error(spec.errors[404]);
  all[408] = error('A query ran past the time limit (QUERY_TIMEOUT_MS) and was stopped; nothing was changed.');
  if (spec.errors?.[409]) all[409] = error(spec.errors[409]);
  if (takesBody) all[413] = error(`The request body is larger than ${BODY_LIMIT.toUpperCase()}.`);
  const laned = !role && !spec.public;
  all[429] = error(
    spec.errors?.[429] ??
      (laned
        ? 'RATE_LIMITED: too many requests from this client in a minute, or too many of its reads running and waiting at once; retry after the seconds in Retry-After.'
        : 'Too many requests from this client; retry after the seconds in Retry-After.'),
    retryAfter(
      laned
        ? 'seconds until the window resets, or until some of this client’s reads have been answered'
        : 'seconds until the window resets',
    ),
  );
  all[500] = error('Something went wrong on our side; the error was logged with the request id.');
  all[503] = error(
    laned
      ? 'DATABASE_UNAVAILABLE: the database is not reachable. SERVER_BUSY: the server has as many reads waiting as it queues. Retry after the seconds in Retry-After.'
      : 'The database is not reachable; retry after a moment.',
    retryAfter('seconds to wait before retrying'),
  );
  return all;
}

function register(spec: AnySpec): void {
  // A body is required unless its schema accepts none: the handler sees a missing body as {}.
  const body = spec.body
    ? { required: !spec.body.safeParse({}).success, content: { 'application/json': { schema: spec.body } } }
    : spec.rawBody
      ? {
          required: true,
          description: spec.rawBody.description,
          content: Object.fromEntries(Object.entries(spec.rawBody.contentTypes).map(([type, schema]) => [type, { schema }])),
        }
      : undefined;
  registry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    ...(neededRole(spec.auth) ? { security: [{ [BEARER_SCHEME]: [] }, { [COOKIE_SCHEME]: [] }] } : {}),
    request: {
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(body ? { body } : {}),
    },
    responses: responses(spec),
  });
}
