import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Row } from '../../db/database.ts';
import { edgeData, ElementSet, nodeData } from '../../graph/elements.ts';
import { pickRoutes, type Route, toRoute } from '../../graph/routes.ts';
import { nameOf, words } from '../../graph/summary.ts';
import { routeAsOf, routeSummary } from '../../graph/route-summary.ts';
import { AsOfCountsSchema } from '../as-of-schema.ts';
import { unknownNode } from '../../error-words.ts';
import { asOfSpan } from '../../model/dates.ts';
import {
  AsOf,
  Certainty,
  CertaintyFilter,
  EdgeData,
  EntityIdParam,
  GraphElementsSchema,
  intParam,
  Lang,
  NodeData,
  RecordedAt,
  RecordedAtAnswer,
  SummarySchema,
  TypeList,
} from '../schemas.ts';
import { asRecorded } from '../../curation/recorded.ts';
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
  certainty: CertaintyFilter,
  lang: Lang,
  limit: intParam(1, 100, 25),
  recordedAt: RecordedAt,
});

export const RouteSchema = z
  .object({
    nodes: z.array(NodeData),
    relationships: z.array(EdgeData),
    kinds: z.array(z.string()).openapi({ description: 'The relationship types the route uses' }),
    length: z.number(),
    certainty: Certainty.nullable().openapi({ description: 'The weakest certainty along the route' }),
    named: z
      .object({ chain: z.string(), subject: z.string().nullable(), reversed: z.boolean() })
      .nullable()
      .openapi({ description: 'A named process (FORWARDS_REQUESTS_TO hops sharing one chain); reversed: it runs from `to` to `from`' }),
  })
  .openapi('Route');

export const Paths = z
  .object({
    from: NodeData,
    to: NodeData,
    paths: z.array(RouteSchema),
    groups: z.array(z.object({ kinds: z.array(z.string()), paths: z.array(z.number()) })).openapi({
      description: 'The routes grouped by the kinds of ties they use; `paths` are indexes into `paths`',
    }),
    elements: GraphElementsSchema,
    summary: SummarySchema,
    asOf: AsOfCountsSchema.nullable().openapi({
      description:
        'As of a date: the first route’s steps held then and with dates not given (ties dated elsewhere take no part); null without asOf',
    }),
    recordedAt: RecordedAtAnswer.optional(),
  })
  .openapi('Paths');

export function pathRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/paths',
    tag: 'questions',
    summary: 'Routes between two nodes: named processes, then the k shortest paths with variety',
    description:
      'Named processes (a chain of “forwards requests to” hops that joins the two ends) come first without choosing a type; then a varied pick from the shortest paths, grouped by the kinds of ties they use: all the shortest when nothing is filtered, with detours one tie longer around them (a tie u–v replaced by u–w–v, where neither u nor v is a hub of more than 50 ties), the 24 shortest (SHORTEST k, longer ones too) when `types`, `asOf` or `certainty=stated` narrow the question. From a node to itself the answer is one route of length 0: the node alone. With `asOf`, ties dated out of that time take no part and the rest carry timeStatus; with `directed=true`, only paths that follow each tie’s direction; `certainty=stated` uses stated facts only.',
    query: PathsQuery,
    errors: { 404: 'No node with the id in `from` or `to`; `details` says which.' },
    response: { description: 'The routes, each as ordered nodes and relationships, plus their union as elements', schema: Paths },
    handler: async ({ query }, { services }) =>
      asRecorded(services.db, query.recordedAt, 'query.recordedAt', async (db) => {
        // From a node to itself the one route is the node alone: no tie to follow, so types,
        // direction and asOf cannot rule it out.
        if (query.from === query.to) {
          const [end] = await db.read('nodes/nodes-by-ids', { ids: [query.from] });
          if (!end) throw unknownNode('query.from', query.from);
          const node = nodeData(end.node as Row);
          const set = new ElementSet();
          set.addNode(end.node as Row);
          return {
            from: node,
            to: node,
            paths: [toRoute([node], [], null)],
            groups: [{ kinds: [], paths: [0] }],
            elements: set.toElements(),
            summary: { text: words(query.lang).samePlace(nameOf(node, query.lang)), citations: [], documents: [] },
            asOf: query.asOf ? routeAsOf(undefined, query.asOf) : null,
          };
        }
        const span = asOfSpan(query.asOf);
        const stated = query.certainty === 'stated';
        const filtered = Boolean(query.types) || stated || span.asOfStart !== null;
        const search = filtered
          ? query.directed
            ? 'paths/k-shortest-filtered-directed'
            : 'paths/k-shortest-filtered'
          : query.directed
            ? 'paths/k-shortest-directed'
            : 'paths/k-shortest';
        // A named process is looked for only when the type filter lets its ties through.
        const named = !query.types || query.types.includes('FORWARDS_REQUESTS_TO');
        const [row] = await db.read(search, {
          from: query.from,
          to: query.to,
          types: query.types ?? null,
          maxDepth: query.maxDepth,
          limit: query.limit,
          stated,
          named,
          ...span,
        });
        if (!row?.from || !row.to) {
          // The search gives no row at all when an end is unknown: ask which one it is.
          const known = new Set((await db.read('nodes/nodes-by-ids', { ids: [query.from, query.to] })).map((r) => (r.node as Row).id));
          const [path, id] = !known.has(query.from) ? ['query.from', query.from] : ['query.to', query.to];
          throw unknownNode(path, id);
        }
        // Routes arrive as ids with each node and tie once beside them: pick on the ids, then
        // fill in the picked routes.
        type IdRoute = { nodes: string[]; relationships: string[]; chain?: string; subject?: string | null; reversed?: boolean };
        const nodeById = new Map((row.nodes as Row[]).map((n) => [String(n.id), nodeData(n)]));
        const edgeByElement = new Map((row.relationships as Row[]).map(({ elementId, ...r }) => [String(elementId), edgeData(r)]));
        const full = (r: IdRoute, namedAs: Route['named'] = null) =>
          toRoute(
            r.nodes.map((id) => nodeById.get(id) ?? { id, label: '', name: id }),
            r.relationships.map((id) => edgeByElement.get(id) ?? { id, type: '', source: '', target: '' }),
            namedAs,
          );
        const namedRoutes = (row.named as IdRoute[])
          .filter((r) => !(query.directed && r.reversed))
          .map((r) => full(r, { chain: String(r.chain), subject: r.subject ?? null, reversed: Boolean(r.reversed) }));
        const picked = pickRoutes(
          namedRoutes,
          (row.candidates as IdRoute[]).map((r) => full(r)),
          query.limit,
        );
        const routes = picked.routes;
        const groups = picked.groups;
        const set = new ElementSet();
        for (const route of routes) {
          for (const n of route.nodes) set.addNode(n as Row);
          for (const e of route.relationships) set.addEdgeData(e);
        }
        const fromNode = nodeData(row.from as Row);
        const toNode = nodeData(row.to as Row);
        const asOf = query.asOf ? routeAsOf(routes[0], query.asOf) : null;
        return {
          from: fromNode,
          to: toNode,
          paths: routes,
          groups,
          elements: set.toElements(),
          summary: await routeSummary(db, fromNode, toNode, routes, query.lang, asOf),
          asOf,
        };
      }),
  });
}
