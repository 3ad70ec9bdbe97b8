import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Row } from '../../db/database.ts';
import { edgeData, ElementSet, nodeData, type NodeData as NodeDataT } from '../../graph/elements.ts';
import { pickRoutes, type Route, toRoute } from '../../graph/routes.ts';
import { factsSentence, nameOf, words, type Fact } from '../../graph/summary.ts';
import { trustOf } from '../../graph/trust.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
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
  SummarySchema,
  TypeList,
} from '../schemas.ts';
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
});

const RouteSchema = z
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

const Paths = z
  .object({
    from: NodeData,
    to: NodeData,
    paths: z.array(RouteSchema),
    groups: z.array(z.object({ kinds: z.array(z.string()), paths: z.array(z.number()) })).openapi({
      description: 'The routes grouped by the kinds of ties they use; `paths` are indexes into `paths`',
    }),
    elements: GraphElementsSchema,
    summary: SummarySchema,
  })
  .openapi('Paths');

export function pathRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/paths',
    tag: 'questions',
    summary: 'Routes between two nodes: named processes, then the k shortest paths with variety',
    description:
      'Named processes (a chain of “forwards requests to” hops that joins the two ends) come first without choosing a type; then a varied pick from the 24 shortest paths (SHORTEST k), grouped by the kinds of ties they use. With `asOf`, ties dated out of that time take no part and the rest carry timeStatus; with `directed=true`, only paths that follow each tie’s direction; `certainty=stated` uses stated facts only.',
    query: PathsQuery,
    response: { description: 'The routes, each as ordered nodes and relationships, plus their union as elements', schema: Paths },
    handler: async ({ query }, { services: { db } }) => {
      if (query.from === query.to) {
        throw new ValidationError('A path needs two different nodes.', [{ path: 'query.to', message: 'must differ from query.from' }]);
      }
      const ends = await db.read('nodes/nodes-by-ids', { ids: [query.from, query.to] });
      const from = ends.find((r) => (r.node as Row).id === query.from);
      const to = ends.find((r) => (r.node as Row).id === query.to);
      if (!from || !to) {
        const [path, id] = !from ? ['query.from', query.from] : ['query.to', query.to];
        throw new NotFoundError(`No node with id "${id}".`, [{ path, message: 'unknown id' }]);
      }
      const span = asOfSpan(query.asOf);
      const stated = query.certainty === 'stated';
      // A named process is looked for only when the type filter lets its ties through.
      const wantNamed = !query.types || query.types.includes('FORWARDS_REQUESTS_TO');
      const [rows, namedRows] = await Promise.all([
        db.read(query.directed ? 'paths/k-shortest-directed' : 'paths/k-shortest', {
          from: query.from,
          to: query.to,
          types: query.types ?? null,
          maxDepth: query.maxDepth,
          stated,
          ...span,
        }),
        wantNamed ? db.read('paths/named-routes', { from: query.from, to: query.to, stated, limit: 5, ...span }) : Promise.resolve([]),
      ]);
      const asRoute = (r: Row, named: Route['named'] = null) =>
        toRoute((r.nodes as Row[]).map(nodeData), (r.relationships as Row[]).map(edgeData), named);
      const named = namedRows
        .filter((r) => !(query.directed && r.reversed))
        .map((r) => asRoute(r, { chain: String(r.chain), subject: (r.subject as string | null) ?? null, reversed: Boolean(r.reversed) }));
      const { routes, groups } = pickRoutes(
        named,
        rows.map((r) => asRoute(r)),
        query.limit,
      );
      const set = new ElementSet();
      for (const route of routes) {
        for (const n of route.nodes) set.addNode(n as Row);
        for (const e of route.relationships) set.addEdgeData(e);
      }
      const fromNode = nodeData(from.node as Row);
      const toNode = nodeData(to.node as Row);
      return {
        from: fromNode,
        to: toNode,
        paths: routes,
        groups,
        elements: set.toElements(),
        summary: routeSummary(fromNode, toNode, routes, query.lang),
      };
    },
  });
}

/** "3 routes from A to B; the first: the named process …: A forwards requests to C; …" */
function routeSummary(from: NodeDataT, to: NodeDataT, routes: Route[], lang: 'en' | 'sv') {
  const w = words(lang);
  if (!routes.length) return { text: w.noPaths(nameOf(from, lang), nameOf(to, lang)), citations: [] };
  const first = routes[0]!;
  const byId = new Map(first.nodes.map((n) => [n.id, n]));
  const facts: Fact[] = first.relationships.map((e) => {
    const t = trustOf(e);
    return {
      subject: byId.get(e.source) ?? { id: e.source, label: '', name: e.source },
      type: e.type,
      object: byId.get(e.target) ?? { id: e.target, label: '', name: e.target },
      certainty: t.certainty,
      hedge: t.hedge,
      inferredFrom: t.inferredFrom,
      outsideKnowledge: t.outsideKnowledge,
      validFrom: t.validFrom,
      validTo: t.validTo,
      attested: t.attested,
      ...(e.timeStatus === 'valid' || e.timeStatus === 'attested' || e.timeStatus === 'undated' ? { timeStatus: e.timeStatus } : {}),
      sources: t.sources,
    };
  });
  const lead =
    w.pathsIntro(nameOf(from, lang), nameOf(to, lang), routes.length) +
    (first.named ? w.named(first.named.subject ?? first.named.chain) : '');
  return factsSentence(facts, lang, 10, lead);
}
