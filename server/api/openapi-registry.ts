// One OpenAPI registry for the whole API. Routes register their zod schemas here as they are
// defined, so the document at /api/openapi.json is generated from the same definitions that
// validate requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

export const registry = new OpenAPIRegistry();

/** The bearer token that write routes need (WRITE_TOKEN); see server/api/write-guard.ts. */
export const WRITE_TOKEN_SCHEME = 'writeToken';
registry.registerComponent('securitySchemes', WRITE_TOKEN_SCHEME, {
  type: 'http',
  scheme: 'bearer',
  description: 'The server’s WRITE_TOKEN. With none configured, write routes are off and answer 403.',
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
        'Who represents whom, in which forum, under whose mandate, since when: search, neighbourhoods, paths, mandate chains, representation and exports over the institutional graph. Every error is JSON `{ error: { code, message, details } }`, and each operation lists every status it can answer with. A method a path does not have is answered with 405 and an `Allow` header (components/responses/MethodNotAllowed); OPTIONS answers 204 with the same `Allow`.',
    },
    servers: [{ url: '/' }],
  });
}
