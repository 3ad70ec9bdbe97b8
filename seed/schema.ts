// The seed's record formats: one node or one relationship per JSON line, so a diff of
// seed/data reads as a change of fact. These schemas validate each record on its own;
// cross-record rules (ids, endpoint labels, dangling references) live in validate.ts.
import { z } from 'zod';
import { PartialDate } from '../server/model/dates.ts';
import { NodeLabel, RelationshipType, RepresentationCapacity } from '../server/model/vocabulary.ts';

/** `FILE#Lstart-Lend`, file as named in shared/seeds, 1-based lines. */
export const SourceRef = z
  .string()
  .regex(/^[\w.-]+\.txt#L\d+(-L\d+)?$/, 'expected FILE#Lstart-Lend, e.g. 001_1c1597dd7120e666.txt#L18-L20');

export const Provenance = z.object({
  sources: z.array(SourceRef).min(1, 'every fact needs at least one source'),
  /** Our own English paraphrase of what the cited lines say; never a copied sentence. */
  evidence: z.string().min(10, 'evidence must paraphrase the source in a sentence'),
  status: z.enum(['stated', 'inferred']),
});

export const EntityId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "socialstyrelsen" or "who-executive-board"');

const Validity = {
  validFrom: PartialDate.optional(),
  validTo: PartialDate.optional(),
};

const ExtraValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const NodeRecord = z
  .object({
    id: EntityId,
    label: NodeLabel,
    /** The name as the source gives it (Swedish, Finnish or English). */
    name: z.string().min(1),
    nameEn: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).default([]),
    /** One short English line saying what this is, shown in search results. */
    description: z.string().min(1).optional(),
    ...Validity,
    /** Further facts about the node (title, country, tasks…), flat values only. */
    properties: z.record(z.string(), ExtraValue).default({}),
    ...Provenance.shape,
  })
  .strict();
export type NodeRecord = z.infer<typeof NodeRecord>;

export const RelationshipRecord = z
  .object({
    type: RelationshipType,
    from: EntityId,
    to: EntityId,
    ...Validity,
    forum: EntityId.optional(),
    capacity: RepresentationCapacity.optional(),
    principal: EntityId.optional(),
    task: z.string().min(1).optional(),
    role: z.string().min(1).optional(),
    subject: z.string().min(1).optional(),
    agreement: z.string().min(1).optional(),
    chain: z.string().min(1).optional(),
    step: z.number().int().positive().optional(),
    ...Provenance.shape,
  })
  .strict();
export type RelationshipRecord = z.infer<typeof RelationshipRecord>;

/** Qualifier fields beyond the common ones; which of them a type accepts is in RELATIONSHIP_RULES. */
export const QUALIFIER_FIELDS = ['forum', 'capacity', 'principal', 'task', 'role', 'subject', 'agreement', 'chain', 'step'] as const;

/**
 * The identity of a relationship for MERGE: two records with the same key are the same fact.
 * Type and endpoints alone are not enough: one agency represents the same principal in many
 * forums, and one person may hold the same post in two periods.
 */
export function relationshipKey(r: Pick<RelationshipRecord, 'type' | 'from' | 'to' | 'forum' | 'chain' | 'validFrom' | 'subject'>): string {
  return [r.type, r.from, r.to, r.forum ?? '', r.chain ?? '', r.validFrom ?? '', r.subject ?? ''].join('|');
}
