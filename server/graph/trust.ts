// The trust model's fields (issue 12 contract) as every answer carries them: certainty and
// hedge, the basis of an act of authority, and where an as-of answer places a fact in time.
// Element data is read defensively (unknown values become null): an import may bring facts
// from older files that lack some fields.
import type { EdgeData } from './elements.ts';
import { ACTS_OF_AUTHORITY, BASIS_KINDS, CERTAINTIES, type BasisKind, type Certainty } from '../model/vocabulary.ts';

export { BASIS_KINDS, CERTAINTIES, type BasisKind, type Certainty };

export const TIME_STATUSES = ['valid', 'attested', 'undated'] as const;
export type TimeStatus = (typeof TIME_STATUSES)[number];

export const ACT_TYPES = ACTS_OF_AUTHORITY;

export interface Basis {
  kind: BasisKind;
  /** A MANDATES fact id for 'mandate', a node id for 'treaty' / 'law'. */
  ref: string | null;
  note: string | null;
  /** How sure the link between the act and its basis is. */
  certainty: Certainty | null;
}

export interface Trust {
  /** The fact id (`id` on a relationship), used by bases and inferredFrom. */
  factId: string | null;
  certainty: Certainty | null;
  hedge: string | null;
  inferredFrom: string[];
  outsideKnowledge: string | null;
  sources: string[];
  evidence: string | null;
  validFrom: string | null;
  validTo: string | null;
  attested: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function certaintyOf(v: unknown): Certainty | null {
  return (CERTAINTIES as readonly unknown[]).includes(v) ? (v as Certainty) : null;
}

export function trustOf(data: Record<string, unknown>): Trust {
  return {
    factId: str(data.factId),
    certainty: certaintyOf(data.certainty),
    hedge: str(data.hedge),
    inferredFrom: Array.isArray(data.inferredFrom) ? data.inferredFrom.map(String) : [],
    outsideKnowledge: str(data.outsideKnowledge),
    sources: Array.isArray(data.sources) ? data.sources.map(String) : [],
    evidence: str(data.evidence),
    validFrom: str(data.validFrom),
    validTo: str(data.validTo),
    attested: str(data.attested),
  };
}

export function isAct(type: string): boolean {
  return (ACT_TYPES as readonly string[]).includes(type);
}

/**
 * The basis an act (or a mandate) names. An act that names none says "basis not stated":
 * a fact loaded before bases were recorded states no basis either.
 */
export function basisOf(edge: EdgeData): Basis | null {
  const kind = (BASIS_KINDS as readonly unknown[]).includes(edge.basisKind) ? (edge.basisKind as BasisKind) : null;
  if (!kind) return isAct(edge.type) ? { kind: 'not-stated', ref: null, note: null, certainty: null } : null;
  return {
    kind,
    ref: kind === 'not-stated' ? null : str(edge.basisRef),
    note: str(edge.basisNote),
    certainty: kind === 'not-stated' ? null : certaintyOf(edge.basisCertainty),
  };
}

export function asTimeStatus(v: unknown): TimeStatus | undefined {
  return (TIME_STATUSES as readonly unknown[]).includes(v) ? (v as TimeStatus) : undefined;
}
