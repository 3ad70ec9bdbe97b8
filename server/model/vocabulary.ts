// The model's closed vocabulary: every label and relationship type the graph may hold,
// what each means, and which labels may stand at either end. Requests, the seed validator,
// the UI legend and the OpenAPI document all read it from here, so a label or type that is
// not listed never reaches Cypher.
import { z } from 'zod';

export const NODE_LABELS = [
  'Government',
  'Ministry',
  'Agency',
  'Unit',
  'Organisation',
  'Treaty',
  'Programme',
  'Person',
  'Post',
  'Country',
  'Region',
  'Document',
  'Group',
] as const;

export const NodeLabel = z.enum(NODE_LABELS);
export type NodeLabel = z.infer<typeof NodeLabel>;

export const LABEL_DESCRIPTIONS: Record<NodeLabel, string> = {
  Government: 'A national cabinet as a collective actor (e.g. the Swedish government, the Finnish Council of State).',
  Ministry: 'A government ministry or the government offices that contain ministries.',
  Agency: 'A national public authority or body under a ministry.',
  Unit: 'A department, unit or division inside a ministry, agency or organisation.',
  Organisation: 'An international or intergovernmental organisation, one of its organs, a network or a company.',
  Treaty: 'A treaty, convention or other binding international instrument.',
  Programme: 'A programme, joint action, strategy, action plan or partnership with a defined scope.',
  Person: 'A named person.',
  Post: 'An office that outlives its holders, such as Sweden’s Chief Medical Officer.',
  Country: 'A sovereign state, or a group of states treated as one party.',
  Region: 'A sub-national public authority, such as a Swedish region or municipality.',
  Document: 'A publication, report or chapter that is itself an actor in the record (authored, cited).',
  Group:
    'A set of actors or forums a source names together and says one thing about (the organisations Socialstyrelsen mainly works through); INCLUDES lists its members.',
};

// Direction convention: the subject of the sentence comes first, "(start) TYPE (end)" reads
// as an English clause: (Socialstyrelsen) REPRESENTS (Swedish government).
export const RELATIONSHIP_TYPES = [
  'PART_OF',
  'UNDER',
  'MEMBER_OF',
  'PARTICIPATES_IN',
  'REPRESENTS',
  'MANDATES',
  'APPOINTS',
  'HOLDS_POST',
  'CHAIRS',
  'LEADS_DELEGATION',
  'CONTACT_POINT_FOR',
  'COOPERATES_WITH',
  'FORWARDS_REQUESTS_TO',
  'FUNDS',
  'SUPPORTS',
  'HAS_AGREEMENT_WITH',
  'BASED_ON',
  'PARTY_TO',
  'ESTABLISHES',
  'COORDINATES',
  'WORKS_AT',
  'DIRECTS',
  'AUTHORED',
  'INCLUDES',
] as const;

export const RelationshipType = z.enum(RELATIONSHIP_TYPES);
export type RelationshipType = z.infer<typeof RelationshipType>;

const ACTORS: NodeLabel[] = ['Government', 'Ministry', 'Agency', 'Unit', 'Organisation', 'Country', 'Region'];
const BODIES: NodeLabel[] = ['Government', 'Ministry', 'Agency', 'Unit', 'Organisation', 'Region'];
const ANY: NodeLabel[] = [...NODE_LABELS];
// A Group stands where the source speaks of its members together: as a forum, as a party
// someone takes part in, or as the set a collective statement is about.
const GROUP: NodeLabel[] = ['Group'];

export interface RelationshipRule {
  description: string;
  /** A sentence from the data that uses the type, in our own words. */
  example: string;
  from: NodeLabel[];
  to: NodeLabel[];
  /** Properties this type may carry besides the common ones (dates, provenance). */
  qualifiers?: string[];
}

