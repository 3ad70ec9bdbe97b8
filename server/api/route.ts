// A route is defined once: its zod schemas validate the request, type the handler's input and
// describe the endpoint in the OpenAPI document. The framework, not each route, decides what
// every route shares — body parsing, the write guard, the error statuses it can answer with and
// 405 for methods a path does not have — so a new route is as honest in the document as the
// old ones without having to remember any of it (docs/api-contract.md).
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from '../zod.ts';
import { AppError, ValidationError, type ErrorDetail } from '../errors.ts';
import { registry, WRITE_TOKEN_SCHEME } from './openapi-registry.ts';
import { ErrorBody } from './schemas.ts';
import type { Services } from './services.ts';
import { requireWriteToken } from './write-guard.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** The largest request body any route reads; larger ones get 413 before a handler runs. */
export const BODY_LIMIT = '5mb';

export interface RouteSpec<Q extends AnyObject, P extends AnyObject, B extends z.ZodType> {
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
  /** 'write': needs the write token; checked before the body is even read. */
  auth?: 'write';
  /**
   * Statuses this route answers with besides those the framework documents for every route,
   * each with what it means here, e.g. { 404: 'No node with that id.' }. A 400 given here
   * replaces the general wording, for a route that refuses more than malformed input.
   */
  errors?: Partial<Record<400 | 404 | 409, string>>;
  /** JSON response schema, or a non-JSON content type for downloads. */
  response: {
    description: string;
    schema?: z.ZodType;
    contentTypes?: string[];
    /** 201 for routes that create a record. */ status?: 200 | 201;
  };
  handler: (
    input: { query: z.infer<Q>; params: z.infer<P>; body: z.infer<B> },
    ctx: { req: Request; res: Response; services: Services },
  ) => Promise<unknown>;
}

/** application/json and its kin (application/ld+json …), with or without parameters. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/;

/** Methods per path, per router, so that the others can be answered with 405 and Allow. */
const methodsByRouter = new WeakMap<Router, Map<string, Set<string>>>();

export function defineRoute<Q extends AnyObject = AnyObject, P extends AnyObject = AnyObject, B extends z.ZodType = z.ZodUnknown>(
  router: Router,
  services: Services,
  spec: RouteSpec<Q, P, B>,
): void {
  register(spec);
  const paths = methodsByRouter.get(router) ?? new Map<string, Set<string>>();
  methodsByRouter.set(router, paths);
  paths.set(spec.path, (paths.get(spec.path) ?? new Set()).add(spec.method.toUpperCase()));

  const before: RequestHandler[] = [];
  if (spec.auth === 'write') {
    before.push((req, _res, next) => {
      requireWriteToken(req, services.config);
      next();
    });
  }
  // Bodies are read only by routes that take one: elsewhere a body is ignored, so it can
  // neither be too large nor malformed there, and the document need not say so.
  if (spec.body || spec.rawBody) before.push(express.json({ limit: BODY_LIMIT }));
  const textTypes = Object.keys(spec.rawBody?.contentTypes ?? {}).filter((t) => !JSON_TYPE.test(t));
  if (textTypes.length) before.push(express.text({ type: textTypes, limit: BODY_LIMIT }));

  router[spec.method](spec.path, ...before, async (req, res, next) => {
    try {
      const details: ErrorDetail[] = [];
      const query = parsePart(spec.query, req.query, 'query', details);
      const params = parsePart(spec.params, req.params, 'params', details);
      const body = parsePart(spec.body, req.body, 'body', details);
      if (details.length)
        throw new ValidationError('The request is not valid: ' + details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
      const result = await spec.handler({ query, params, body } as never, { req, res, services });
      if (result !== undefined && !res.headersSent) (spec.response.status ? res.status(spec.response.status) : res).json(result);
    } catch (err) {
      next(err);
    }
  });
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
      next(
        new MethodNotAllowedError(`${req.method} is not offered on ${req.baseUrl}${req.path}; it allows ${allow}.`, [
          { path: 'method', message: `expected one of ${allow}` },
        ]),
      );
    });
  }
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string, details: ErrorDetail[]): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    details.push({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message });
  }
  return undefined;
}

const error = (description: string, headers?: ResponseConfig['headers']): ResponseConfig => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ErrorBody } },
});

const retryAfter = (description: string): ResponseConfig['headers'] => ({
  'Retry-After': { description, required: true, schema: { type: 'integer', minimum: 0 } },
});

/**
 * Every status the route can answer with. Every route reads the graph, so each can time out
 * (408), find Neo4j gone (503), meet the rate limit (429) or fail in a way we did not foresee
 * (500); the rest depends on what the route takes.
 */
function responses(spec: RouteSpec<AnyObject, AnyObject, z.ZodType>): Record<number, ResponseConfig> {
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
  const all: Record<number, ResponseConfig> = { [spec.response.status ?? 200]: { description: spec.response.description, content } };
  if (takesInput) all[400] = error(spec.errors?.[400] ?? 'The request is not valid: `details` says which field and what was expected.');
  if (spec.auth === 'write') {
    all[401] = error('No write token, or a wrong one: send "Authorization: Bearer <WRITE_TOKEN>". Nothing was written.', {
      'WWW-Authenticate': { description: 'how to authenticate: Bearer', required: true, schema: { type: 'string' } },
    });
    all[403] = error('A token was sent but writes are off: the server has no WRITE_TOKEN configured. Nothing was written.');
  }
  if (spec.errors?.[404]) all[404] = error(spec.errors[404]);
  all[408] = error('A query ran past the time limit (QUERY_TIMEOUT_MS) and was stopped; nothing was changed.');
  if (spec.errors?.[409]) all[409] = error(spec.errors[409]);
  if (takesBody) all[413] = error(`The request body is larger than ${BODY_LIMIT.toUpperCase()}.`);
  all[429] = error(
    'Too many requests from this client; retry after the seconds in Retry-After.',
    retryAfter('seconds until the window resets'),
  );
  all[500] = error('Something went wrong on our side; the error was logged with the request id.');
  all[503] = error('The database is not reachable; retry after a moment.', retryAfter('seconds to wait before retrying'));
  return all;
}

function register(spec: RouteSpec<AnyObject, AnyObject, z.ZodType>): void {
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
    ...(spec.auth === 'write' ? { security: [{ [WRITE_TOKEN_SCHEME]: [] }] } : {}),
    request: {
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(body ? { body } : {}),
    },
    responses: responses(spec),
  });
}
