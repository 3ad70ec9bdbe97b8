// One OpenAPI registry for the whole API. Routes register their zod schemas here as they are
// defined, so the document at /api/openapi.json is generated from the same definitions that
// validate requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';

export const registry = new OpenAPIRegistry();

export function openApiDocument(version: string) {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Mandate Explorer API',
      version,
      description:
        'Who represents whom, in which forum, under whose mandate, since when: search, neighbourhoods, paths, mandate chains, representation and exports over the institutional graph. Every error is JSON `{ error: { code, message, details } }`.',
    },
    servers: [{ url: '/' }],
  });
}
