// The change-set API's shapes (docs/curation.md, "Change sets"). The request schemas check
// the envelope; each operation's record is then checked by the seed's own schemas and the
// vocabulary (apply.ts), which name the field that is wrong.
import { z } from '../zod.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import { EntityId } from '../../seed/schema.ts';

const SourceFile = z.string().regex(/^[\w.-]+\.txt$/, 'expected a source file name such as 001_1c1597dd7120e666.txt');

export const Citation = z
  .object({
    file: SourceFile,
    lines: z
      .string()
      .regex(/^L\d+(-L\d+)?$/, 'expected lines as L12 or L12-L15')
      .optional(),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .openapi('Citation');
export type Citation = z.infer<typeof Citation>;

const SetValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
const Rev = z.number().int().min(0).openapi({ description: 'the `rev` of the element as it was read; a later change is a conflict' });
const RetireReason = z.string().trim().min(10, 'say why in at least 10 characters').max(2000);

export const Operation = z
  .discriminatedUnion('op', [
    z.object({
      op: z.literal('addNode'),
      node: z.object({ id: EntityId.optional(), label: NodeLabel, name: z.string().min(1) }).catchall(z.unknown()),
    }),
    z.object({
      op: z.literal('addTie'),
      tie: z.object({ id: EntityId.optional(), type: RelationshipType, from: EntityId, to: EntityId }).catchall(z.unknown()),
    }),
    z.object({ op: z.literal('updateNode'), id: EntityId, rev: Rev, set: z.record(z.string(), SetValue) }),
    z.object({ op: z.literal('updateTie'), id: EntityId, rev: Rev, set: z.record(z.string(), SetValue) }),
    z.object({ op: z.literal('retireNode'), id: EntityId, rev: Rev, reason: RetireReason }),
    z.object({ op: z.literal('retireTie'), id: EntityId, rev: Rev, reason: RetireReason }),
    z.object({
      op: z.literal('addSource'),
      source: z
        .object({
          file: SourceFile,
          title: z.string().min(1).max(500),
          publisher: z.string().min(1).max(500).optional(),
          date: z.string().max(40).optional(),
          url: z.url().max(2000).optional(),
        })
        .strict(),
      text: z.string().max(2_000_000, 'a source text may be at most 2 MB').optional(),
    }),
  ])
  .openapi('ChangeOperation');
export type Operation = z.infer<typeof Operation>;

export const ChangeSetInput = z
  .object({
    reason: z.string().trim().min(10, 'say why in at least 10 characters').max(2000),
    sources: z.array(Citation).min(1, 'cite at least one registered source').max(100),
    ops: z.array(Operation).min(1).max(5000),
  })
  .strict()
  .openapi('ChangeSetInput');
export type ChangeSetInput = z.infer<typeof ChangeSetInput>;

export const CHANGE_KINDS = ['edit', 'revert', 'seed', 'import', 'restore', 'source-update', 'review'] as const;

export const ChangeSetSummary = z
  .object({
    id: z.string(),
    version: z.number().int(),
    author: z.string(),
    authorRole: z.string().optional(),
    via: z.string().optional(),
    at: z.string(),
    reason: z.string(),
    kind: z.enum(CHANGE_KINDS),
    sources: z.array(Citation),
    opCount: z.number().int(),
    revertOf: z.string().optional(),
    revertsAlso: z
      .array(z.string())
      .optional()
      .openapi({ description: 'later change sets this revert undid together with `revertOf` (a revert `withLater`)' }),
  })
  .openapi('ChangeSetSummary');
export type ChangeSetSummary = z.infer<typeof ChangeSetSummary>;

const State = z
  .record(z.string(), z.unknown())
  .nullable()
  .openapi({ description: 'the element’s full state; null where it does not exist or is retired' });

export const OpEntry = z
  .object({
    seq: z.number().int(),
    elementId: z.string(),
    elementKind: z.enum(['node', 'tie', 'source']),
    action: z.string(),
    before: State,
    after: State,
  })
  .openapi('ChangeOperationRecord');

export const ChangeSetDetail = ChangeSetSummary.extend({ ops: z.array(OpEntry) }).openapi('ChangeSet');

/** A text written with only one of its two forms: accepted, and said (docs/model.md, "Two languages"). */
export const ChangeWarning = z
  .object({
    path: z.string().openapi({ description: 'where in the request, e.g. body.ops[0].tie.taskSv' }),
    element: z.string().openapi({ description: 'the node or tie it concerns' }),
    message: z.string().openapi({ description: 'in plain words, e.g. "The task has no Swedish form yet"' }),
  })
  .openapi('ChangeWarning');
export type ChangeWarning = z.infer<typeof ChangeWarning>;

export const ChangeSetResult = z
  .object({
    changeSet: ChangeSetSummary,
    elements: z.array(z.object({ id: z.string(), kind: z.enum(['node', 'tie', 'source']), action: z.string(), rev: z.number().int() })),
    warnings: z
      .array(ChangeWarning)
      .optional()
      .openapi({ description: 'Texts that have only one of their Swedish and English forms yet; the change was written all the same' }),
  })
  .openapi('ChangeSetResult');

/** "As recorded at": a version number, or an ISO moment (the last version at or before it). */
export const RecordedAt = z
  .string()
  .regex(
    /^(\d{1,9}|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?)$/,
    'expected a version number or an ISO moment such as 2026-11-30T12:00:00Z',
  )
  .refine((v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)), 'not a real moment')
  .optional()
  .openapi({
    description:
      'Answer from the graph as it was recorded at this version, or at an ISO moment (the last version made at or before it). A version after the current one, or a moment to come, is a 400.',
    example: '1',
  });

/** What an answer read as recorded at a version says about itself. */
export const RecordedAtAnswer = z
  .object({
    version: z.number().int().openapi({ description: 'The version answered' }),
    at: z.string().nullable().openapi({ description: 'When that version was made; null for version 0' }),
    undone: z.number().int().openapi({
      description:
        'How many operations made after that version were undone to answer, when the answer was made: an answer as recorded at a past version is kept for good (Cache-Control immutable) with its figure then. 0 when read from the recorded states (method layer): nothing is undone',
    }),
    method: z.enum(['layer', 'replay']).openapi({
      description:
        'How the answer was read: layer, from the recorded states of every element (a read transaction); replay, by undoing the later change sets in a transaction that is rolled back (versions before the recorded states were kept)',
    }),
    note: z
      .string()
      .optional()
      .openapi({ description: 'Where the answer may differ from what was answered then, and how (search: scores)' }),
  })
  .openapi('RecordedAtAnswer', { description: 'Present when the request gave recordedAt' });