export const RELATIONSHIP_RULES: Record<RelationshipType, RelationshipRule> = {
  PART_OF: {
    description: 'Structural containment: the start is a part, organ or member unit of the end.',
    example: '(Unit for International Affairs) PART_OF (Finnish Ministry of Social Affairs and Health)',
    from: [...BODIES, 'Programme', 'Post'],
    to: [...BODIES, 'Programme', 'Country'],
  },
  UNDER: {
    description: 'Accountability: the start works under the steering of the end (an agency under its ministry).',
    example: '(Socialstyrelsen) UNDER (Socialdepartementet)',
    from: [...BODIES],
    to: [...BODIES],
  },
  MEMBER_OF: {
    description: 'Membership of a state or body in an organisation or network.',
    example: '(Sweden) MEMBER_OF (World Health Organization)',
    from: [...ACTORS],
    to: ['Organisation', 'Programme'],
  },
  PARTICIPATES_IN: {
    description: 'Takes part in the work of a forum, programme or joint action without (or beyond) formal membership.',
    example: '(Socialstyrelsen) PARTICIPATES_IN (EU Joint Actions)',
    from: [...ACTORS, 'Person', 'Post'],
    to: ['Organisation', 'Programme', 'Treaty', ...GROUP],
    // capacity 'expert-authority': the agent acts in its own name (not a REPRESENTS self-loop).
    qualifiers: ['role', 'capacity'],
  },
  REPRESENTS: {
    description:
      'Agency → principal: the start speaks for the end in a forum. `forum` names the forum node, `capacity` says whether it acts on behalf of the government or as an expert authority.',
    example: '(Socialstyrelsen) REPRESENTS (Swedish government) {forum: WHO, capacity: government}',
    from: [...ACTORS, 'Person', 'Post'],
    to: [...ACTORS],
    qualifiers: ['forum', 'capacity', 'role'],
  },
  MANDATES: {
    description: 'The start gave the end an assignment, commission or mandate; `task` says what, `subject` names it in a few words.',
    example: '(Swedish government) MANDATES (Socialstyrelsen) {task: appoint the chief officers}',
    from: [...ACTORS, 'Treaty'],
    to: [...ACTORS, 'Person', 'Post'],
    // `subject` is a short handle for the assignment; it is part of relationshipKey, so several
    // undated assignments between the same two actors stay distinct facts.
    qualifiers: ['task', 'subject'],
  },
  APPOINTS: {
    description: 'The start names the holder of a post, or a person to a role.',
    example: '(Socialstyrelsen) APPOINTS (Chief Nurse Officer of Sweden)',
    from: [...ACTORS, 'Person', 'Post'],
    to: ['Post', 'Person'],
    qualifiers: ['role'],
  },
  HOLDS_POST: {
    description: 'A person (or, by tradition, a post) holds an office for a period.',
    example: '(Charlotta George) HOLDS_POST (Chief Nurse Officer of Sweden)',
    from: ['Person', 'Post'],
    to: ['Post'],
  },
  CHAIRS: {
    description: 'Chairs or presides over a body for a period.',
    example: '(Olivia Wigzell) CHAIRS (OECD Health Committee) {2017–2019}',
    from: ['Person', 'Post', ...ACTORS],
    to: ['Organisation', 'Programme', 'Unit'],
  },
  LEADS_DELEGATION: {
    description: 'Leads a delegation to meetings of a forum; `principal` names whose delegation.',
    example: '(Director-General of Socialstyrelsen) LEADS_DELEGATION (World Health Assembly) {principal: Sweden}',
    from: ['Person', 'Post', ...ACTORS],
    to: ['Organisation', 'Programme'],
    qualifiers: ['principal'],
  },
  CONTACT_POINT_FOR: {
    description: 'The national contact point or focal point for a programme, organisation or subject.',
    example: '(Folkhälsomyndigheten) CONTACT_POINT_FOR (EU4Health)',
    from: [...ACTORS, 'Person', 'Post'],
    to: ['Organisation', 'Programme', 'Treaty', 'Country'],
    qualifiers: ['subject'],
  },
  COOPERATES_WITH: {
    description: 'Bilateral or project cooperation between two actors, with its years.',
    example: '(Socialstyrelsen) COOPERATES_WITH (Ministry of Health of Moldova)',
    from: [...ACTORS, 'Person'],
    to: [...ACTORS, 'Person'],
  },
  FORWARDS_REQUESTS_TO: {
    description:
      'A hop in a routing chain: requests of a kind (`subject`) travel from the start to the end; `chain` and `step` order the hops.',
    example: '(Ukraine) FORWARDS_REQUESTS_TO (EU Civil Protection Mechanism) {subject: medical supplies}',
    from: [...ACTORS],
    to: [...ACTORS],
    qualifiers: ['subject', 'chain', 'step'],
  },
  FUNDS: {
    description: 'Provides money for the end.',
    example: '(European Commission) FUNDS (EU Joint Actions)',
    from: [...ACTORS, 'Programme'],
    to: [...ACTORS, 'Programme'],
  },
  SUPPORTS: {
    description: 'Gives material, technical or expert support to the end (aid, supplies, advice, preparing the work of an office).',
    example: '(Socialstyrelsen) SUPPORTS (Ukraine) {subject: medical supplies}',
    from: [...ACTORS, 'Programme'],
    to: [...ACTORS, 'Programme', 'Post'],
    qualifiers: ['subject'],
  },
  HAS_AGREEMENT_WITH: {
    description: 'A formal agreement (memorandum, cooperation agreement) between the two; `agreement` says which.',
    example: '(Socialstyrelsen) HAS_AGREEMENT_WITH (a partner ministry) {1975–2005}',
    from: [...ACTORS],
    to: [...ACTORS],
    qualifiers: ['agreement'],
  },
  BASED_ON: {
    description: 'A policy, programme, body or mandate rests on a treaty, convention or strategy.',
    example: '(Finnish Ministry of Social Affairs and Health) BASED_ON (ILO conventions)',
    from: ANY,
    to: ['Treaty', 'Programme', 'Document'],
  },
  PARTY_TO: {
    description: 'A state or body is party to, or bound by, a treaty or convention.',
    example: '(Sweden) PARTY_TO (Treaty of Lisbon)',
    from: [...ACTORS],
    to: ['Treaty'],
  },
  ESTABLISHES: {
    description: 'The start created or set up the end (a treaty creating a competence, a body creating a network).',
    example: '(European Union) ESTABLISHES (European Reference Networks)',
    from: [...ACTORS, 'Treaty'],
    to: [...BODIES, 'Programme', 'Post', 'Treaty'],
  },
  COORDINATES: {
    description: 'Coordinates the work of others or of a programme.',
    example: '(Unit for International Affairs) COORDINATES (the ministry’s EU affairs)',
    from: [...ACTORS, 'Person', 'Post'],
    to: [...ACTORS, 'Programme'],
    qualifiers: ['subject'],
  },
  WORKS_AT: {
    description: 'A person is employed at or serves in a body; `role` gives the title.',
    example: '(Thomas Lindén) WORKS_AT (Socialstyrelsen) {role: head of department}',
    from: ['Person'],
    to: [...BODIES],
    qualifiers: ['role'],
  },
  DIRECTS: {
    description: 'A person or post heads a body; `role` gives the title (director-general, director).',
    example: '(Olivia Wigzell) DIRECTS (Socialstyrelsen) {role: director-general}',
    from: ['Person', 'Post'],
    to: [...BODIES],
    qualifiers: ['role'],
  },
  AUTHORED: {
    description: 'Wrote or issued a document, strategy or programme.',
    example: '(Kerstin Carlsson) AUTHORED (the chapter on Socialstyrelsen’s international experience)',
    from: ['Person', ...ACTORS],
    to: ['Document', 'Programme', 'Treaty'],
  },
  INCLUDES: {
    description: 'A Group lists a member: the source names the end among the set it speaks of together.',
    example: '(organisations Socialstyrelsen mainly works through) INCLUDES (WHO)',
    from: GROUP,
    to: ANY,
  },
};

