// The API's building blocks as zod schemas: request parts are parsed with them and the
// OpenAPI document is generated from them.
import { z } from '../zod.ts';
import { PartialDate } from '../model/dates.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import { BASIS_KINDS, CERTAINTIES, TIME_STATUSES } from '../graph/trust.ts';
import { LANGS } from '../graph/summary.ts';
import { DocumentRefSchema } from '../graph/documents.ts';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'BAD_REQUEST' }),
      message: z.string(),
      details: z.array(
        z.object({
          path: z.string(),
          message: z.string(),
          /** On a conflict: the element's state now (null when retired), to edit again from. */
          current: z.unknown().optional(),
          /** On a refused revert: the later change sets in the way and the element named in words. */
          later: z.unknown().optional(),
          element: z.unknown().optional(),
          /** What is wrong as a code and its values (citation checks), for a client's own words. */
          problem: z.unknown().optional(),
        }),
      ),
    }),
  })
  .openapi('Error');

export const EntityIdParam = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a node id in kebab-case, e.g. "socialstyrelsen"')
  .max(200)
  .openapi({ example: 'socialstyrelsen' });

/**
 * A comma-separated (or repeated) query parameter as a list of vocabulary values. Documented
 * as `style: form, explode: false`, OpenAPI's name for comma-separated. An empty value is an
 * error, as it is for every other parameter: leave the parameter out for "no filter".
 */
function csvList<T extends z.ZodType>(item: T, what: string) {
  return z
    .preprocess(
      (v) => {
        if (v === undefined) return undefined;
        const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(','));
        return parts.map((s) => s.trim()).filter(Boolean);
      },
      z.array(item).min(1, `give at least one ${what}, or leave the parameter out`).max(50, `at most 50 ${what}s`).optional(),
    )
    .openapi({ param: { style: 'form', explode: false } });
}

export const LabelList = csvList(NodeLabel, 'label').openapi({ description: 'Comma-separated labels, e.g. Agency,Ministry' });
export const TypeList = csvList(RelationshipType, 'relationship type').openapi({
  description: 'Comma-separated relationship types, e.g. REPRESENTS,MEMBER_OF',
});

/** "As of" a year, month or day: only relationships valid during that span take part. */
export const AsOf = PartialDate.optional().openapi({ description: 'YYYY, YYYY-MM or YYYY-MM-DD', example: '2016' });

export const intParam = (min: number, max: number, fallback: number) => {
  const expected = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number(expected).int(expected).min(min, expected).max(max, expected).default(fallback);
};

/** The version of the change set that last wrote the element; an edit sends it back (docs/curation.md). */
const REV = z
  .number()
  .int()
  .optional()
  .openapi({ description: 'version of the change set that last wrote this element; send it back with an edit' });

/** A change still to come, and source watch's mark, on nodes and ties alike. */
const WATCH_FIELDS = {
  planned: z.boolean().optional().openapi({ description: 'A change still to come, recorded as planned: never held yet' }),
  review: z.string().optional().openapi({ description: 'source-changed: the cited lines changed in a newer text of the document' }),
  sourceChanged: z.boolean().optional().openapi({ description: 'true when review is source-changed' }),
};

const NodeDataSchema = z
  .object({
    id: z.string(),
    label: NodeLabel,
    name: z.string(),
    nameEn: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    description: z.string().optional(),
    sources: z.array(z.string()).optional(),
    evidence: z.string().optional(),
    certainty: z.enum(CERTAINTIES).optional(),
    hedge: z.string().optional(),
    inferredFrom: z.array(z.string()).optional(),
    outsideKnowledge: z.string().optional(),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    ...WATCH_FIELDS,
    rev: REV,
  })
  .catchall(z.unknown())
  .openapi('NodeData');

const EdgeDataSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: RelationshipType,
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    sources: z.array(z.string()).optional(),
    evidence: z.string().optional(),
    factId: z.string().optional().openapi({ description: 'The fact id (`id` of the relationship) that bases and inferredFrom refer to' }),
    certainty: z.enum(CERTAINTIES).optional(),
    hedge: z.string().optional().openapi({ description: 'The source’s hedge words with an English gloss, when certainty is hedged' }),
    inferredFrom: z.array(z.string()).optional(),
    outsideKnowledge: z.string().optional(),
    basisKind: z.enum(BASIS_KINDS).optional(),
    basisRef: z.string().optional(),
    basisNote: z.string().optional(),
    basisCertainty: z.enum(CERTAINTIES).optional(),
    scope: z.enum(['some', 'each']).optional(),
    attested: z.string().optional().openapi({ description: 'Earliest date a source document reports the fact' }),
    timeStatus: z.enum(TIME_STATUSES).optional().openapi({ description: 'In an as-of answer: valid, attested or undated' }),
    // The qualifiers a tie of some types carries (server/model/vocabulary.ts says which).
    forum: z.string().optional().openapi({ description: 'The forum node’s id (REPRESENTS, PARTICIPATES_IN)' }),
    capacity: z.string().optional(),
    principal: z.string().optional().openapi({ description: 'The principal node’s id (LEADS_DELEGATION)' }),
    task: z.string().optional(),
    subject: z.string().optional(),
    role: z.string().optional(),
    agreement: z.string().optional(),
    chain: z.string().optional(),
    step: z.number().optional(),
    ...WATCH_FIELDS,
    rev: REV,
  })
  .catchall(z.unknown())
  .openapi('EdgeData');

export const NodeData = NodeDataSchema;
export const EdgeData = EdgeDataSchema;

export const GraphElementsSchema = z
  .object({
    nodes: z.array(z.object({ data: NodeDataSchema })),
    edges: z.array(z.object({ data: EdgeDataSchema })),
  })
  .openapi('GraphElements', { description: 'Elements ready for cytoscape.add()' });

/** `certainty=stated`: only facts the sources state (hedged and inferred ones are dropped). */
export const CertaintyFilter = z
  .enum(['stated', 'any'])
  .default('any')
  .openapi({ description: '`stated`: only facts the sources state; hedged and inferred facts are left out' });

export { RecordedAt, RecordedAtAnswer } from '../curation/schemas.ts';

export const Lang = z.enum(LANGS).default('en').openapi({ description: 'Language of the summary sentence' });

export const Certainty = z.enum(CERTAINTIES).openapi('Certainty');
export const TimeStatus = z.enum(TIME_STATUSES).openapi('TimeStatus', {
  description: 'valid: its dates place it then; attested: undated, but a document of that time reports it; undated: dates not given',
});

/**
 * A registered schema or null. zod-to-openapi turns `.nullable()` on a registered schema into
 * `allOf: [$ref, {type: [object, null]}]` (or a bare `$ref`), which no null can satisfy; a
 * union becomes `anyOf: [$ref, {type: null}]`, which says what the server sends.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const BasisSchema = z
  .object({
    kind: z.enum(BASIS_KINDS),
    ref: z.string().nullable(),
    note: z.string().nullable(),
    certainty: Certainty.nullable(),
  })
  .openapi('Basis', { description: 'What an act of authority rests on; kind not-stated means the sources give no basis' });

export const SummarySchema = z
  .object({
    text: z.string(),
    citations: z.array(z.string()).openapi({ description: 'The references the text cites, whole, for opening their lines' }),
    documents: z
      .array(DocumentRefSchema)
      .openapi({ description: 'The documents cited, as a reader names them: the list below the answer' }),
  })
  .openapi('Summary', { description: 'One plain sentence that says no more than the facts, with its citations' });

/** The trust fields every hop and row carries. */
export const TrustFields = {
  factId: z.string().nullable(),
  certainty: Certainty.nullable(),
  hedge: z.string().nullable(),
  inferredFrom: z.array(z.string()),
  outsideKnowledge: z.string().nullable(),
  sources: z.array(z.string()),
  evidence: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  attested: z.string().nullable(),
  timeStatus: TimeStatus.optional(),
};
