import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Row } from '../../db/database.ts';
import { edgeData, ElementSet, nodeData } from '../../graph/elements.ts';
import { NotFoundError } from '../../errors.ts';
import { asOfSpan } from '../../model/dates.ts';
import { AsOf, EdgeData, EntityIdParam, GraphElementsSchema, intParam, NodeData, TypeList } from '../schemas.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const PathsQuery = z.object({
  from: EntityIdParam,
  to: EntityIdParam,
  types: TypeList,
  maxDepth: intParam(1, 10, 6),
  directed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .openapi({ description: 'true: follow each relationship only in its direction (how a request travels)' }),
  asOf: AsOf,
  limit: intParam(1, 100, 25),
});

const Paths = z
  .object({
    from: NodeData,
    to: NodeData,
    paths: z.array(z.object({ nodes: z.array(NodeData), relationships: z.array(EdgeData) })),
    elements: GraphElementsSchema,
  })
  .openapi('Paths');

export function pathRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/paths',
    tag: 'questions',
    summary: 'All shortest paths between two nodes',
    description:
      'With `asOf`, only relationships valid then take part; with `directed=true`, only paths that follow each tie’s direction. From a node to itself the answer is one path of length 0: the node alone.',
    query: PathsQuery,
    errors: { 404: 'No node with the id in `from` or `to`; `details` says which.' },
    response: { description: 'The paths, each as ordered nodes and relationships, plus their union as elements', schema: Paths },
    handler: async ({ query }, { services: { db } }) => {
      const ends = await db.read('nodes/nodes-by-ids', { ids: [query.from, query.to] });
      const from = ends.find((r) => (r.node as Row).id === query.from);
      const to = ends.find((r) => (r.node as Row).id === query.to);
      if (!from || !to) {
        const [path, id] = !from ? ['query.from', query.from] : ['query.to', query.to];
        throw new NotFoundError(`No node with id "${id}".`, [{ path, message: 'unknown id' }]);
      }
      // From a node to itself the one shortest path is the node alone: no relationship to
      // follow, so types, direction and asOf cannot rule it out.
      if (query.from === query.to) {
        const set = new ElementSet();
        set.addNode(from.node as Row);
        const node = nodeData(from.node as Row);
        return { from: node, to: node, paths: [{ nodes: [node], relationships: [] }], elements: set.toElements() };
      }
      const rows = await db.read(query.directed ? 'paths/shortest-paths-directed' : 'paths/shortest-paths', {
        from: query.from,
        to: query.to,
        types: query.types ?? null,
        maxDepth: query.maxDepth,
        limit: query.limit,
        ...asOfSpan(query.asOf),
      });
      const set = new ElementSet();
      const paths = rows.map((r) => {
        const nodes = (r.nodes as Row[]).map((n) => (set.addNode(n), nodeData(n)));
        const relationships = (r.relationships as Row[]).map((e) => (set.addEdge(e), edgeData(e)));
        return { nodes, relationships };
      });
      return { from: nodeData(from.node as Row), to: nodeData(to.node as Row), paths, elements: set.toElements() };
    },
  });
}
