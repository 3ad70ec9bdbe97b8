import type { Router } from 'express';
import { z } from '../../zod.ts';
import {
  LABEL_DESCRIPTIONS,
  NODE_LABELS,
  NodeLabel,
  RELATIONSHIP_RULES,
  RELATIONSHIP_TYPES,
  RelationshipType,
  REPRESENTATION_CAPACITIES,
} from '../../model/vocabulary.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

export const GraphSchema = z
  .object({
    labels: z.array(z.object({ label: NodeLabel, description: z.string(), count: z.number() })),
    relationshipTypes: z.array(
      z.object({
        type: RelationshipType,
        description: z.string(),
        example: z.string(),
        from: z.array(NodeLabel),
        to: z.array(NodeLabel),
        qualifiers: z.array(z.string()),
        count: z.number(),
      }),
    ),
    representationCapacities: z.array(z.string()),
  })
  .openapi('GraphSchema');

export function schemaRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/schema',
    tag: 'graph',
    summary: 'Labels and relationship types with counts and descriptions',
    description: 'What the model can say and how much of it the graph holds: for legends and filters.',
    response: { description: 'The model and its counts', schema: GraphSchema },
    handler: async (_input, { services: { db } }) => {
      const [labelRows, typeRows] = await Promise.all([db.read('schema/label-counts'), db.read('schema/type-counts')]);
      const labelCount = new Map(labelRows.map((r) => [String(r.label), Number(r.count)]));
      const typeCount = new Map(typeRows.map((r) => [String(r.type), Number(r.count)]));
      return {
        labels: NODE_LABELS.map((label) => ({ label, description: LABEL_DESCRIPTIONS[label], count: labelCount.get(label) ?? 0 })),
        relationshipTypes: RELATIONSHIP_TYPES.map((type) => {
          const rule = RELATIONSHIP_RULES[type];
          return {
            type,
            description: rule.description,
            example: rule.example,
            from: rule.from,
            to: rule.to,
            qualifiers: rule.qualifiers ?? [],
            count: typeCount.get(type) ?? 0,
          };
        }),
        representationCapacities: [...REPRESENTATION_CAPACITIES],
      };
    },
  });
}
