// The one plain sentence each answer opens with, in English or Swedish, with its citations:
// short enough to paste into a report. It says no more than the facts: a hedge is kept ("In
// some cases, …"), a collective statement keeps its scope ("in some of …, including WHO"), an
// act without a basis says so, an inferred fact is marked as inferred with what it rests on in
// words (the fact or entry, or the outside knowledge), and an undated fact says its dates are
// not given rather than being placed in time. An assignment is named by its short subject, not
// its whole task. The data holds assignments and outside knowledge in English only: a Swedish
// sentence quotes them and says they are in English rather than passing them off as Swedish.
import type { EdgeData, NodeData } from './elements.ts';
import type { Ground, Grounds } from './grounds.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import type { Basis, Certainty, TimeStatus } from './trust.ts';

export const LANGS = ['en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

export interface Summary {
  text: string;
  citations: string[];
}

/** What one sentence clause needs to know about a fact. */
export interface Fact {
  subject: NodeData;
  type: string;
  object: NodeData | null;
  certainty: Certainty | null;
  hedge: string | null;
  inferredFrom?: string[];
  /** What the inferredFrom ids name, where the answer or the graph holds them. */
  grounds?: Grounds;
  outsideKnowledge?: string | null;
  capacity?: string | null;
  principal?: NodeData | null;
  /** The forum, or the Group of forums, the fact is about. */
  forum?: NodeData | null;
  scope?: string | null;
  /** When the forum is a Group: the member the question asked about. */
  member?: NodeData | null;
  basis?: Basis | null;
  /** The giver and the assignment a 'mandate' basis refers to, when found. */
  basisMandate?: { giver: NodeData; relationship: EdgeData } | null;
  /** A treaty or law node a basis refers to, when found. */
  basisNode?: NodeData | null;
  validFrom?: string | null;
  validTo?: string | null;
  attested?: string | null;
  timeStatus?: TimeStatus;
  /** An assignment's name (its subject, else its task), for MANDATES facts. */
  task?: string | null;
  sources: string[];
}

/** An assignment by its short subject ("chief officers"), or its task when it has none. */
export function assignmentName(rel: Record<string, unknown>): string | null {
  if (typeof rel.subject === 'string' && rel.subject) return rel.subject;
  return typeof rel.task === 'string' && rel.task ? rel.task : null;
}

export function nameOf(n: NodeData | null | undefined, lang: Lang): string {
  if (!n) return '?';
  const en = typeof n.nameEn === 'string' && n.nameEn ? n.nameEn : null;
  return lang === 'en' ? (en ?? n.name) : n.name;
}

/** "i vissa fall (in some cases)" → the English gloss, or the source's own words in Swedish. */
export function hedgeWords(hedge: string, lang: Lang): string {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(hedge.trim());
  if (!m) return hedge.trim();
  return lang === 'en' ? m[2]!.trim() : m[1]!.trim();
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const T = {
  en: {
    takesPart: 'takes part',
    in: 'in',
    inSome: (group: string) => `in some of ${group}`,
    inEach: (group: string) => `in each of ${group}`,
    including: (m: string) => `, including ${m}`,
    ownName: 'in its own name, as an expert authority',
    forPrincipal: (p: string) => ` for ${p}`,
    speakingGov: ' (speaking through its government)',
    basisNotStated: 'basis not stated',
    onMandate: (giver: string, task: string | null) => (task ? `on ${giver}'s assignment “${task}”` : `on an assignment from ${giver}`),
    gives: (holder: string, task: string) => `gives ${holder} the assignment “${task}”`,
    englishOnly: '',
    onMandateRef: (ref: string) => `on the assignment ${ref}`,
    under: (n: string) => `under ${n}`,
    inferred: 'inferred, not stated in the source',
    restsOn: (x: string) => `rests on ${x}`,
    and: ' and ',
    outside: (x: string) => `outside knowledge: ${x}`,
    aboutNode: (n: string) => `what the sources say about ${n}`,
    otherFact: 'another fact in the graph',
    undated: (a: string | null) => (a ? `dates not given — first attested ${a}` : 'dates not given'),
    from: (d: string) => `from ${d}`,
    to: (d: string) => `until ${d}`,
    fromTo: (a: string, b: string) => `${a}–${b}`,
    none: 'No facts answer this question.',
    more: (n: number) => `, and ${n} more`,
    allTimes: (t: string) => ` (all: ${t})`,
    candidate: 'candidate',
    chainUp: (root: string) => `The chain above ${root}: `,
    chainDown: (root: string) => `Below ${root}: `,
    chainEmpty: (root: string) => `No chain of authority is recorded above ${root}.`,
    chainEmptyDown: (root: string) => `No chain of authority is recorded below ${root}.`,
    noPaths: (a: string, b: string) => `No route between ${a} and ${b} within the limits asked.`,
    samePlace: (a: string) => `${a} is both ends: the route has no steps.`,
    pathsIntro: (a: string, b: string, n: number) => `${n} route${n === 1 ? '' : 's'} from ${a} to ${b}; the first: `,
    named: (chain: string) => `the named process “${chain}”: `,
  },
  sv: {
    takesPart: 'deltar',
    in: 'i',
    inSome: (group: string) => `i några av ${group}`,
    inEach: (group: string) => `i var och en av ${group}`,
    including: (m: string) => `, bland dem ${m}`,
    ownName: 'i eget namn, som expertmyndighet',
    forPrincipal: (p: string) => ` för ${p}`,
    speakingGov: ' (genom sin regering)',
    basisNotStated: 'grund ej angiven',
    onMandate: (giver: string, task: string | null) => (task ? `på uppdrag av ${giver}: ”${task}”` : `på uppdrag av ${giver}`),
    gives: (holder: string, task: string) => `ger ${holder} uppdraget ”${task}”`,
    // Said once per sentence: the data names assignments in English only.
    englishOnly: ' (uppdragen inom citattecken finns bara på engelska)',
    onMandateRef: (ref: string) => `på uppdraget ${ref}`,
    under: (n: string) => `enligt ${n}`,
    inferred: 'slutsats, inte uttryckligen i källan',
    restsOn: (x: string) => `bygger på ${x}`,
    and: ' och ',
    outside: (x: string) => `kunskap utanför källan, på engelska: ”${x}”`,
    aboutNode: (n: string) => `vad källorna säger om ${n}`,
    otherFact: 'ett annat faktum i grafen',
    undated: (a: string | null) => (a ? `datum ej angivet — belagt första gången ${a}` : 'datum ej angivet'),
    from: (d: string) => `från ${d}`,
    to: (d: string) => `till ${d}`,
    fromTo: (a: string, b: string) => `${a}–${b}`,
    none: 'Inga fakta besvarar frågan.',
    more: (n: number) => ` och ${n} till`,
    allTimes: (t: string) => ` (alla: ${t})`,
    candidate: 'möjlig grund',
    chainUp: (root: string) => `Kedjan ovanför ${root}: `,
    chainDown: (root: string) => `Under ${root}: `,
    chainEmpty: (root: string) => `Ingen mandatkedja finns registrerad ovanför ${root}.`,
    chainEmptyDown: (root: string) => `Ingen mandatkedja finns registrerad under ${root}.`,
    noPaths: (a: string, b: string) => `Ingen väg mellan ${a} och ${b} inom de angivna gränserna.`,
    samePlace: (a: string) => `${a} är både start och mål: vägen har inga steg.`,
    pathsIntro: (a: string, b: string, n: number) => `${n} ${n === 1 ? 'väg' : 'vägar'} från ${a} till ${b}; den första: `,
    named: (chain: string) => `den namngivna processen ”${chain}” (namnet finns bara på engelska): `,
  },
} as const;

type Words = (typeof T)[Lang];

/** Each tie as a finite verb phrase, so a Swedish sentence can put the verb second after a hedge. */
const VERBS: Record<Lang, Record<RelationshipType, string>> = {
  en: {
    PART_OF: 'is part of',
    UNDER: 'answers to',
    MEMBER_OF: 'is a member of',
    PARTICIPATES_IN: 'takes part in',
    REPRESENTS: 'represents',
    MANDATES: 'gives an assignment to',
    APPOINTS: 'appoints',
    HOLDS_POST: 'holds',
    CHAIRS: 'chairs',
    LEADS_DELEGATION: 'leads a delegation to',
    CONTACT_POINT_FOR: 'is the contact point for',
    COOPERATES_WITH: 'cooperates with',
    FORWARDS_REQUESTS_TO: 'forwards requests to',
    FUNDS: 'funds',
    SUPPORTS: 'supports',
    HAS_AGREEMENT_WITH: 'has an agreement with',
    BASED_ON: 'is based on',
    PARTY_TO: 'is a party to',
    ESTABLISHES: 'set up',
    COORDINATES: 'coordinates',
    WORKS_AT: 'works at',
    DIRECTS: 'directs',
    AUTHORED: 'wrote',
    INCLUDES: 'includes',
  },
  sv: {
    PART_OF: 'är en del av',
    UNDER: 'lyder under',
    MEMBER_OF: 'är medlem i',
    PARTICIPATES_IN: 'deltar i',
    REPRESENTS: 'företräder',
    MANDATES: 'ger uppdrag åt',
    APPOINTS: 'utser',
    HOLDS_POST: 'innehar',
    CHAIRS: 'är ordförande i',
    LEADS_DELEGATION: 'leder en delegation till',
    CONTACT_POINT_FOR: 'är kontaktpunkt för',
    COOPERATES_WITH: 'samarbetar med',
    FORWARDS_REQUESTS_TO: 'skickar förfrågningar vidare till',
    FUNDS: 'finansierar',
    SUPPORTS: 'stöder',
    HAS_AGREEMENT_WITH: 'har avtal med',
    BASED_ON: 'bygger på',
    PARTY_TO: 'är part i',
    ESTABLISHES: 'inrättade',
    COORDINATES: 'samordnar',
    WORKS_AT: 'arbetar vid',
    DIRECTS: 'leder',
    AUTHORED: 'skrev',
    INCLUDES: 'omfattar',
  },
};

function verb(lang: Lang, type: string): string {
  return (VERBS[lang] as Record<string, string>)[type] ?? type.toLowerCase().replaceAll('_', ' ');
}

function forumPhrase(f: Fact, w: Words, lang: Lang): string {
  if (!f.forum) return '';
  const forum = nameOf(f.forum, lang);
  if (f.forum.label === 'Group' || f.scope) {
    const including = f.member && f.member.id !== f.forum.id ? w.including(nameOf(f.member, lang)) : '';
    return ` ${f.scope === 'each' ? w.inEach(forum) : w.inSome(forum)}${including}`;
  }
  return ` ${w.in} ${forum}`;
}

function basisPhrase(f: Fact, w: Words, lang: Lang): string | null {
  const b = f.basis;
  if (!b) return null;
  if (b.kind === 'not-stated') return w.basisNotStated;
  if (b.kind === 'mandate') {
    if (f.basisMandate) return w.onMandate(nameOf(f.basisMandate.giver, lang), assignmentName(f.basisMandate.relationship));
    return b.ref ? w.onMandateRef(b.ref) : w.basisNotStated;
  }
  const name = f.basisNode ? nameOf(f.basisNode, lang) : (b.note ?? b.ref ?? '?');
  return w.under(b.note && f.basisNode ? `${name} (${b.note})` : name);
}

function timePhrase(f: Fact, w: Words): string | null {
  if (f.timeStatus === 'undated' || (!f.validFrom && !f.validTo && f.timeStatus !== 'attested' && f.attested)) {
    return w.undated(f.attested ?? null);
  }
  if (f.validFrom && f.validTo) return w.fromTo(f.validFrom, f.validTo);
  if (f.validFrom) return w.from(f.validFrom);
  if (f.validTo) return w.to(f.validTo);
  return null;
}

/** One clause for one fact, with its hedge, scope, basis, certainty and time. */
export function factClause(f: Fact, lang: Lang, withTime = true): string {
  const w = T[lang];
  const subject = nameOf(f.subject, lang);
  // The predicate starts with its finite verb, so Swedish can put it second after a hedge.
  let predicate: string;
  if (f.type === 'PARTICIPATES_IN' && f.capacity === 'expert-authority') {
    predicate = `${w.takesPart}${forumPhrase({ ...f, forum: f.forum ?? f.object }, w, lang)} ${w.ownName}`;
  } else if (f.type === 'REPRESENTS') {
    const principal = f.object ? nameOf(f.object, lang) : '?';
    const gov = f.object?.label === 'Country' && f.capacity === 'government' ? w.speakingGov : '';
    predicate = `${verb(lang, 'REPRESENTS')} ${principal}${gov}${forumPhrase(f, w, lang)}`;
  } else if (f.type === 'LEADS_DELEGATION') {
    const who = f.principal ? w.forPrincipal(nameOf(f.principal, lang)) : '';
    predicate = `${verb(lang, 'LEADS_DELEGATION')} ${nameOf(f.object, lang)}${who}`;
  } else {
    predicate =
      f.type === 'MANDATES' && f.task ? w.gives(nameOf(f.object, lang), f.task) : `${verb(lang, f.type)} ${nameOf(f.object, lang)}`;
  }
  let core = `${subject} ${predicate}`;
  if (f.certainty === 'hedged' && f.hedge) {
    const hedge = capitalise(hedgeWords(f.hedge, lang));
    if (lang === 'en') core = `${hedge}, ${core}`;
    else {
      // Swedish word order: "I vissa fall företräder Socialstyrelsen Sverige …".
      const [finite, ...rest] = predicate.split(' ');
      core = `${hedge} ${finite} ${subject}${rest.length ? ` ${rest.join(' ')}` : ''}`;
    }
  }
  const notes: string[] = [];
  const basis = basisPhrase(f, w, lang);
  if (basis) notes.push(basis);
  const time = withTime ? timePhrase(f, w) : null;
  if (time) notes.push(time);
  if (f.certainty === 'inferred') {
    const grounds = groundsPhrase(f, lang);
    notes.push(grounds ? `${w.inferred}: ${w.restsOn(grounds)}` : w.inferred);
  }
  return notes.length ? `${core} (${notes.join('; ')})` : core;
}

function groundWords(g: Ground | undefined, lang: Lang): string {
  const w = T[lang];
  if (!g) return w.otherFact;
  if (g.kind === 'node') return w.aboutNode(nameOf(g.node, lang));
  return `${nameOf(g.subject, lang)} ${verb(lang, g.type)} ${nameOf(g.object, lang)}`;
}

/** "outside knowledge: …" and the facts or entries it was inferred from, in words, never ids. */
function groundsPhrase(f: Fact, lang: Lang): string {
  const w = T[lang];
  const parts: string[] = [];
  if (f.outsideKnowledge) parts.push(w.outside(f.outsideKnowledge.replace(/^outside knowledge:\s*/i, '')));
  // Two ids that name nothing found read as one "another fact", not twice.
  const named = (f.inferredFrom ?? []).map((id) => groundWords(f.grounds?.get(id), lang));
  parts.push(...new Set(named));
  return parts.join(w.and);
}

const cite = (sources: string[]) => (sources.length ? ` [${sources.map(shortCite).join(', ')}]` : '');

/** "001_1c1597dd7120e666.txt#L16-L16" → "001#L16" for the sentence; citations keep the full ref. */
export function shortCite(ref: string): string {
  const m = /^(\d{3})_[^#]*#L(\d+)(?:-L(\d+))?$/.exec(ref);
  if (!m) return ref;
  return m[3] && m[3] !== m[2] ? `${m[1]}#L${m[2]}-L${m[3]}` : `${m[1]}#L${m[2]}`;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Up to `max` facts as one sentence: clauses joined by semicolons, each with its citations. */
export function factsSentence(facts: Fact[], lang: Lang, max = 3, lead = ''): Summary {
  const w = T[lang];
  if (!facts.length) return { text: w.none, citations: [] };
  const shown = facts.slice(0, max);
  // The same dates on every clause (a route reported in one document) are said once, at the end.
  const times = shown.map((f) => timePhrase(f, w));
  const shared = shown.length > 1 && times[0] && times.every((t) => t === times[0]) ? times[0] : null;
  const clauses = shown.map((f) => `${factClause(f, lang, !shared)}${cite(f.sources)}`);
  const rest = facts.length - shown.length;
  const body = lead ? clauses.join('; ') : capitalise(clauses.join('; '));
  const quotesEnglish = shown.some((f) => (f.type === 'MANDATES' && f.task) || (f.basis?.kind === 'mandate' && f.basisMandate));
  const text = `${lead}${body}${shared ? w.allTimes(shared) : ''}${rest > 0 ? w.more(rest) : ''}${quotesEnglish ? w.englishOnly : ''}.`;
  return { text, citations: unique(shown.flatMap((f) => f.sources)) };
}

export function words(lang: Lang): Words {
  return T[lang];
}

interface HopLike {
  level: number;
  role: string;
  relationship: EdgeData | null;
  node: NodeData;
  from: string;
  restsOn: string | null;
  candidate: boolean;
  certainty: Certainty | null;
  hedge: string | null;
  inferredFrom: string[];
  outsideKnowledge: string | null;
  basis: Basis | null;
  validFrom: string | null;
  validTo: string | null;
  attested: string | null;
  timeStatus?: TimeStatus;
  sources: string[];
}

/** The chain's sentence: its nearest hops (acts and their bases first), candidates left out. */
export function chainSummary(root: NodeData, direction: 'up' | 'down', hops: HopLike[], lang: Lang, grounds?: Grounds): Summary {
  const w = T[lang];
  const rootName = nameOf(root, lang);
  const real = hops.filter((h) => !h.candidate && h.relationship);
  if (!real.length) return { text: direction === 'up' ? w.chainEmpty(rootName) : w.chainEmptyDown(rootName), citations: [] };
  const nodes = new Map<string, NodeData>([[root.id, root]]);
  for (const h of hops) nodes.set(h.node.id, h.node);
  const picked = chainSentenceHops(hops);
  const facts: Fact[] = picked.map((h) => {
    const rel = h.relationship!;
    const basisHop =
      h.basis?.kind === 'mandate' && h.basis.ref ? [...hops].find((x) => x.restsOn && x.relationship?.factId === h.basis!.ref) : undefined;
    const basisNodeHop =
      h.basis && (h.basis.kind === 'treaty' || h.basis.kind === 'law')
        ? hops.find((x) => x.restsOn && !x.relationship && x.node.id === h.basis!.ref)
        : undefined;
    return {
      subject: nodes.get(rel.source) ?? { id: rel.source, label: '', name: rel.source },
      type: rel.type,
      object: nodes.get(rel.target) ?? { id: rel.target, label: '', name: rel.target },
      certainty: h.certainty,
      hedge: h.hedge,
      inferredFrom: h.inferredFrom,
      ...(grounds ? { grounds } : {}),
      outsideKnowledge: h.outsideKnowledge,
      capacity: typeof rel.capacity === 'string' ? rel.capacity : null,
      basis: h.basis,
      basisMandate: basisHop ? { giver: basisHop.node, relationship: basisHop.relationship! } : null,
      basisNode: basisNodeHop?.node ?? null,
      validFrom: h.validFrom,
      validTo: h.validTo,
      attested: h.attested,
      ...(h.timeStatus ? { timeStatus: h.timeStatus } : {}),
      task: assignmentName(rel),
      sources: h.sources,
    };
  });
  return factsSentence(facts, lang, CHAIN_CLAUSES, direction === 'up' ? w.chainUp(rootName) : w.chainDown(rootName));
}

/** Clauses in a chain's sentence: the act, its basis and who holds the post read in one breath. */
const CHAIN_CLAUSES = 3;

/** The hops a chain's sentence speaks of (acts, then their bases, then holders, nearest first). */
export function chainSentenceHops<H extends HopLike>(hops: H[]): H[] {
  const order = (h: HopLike) => (h.role === 'act' ? 0 : h.role === 'basis' ? 1 : h.role === 'holds-post' || h.role === 'held-by' ? 2 : 3);
  return hops
    .filter((h) => !h.candidate && h.relationship)
    .sort((a, b) => order(a) - order(b) || a.level - b.level)
    .slice(0, CHAIN_CLAUSES);
}
