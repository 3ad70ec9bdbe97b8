import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Row } from '../../db/database.ts';
import { byId, edgeData, ElementSet, nodeData } from '../../graph/elements.ts';
import { mandateChain } from '../../graph/mandate-chain.ts';
import { neighborhood } from '../../graph/neighborhood.ts';
import { asOfSpan } from '../../model/dates.ts';
import {
  AsOf,
  BasisSchema,
  CertaintyFilter,
  EdgeData,
  EntityIdParam,
  GraphElementsSchema,
  intParam,
  LabelList,
  Lang,
  NodeData,
  RecordedAt,
  RecordedAtAnswer,
  SummarySchema,
  TrustFields,
  TypeList,
  orNull,
} from '../schemas.ts';
import { HOP_ROLES } from '../../graph/mandate-chain.ts';
import { nameOf, words } from '../../graph/summary.ts';
import { AsOfCountsSchema } from '../as-of-schema.ts';
import { sharedSummary } from '../../graph/shared-summary.ts';
import { citedInWords, citeRefs, type Documents, documentsOf, readDocuments } from '../../graph/documents.ts';
import { textIn } from '../../model/texts.ts';
import type { NodeData as NodeDataT } from '../../graph/elements.ts';
import { trustOf } from '../../graph/trust.ts';
import { asRecorded } from '../../curation/recorded.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';
import { unknownNode } from '../../error-words.ts';
import { RelationshipType } from '../../model/vocabulary.ts';

const IdParams = z.object({ id: EntityIdParam });

const NodeQuery = z.object({ lang: Lang, recordedAt: RecordedAt });

export const NodeDetail = z
  .object({
    node: NodeData,
    degree: z.array(z.object({ type: RelationshipType, direction: z.enum(['in', 'out']), count: z.number() })),
    certainty: z.enum(['stated', 'hedged', 'inferred']).nullable(),
    hedge: z.string().nullable(),
    inferredFrom: z.array(z.string()),
    outsideKnowledge: z.string().nullable(),
    summary: SummarySchema,
    recordedAt: RecordedAtAnswer.optional(),
  })
  .openapi('NodeDetail');

const NeighborhoodQuery = z.object({
  depth: intParam(1, 3, 1),
  labels: LabelList,
  types: TypeList,
  direction: z.enum(['in', 'out', 'both']).default('both'),
  asOf: AsOf,
  certainty: CertaintyFilter,
  limit: intParam(1, 5000, 300),
  recordedAt: RecordedAt,
});

export const Neighborhood = GraphElementsSchema.extend({
  truncated: z.boolean(),
  omitted: z.object({ relationships: z.number() }),
  recordedAt: RecordedAtAnswer.optional(),
}).openapi('Neighborhood');

const ChainQuery = z.object({
  direction: z.enum(['up', 'down']).default('up'),
  asOf: AsOf,
  certainty: CertaintyFilter,
  lang: Lang,
  maxLevels: intParam(1, 12, 8),
  limit: intParam(1, 2000, 200),
  recordedAt: RecordedAt,
});

export const MandateHop = z
  .object({
    level: z.number(),
    role: z.enum(HOP_ROLES).openapi({
      description:
        'held-by / holds-post: post holding; act: appointment or establishment; mandate: an assignment the node holds; answers-to: UNDER / PART_OF; basis: what an act or mandate rests on; candidate: a possible basis of an act whose basis is not stated; authority: a step down',
    }),
    from: z.string(),
    to: z.string(),
    relationship: orNull(EdgeData).openapi({ description: 'null when the basis is a treaty or law node' }),
    node: NodeData,
    restsOn: z
      .string()
      .nullable()
      .openapi({ description: 'basis and candidate hops: the fact id of the act or mandate this is the basis of' }),
    candidate: z.boolean(),
    basis: orNull(BasisSchema),
    basisText: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'The basis in words, in the language asked for; null when the hop names none' }),
    ...TrustFields,
  })
  .openapi('MandateHop');

