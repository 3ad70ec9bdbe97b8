// A route is defined once: its zod schemas validate the request, type the handler's input and
// describe the endpoint in the OpenAPI document.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { ValidationError, type ErrorDetail } from '../errors.ts';
import { registry } from './openapi-registry.ts';
import { ErrorBody } from './schemas.ts';
import type { Services } from './services.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteSpec<Q extends AnyObject, P extends AnyObject, B extends z.ZodType> {
  method: 'get' | 'post';
  /** Express-style path, e.g. /api/nodes/:id */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: Q;
  params?: P;
  body?: B;
  /** JSON response schema, or a non-JSON content type for downloads. */
  response: { description: string; schema?: z.ZodType; contentTypes?: string[] };
  handler: (
    input: { query: z.infer<Q>; params: z.infer<P>; body: z.infer<B> },
    ctx: { req: Request; res: Response; services: Services },
  ) => Promise<unknown>;
}

export function defineRoute<Q extends AnyObject = AnyObject, P extends AnyObject = AnyObject, B extends z.ZodType = z.ZodUnknown>(
  router: Router,
  services: Services,
  spec: RouteSpec<Q, P, B>,
): void {
  register(spec);
  router[spec.method](spec.path, async (req, res, next) => {
    try {
      const details: ErrorDetail[] = [];
      const query = parsePart(spec.query, req.query, 'query', details);
      const params = parsePart(spec.params, req.params, 'params', details);
      const body = parsePart(spec.body, req.body, 'body', details);
      if (details.length)
        throw new ValidationError('The request is not valid: ' + details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
      const result = await spec.handler({ query, params, body } as never, { req, res, services });
      if (result !== undefined && !res.headersSent) res.json(result);
    } catch (err) {
      next(err);
    }
  });
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

function register(spec: RouteSpec<AnyObject, AnyObject, z.ZodType>): void {
  const content = spec.response.schema
    ? { 'application/json': { schema: spec.response.schema } }
    : Object.fromEntries((spec.response.contentTypes ?? ['application/octet-stream']).map((t) => [t, { schema: z.string() }]));
  const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorBody } } });
  registry.registerPath({
    method: spec.method,
    path: spec.path.replace(/:(\w+)/g, '{$1}'),
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    request: {
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
    },
    responses: {
      200: { description: spec.response.description, content },
      400: error('The request is not valid: `details` says which field and what was expected.'),
      404: error('No node with that id.'),
      429: error('Too many requests from this client; see Retry-After.'),
      503: error('The database is not reachable; retry after a moment.'),
    },
  });
}
