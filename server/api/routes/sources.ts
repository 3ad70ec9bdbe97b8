// The source documents: the list of :Source nodes, and the cited lines of one document with
// their context, read from SOURCES_DIR when the server has it, else from the text an editor
// uploaded when registering the source (addSource). The file name must look like a SourceRef's
// file and be one of the folder's own entries, so no request can reach outside it.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Database, Row } from '../../db/database.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { sourceTextUnavailable } from '../../error-words.ts';
import { linesOutOfRange } from '../../refusal-words.ts';

/** The file part of a SourceRef (seed/schema.ts): letters, digits, _ . - and a .txt ending. */
export const SOURCE_FILE = /^[\w.-]+\.txt$/;

export const SourceSchema = z
  .object({
    file: z.string(),
    title: z.string().optional(),
    publisher: z.string().optional(),
    language: z.string().optional(),
    written: z.string().optional().openapi({ description: 'Partial date the document was at least written by' }),
    writtenCertainty: z.enum(['stated', 'inferred']).optional(),
    writtenBasis: z.string().optional(),
    hasText: z.boolean().optional().openapi({ description: 'An editor uploaded the document’s text with it (its lines can be shown)' }),
  })
  .catchall(z.unknown())
  .openapi('Source');

export const SourceList = z
  .object({
    sources: z.array(SourceSchema),
    textAvailable: z.boolean().openapi({ description: 'Whether this server can show the documents’ lines (SOURCES_DIR is set)' }),
  })
  .openapi('SourceList');

export const FileParams = z.object({
  file: z
    .string()
    .max(200)
    .regex(SOURCE_FILE, 'expected a source file name such as 001_1c1597dd7120e666.txt')
    .refine((f) => !f.startsWith('.'), 'expected a source file name such as 001_1c1597dd7120e666.txt'),
});

const lineNo = (what: string) =>
  z.coerce
    .number(`expected ${what} as a line number from 1`)
    .int(`expected ${what} as a whole number`)
    .min(1, `expected ${what} of at least 1`);

const LinesQuery = z.object({
  from: lineNo('from'),
  to: lineNo('to').optional(),
  context: z.coerce.number('expected context as a number of lines from 0 to 20').int().min(0).max(20).default(2),
  version: z.coerce
    .number('expected version as a number from 1')
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'a version of the document’s text (source watch); the current one when left out' }),
});

export const SourceLines = z
  .object({
    file: z.string(),
    from: z.number(),
    to: z.number(),
    totalLines: z.number(),
    lines: z.array(
      z.object({
        number: z.number(),
        text: z.string(),
        cited: z.boolean().openapi({ description: 'true for the lines the citation names, false for context' }),
      }),
    ),
  })
  .openapi('SourceLines');

export function sourceRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/sources',
    tag: 'graph',
    summary: 'The source documents the facts cite, with the dates they were written by',
    response: { description: 'Source documents', schema: SourceList },
    handler: async (_req, { services: { db, config } }) => {
      const rows = await db.read('sources/list-sources');
      const sources = rows.map((r) => {
        // The projection blanks the (large) uploaded text; only whether there is one is listed.
        const { text: _text, ...source } = r.source as Row;
        return { ...source, ...(r.hasText ? { hasText: true } : {}) } as z.infer<typeof SourceSchema>;
      });
      return { sources, textAvailable: Boolean(config.SOURCES_DIR) };
    },
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/sources/:file/lines',
    tag: 'graph',
    summary: 'The cited lines of a source document, with context lines, numbered',
    description:
      'Reads the server’s SOURCES_DIR, else the text uploaded when the source was registered (addSource); with neither the answer is 404 SOURCE_TEXT_UNAVAILABLE and a client shows file, lines and paraphrase only. Lines are plain text, to be shown as text. `from`–`to` are the cited lines (1-based, inclusive), `context` lines are added on each side.',
    params: FileParams,
    query: LinesQuery,
    errors: {
      400: 'The request is not valid: a range that ends before it starts, or longer than 500 lines; `details` says which.',
      404: 'SOURCE_TEXT_UNAVAILABLE: the file is neither in the source folder nor registered with an uploaded text.',
    },
    response: { description: 'Numbered lines', schema: SourceLines },
    handler: async ({ params, query }, { services: { config, db } }) => {
      const to = query.to ?? query.from;
      if (to < query.from) {
        throw linesOutOfRange('reversed', [{ path: 'query.to', message: 'must be at least query.from' }]);
      }
      if (to - query.from > 500) {
        throw linesOutOfRange('too-many', [{ path: 'query.to', message: 'at most query.from + 500' }]);
      }
      // The current registered version first (source watch), then the folder and the upload (version 1).
      const stored = await versionText(db, params.file, query.version ?? null);
      const firstOrCurrent = query.version === undefined || query.version === 1;
      const text =
        stored ?? (firstOrCurrent ? ((await folderText(config.SOURCES_DIR, params.file)) ?? (await uploadedText(db, params.file))) : null);
      if (text === null) throw sourceTextUnavailable(params.file, Boolean(config.SOURCES_DIR));
      const all = text.split(/\r?\n/);
      if (all.length && all[all.length - 1] === '') all.pop();
      if (to > all.length) {
        const path = query.from > all.length ? 'query.from' : 'query.to';
        throw linesOutOfRange('past-end', [{ path, message: `must be at most ${all.length}` }], all.length);
      }
      const last = to;
      const start = Math.max(1, query.from - query.context);
      const end = Math.min(all.length, last + query.context);
      const lines = [];
      for (let n = start; n <= end; n++) lines.push({ number: n, text: all[n - 1]!, cited: n >= query.from && n <= last });
      return { file: params.file, from: query.from, to: last, totalLines: all.length, lines };
    },
  });
}

/** The document from SOURCES_DIR, or null when there is no folder or it does not list the file. */
async function folderText(dir: string | undefined, file: string): Promise<string | null> {
  if (!dir) return null;
  // Only a name the folder itself lists is opened: nothing a request spells can point elsewhere.
  // A link inside the folder could point anywhere, so only plain files are read.
  const entries = await readdir(dir);
  if (!entries.includes(file) || !(await lstat(join(dir, file))).isFile()) return null;
  return readFile(join(dir, file), 'utf8');
}

/** A stored version's text (the current one for null); null when source watch keeps none. */
async function versionText(db: Database, file: string, n: number | null): Promise<string | null> {
  const [row] = await db.read('sources/version-text', { file, n });
  return typeof row?.text === 'string' ? row.text : null;
}

/** The text uploaded with addSource, kept on the :Source node; null when none was. */
async function uploadedText(db: Database, file: string): Promise<string | null> {
  const [row] = await db.read('sources/get-source-text', { file });
  return typeof row?.text === 'string' ? row.text : null;
}
