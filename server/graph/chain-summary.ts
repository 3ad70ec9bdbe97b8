// The sentences of a chain of authority: one per step, in the order the chain climbs (level by
// level; within a level the act, then what it rests on, then who holds the post, then whom it
// answers to), each with its own certainty (a hedge in the source's words, an inference with
// what it rests on), its basis and its dates. A chain reads in its order rather than strongest
// first, so the opening counts how many steps are stated, hedged and inferred; as of a date it
// speaks only of the steps held then and counts the other two groups (server/model/as-of.ts).
import type { NodeData } from './elements.ts';
import type { Grounds } from './grounds.ts';
import type { Documents } from './documents.ts';
import type { MandateHop } from './mandate-chain.ts';
import { tieFact } from './edge-facts.ts';
import { type AsOfCounts } from '../model/as-of.ts';
import { asOfSummary, basisPhrase, type Fact, factsSummary, type Lang, numberWord, type Summary, theName, words } from './summary.ts';

/** Steps a chain's answer says in sentences before counting the rest ("2 more steps follow"). */
const CHAIN_SENTENCES = 12;

const ROLE_ORDER: Record<MandateHop['role'], number> = {
  act: 0,
  basis: 1,
  mandate: 2,
  'held-by': 3,
  'holds-post': 3,
  'answers-to': 4,
  authority: 5,
  candidate: 6,
};
const CERTAINTY_ORDER = { stated: 0, hedged: 1, inferred: 2 } as const;

/** The hops a chain's sentences speak of, in the chain's order: candidates and bare treaty links left out. */
export function chainSteps<H extends Pick<MandateHop, 'level' | 'role' | 'candidate' | 'relationship' | 'certainty'>>(hops: H[]): H[] {
  return hops
    .map((h, i) => ({ h, i }))
    .filter(({ h }) => !h.candidate && h.relationship)
    .sort(
      (a, b) =>
        a.h.level - b.h.level ||
        ROLE_ORDER[a.h.role] - ROLE_ORDER[b.h.role] ||
        (a.h.certainty ? CERTAINTY_ORDER[a.h.certainty] : 3) - (b.h.certainty ? CERTAINTY_ORDER[b.h.certainty] : 3) ||
        a.i - b.i,
    )
    .map(({ h }) => h);
}

const W = {
  en: {
    certainties: (stated: number, hedged: number, inferred: number) => {
      const parts = [
        stated ? `${n(stated, 'en')} ${stated === 1 ? 'is' : 'are'} stated in the sources` : '',
        hedged ? `${n(hedged, 'en')} ${hedged === 1 ? 'is' : 'are'} stated with a hedge` : '',
        inferred ? `${n(inferred, 'en')} ${inferred === 1 ? 'is our inference' : 'are our inferences'}` : '',
      ].filter(Boolean);
      return parts.length ? `Of these, ${list(parts, 'en')}.` : '';
    },
  },
  sv: {
    certainties: (stated: number, hedged: number, inferred: number) => {
      const parts = [
        stated ? `${n(stated, 'sv')} står uttryckligen i källorna` : '',
        hedged ? `${n(hedged, 'sv')} står där med förbehåll` : '',
        inferred ? `${n(inferred, 'sv')} ${inferred === 1 ? 'är vår slutsats' : 'är våra slutsatser'}` : '',
      ].filter(Boolean);
      // "Fyra står …": the number first keeps the verb second.
      const text = list(parts, 'sv');
      return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : '';
    },
  },
} as const;

// Facts are neuter in Swedish: "ett", not "en".
const n = (x: number, lang: Lang) => (lang === 'sv' && x === 1 ? 'ett' : numberWord(x, lang));
function list(parts: string[], lang: Lang): string {
  const and = lang === 'en' ? ' and ' : ' och ';
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}${and}${parts.at(-1)}`;
}

export interface ChainSummaryInput {
  root: NodeData;
  direction: 'up' | 'down';
  hops: MandateHop[];
  lang: Lang;
  grounds?: Grounds;
  docs?: Documents;
  /** As of a date: the three counted groups, and which steps held then (their dates place them at that date). */
  asOf?: AsOfCounts | null;
}

/** Each step of a chain as a fact its sentence can say, with the assignment or treaty its basis names. */
function chainFacts(root: NodeData, hops: MandateHop[], grounds?: Grounds): Map<MandateHop, Fact> {
  const nodes = new Map<string, NodeData>([[root.id, root]]);
  for (const h of hops) nodes.set(h.node.id, h.node);
  const facts = new Map<MandateHop, Fact>();
  for (const h of hops) {
    const rel = h.relationship;
    if (!rel) continue;
    const basisHop =
      h.basis?.kind === 'mandate' && h.basis.ref ? hops.find((x) => x.restsOn && x.relationship?.factId === h.basis!.ref) : undefined;
    const basisNodeHop =
      h.basis && (h.basis.kind === 'treaty' || h.basis.kind === 'law')
        ? hops.find((x) => x.restsOn && !x.relationship && x.node.id === h.basis!.ref)
        : undefined;
    facts.set(h, {
      ...tieFact(rel, h, nodes, grounds),
      capacity: typeof rel.capacity === 'string' ? rel.capacity : null,
      basis: h.basis,
      basisMandate: basisHop ? { giver: basisHop.node, relationship: basisHop.relationship! } : null,
      basisNode: basisNodeHop?.node ?? null,
    });
  }
  return facts;
}

/** Each hop's basis in the reader's words, for the list of steps below the answer (null: no act, no basis). */
export function hopBasisTexts(root: NodeData, hops: MandateHop[], lang: Lang): Array<string | null> {
  const facts = chainFacts(root, hops);
  return hops.map((h) => {
    const f = facts.get(h);
    return f && h.basis ? basisPhrase(f, lang) : null;
  });
}

/** A chain's answer: how many facts make it and how sure they are, then one sentence per step in the chain's order. */
export function chainSummary({ root, direction, hops, lang, grounds, docs, asOf }: ChainSummaryInput): Summary {
  const w = words(lang);
  const rootName = theName(root, lang);
  const steps = chainSteps(hops);
  if (!steps.length && !asOf) {
    return { text: direction === 'up' ? w.chainEmpty(rootName) : w.chainEmptyDown(rootName), citations: [], documents: [] };
  }
  const facts = chainFacts(root, hops, grounds);
  const factOf = (h: MandateHop): Fact => facts.get(h)!;
  const options = { max: CHAIN_SENTENCES, docs, order: 'given', restNoun: 'steps' } as const;
  if (asOf) {
    const held = steps.filter((h) => h.timeStatus === 'valid').map(factOf);
    return asOfSummary(held, asOf.undated, asOf.notValid, asOf.date, lang, options);
  }
  const count = (c: string) => steps.filter((h) => h.certainty === c).length;
  const lead = [
    direction === 'up' ? w.chainUp(rootName, steps.length) : w.chainDown(rootName, steps.length),
    W[lang].certainties(count('stated'), count('hedged'), count('inferred')),
  ]
    .filter(Boolean)
    .join(' ');
  return factsSummary(steps.map(factOf), lang, { ...options, lead });
}
