// The API's building blocks as zod schemas: request parts are parsed with them and the
// OpenAPI document is generated from them.
import { z } from '../zod.ts';
import { PartialDate } from '../model/dates.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'BAD_REQUEST' }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
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
    status: z.enum(['stated', 'inferred']).optional(),
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
