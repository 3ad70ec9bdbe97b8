import type { Router } from 'express';
import { z } from '../../zod.ts';
import type { Row } from '../../db/database.ts';
import { edgeData, ElementSet, type NodeData as NodeDataT, nodeData } from '../../graph/elements.ts';
import { readGrounds } from '../../graph/grounds.ts';
import { assignmentName, factsSentence, type Fact } from '../../graph/summary.ts';
import { asTimeStatus, basisOf, trustOf } from '../../graph/trust.ts';
import { asOfSpan } from '../../model/dates.ts';
import { RepresentationCapacity } from '../../model/vocabulary.ts';
import {
  AsOf,
  BasisSchema,
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
  TrustFields,
  orNull,
} from '../schemas.ts';
import { asRecorded } from '../../curation/recorded.ts';
import { defineRoute } from '../route.ts';
import type { Services } from '../services.ts';

const RepresentationQuery = z.object({
  agent: EntityIdParam.optional(),
  principal: EntityIdParam.optional(),
  forum: EntityIdParam.optional(),
  capacity: RepresentationCapacity.optional(),
  asOf: AsOf,
  certainty: CertaintyFilter,
  lang: Lang,
  limit: intParam(1, 1000, 200),
  recordedAt: RecordedAt,
});

const KINDS = ['represents', 'leads-delegation', 'own-name'] as const;

const RepresentationRow = z
  .object({
    kind: z.enum(KINDS).openapi({
      description:
        'represents: REPRESENTS; leads-delegation: LEADS_DELEGATION (principal from its `principal`); own-name: PARTICIPATES_IN as an expert authority',
    }),
    agent: NodeData,
    principal: orNull(NodeData).openapi({ description: 'On whose behalf; null when the agent acts in its own name' }),
    forum: orNull(NodeData).openapi({ description: 'The forum, or the Group of forums the source names together' }),
    members: z.array(NodeData).openapi({ description: 'When the forum is a Group: its members as the source lists them' }),
    scope: z.enum(['some', 'each']).nullable().openapi({ description: 'When the forum is a Group: in some or in each of its members' }),
    capacity: z.string().nullable(),
    basis: orNull(BasisSchema),
    basisText: z.string().openapi({ description: 'The basis in words, "basis not stated" when the sources give none' }),
    basisMandate: z
      .object({ giver: NodeData, holder: orNull(NodeData), relationship: EdgeData })
      .nullable()
      .openapi({ description: 'The MANDATES fact a mandate basis refers to, with its giver' }),
    basisNode: orNull(NodeData).openapi({ description: 'The treaty or law a basis refers to' }),
    relationship: EdgeData,
    summary: SummarySchema,
    ...TrustFields,
  })
  .openapi('RepresentationRow');

const Representations = z
  .object({
    representations: z.array(RepresentationRow),
    elements: GraphElementsSchema,
    summary: SummarySchema,
    recordedAt: RecordedAtAnswer.optional(),
  })
  .openapi('Representations');

type Lng = 'en' | 'sv';

