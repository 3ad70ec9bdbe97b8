// One OpenAPI registry for the whole API. Routes register their zod schemas here as they are
// defined, so the document at /api/openapi.json is generated from the same definitions that
// validate requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

export const registry = new OpenAPIRegistry();

/**
 * Routes that need a role take either of these (server/auth/identify.ts, docs/curation.md):
 * a bearer token, or the session cookie with X-CSRF-Token on writes.
 */
export const BEARER_SCHEME = 'bearerToken';
registry.registerComponent('securitySchemes', BEARER_SCHEME, {
  type: 'http',
  scheme: 'bearer',
  description:
    'A personal API token (`me_…`, made with POST /api/tokens or `npm run users -- add`) or the server’s WRITE_TOKEN, which acts as an admin. With no WRITE_TOKEN configured, any other token that is not a personal one answers 403.',
});
export const COOKIE_SCHEME = 'sessionCookie';
registry.registerComponent('securitySchemes', COOKIE_SCHEME, {
  type: 'apiKey',
  in: 'cookie',
  name: 'me_session',
  description:
    'The session cookie set by POST /api/session. Writes with it also need the session’s CSRF token (from POST or GET /api/session) in the X-CSRF-Token header, else 403 CSRF_FAILED.',
});

// 405 belongs to no operation (it answers the methods a path does not have), so it is
// described once here and in the document's description.
registry.registerComponent('responses', 'MethodNotAllowed', {
  description: 'The path exists but not with this method; `Allow` lists the methods it has.',
  headers: { Allow: { description: 'the methods the path has, e.g. "GET, HEAD, OPTIONS"', required: true, schema: { type: 'string' } } },
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export function openApiDocument(version: string) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Mandate Explorer API',
      version,
      description:
        "Who represents whom, in which forum, under whose mandate, since when: search, neighbourhoods, paths, mandate chains, representation and exports over the institutional graph. Every error is JSON `{ error: { code, message, details } }`: `message` is for people, in the request's `lang` (en or sv) when given, else by `Accept-Language`, else in English; `details` keeps what programs need. Each operation lists every status it can answer with. A method a path does not have is answered with 405 and an `Allow` header (components/responses/MethodNotAllowed); OPTIONS answers 204 with the same `Allow`.",
    },
    servers: [{ url: '/' }],
  });
}
