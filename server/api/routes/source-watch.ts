// Source watch (docs/curation.md, "Source watch (as built)"): a new text of a registered
// document, the review queue of the facts whose cited lines it changed, and an editor's answer
// to one of them. Each write is one change set ('source-update', 'review').
import type { Router } from 'express';
import { z } from '../../zod.ts';
import { actorOf } from '../../curation/actor.ts';
import { listReview, resolveReview, ReviewAction, ReviewList } from '../../curation/review.ts';
import { ChangeSetSummary } from '../../curation/schemas.ts';
import { updateSource } from '../../curation/source-watch.ts';
import { Lang } from '../schemas.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { FileParams } from './sources.ts';

const SourceUpdate = z
  .object({
    text: z.string().min(1, 'the new text of the document').max(2_000_000, 'a source text may be at most 2 MB'),
    reason: z.string().trim().min(10, 'say why in at least 10 characters').max(2000),
  })
  .strict()
  .openapi('SourceUpdateInput');

export const SourceUpdateResult = z
  .object({
    changeSet: z.object({ id: z.string(), version: z.number().int() }),
    source: z.object({ file: z.string(), version: z.number().int().openapi({ description: 'the version the new text became' }) }),
    moved: z.number().int().openapi({ description: 'facts whose cited lines only moved: their citations were re-pointed' }),
    flagged: z.number().int().openapi({ description: 'facts whose cited lines changed or went: flagged for review' }),
    unchanged: z.number().int().openapi({ description: 'facts citing the document whose lines stayed where they were' }),
    differentDocument: z.boolean().openapi({ description: 'most lines differ: every citing fact was flagged and none moved' }),
  })
  .openapi('SourceUpdateResult');

export function sourceWatchRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'post',
    path: '/api/sources/:file/versions',
    tag: 'curation',
    summary: 'Register a new text of a source document: moved citations follow it, changed ones are flagged for review',
    description:
      'One change set of kind `source-update`: the new text becomes the document’s next version (the old one is kept). Every fact citing the document is compared line by line: lines that only moved are re-pointed, facts whose cited lines changed or went are flagged (`sourceChanged`) and listed at GET /api/review. When most lines differ, every citing fact is flagged and nothing is moved.',
    auth: 'editor',
    params: FileParams,
    body: SourceUpdate,
    errors: {
      400: 'The text is empty, too long or the same as the current version, or the reason is missing. Nothing was written.',
      404: 'No registered source document of that name. Nothing was written.',
    },
    response: {
      description: 'The change set, the new version and what happened to the citing facts',
      schema: SourceUpdateResult,
      status: 201,
    },
    handler: ({ params, body }, ctx) =>
      updateSource(ctx.services.db, { file: params.file, ...body }, actorOf(ctx), { sourcesDir: ctx.services.config.SOURCES_DIR }),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/review',
    tag: 'curation',
    summary: 'Facts waiting for review because a new text of their document changed the cited lines',
    description:
      'One item per flagged citation, with the old lines and the lines of the current text that stand where they stood (none when the passage went). Titles and document names are in the language asked for.',
    query: z.object({ lang: Lang }),
    response: { description: 'The review queue', schema: ReviewList },
    handler: ({ query }, { services: { db, config } }) => listReview(db, query.lang, config.SOURCES_DIR),
  });

  defineRoute(router, services, {
    method: 'post',
    path: '/api/review/:kind/:id',
    tag: 'curation',
    summary: 'Settle a flagged fact: confirm it with lines of the current text, or retire it',
    description:
      'One change set of kind `review`, checked like every edit. `rev` is the fact’s `rev` from the queue: when someone changed or resolved it since, the answer is 409 and nothing is written. To correct the fact itself, use POST /api/changes; a correction citing the current text clears the flag too.',
    auth: 'editor',
    params: z.object({
      kind: z.enum(['node', 'tie']),
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a node id or a tie’s fact id in kebab-case'),
    }),
    body: ReviewAction,
    errors: {
      400: 'The body is not valid, or the new lines are not in the current text (`details` says where). Nothing was written.',
      404: 'No such live node or tie.',
      409: 'The fact changed since it was read (it may have been resolved already), or it is not waiting for review. Nothing was written.',
    },
    response: { description: 'The review change set', schema: z.object({ changeSet: ChangeSetSummary }), status: 201 },
    handler: ({ params, body }, ctx) =>
      resolveReview(ctx.services.db, params.kind, params.id, body, actorOf(ctx), ctx.services.config.SOURCES_DIR),
  });
}
