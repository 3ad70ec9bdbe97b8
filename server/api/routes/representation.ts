import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Row } from '../../db/database.ts';
import { edgeData, ElementSet, nodeData } from '../../graph/elements.ts';
import { asOfSpan } from '../../model/dates.ts';
import { RepresentationCapacity } from '../../model/vocabulary.ts';
import { AsOf, EdgeData, EntityIdParam, GraphElementsSchema, intParam, NodeData } from '../schemas.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const RepresentationQuery = z.object({
  agent: EntityIdParam.optional(),
  principal: EntityIdParam.optional(),
  forum: EntityIdParam.optional(),
  capacity: RepresentationCapacity.optional(),
  asOf: AsOf,
  limit: intParam(1, 1000, 200),
});

const Representations = z
  .object({
    representations: z.array(
      z.object({
        agent: NodeData,
        principal: NodeData,
        forum: NodeData.nullable(),
        capacity: z.string().nullable(),
        validFrom: z.string().nullable(),
        validTo: z.string().nullable(),
        relationship: EdgeData,
      }),
    ),
    elements: GraphElementsSchema,
  })
  .openapi('Representations');

export function representationRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/representation',
    tag: 'questions',
    summary: 'Who represents whom, in which forum, in which capacity and when',
    description:
      'Any of agent, principal and forum may be left open. A principal also matches the bodies that are part of it: asking for Sweden finds those who speak for the Swedish government. The elements include the forum and the agent’s tie to it.',
    query: RepresentationQuery,
    response: { description: 'Representation ties', schema: Representations },
    handler: async ({ query }, { services: { db } }) => {
      const rows = await db.read('representation/find-representations', {
        agent: query.agent ?? null,
        principal: query.principal ?? null,
        forum: query.forum ?? null,
        capacity: query.capacity ?? null,
        limit: query.limit,
        ...asOfSpan(query.asOf),
      });
      const set = new ElementSet();
      const representations = rows.map((r) => {
        const rel = edgeData(r.relationship as Row);
        set.addNode(r.agent as Row);
        set.addNode(r.principal as Row);
        set.addNode(r.forum as Row | null);
        set.addEdge(r.relationship as Row);
        for (const tie of r.forumTies as Row[]) set.addEdge(tie);
        return {
          agent: nodeData(r.agent as Row),
          principal: nodeData(r.principal as Row),
          forum: r.forum ? nodeData(r.forum as Row) : null,
          capacity: (rel.capacity as string | undefined) ?? null,
          validFrom: (rel.validFrom as string | undefined) ?? null,
          validTo: (rel.validTo as string | undefined) ?? null,
          relationship: rel,
        };
      });
      return { representations, elements: set.toElements() };
    },
  });
}
