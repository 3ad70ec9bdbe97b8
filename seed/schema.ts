// The seed's record formats: one node or one relationship per JSON line, so a diff of
// seed/data reads as a change of fact. These schemas validate each record on its own;
// cross-record rules (ids, endpoint labels, dangling references) live in validate.ts.
import { z } from 'zod';
import { PartialDate } from '../server/model/dates.ts';
import { TEXT_ORIGINS, type TextField } from '../server/model/texts.ts';
import { BasisKind, Certainty, NodeLabel, RelationshipType, RepresentationCapacity, Scope } from '../server/model/vocabulary.ts';

/** `FILE#Lstart-Lend`, file as named in shared/seeds, 1-based lines. */
export const SourceRef = z
  .string()
  .regex(/^[\w.-]+\.txt#L\d+(-L\d+)?$/, 'expected FILE#Lstart-Lend, e.g. 001_1c1597dd7120e666.txt#L18-L20');

export const EntityId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "socialstyrelsen" or "who-executive-board"');

/**
 * A hedge word in the cited lines that does not limit this fact (it belongs to another clause),
 * with the reason; seed:audit accepts a plain stated fact over such a word only with this.
 */
export const HedgeWaiver = z
  .object({
    word: z.string().min(2),
    reason: z.string().min(10, 'say why the hedge does not apply to this fact'),
  })
  .strict();

export const Provenance = z.object({
  sources: z.array(SourceRef).min(1, 'every fact needs at least one source'),
  /** Our own English paraphrase of what the cited lines say; never a copied sentence. */
  evidence: z.string().min(10, 'evidence must paraphrase the source in a sentence'),
  certainty: Certainty,
  /** The source's own hedge words and an English gloss: `i vissa fall (in some cases)`. */
  hedge: z.string().min(3).optional(),
  /** Ids of the facts (relationship or node ids) an inference rests on. */
  inferredFrom: z.array(z.string().min(1)).optional(),
  /** Outside knowledge an inference rests on, named as such: "outside knowledge: …". */
  outsideKnowledge: z
    .string()
    .regex(/^outside knowledge: .{5,}/, 'expected "outside knowledge: …" naming what the inference rests on')
    .optional(),
  /** Seed only (not loaded): hedge words in the cited lines that do not limit this fact. */
  hedgeNotApplicable: z.array(HedgeWaiver).optional(),
  /** Why the cited lines support a tie although they name neither of its ends (curation checks this). */
  citationNote: z.string().min(10, 'say in at least 10 characters why the cited lines support the fact').optional(),
  /** A change still to come, recorded as planned: shown as planned, never as held. */
  planned: z.boolean().optional(),
  // Source watch (docs/curation.md, "Source watch (as built)"): set by the server, not by editors.
  /** Which version of its document each citation in `sources` was read against (absent: version 1). */
  citedAgainst: z.array(z.number().int().min(1)).optional(),
  /** The cited lines changed in a newer text of the document: the fact waits for review. */
  review: z.literal('source-changed').optional(),
  /** The document whose new text flagged the fact, and that text's version. */
  reviewFile: z.string().min(1).optional(),
  reviewSince: z.number().int().min(1).optional(),
});
export type Provenance = z.infer<typeof Provenance>;

/** The record-level rules of certainty: a hedge iff hedged; an inference says what it rests on. */
function checkCertainty(r: Provenance, ctx: z.RefinementCtx): void {
  if (r.certainty === 'hedged' && r.hedge === undefined)
    ctx.addIssue({ code: 'custom', path: ['hedge'], message: 'a hedged fact needs "hedge": the source’s hedge words and a gloss' });
  if (r.certainty !== 'hedged' && r.hedge !== undefined)
    ctx.addIssue({ code: 'custom', path: ['hedge'], message: `"hedge" belongs only on a hedged fact (this one is ${r.certainty})` });
  if (r.certainty === 'inferred' && !r.inferredFrom?.length && r.outsideKnowledge === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['inferredFrom'],
      message: 'an inferred fact needs "inferredFrom" (fact ids) or "outsideKnowledge" ("outside knowledge: …"), or both',
    });
  if (r.certainty !== 'inferred' && (r.inferredFrom?.length || r.outsideKnowledge !== undefined))
    ctx.addIssue({
      code: 'custom',
      path: [r.inferredFrom?.length ? 'inferredFrom' : 'outsideKnowledge'],
      message: `"inferredFrom" and "outsideKnowledge" belong only on an inferred fact (this one is ${r.certainty})`,
    });
}

/** Where a form's words come from: the source's own, a body's official name, or ours. */
export const TextOrigin = z.enum(TEXT_ORIGINS);

/** The Swedish and English forms of text fields, with their origins (server/model/texts.ts). */
function formsOf<const F extends TextField>(fields: readonly F[]) {
  const shape: Record<string, z.ZodOptional<z.ZodString> | z.ZodOptional<typeof TextOrigin>> = {};
  for (const f of fields) {
    shape[`${f}Sv`] = z.string().min(1).optional();
    shape[`${f}SvOrigin`] = TextOrigin.optional();
    shape[`${f}En`] = z.string().min(1).optional();
    shape[`${f}EnOrigin`] = TextOrigin.optional();
  }
  return shape as Record<`${F}${'Sv' | 'En'}`, z.ZodOptional<z.ZodString>> &
    Record<`${F}${'Sv' | 'En'}Origin`, z.ZodOptional<typeof TextOrigin>>;
}

