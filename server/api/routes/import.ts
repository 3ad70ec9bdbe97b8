import type { Router } from 'express';
import { z } from '../../zod.ts';
import { detectFormat, IMPORT_FORMATS, importFacts } from '../../data-io/import.ts';
import { actorOf } from '../../curation/actor.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { unreadableImport } from '../../error-words.ts';

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
const ImportWarning = z.object({ path: z.string(), message: z.string() });
const ImportReport = z
  .object({
    nodes: Counts,
    relationships: Counts,
    written: z.boolean(),
    warnings: z.array(ImportWarning).optional().openapi({
      description:
        'Texts with only one of their Swedish and English forms yet, e.g. "The task has no Swedish form yet"; imported all the same',
    }),
  })
  .openapi('ImportReport');

export function importRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'post',
    path: '/api/import',
    tag: 'write',
    summary: 'Add facts in the seed format, FollowTheMoney or Popolo (admins and the write token)',
    description:
      'Body: JSON {nodes, relationships} or an array of records, JSON lines, CSV (text/csv) with the documented headers, FollowTheMoney entities as JSON lines (format=ftm, application/x-ndjson) or Popolo JSON (format=popolo); docs/formats.md says what each carries. Unknown FtM schemata and properties are reported with their line. The whole file is checked first and every bad record is reported with its position (400); a fact that conflicts with the graph is reported (409) unless replace=true; then everything is written in one transaction. Needs an admin: a personal API token or session of an admin account, or "Authorization: Bearer <WRITE_TOKEN>", checked before the body is read.',
    auth: 'admin',
    query: ImportQuery,
    rawBody: {
      description: 'The records: JSON ({nodes, relationships} or an array of records), JSON lines, or CSV with the documented headers.',
      contentTypes: {
        'application/json': z.union([
          z
            .object({ nodes: z.array(z.record(z.string(), z.unknown())), relationships: z.array(z.record(z.string(), z.unknown())) })
            .partial(),
          z.array(z.record(z.string(), z.unknown())),
        ]),
        'application/x-ndjson': z.string(),
        'text/csv': z.string(),
        'text/plain': z.string(),
      },
    },
    errors: { 409: 'Facts that conflict with the graph, each in `details`; nothing was written. Send them again with replace=true.' },
    response: { description: 'What was added, replaced or already present', schema: ImportReport },
    handler: async ({ query }, ctx) => {
      const {
        req,
        services: { db },
      } = ctx;
      const body: unknown = req.body;
      const text =
        typeof body === 'string' ? body : body && typeof body === 'object' && Object.keys(body).length ? JSON.stringify(body) : '';
      if (!text.trim()) throw unreadableImport([{ path: 'body', message: 'expected JSON, JSON lines or CSV records' }], 'empty');
      const format = query.format ?? (typeof body === 'string' ? undefined : detectFormat(text) === 'popolo' ? 'popolo' : 'json');
      return importFacts(db, text, {
        replace: query.replace,
        dryRun: query.dryRun,
        actor: actorOf(ctx),
        sourcesDir: ctx.services.config.SOURCES_DIR,
        ...(format ? { format } : {}),
      });
    },
  });
}
