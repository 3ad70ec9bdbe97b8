// Kept apart from vocabulary.ts (which needs zod) so the web app can import it without
// bundling server code. The chain query names the same types in its pattern (types cannot be
// parameters); tests/unit/authority-flow.test.ts keeps the two in step.
import type { RelationshipType } from './vocabulary.ts';

/**
 * Authority edges and the way authority flows along them, for mandate chains.
 * `down`: authority goes from start to end (the start mandates the end);
 * `up`: from end to start (the start is under the end).
 */
export const AUTHORITY_FLOW: Partial<Record<RelationshipType, 'down' | 'up'>> = {
  MANDATES: 'down',
  APPOINTS: 'down',
  ESTABLISHES: 'down',
  UNDER: 'up',
  PART_OF: 'up',
  HOLDS_POST: 'up',
};