export const MandateChain = z
  .object({
    root: NodeData,
    direction: z.enum(['up', 'down']),
    hops: z.array(MandateHop),
    elements: GraphElementsSchema,
    truncated: z.boolean(),
    summary: SummarySchema,
    asOf: AsOfCountsSchema.nullable().openapi({
      description: 'As of a date: the steps held then, with dates not given, not valid then; null without asOf',
    }),
    recordedAt: RecordedAtAnswer.optional(),
  })
  .openapi('MandateChain');

const CommonQuery = z.object({
  with: EntityIdParam,
  types: TypeList,
  asOf: AsOf,
  lang: Lang,
  limit: intParam(1, 500, 100),
  recordedAt: RecordedAt,
});

export const Common = z
  .object({
    a: NodeData,
    b: NodeData,
    shared: z.array(z.object({ node: NodeData, fromA: z.array(EdgeData), fromB: z.array(EdgeData) })),
    elements: GraphElementsSchema,
    summary: SummarySchema,
    recordedAt: RecordedAtAnswer.optional(),
  })
  .openapi('Common');

export function nodeRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/nodes/:id',
    tag: 'graph',
    summary: 'A node with its properties, provenance and degree per relationship type and direction',
    params: IdParams,
    query: NodeQuery,
    errors: { 404: 'No node with that id.' },
    response: { description: 'The node', schema: NodeDetail },
    handler: async ({ params, query }, { services }) =>
      asRecorded(services.db, query.recordedAt, 'query.recordedAt', async (db) => {
        const [[row], degree, docs] = await Promise.all([
          db.read('nodes/get-node', { id: params.id }),
          db.read('nodes/degree', { id: params.id }),
          readDocuments(db),
        ]);
        if (!row) throw unknownNode('params.id', params.id);
        const node = nodeData(row.node as Row);
        const t = trustOf(node);
        return {
          node,
          // Only the model's ties: the web names each type in words and has none for others.
          degree: degree.flatMap((d) => {
            const type = RelationshipType.safeParse(d.type);
            return type.success ? [{ type: type.data, direction: d.direction as 'in' | 'out', count: Number(d.count) }] : [];
          }),
          certainty: t.certainty,
          hedge: t.hedge,
          inferredFrom: t.inferredFrom,
          outsideKnowledge: t.outsideKnowledge,
          summary: nodeSummary(node, t, query.lang, docs),
        };
      }),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/nodes/:id/neighborhood',
    tag: 'graph',
    summary: 'The graph around a node, as Cytoscape elements, capped',
    description:
      'Grows breadth-first up to `depth`; at most `limit` relationships come back, with `truncated` and the number left out, so a hub never floods the client.',
    params: IdParams,
    errors: { 404: 'No node with that id.' },
    query: NeighborhoodQuery,
    response: { description: 'Graph elements', schema: Neighborhood },
    handler: async ({ params, query }, { services: { db } }) =>
      asRecorded(db, query.recordedAt, 'query.recordedAt', (reader) =>
        neighborhood(reader, {
          id: params.id,
          depth: query.depth,
          labels: query.labels,
          types: query.types,
          direction: query.direction,
          limit: query.limit,
          statedOnly: query.certainty === 'stated',
          ...asOfSpan(query.asOf),
        }),
      ),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/nodes/:id/mandate-chain',
    tag: 'questions',
    summary: 'The chain of authority above (or below) a node',
    description:
      'Up: the chain follows bases — a post’s holders, the act that appointed or established it, the assignment that act rests on, who gave it, what that rests on, and the givers’ superiors; a body’s chain lists the mandates it holds; a person’s goes through their posts. An act without a basis says “basis not stated” and may offer candidates (`candidate: true`). Down: what the node’s mandates and acts lead to. Each hop has its certainty, hedge, basis, dates (timeStatus as of a date), sources and evidence; `summary` is one sentence with citations.',
    params: IdParams,
    errors: { 404: 'No node with that id.' },
    query: ChainQuery,
    response: { description: 'Ordered hops and elements', schema: MandateChain },
    handler: async ({ params, query }, { services: { db } }) =>
      asRecorded(db, query.recordedAt, 'query.recordedAt', (reader) =>
        mandateChain(reader, {
          id: params.id,
          direction: query.direction,
          maxLevels: query.maxLevels,
          limit: query.limit,
          statedOnly: query.certainty === 'stated',
          lang: query.lang,
          ...asOfSpan(query.asOf),
          asOf: query.asOf ?? null,
        }),
      ),
  });

  defineRoute(router, services, {
    method: 'get',
    path: '/api/nodes/:id/common',
    tag: 'questions',
    summary: 'What two nodes share: forums, partners, anything tied to both',
    params: IdParams,
    errors: { 404: 'No node with the id in the path or in `with`; `details` says which.' },
    query: CommonQuery,
    response: { description: 'Shared neighbours with the ties on each side', schema: Common },
    handler: async ({ params, query }, { services }) =>
      asRecorded(services.db, query.recordedAt, 'query.recordedAt', async (db) => {
        const ends = await db.read('nodes/nodes-by-ids', { ids: [params.id, query.with] });
        const a = ends.find((r) => (r.node as Row).id === params.id);
        const b = ends.find((r) => (r.node as Row).id === query.with);
        if (!a || !b) {
          const missing = !a ? { path: 'params.id', id: params.id } : { path: 'query.with', id: query.with };
          throw unknownNode(missing.path, missing.id);
        }
        const rows = await db.read('common/shared-neighbours', {
          a: params.id,
          b: query.with,
          types: query.types ?? null,
          limit: query.limit,
          ...asOfSpan(query.asOf),
        });
        const set = new ElementSet();
        set.addNode(a.node as Row);
        set.addNode(b.node as Row);
        const shared = rows.map((r) => {
          set.addNode(r.node as Row);
          // Each side's ties in id order (a collect keeps the store's order, which writes beside the graph change).
          const fromA = (r.fromA as Row[]).map(edgeData).sort(byId);
          const fromB = (r.fromB as Row[]).map(edgeData).sort(byId);
          for (const e of [...(r.fromA as Row[]), ...(r.fromB as Row[])]) set.addEdge(e);
          return { node: nodeData(r.node as Row), fromA, fromB };
        });
        const [nodeA, nodeB] = [nodeData(a.node as Row), nodeData(b.node as Row)];
        const summary = await sharedSummary(db, nodeA, nodeB, shared, query.lang);
        return { a: nodeA, b: nodeB, shared, elements: set.toElements(), summary };
      }),
  });
}