export function representationRoutes(router: Router, services: Services): void {
  defineRoute(router, services, {
    method: 'get',
    path: '/api/representation',
    tag: 'questions',
    summary: 'Who represents whom, in which forum, in which capacity, when, and on whose mandate',
    description:
      'Any of agent, principal and forum may be left open. Rows come from REPRESENTS, LEADS_DELEGATION (its `principal`) and PARTICIPATES_IN as an expert authority (own name: no principal). A principal also matches the bodies that are part of it; a forum also matches the Groups that include it, and such a row keeps the Group, its members and its scope ("in some of …"), never a plain "in this forum". Each row says its certainty and hedge, its basis ("basis not stated" when the sources give none, or the assignment with its giver), dates (timeStatus as of a date) and sources; `summary` is one sentence with citations.',
    query: RepresentationQuery,
    response: { description: 'Representation facts', schema: Representations },
    handler: async ({ query }, { services }) =>
      asRecorded(services.db, query.recordedAt, 'query.recordedAt', async (db) => {
        const rows = await db.read('representation/find-representations', {
          agent: query.agent ?? null,
          principal: query.principal ?? null,
          forum: query.forum ?? null,
          capacity: query.capacity ?? null,
          stated: query.certainty === 'stated',
          limit: query.limit,
          ...asOfSpan(query.asOf),
        });
        const set = new ElementSet();
        const facts: Fact[] = [];
        const representations = rows.map((r) => {
          const rel = edgeData(r.relationship as Row);
          const agent = nodeData(r.agent as Row);
          const principal = r.principal ? nodeData(r.principal as Row) : null;
          const forum = r.forum ? nodeData(r.forum as Row) : null;
          const members = (r.members as Row[]).map(nodeData);
          set.addNode(r.agent as Row);
          set.addNode((r.principal as Row | null) ?? null);
          set.addNode((r.forum as Row | null) ?? null);
          set.addEdge(r.relationship as Row);
          for (const tie of r.forumTies as Row[]) set.addEdge(tie);
          if (query.forum && forum && forum.id !== query.forum) {
            // The forum asked about is reached through a Group: show it and the Group's tie to it.
            const member = (r.members as Row[]).find((m) => m.id === query.forum);
            set.addNode(member ?? null);
            for (const tie of r.memberTies as Row[]) if (tie.target === query.forum) set.addEdge(tie);
          }
          const basis = basisOf(rel);
          const basisMandate = r.basisMandate
            ? {
                giver: nodeData(r.basisGiver as Row),
                holder: r.basisHolder ? nodeData(r.basisHolder as Row) : null,
                relationship: edgeData(r.basisMandate as Row),
              }
            : null;
          const basisNode = r.basisNode ? nodeData(r.basisNode as Row) : null;
          const kind = rel.type === 'REPRESENTS' ? 'represents' : rel.type === 'LEADS_DELEGATION' ? 'leads-delegation' : 'own-name';
          const t = trustOf(rel);
          const timeStatus = asTimeStatus(r.timeStatus);
          const member = query.forum && forum && forum.id !== query.forum ? (members.find((m) => m.id === query.forum) ?? null) : null;
          const fact: Fact = {
            subject: agent,
            type: rel.type,
            object: kind === 'represents' ? principal : forum,
            principal,
            forum,
            member,
            scope: typeof rel.scope === 'string' ? rel.scope : null,
            capacity: typeof rel.capacity === 'string' ? rel.capacity : null,
            certainty: t.certainty,
            hedge: t.hedge,
            inferredFrom: t.inferredFrom,
            outsideKnowledge: t.outsideKnowledge,
            basis,
            basisMandate: basisMandate ? { giver: basisMandate.giver, relationship: basisMandate.relationship } : null,
            basisNode,
            validFrom: t.validFrom,
            validTo: t.validTo,
            attested: t.attested,
            ...(timeStatus ? { timeStatus } : {}),
            sources: t.sources,
          };
          facts.push(fact);
          return {
            kind,
            agent,
            principal,
            forum,
            members,
            scope: rel.scope === 'some' || rel.scope === 'each' ? rel.scope : null,
            capacity: typeof rel.capacity === 'string' ? rel.capacity : null,
            basis,
            basisText: basisText(fact, query.lang),
            basisMandate,
            basisNode,
            relationship: rel,
            ...t,
            ...(timeStatus ? { timeStatus } : {}),
          };
        });
        const elements = set.toElements();
        const inferring = facts
          .filter((f) => f.certainty === 'inferred' && f.inferredFrom?.length)
          .map((f) => ({ inferredFrom: f.inferredFrom ?? [], source: f.subject.id, target: f.object?.id ?? f.subject.id }));
        if (inferring.length) {
          const grounds = await readGrounds(db, inferring, {
            nodes: elements.nodes.map((n) => n.data),
            edges: elements.edges.map((e) => e.data),
          });
          for (const f of facts) f.grounds = grounds;
        }
        return {
          representations: representations.map((r, i) => ({ ...r, summary: factsSentence([facts[i]!], query.lang, 1) })),
          elements,
          summary: factsSentence(facts, query.lang, 3),
        };
      }),
  });
}

function basisText(f: Fact, lang: Lng): string {
  const b = f.basis;
  const notStated = lang === 'en' ? 'basis not stated' : 'grund ej angiven';
  if (!b || b.kind === 'not-stated') return notStated;
  const name = (n: NodeDataT) => (lang === 'en' ? (typeof n.nameEn === 'string' ? n.nameEn : n.name) : n.name);
  if (b.kind === 'mandate') {
    if (!f.basisMandate) return b.ref ?? notStated;
    const task = assignmentName(f.basisMandate.relationship);
    const giver = name(f.basisMandate.giver);
    if (lang === 'en') return task ? `${giver}'s assignment “${task}”` : `an assignment from ${giver}`;
    return task ? `uppdrag från ${giver}: ”${task}”, som bara finns på engelska` : `uppdrag från ${giver}`;
  }
  const n = f.basisNode ? name(f.basisNode) : (b.ref ?? b.kind);
  return b.note ? `${n} (${b.note})` : n;
}
