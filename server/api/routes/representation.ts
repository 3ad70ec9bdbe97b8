import type { Router } from 'express';
import { z } from '../../zod.ts';
import { AsOfCountsSchema } from '../as-of-schema.ts';
import type { Row } from '../../db/database.ts';
import { edgeData, ElementSet, nodeData } from '../../graph/elements.ts';
import { readGrounds } from '../../graph/grounds.ts';
import { readDocuments } from '../../graph/documents.ts';
import { asOfSummary, assignmentName, factsSummary, type Fact, theName } from '../../graph/summary.ts';
import { asTimeStatus, basisOf, trustOf } from '../../graph/trust.ts';
import { asOfSpan } from '../../model/dates.ts';
import { AS_OF_GROUPS, asOfGroup, type AsOfGroup } from '../../model/as-of.ts';
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
    actsFor: orNull(NodeData).openapi({
      description: 'When the agent acts for the agent asked about (its head, a post, a unit or someone who works there): that agent',
    }),
    partOf: orNull(NodeData).openapi({ description: 'When the forum is an organ or part of the forum asked about: that forum' }),
    asOfGroup: z.enum(AS_OF_GROUPS).nullable().openapi({
      description:
        'In an as-of answer: held (its dates place it at that date), undated (dates not given; never counted as held), not-valid (its dates place it elsewhere)',
    }),
    relationship: EdgeData,
    summary: SummarySchema,
    ...TrustFields,
  })
  .openapi('RepresentationRow');

const Representations = z
  .object({
    representations: z
      .array(RepresentationRow)
      .openapi({ description: 'The facts that answer; as of a date, those held then and those whose dates are not given' }),
    notValidThen: z.array(RepresentationRow).openapi({ description: 'As of a date: the facts whose dates place them elsewhere' }),
    asOf: AsOfCountsSchema.nullable().openapi({ description: 'The three counted groups of an as-of answer; null without asOf' }),
    elements: GraphElementsSchema,
    summary: SummarySchema,
    recordedAt: RecordedAtAnswer.optional(),
  })
  .openapi('Representations');

/** The answer's shape, for the web app's type-only import. */
export type RepresentationAnswer = z.infer<typeof Representations>;

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
        const docs = await readDocuments(db);
        const set = new ElementSet();
        const facts: Fact[] = [];
        const groups: Array<AsOfGroup | null> = [];
        const all = rows.map((r) => {
          const rel = edgeData(r.relationship as Row);
          const agent = nodeData(r.agent as Row);
          const principal = r.principal ? nodeData(r.principal as Row) : null;
          const forum = r.forum ? nodeData(r.forum as Row) : null;
          const members = (r.members as Row[]).map(nodeData);
          const actsFor = r.actsFor ? nodeData(r.actsFor as Row) : null;
          const asked = r.askedForum ? nodeData(r.askedForum as Row) : null;
          const parts = new Set((r.forumParts as string[] | null) ?? []);
          const timeStatus = asTimeStatus(r.timeStatus);
          // The rule the web's table and details panel count with too (model/as-of.ts).
          const group = asOfGroup(trustOf(rel), query.asOf);
          groups.push(group);
          // A Group's member the question reached: the forum asked about, or one of its organs.
          const member =
            query.forum && forum && forum.id !== query.forum
              ? (members.find((m) => m.id === query.forum) ?? members.find((m) => parts.has(m.id)) ?? null)
              : null;
          // The forum is an organ of the one asked about (WHO's Executive Board): say of which.
          const partOf = asked && forum && forum.label !== 'Group' && parts.has(forum.id) ? asked : null;
          const memberPartOf = asked && member && member.id !== asked.id && parts.has(member.id) ? asked : null;
          if (group !== 'not-valid') {
            set.addNode(r.agent as Row);
            set.addNode((r.principal as Row | null) ?? null);
            set.addNode((r.forum as Row | null) ?? null);
            set.addEdge(r.relationship as Row);
            for (const tie of r.forumTies as Row[]) set.addEdge(tie);
            if (member) {
              // The forum asked about is reached through a Group: show the member and the Group's tie to it.
              set.addNode((r.members as Row[]).find((m) => m.id === member.id) ?? null);
              for (const tie of r.memberTies as Row[]) if (tie.target === member.id) set.addEdge(tie);
            }
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
          const fact: Fact = {
            subject: agent,
            type: rel.type,
            object: kind === 'represents' ? principal : forum,
            record: rel,
            principal,
            forum,
            forumSize: members.length,
            member,
            partOf: partOf ?? memberPartOf,
            actsFor,
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
            actsFor,
            partOf: partOf ?? memberPartOf,
            asOfGroup: group,
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
        const rowsWithSummary = all.map((r, i) => ({ ...r, summary: factsSummary([facts[i]!], query.lang, { max: 1, docs }) }));
        const inGroup = (g: AsOfGroup) => facts.filter((_, i) => groups[i] === g);
        const asOf = query.asOf
          ? { date: query.asOf, held: inGroup('held').length, undated: inGroup('undated').length, notValid: inGroup('not-valid').length }
          : null;
        return {
          representations: rowsWithSummary.filter((r) => r.asOfGroup !== 'not-valid'),
          notValidThen: rowsWithSummary.filter((r) => r.asOfGroup === 'not-valid'),
          asOf,
          elements,
          summary: asOf
            ? asOfSummary(inGroup('held'), asOf.undated, asOf.notValid, asOf.date, query.lang, { docs })
            : factsSummary(facts, query.lang, { max: 3, docs }),
        };
      }),
  });
}

/** The basis in words, in the reader's language, for a row's basis line. */
function basisText(f: Fact, lang: Lng): string {
  const b = f.basis;
  const w =
    lang === 'en'
      ? { notStated: 'basis not stated', missing: 'an assignment the graph does not hold', treaty: 'a treaty', law: 'a law' }
      : { notStated: 'grund ej angiven', missing: 'ett uppdrag som inte finns i grafen', treaty: 'ett fördrag', law: 'en lag' };
  if (!b || b.kind === 'not-stated') return w.notStated;
  if (b.kind === 'mandate') {
    if (!f.basisMandate) return w.missing;
    const task = assignmentName(f.basisMandate.relationship, lang);
    const giver = theName(f.basisMandate.giver, lang);
    if (lang === 'en') return task ? `the assignment “${task}” from ${giver}` : `an assignment from ${giver}`;
    return task ? `uppdrag från ${giver}: ”${task}”` : `ett uppdrag från ${giver}`;
  }
  const n = f.basisNode ? theName(f.basisNode, lang) : b.kind === 'treaty' ? w.treaty : w.law;
  return b.note && lang === 'en' ? `${n} (${b.note})` : n;
}