/** A node's sentences: what it is, how sure the sources are of it, where they say so. */
function nodeSummary(node: NodeDataT, t: ReturnType<typeof trustOf>, lang: 'en' | 'sv', docs: Documents) {
  const name = nameOf(node, lang);
  // The description in the reader's language; none in that language, and the sentence names the node only.
  const said = (text: string | null) => (text ? citedInWords(text, docs, lang) : null);
  const what = said(textIn(node, 'description', lang));
  const outside = said(textIn(node, 'outsideKnowledge', lang));
  const inferred =
    t.certainty === 'inferred'
      ? lang === 'en'
        ? ` (inferred, not stated in the sources${outside ? `: rests on ${outside}` : ''})`
        : ` (slutsats, inte uttryckligen i källorna${outside ? `: bygger på ${outside}` : ''})`
      : '';
  const hedgeText = t.certainty === 'hedged' ? textIn(node, 'hedge', lang) : null;
  const hedge = hedgeText
    ? lang === 'en'
      ? ` (hedged in the sources: “${hedgeText}”)`
      : ` (med förbehåll i källorna: ”${hedgeText}”)`
    : '';
  const cites = t.sources.length ? ` [${citeRefs(t.sources, docs, lang)}]` : '';
  // Source watch: the cited lines changed in a newer text of the document.
  const changed = node.sourceChanged === true ? ` (${words(lang).sourceChanged})` : '';
  return {
    text: `${name}${what ? `: ${what.replace(/\.$/, '')}` : ''}${hedge}${inferred}${changed}${cites}.`,
    citations: t.sources,
    documents: documentsOf(t.sources, docs, lang),
  };
}
