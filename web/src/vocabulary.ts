// The model's labels and relationship types as the web app names them. Records keyed by the
// server's types: a label or type added to the vocabulary fails the web typecheck until it
// has a reading here (and a look in graph/style.ts).
import type { NodeLabel, RelationshipType } from './api/types.ts';
import { t } from './i18n/index.ts';

export const LABEL_NAMES: Record<NodeLabel, string> = {
  Government: 'Government',
  Ministry: 'Ministry',
  Agency: 'Agency',
  Unit: 'Unit',
  Organisation: 'Organisation',
  Treaty: 'Treaty',
  Programme: 'Programme',
  Person: 'Person',
  Post: 'Post (office)',
  Country: 'Country',
  Region: 'Region',
  Document: 'Document',
  Group: 'Group',
};

/** How an edge reads on the canvas: "(Socialstyrelsen) represents (Swedish government)". */
export const TYPE_PHRASES: Record<RelationshipType, string> = {
  PART_OF: 'part of',
  UNDER: 'under',
  MEMBER_OF: 'member of',
  PARTICIPATES_IN: 'participates in',
  REPRESENTS: 'represents',
  MANDATES: 'mandates',
  APPOINTS: 'appoints',
  HOLDS_POST: 'holds post',
  CHAIRS: 'chairs',
  LEADS_DELEGATION: 'leads delegation to',
  CONTACT_POINT_FOR: 'contact point for',
  COOPERATES_WITH: 'cooperates with',
  FORWARDS_REQUESTS_TO: 'forwards requests to',
  FUNDS: 'funds',
  SUPPORTS: 'supports',
  HAS_AGREEMENT_WITH: 'agreement with',
  BASED_ON: 'based on',
  PARTY_TO: 'party to',
  ESTABLISHES: 'establishes',
  COORDINATES: 'coordinates',
  WORKS_AT: 'works at',
  DIRECTS: 'directs',
  AUTHORED: 'authored',
  INCLUDES: 'includes',
};

export const LABELS = Object.keys(LABEL_NAMES) as NodeLabel[];
export const TYPES = Object.keys(TYPE_PHRASES) as RelationshipType[];
// The keys above are the vocabulary; the words are the reader's language's (i18n/).
for (const l of LABELS) LABEL_NAMES[l] = t.labels[l];
for (const ty of TYPES) TYPE_PHRASES[ty] = t.types[ty];

export function isLabel(s: string): s is NodeLabel {
  return Object.hasOwn(LABEL_NAMES, s);
}

export function isType(s: string): s is RelationshipType {
  return Object.hasOwn(TYPE_PHRASES, s);
}

export const CAPACITY_PHRASES: Record<string, string> = t.capacities;

/** Authority flow, as the server's mandate chain walks it: `down` from start to end. */
export { AUTHORITY_FLOW } from '../../server/model/authority-flow.ts';

export const NODE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
