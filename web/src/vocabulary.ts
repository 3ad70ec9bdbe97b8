// The model's labels and relationship types as the web app names them, keyed by the server's
// types (and each given a look in graph/style.ts).
import type { NodeLabel, RelationshipType } from './api/types.ts';
import { t } from './i18n/index.ts';

// The words are the reader's language's (i18n/); the English catalogue lists every key with
// `satisfies`, so a label or type the server adds fails the typecheck there until it has words.
export const LABEL_NAMES: Record<NodeLabel, string> = t.labels;
/** How an edge reads on the canvas: "(Socialstyrelsen) represents (Swedish government)". */
export const TYPE_PHRASES: Record<RelationshipType, string> = t.types;
/** In the legend's order (the catalogues list them in the same order). */
export const LABELS = Object.keys(t.labels) as NodeLabel[];
export const TYPES = Object.keys(t.types) as RelationshipType[];

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