/**
 * Acts of authority: each names its basis (`basisKind`, `basisRef`, …), or says the basis is
 * not stated. MANDATES may name one too (a treaty article) but need not: it is itself a basis.
 */
export const ACTS_OF_AUTHORITY = [
  'REPRESENTS',
  'APPOINTS',
  'ESTABLISHES',
  'LEADS_DELEGATION',
  'CONTACT_POINT_FOR',
] as const satisfies readonly RelationshipType[];
export type ActOfAuthority = (typeof ACTS_OF_AUTHORITY)[number];

/** How sure a fact is: the source says it, says it with a hedge, or we infer it. */
export const CERTAINTIES = ['stated', 'hedged', 'inferred'] as const;
export const Certainty = z.enum(CERTAINTIES);
export type Certainty = z.infer<typeof Certainty>;

/** What an act of authority rests on. */
export const BASIS_KINDS = ['mandate', 'treaty', 'law', 'not-stated'] as const;
export const BasisKind = z.enum(BASIS_KINDS);
export type BasisKind = z.infer<typeof BasisKind>;

/** On a tie whose end or forum is a Group: it holds in some (unnamed) members, or in each. */
export const SCOPES = ['some', 'each'] as const;
export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

/** Capacity of a representation: whose voice the agent is in that forum. */
export const REPRESENTATION_CAPACITIES = ['government', 'expert-authority', 'delegate'] as const;
export const RepresentationCapacity = z.enum(REPRESENTATION_CAPACITIES);
export type RepresentationCapacity = z.infer<typeof RepresentationCapacity>;

export { AUTHORITY_FLOW } from './authority-flow.ts';
