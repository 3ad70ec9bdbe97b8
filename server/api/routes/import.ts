import type { Router } from 'express';
import { z } from '../../zod.ts';
import { detectFormat, IMPORT_FORMATS, importFacts } from '../../data-io/import.ts';
import { ValidationError } from '../../errors.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { requireWriteToken } from '../write-guard.ts';

const ImportQuery = z.object({
  replace: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  format: z.enum(IMPORT_FORMATS).optional(),
});

const Counts = z.object({ added: z.number(), replaced: z.number(), unchanged: z.number() });
const ImportReport = z.object({ nodes: Counts, relationships: Counts, written: z.boolean() }).openapi('ImportReport');

export function importRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'post',
    path: '/api/import',
    tag: 'write',
    summary: 'Add facts in the seed format, FollowTheMoney or Popolo (needs the write token)',
    description:
      'Body: JSON {nodes, relationships} or an array of records, JSON lines, CSV (text/csv) with the documented headers, FollowTheMoney entities as JSON lines (format=ftm, application/x-ndjson) or Popolo JSON (format=popolo); docs/formats.md says what each carries. Unknown FtM schemata and properties are reported with their line. The whole file is checked first and every bad record is reported with its position (400); a fact that conflicts with the graph is reported (409) unless replace=true; then everything is written in one transaction. Needs "Authorization: Bearer <WRITE_TOKEN>"; with no token configured the endpoint is off (403).',
    query: ImportQuery,
    response: { description: 'What was added, replaced or already present', schema: ImportReport },
    handler: async ({ query }, { req, services: { db, config } }) => {
      requireWriteToken(req, config);
      const body: unknown = req.body;
      const text =
        typeof body === 'string' ? body : body && typeof body === 'object' && Object.keys(body).length ? JSON.stringify(body) : '';
      if (!text.trim())
        throw new ValidationError('The request has no records.', [{ path: 'body', message: 'expected JSON, JSON lines or CSV records' }]);
      const format = query.format ?? (typeof body === 'string' ? undefined : detectFormat(text) === 'popolo' ? 'popolo' : 'json');
      return importFacts(db, text, { replace: query.replace, dryRun: query.dryRun, ...(format ? { format } : {}) });
    },
  });
}
