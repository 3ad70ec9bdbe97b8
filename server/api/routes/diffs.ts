// Comparing the graph across time (diffs between versions or valid dates) and saved views
// pinned to a version (docs/curation.md).
import type { Router } from 'express';
import { z } from '../../zod.ts';
import { ValidationError } from '../../errors.ts';
import { withWords } from '../../error-words.ts';
import { AsOfCountsSchema } from '../as-of-schema.ts';
import { PartialDate } from '../../model/dates.ts';
import { actorOf } from '../../curation/actor.ts';
import { DIFF_PAGE, diffDates, diffVersions } from '../../curation/diff.ts';
import { currentVersion } from '../../curation/log.ts';
import { getView, listViews, saveView } from '../../curation/views.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const Version = z.coerce.number().int().min(0);
const State = z.record(z.string(), z.unknown()).nullable();
export const DiffItem = z
  .object({ id: z.string(), kind: z.enum(['node', 'tie']), before: State, after: State, fields: z.array(z.string()).optional() })
  .openapi('DiffItem');
export const DiffAnswer = z
  .object({
    mode: z.enum(['versions', 'dates']),
    from: z.union([z.number(), z.string()]),
    to: z.union([z.number(), z.string()]),
    around: z.string().nullable(),
    added: z.array(DiffItem),
    retired: z.array(DiffItem),
    changed: z.array(DiffItem),
    counts: z.object({ added: z.number().int(), retired: z.number().int(), changed: z.number().int() }).optional().openapi({
      description:
        'versions only: how many elements each list has in all; `changed` counts elements whose recorded state differs, an upper bound of those listed (one changed and changed back is not listed)',
    }),
    truncated: z.boolean().optional().openapi({ description: 'versions only: a list holds more than offset + limit elements' }),
    asOf: z
      .object({ from: AsOfCountsSchema, to: AsOfCountsSchema })
      .optional()
      .openapi({ description: 'dates only: the ties of the node at each date, in the three groups of an as-of answer' }),
    undated: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'dates only: ties whose dates are not given, which a comparison of dates cannot place at either date' }),
    offset: z.number().int().optional(),
    limit: z.number().int().optional(),
  })
  .openapi('Diff');

export const View = z
  .object({
    id: z.string(),
    name: z.string(),
    link: z.string(),
    version: z.number().int(),
    author: z.string(),
    createdAt: z.string(),
  })
  .openapi('SavedView');
export const ViewWithChanges = View.extend({
  changesSince: z.number().int().openapi({ description: 'change sets applied after the view was saved' }),
  currentVersion: z.number().int(),
  diff: z.string().openapi({ description: 'the diff query from the view’s version to the current one' }),
}).openapi('SavedViewWithChanges');

export function diffRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/diff',
    tag: 'curation',
    summary: 'What differs between two versions, or between two valid dates around a node',
    description:
      'Versions: from and to (to defaults to the current version), optionally around a node id (the node and its ties); each list is paged by offset and limit (default 1000, at most 5000), with counts of each in all and truncated when a list goes on. Dates: fromDate and toDate (partial dates) with around: the ties of that node that hold at one date and not at the other; undated ties hold at both and are never listed.',
    query: z.object({
      from: Version.optional(),
      to: Version.optional(),
      fromDate: PartialDate.optional(),
      toDate: PartialDate.optional(),
      around: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a node id in kebab-case')
        .optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(DIFF_PAGE.max).default(DIFF_PAGE.default),
    }),
    errors: { 400: 'Give either from (and to) versions, or fromDate, toDate and around; `details` says what is missing.' },
    response: { description: 'Added, retired and changed elements', schema: DiffAnswer },
    handler: async ({ query }, { services: { db } }) => {
      const around = query.around ?? null;
      if (query.fromDate !== undefined || query.toDate !== undefined) {
        const missing = (['fromDate', 'toDate', 'around'] as const).filter((k) => query[k] === undefined);
        if (missing.length)
          throw withWords(
            new ValidationError(
              '',
              missing.map((k) => ({ path: `query.${k}`, message: 'required' })),
            ),
            {
              en: 'A comparison of dates needs both dates and the node to compare around.',
              sv: 'En jämförelse av datum behöver båda datumen och noden att jämföra kring.',
            },
          );
        const diff = await diffDates(db, query.fromDate as string, query.toDate as string, query.around as string);
        return { mode: 'dates', from: query.fromDate, to: query.toDate, around, ...diff };
      }
      if (query.from === undefined)
        throw withWords(new ValidationError('', [{ path: 'query.from', message: 'required' }]), {
          en: 'Give the first version to compare, or two dates and the node to compare around.',
          sv: 'Ange den första versionen att jämföra, eller två datum och noden att jämföra kring.',
        });
      const to = query.to ?? (await currentVersion(db)).version;
      if (to < query.from)
        throw withWords(new ValidationError('', [{ path: 'query.to', message: `expected at least ${query.from}` }]), {
          en: 'The second version comes before the first: give the earlier one first.',
          sv: 'Den andra versionen kommer före den första: ange den tidigare först.',
        });
      const page = { offset: query.offset, limit: query.limit };
      return { mode: 'versions', from: query.from, to, around, ...page, ...(await diffVersions(db, query.from, to, query.around, page)) };
    },
  });

  defineRoute(router, services, {
    method: 'post',
    path: '/api/views',
    tag: 'curation',
    summary: 'Save a view (a name and the explorer link), pinned to the current version (needs the write token)',
    auth: 'write',
    body: z
      .object({
        name: z.string().trim().min(1).max(200),
        link: z.string().min(1).max(4000).openapi({ description: 'the explorer URL (or its query) that opens the view' }),
      })
      .strict(),
    response: { description: 'The saved view', schema: View, status: 201 },
    handler: ({ body }, ctx) => saveView(ctx.services.db, body, actorOf(ctx)),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/views',
    tag: 'curation',
    summary: 'Saved views, newest first, each with the number of change sets since it was saved',
    // Saving a view is not a change set and does not move the version.
    cache: false,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
    response: { description: 'The views', schema: z.object({ views: z.array(ViewWithChanges) }) },
    handler: ({ query }, { services: { db } }) => listViews(db, query.limit),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/views/:id',
    tag: 'curation',
    summary: 'One saved view with the number of change sets since it was saved and the diff query',
    params: z.object({ id: z.string().regex(/^view-[0-9a-f]{12}$/, 'expected a view id such as "view-0123456789ab"') }),
    errors: { 404: 'No saved view with that id.' },
    response: { description: 'The view', schema: ViewWithChanges },
    handler: ({ params }, { services: { db } }) => getView(db, params.id),
  });
}