/** Text fields every fact may carry (provenance), and those of nodes and of ties. */
export const PROVENANCE_TEXT_FIELDS = ['evidence', 'hedge', 'outsideKnowledge'] as const;
export const NODE_TEXT_FIELDS = ['name', 'description', ...PROVENANCE_TEXT_FIELDS] as const;
export const TIE_TEXT_FIELDS = ['task', 'role', 'subject', 'agreement', 'basisNote', ...PROVENANCE_TEXT_FIELDS] as const;
/** The storage keys of those forms, which the loader copies as they are. */
export const NODE_FORM_KEYS = NODE_TEXT_FIELDS.flatMap((f) => [`${f}Sv`, `${f}SvOrigin`, `${f}En`, `${f}EnOrigin`]);
export const TIE_FORM_KEYS = TIE_TEXT_FIELDS.flatMap((f) => [`${f}Sv`, `${f}SvOrigin`, `${f}En`, `${f}EnOrigin`]);

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
    // nameEn (the English name) is one of the name's forms below.
    aliases: z.array(z.string().min(1)).default([]),
    /** One short English line saying what this is, shown in search results. */
    description: z.string().min(1).optional(),
    ...Validity,
    /** Further facts about the node (title, country, tasks…), flat values only. */
    properties: z.record(z.string(), ExtraValue).default({}),
    ...Provenance.shape,
    ...formsOf(NODE_TEXT_FIELDS),
  })
  .strict()
  .superRefine(checkCertainty);
export type NodeRecord = z.infer<typeof NodeRecord>;

/** A relationship's fact id: kebab-case and readable, unique among relationships. */
export const FactId = EntityId;

export const RelationshipRecord = z
  .object({
    /** The fact id other facts refer to (basisRef, inferredFrom); not the MERGE key. */
    id: FactId,
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
    /** On a tie whose end or forum is a Group: holds in some members, or in each. */
    scope: Scope.optional(),
    /** The basis of an act of authority (required on acts, see ACTS_OF_AUTHORITY). */
    basisKind: BasisKind.optional(),
    /** 'mandate': a MANDATES fact id; 'treaty': a Treaty node id; 'law': a node id if one exists. */
    basisRef: z.string().min(1).optional(),
    basisNote: z.string().min(3).optional(),
    /** How sure the link between the act and its basis is. */
    basisCertainty: Certainty.optional(),
    ...Provenance.shape,
    ...formsOf(TIE_TEXT_FIELDS),
  })
  .strict()
  .superRefine(checkCertainty)
  .superRefine((r, ctx) => {
    if (r.basisKind === 'not-stated') {
      if (r.basisRef !== undefined)
        ctx.addIssue({ code: 'custom', path: ['basisRef'], message: 'a basis that is not stated has no basisRef' });
      if (r.basisCertainty !== undefined)
        ctx.addIssue({ code: 'custom', path: ['basisCertainty'], message: 'a basis that is not stated has no basisCertainty' });
    } else if (r.basisKind !== undefined) {
      if (r.basisCertainty === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['basisCertainty'],
          message: `basis "${r.basisKind}" needs basisCertainty (stated, hedged or inferred)`,
        });
      if (r.basisKind !== 'law' && r.basisRef === undefined)
        ctx.addIssue({ code: 'custom', path: ['basisRef'], message: `basis "${r.basisKind}" needs basisRef` });
    } else if (r.basisRef !== undefined || r.basisCertainty !== undefined || r.basisNote !== undefined)
      ctx.addIssue({ code: 'custom', path: ['basisKind'], message: 'basisRef, basisNote and basisCertainty need basisKind' });
  });
export type RelationshipRecord = z.infer<typeof RelationshipRecord>;

/** Qualifier fields beyond the common ones; which of them a type accepts is in RELATIONSHIP_RULES. */
export const QUALIFIER_FIELDS = ['forum', 'capacity', 'principal', 'task', 'role', 'subject', 'agreement', 'chain', 'step'] as const;

/** Basis fields; required (basisKind) on acts of authority, allowed on MANDATES, refused elsewhere. */
export const BASIS_FIELDS = ['basisKind', 'basisRef', 'basisNote', 'basisCertainty'] as const;

/** One source document: what it is and the date it was at least written by (seed/data/sources.json). */
export const SourceRecord = z
  .object({
    file: z.string().regex(/^[\w.-]+\.txt$/, 'expected the file name as in shared/seeds, e.g. 001_1c1597dd7120e666.txt'),
    title: z.string().min(1),
    /** How answers name the document in a citation: author or publisher, then title ("Socialstyrelsen, Vårt internationella arbete"). */
    shortTitle: z.string().min(1).optional(),
    publisher: z.string().min(1),
    language: z.string().min(2),
    /** Partial date the document was at least written by. */
    written: PartialDate,
    writtenCertainty: z.enum(['stated', 'inferred']),
    /** What `written` rests on: a date the document gives, or the latest events it reports as done. */
    writtenBasis: z.string().min(10),
  })
  .strict();
export type SourceRecord = z.infer<typeof SourceRecord>;
export const SourcesFile = z.array(SourceRecord);

/**
 * The identity of a relationship for MERGE: two records with the same key are the same fact.
 * Type and endpoints alone are not enough: one agency represents the same principal in many
 * forums, and one person may hold the same post in two periods.
 */
export function relationshipKey(r: Pick<RelationshipRecord, 'type' | 'from' | 'to' | 'forum' | 'chain' | 'validFrom' | 'subject'>): string {
  return [r.type, r.from, r.to, r.forum ?? '', r.chain ?? '', r.validFrom ?? '', r.subject ?? ''].join('|');
}
