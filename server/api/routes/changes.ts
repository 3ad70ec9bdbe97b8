// Curation: change sets, their log, per-element history, revert and the version counter
// (docs/curation.md, "Change sets").
import type { Router } from 'express';
import { z } from '../../zod.ts';
import { actorOf } from '../../curation/actor.ts';
import { applyChangeSet } from '../../curation/apply.ts';
import { currentVersion, elementHistory, getChangeSet, listChanges } from '../../curation/log.ts';
import { revertChangeSet } from '../../curation/revert.ts';
import { ChangeSetDetail, ChangeSetInput, ChangeSetResult, ChangeSetSummary } from '../../curation/schemas.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const ChangeSetId = z.string().regex(/^cs-\d+$/, 'expected a change set id such as "cs-12"');
const ElementId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a node id or a tie’s fact id in kebab-case');
const State = z.record(z.string(), z.unknown()).nullable();

export const ChangeLog = z.object({ changes: z.array(ChangeSetSummary), next: z.number().int().nullable() });

export const ElementHistory = z.object({
  id: z.string(),
  entries: z.array(
    z.object({
      changeSet: ChangeSetSummary,
      elementKind: z.enum(['node', 'tie', 'source']),
      action: z.string(),
      before: State,
      after: State,
    }),
  ),
});

export const CurrentVersion = z.object({ version: z.number().int(), at: z.string().nullable() });

export function changeRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'post',
    path: '/api/changes',
    tag: 'curation',
    summary: 'Apply a change set: add, correct or retire nodes and ties, register sources (needs the write token)',
    description:
      'All operations are checked by the model’s schemas and vocabulary and applied in one transaction, or none is. Each edit names the `rev` it read; if the element changed since, the whole change set is refused with 409 and each element’s current state. A change needs a reason and at least one citation of a registered source. Records without their own `sources` take the cited lines, and without `evidence` the reason.',
    auth: 'write',
    body: ChangeSetInput,
    errors: {
      400: 'The change set is not valid: `details` names each field (e.g. body.ops[1].tie.certainty) and what was expected. Nothing was written.',
      404: 'An operation names an element that does not exist (`details` says which). Nothing was written.',
      409: 'An element changed after the `rev` the edit was based on, or was retired: `details[].current` holds its current state. Nothing was written.',
    },
    response: {
      description: 'The change set as recorded and the elements it wrote, each with its new `rev`',
      schema: ChangeSetResult,
      status: 201,
    },
    handler: ({ body }, ctx) =>
      applyChangeSet(ctx.services.db, body, actorOf(ctx), 'edit', { sourcesDir: ctx.services.config.SOURCES_DIR }),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/changes',
    tag: 'curation',
    summary: 'The change log, newest first',
    query: z.object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      before: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: 'only change sets below this version (the `next` of the previous page)' }),
      element: ElementId.optional().openapi({ description: 'only change sets that touched this node or tie' }),
    }),
    response: {
      description: 'A page of the change log and the `before` of the next page (null at the end)',
      schema: ChangeLog,
    },
    handler: ({ query }, { services: { db } }) => listChanges(db, query),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/changes/:id',
    tag: 'curation',
    summary: 'One change set with its operations (each element’s state before and after)',
    params: z.object({ id: ChangeSetId }),
    query: z.object({
      offset: z.coerce.number().int().min(0).max(100_000_000).default(0),
      limit: z.coerce.number().int().min(1).max(5000).default(1000).openapi({ description: 'operations per page; `opCount` is the total' }),
    }),
    errors: { 404: 'No change set with that id.' },
    response: { description: 'The change set with a page of its operations', schema: ChangeSetDetail },
    handler: ({ params, query }, { services: { db } }) => getChangeSet(db, params.id, query),
  });

  defineRoute(router, services, {
    method: 'post',
    path: '/api/changes/:id/revert',
    tag: 'curation',
    summary: 'Undo a change set, recorded as a new change set (needs the write token)',
    auth: 'write',
    params: z.object({ id: ChangeSetId }),
    description:
      'A revert compares states: when every element the change set touched is still as it left it, the revert goes through, whatever later change sets did in between (an edit undone since, for instance). So undoing in reverse order always finishes. With `withLater: true`, the later change sets that stand in the way are undone in the same change set.',
    body: z
      .object({
        reason: z.string().trim().min(10, 'say why in at least 10 characters').max(2000),
        withLater: z
          .boolean()
          .optional()
          .openapi({ description: 'also undo the later change sets that stand in the way, as one change set' }),
      })
      .strict(),
    errors: {
      404: 'No change set with that id.',
      409: 'A later change stands in the way: the message says who changed what and when, `details[].later` lists those change sets and `details[].current` the state now. Send `withLater: true` to undo them together. Nothing was written.',
    },
    response: { description: 'The new change set that undid it', schema: ChangeSetResult, status: 201 },
    handler: ({ params, body }, ctx) =>
      revertChangeSet(ctx.services.db, params.id, body.reason, actorOf(ctx), { withLater: body.withLater === true }),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/history/:id',
    tag: 'curation',
    summary: 'Every recorded change of one node or tie, newest first',
    params: z.object({ id: ElementId }),
    errors: { 404: 'No recorded change of that id.' },
    response: {
      description: 'The element’s history',
      schema: ElementHistory,
    },
    handler: ({ params }, { services: { db } }) => elementHistory(db, params.id),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/versions/current',
    tag: 'curation',
    summary: 'The graph’s current version (the last change set) and when it was applied',
    response: {
      description: 'The version; 0 and null before any change set',
      schema: CurrentVersion,
    },
    handler: (_input, { services: { db } }) => currentVersion(db),
  });
}
