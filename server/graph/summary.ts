// The plain sentences each answer opens with, in English or Swedish, with readable citations:
// short enough to paste into a report. One fact per sentence, strongest first (stated and
// dated, stated, hedged, inferred), so a count of the rest ("3 more facts …") never hides a
// fact stronger than one shown. Each sentence says no more than its fact: a hedge is kept
// ("In some cases, …"), a collective statement keeps its scope ("in some of the eight
// organisations …, among them WHO"), an act without a basis says so, an inferred fact is
// marked with what it rests on in words, and an undated fact says its dates are not given.
// Every text the data holds for people is read through server/model/texts.ts in the reader's
// language; where a form is missing the sentence says it neutrally ("an assignment") rather
// than quote the other language. No id, type name, field name or file name reaches the text.
import type { EdgeData, NodeData } from './elements.ts';
import type { Ground, Grounds } from './grounds.ts';
import type { RelationshipType } from '../model/vocabulary.ts';
import { textIn, textOf } from '../model/texts.ts';
import type { Basis, Certainty, TimeStatus } from './trust.ts';
import { citedInWords, citeRefs, type DocumentRef, type Documents, documentsOf } from './documents.ts';
import { agree, isPerfectHedge, isPluralName } from './agreement.ts';

export const LANGS = ['en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

export interface Summary {
  text: string;
  /** The references the text cites, whole ("001_….txt#L16-L16"): the web opens their lines. */
  citations: string[];
  /** The documents cited, as a reader names them, for the list below the answer. */
  documents: DocumentRef[];
}

/** What one sentence needs to know about a fact. */
export interface Fact {
  subject: NodeData;
  type: string;
  object: NodeData | null;
  certainty: Certainty | null;
  hedge: string | null;
  /** The tie itself, when at hand: its texts (hedge, subject, task, outside knowledge) are read from it per language. */
  record?: Record<string, unknown>;
  inferredFrom?: string[];
  /** What the inferredFrom ids name, where the answer or the graph holds them. */
  grounds?: Grounds;
  outsideKnowledge?: string | null;
  capacity?: string | null;
  principal?: NodeData | null;
  /** The forum, or the Group of forums, the fact is about. */
  forum?: NodeData | null;
  /** When the forum is a Group: how many members the source lists. */
  forumSize?: number;
  scope?: string | null;
  /** When the forum is a Group: the member the question asked about. */
  member?: NodeData | null;
  /** When the forum is an organ or part of the forum asked about: that forum. */
  partOf?: NodeData | null;
  /** When the subject acts for the agent asked about (its head, a post or unit of it): that agent. */
  actsFor?: NodeData | null;
  basis?: Basis | null;
  /** The giver and the assignment a 'mandate' basis refers to, when found. */
  basisMandate?: { giver: NodeData; relationship: EdgeData } | null;
  /** A treaty or law node a basis refers to, when found. */
  basisNode?: NodeData | null;
  validFrom?: string | null;
  validTo?: string | null;
  attested?: string | null;
  timeStatus?: TimeStatus;
  /** An assignment's name (its subject, else its task), for MANDATES facts; read from `record` when given. */
  task?: string | null;
  sources: string[];
  /** Source watch: the cited lines changed in a newer text of the document (read from `record` when given). */
  sourceChanged?: boolean;
}

export interface SentenceOptions {
  /** Facts shown before the rest are counted (default 3). */
  max?: number;
  /** A sentence of its own before the facts. */
  lead?: string;
  /** 'strength' (default): strongest first; 'given': as given (the steps of a route). */
  order?: 'strength' | 'given';
  /** The documents cited, so citations name them by short title and year. */
  docs?: Documents;
  /** Sentences after the facts (the as-of groups' counts). */
  tail?: string[];
  /** What the rest are, when counted: "facts" (default), "steps". */
  restNoun?: 'facts' | 'steps';
}

/** An assignment by its short subject ("chief officers"), or its task, in the reader's language. */
export function assignmentName(rel: Record<string, unknown>, lang: Lang = 'en'): string | null {
  return textIn(rel, 'subject', lang) ?? textIn(rel, 'task', lang);
}

const other = (lang: Lang): Lang => (lang === 'en' ? 'sv' : 'en');

/** A node's name in the reader's language; a name given only in the other one (a person's) stands as it is. */
export function nameOf(n: NodeData | null | undefined, lang: Lang): string {
  if (!n) return T[lang].someone;
  return textIn(n, 'name', lang) ?? textIn(n, 'name', other(lang)) ?? T[lang].someone;
}

/** Kinds whose English names are common-noun phrases, said with "the" in a sentence. */
const ARTICLED = new Set(['Post', 'Unit', 'Agency', 'Ministry', 'Government', 'Organisation', 'Programme', 'Treaty', 'Region']);
/** English names that are proper names, said without an article (a brand, a Swedish name kept as it is). */
const BARE_NAME = /^(Business Sweden|Yrkesresan|Socialstyrelsen)\b/;
/** Swedish names of bodies that are common nouns in running text (Språkrådet: "regeringen", "riksdagen"). */
const SV_COMMON_NOUN = /^(Regeringen|Riksdagen|Statsrådet)$/;

/**
 * A node's name as a sentence says it: "the Director-General of Socialstyrelsen", "the World
 * Health Organization". Persons, countries, documents, possessives ("Finland's EU policy"),
 * quantified groups ("Other Finnish ministries") and names given only in Swedish stand bare.
 */
export function theName(n: NodeData | null | undefined, lang: Lang): string {
  const name = nameOf(n, lang);
  // Swedish writes "regeringen" and "riksdagen" in small letters inside a sentence (a sentence's
  // start is capitalised where it is built); their names stand capitalised as labels.
  if (lang === 'sv') return n && SV_COMMON_NOUN.test(name) ? lowerFirst(name) : name;
  if (!n || !ARTICLED.has(n.label) || !textIn(n, 'name', 'en')) return name;
  // An acronym alone ("WHO", "MSB") stands bare, as it is said.
  if (/^[\p{Lu}\d&:]+$/u.test(name) || /^(the|a|an|other|several)\s/i.test(name) || /^\S+['’]s\s/.test(name)) return name;
  if (QUANTIFIED.test(name) || BARE_NAME.test(name)) {
    return name;
  }
  return `the ${name}`;
}

/** Swedish genitive: "Sveriges", but "Socialstyrelsens" and "Mats'" keep one s. */
const genitiveSv = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);

/** "i vissa fall (in some cases)" → the words in the reader's language. */
export function hedgeWords(hedge: string, lang: Lang): string {
  return textIn({ hedge }, 'hedge', lang) ?? hedge.trim();
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "Organisations Socialstyrelsen …" → "organisations Socialstyrelsen …", but "EU …" stays. */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const QUANTIFIED = /^(several|many|some|various|a number of|ett flertal|flera|många|några|olika)\b/i;

const NUMBERS = {
  en: ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  sv: ['', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'],
};
export const numberWord = (n: number, lang: Lang) => NUMBERS[lang][n] ?? String(n);

const T = {
  en: {
    someone: 'an unnamed party',
    takesPart: 'takes part',
    in: 'in',
    group: (size: string, group: string) => `the ${size}${group}`,
    inSome: (group: string) => `in some of ${group}`,
    inEach: (group: string) => `in each of ${group}`,
    among: (m: string) => `, among them ${m}`,
    partOf: (whole: string) => ` (part of ${whole})`,
    actsFor: (agent: string) => ` (acting for ${agent})`,
    ownName: 'in its own name, as an expert authority',
    // A possessive after a closing parenthesis does not read: "the delegation of … (Sweden)".
    leadsDelegationOf: (p: string, forum: string) =>
      p.endsWith(')') ? `leads the delegation of ${p} to ${forum}` : `leads ${p}'s delegation to ${forum}`,
    speakingGov: (p: string) => `${p}, speaking through its government,`,
    basisNotStated: 'basis not stated',
    // "from the ministry": a possessive after a name that ends in a parenthesis does not read.
    onMandate: (giver: string, task: string | null) =>
      task ? `on the assignment “${task}” from ${giver}` : `on an assignment from ${giver}`,
    gives: (holder: string, task: string | null) => (task ? `gives ${holder} the assignment “${task}”` : `gives ${holder} an assignment`),
    mandateMissing: 'on an assignment the graph does not hold',
    under: (n: string) => `under ${n}`,
    aTreaty: 'a treaty',
    aLaw: 'a law',
    inferred: 'inferred, not stated in the sources',
    sourceChanged: 'source changed since cited',
    restsOn: (x: string) => `rests on ${x}`,
    and: ' and ',
    outside: (x: string | null) => (x ? `outside knowledge: ${x}` : 'outside knowledge'),
    aboutNode: (n: string) => `what the sources say about ${n}`,
    // Facts it rests on read as clauses: "the facts that A forwards … and that B coordinates …".
    factsThat: (clauses: string[]) => `${clauses.length === 1 ? 'the fact' : 'the facts'} that ${clauses.join(' and that ')}`,
    otherFact: 'another fact in the graph',
    undated: (a: string | null) => (a ? `dates not given, first attested ${a}` : 'dates not given'),
    from: (d: string) => `from ${d}`,
    to: (d: string) => `until ${d}`,
    fromTo: (a: string, b: string) => (a === b ? a : `${a}–${b}`),
    planned: 'planned',
    plannedFrom: (d: string) => `planned from ${d}`,
    plannedUntil: (d: string) => `planned until ${d}`,
    plannedFromTo: (a: string, b: string) => `planned for ${a === b ? a : `${a}–${b}`}`,
    none: 'No facts answer this question.',
    more: (n: number, noun: 'facts' | 'steps') =>
      noun === 'steps'
        ? `${n} more ${n === 1 ? 'step follows' : 'steps follow'}, listed below.`
        : `${n} more ${n === 1 ? 'fact answers' : 'facts answer'} the question, listed below.`,
    chainUp: (root: string, n: number) => `${count(n, 'en')} ${n === 1 ? 'makes' : 'make'} the chain of authority above ${root}.`,
    chainDown: (root: string, n: number) => `${count(n, 'en')} lead down from ${root} through its mandates and acts.`,
    chainEmpty: (root: string) => `No chain of authority is recorded above ${root}.`,
    chainEmptyDown: (root: string) => `No chain of authority is recorded below ${root}.`,
    noPaths: (a: string, b: string) => `No route between ${a} and ${b} within the limits asked.`,
    samePlace: (a: string) => `${a} is both ends: the route has no steps.`,
    pathsIntro: (a: string, b: string, n: number) => `${n === 1 ? 'One route leads' : `${n} routes lead`} from ${a} to ${b}.`,
    firstRoute: (n: number) => `The first has ${n === 1 ? 'one step' : `${n} steps`}.`,
    named: (name: string | null, n: number) =>
      `The first is the named process${name ? ` “${name}”` : ''}, in ${n === 1 ? 'one step' : `${n} steps`}.`,
    heldLead: (n: number, date: string) =>
      n ? `${capitalise(count(n, 'en'))} held ${at(date, 'en')} by the dates the sources give.` : `No fact here is dated to ${date}.`,
    heldMore: (n: number) => `${n} more held then, listed below.`,
    undatedCount: (n: number) =>
      `${capitalise(count(n, 'en'))} ${n === 1 ? 'has' : 'have'} no dates given and ${n === 1 ? 'is' : 'are'} not counted as held then.`,
    notValidCount: (n: number, date: string) => `${capitalise(count(n, 'en'))} did not hold ${at(date, 'en')}.`,
    sharedLead: (a: string, b: string, n: number) =>
      n
        ? `${capitalise(a)} and ${b} share ${n === 1 ? 'one neighbour' : `${n} neighbours`}.`
        : `${capitalise(a)} and ${b} share no neighbour.`,
  },
  sv: {
    someone: 'en icke namngiven part',
    takesPart: 'deltar',
    in: 'i',
    group: (size: string, group: string) => `de ${size}${group}`,
    inSome: (group: string) => `i några av ${group}`,
    inEach: (group: string) => `i var och en av ${group}`,
    among: (m: string) => `, bland dem ${m}`,
    partOf: (whole: string) => ` (en del av ${whole})`,
    actsFor: (agent: string) => ` (för ${agent})`,
    ownName: 'i eget namn, som expertmyndighet',
    leadsDelegationOf: (p: string, forum: string) => `leder ${genitiveSv(p)} delegation till ${forum}`,
    speakingGov: (p: string) => `${p}, genom sin regering,`,
    basisNotStated: 'grund ej angiven',
    onMandate: (giver: string, task: string | null) => (task ? `på uppdrag av ${giver}: ”${task}”` : `på uppdrag av ${giver}`),
    gives: (holder: string, task: string | null) => (task ? `ger ${holder} uppdraget ”${task}”` : `ger ${holder} ett uppdrag`),
    mandateMissing: 'på ett uppdrag som inte finns i grafen',
    under: (n: string) => `enligt ${n}`,
    aTreaty: 'ett fördrag',
    aLaw: 'en lag',
    inferred: 'slutsats, inte uttryckligen i källorna',
    sourceChanged: 'källan har ändrats sedan den citerades',
    restsOn: (x: string) => `bygger på ${x}`,
    and: ' och ',
    outside: (x: string | null) => (x ? `kunskap utanför källorna: ${x}` : 'kunskap utanför källorna'),
    aboutNode: (n: string) => `vad källorna säger om ${n}`,
    factsThat: (clauses: string[]) => `att ${clauses.join(' och att ')}`,
    otherFact: 'ett annat faktum i grafen',
    undated: (a: string | null) => (a ? `datum ej angivna, belagt första gången ${a}` : 'datum ej angivna'),
    from: (d: string) => `från ${d}`,
    to: (d: string) => `till ${d}`,
    fromTo: (a: string, b: string) => (a === b ? a : `${a}–${b}`),
    planned: 'planerat',
    plannedFrom: (d: string) => `planerat från ${d}`,
    plannedUntil: (d: string) => `planerat till ${d}`,
    plannedFromTo: (a: string, b: string) => `planerat för ${a === b ? a : `${a}–${b}`}`,
    none: 'Inga fakta besvarar frågan.',
    more: (n: number, noun: 'facts' | 'steps') =>
      noun === 'steps'
        ? `${n} steg till följer; ${n === 1 ? 'det listas' : 'de listas'} nedan.`
        : `${n} ${n === 1 ? 'faktum till besvarar' : 'fakta till besvarar'} frågan; ${n === 1 ? 'det listas' : 'de listas'} nedan.`,
    chainUp: (root: string, n: number) => `${count(n, 'sv')} bildar mandatkedjan ovanför ${root}.`,
    chainDown: (root: string, n: number) => `${count(n, 'sv')} leder nedåt från ${root} genom dess uppdrag och beslut.`,
    chainEmpty: (root: string) => `Ingen mandatkedja finns registrerad ovanför ${root}.`,
    chainEmptyDown: (root: string) => `Ingen mandatkedja finns registrerad under ${root}.`,
    noPaths: (a: string, b: string) => `Ingen väg mellan ${a} och ${b} inom de angivna gränserna.`,
    samePlace: (a: string) => `${a} är både start och mål: vägen har inga steg.`,
    pathsIntro: (a: string, b: string, n: number) => `${n === 1 ? 'En väg leder' : `${n} vägar leder`} från ${a} till ${b}.`,
    firstRoute: (n: number) => `Den första har ${n === 1 ? 'ett steg' : `${n} steg`}.`,
    named: (name: string | null, n: number) =>
      `Den första är den namngivna processen${name ? ` ”${name}”` : ''}, i ${n === 1 ? 'ett steg' : `${n} steg`}.`,
    heldLead: (n: number, date: string) =>
      n ? `${capitalise(count(n, 'sv'))} gällde ${at(date, 'sv')} enligt källornas datum.` : `Inget faktum här är daterat till ${date}.`,
    heldMore: (n: number) => `${n} till gällde då; ${n === 1 ? 'det listas' : 'de listas'} nedan.`,
    undatedCount: (n: number) => `${capitalise(count(n, 'sv'))} saknar angivna datum och räknas inte som gällande då.`,
    notValidCount: (n: number, date: string) => `${capitalise(count(n, 'sv'))} gällde inte ${at(date, 'sv')}.`,
    sharedLead: (a: string, b: string, n: number) =>
      n
        ? `${capitalise(a)} och ${b} har ${n === 1 ? 'en granne' : `${n} grannar`} gemensamt.`
        : `${capitalise(a)} och ${b} har inga grannar gemensamt.`,
  },
} as const;

function count(n: number, lang: Lang): string {
  if (lang === 'en') return n === 1 ? 'one fact' : `${n} facts`;
  return n === 1 ? 'ett faktum' : `${n} fakta`;
}

/** "in 2016" / "on 2016-05-01"; "2016" / "den 2016-05-01". */
function at(date: string, lang: Lang): string {
  if (lang === 'en') return date.length === 10 ? `on ${date}` : `in ${date}`;
  return date.length === 10 ? `den ${date}` : date;
}

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
    // "Charlotta George is the Chief Nurse Officer of Sweden": a post is held by being it.
    HOLDS_POST: 'is',
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
    HOLDS_POST: 'är',
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

/** A tie type the vocabulary does not know (an old import) reads as a plain link, never as its type name. */
const UNKNOWN_VERB = { en: 'is linked to', sv: 'har en koppling till' } as const;

export function verb(lang: Lang, type: string): string {
  return (VERBS[lang] as Record<string, string>)[type] ?? UNKNOWN_VERB[lang];
}

/** What one answer has said already: "Sweden, speaking through its government" is said once. */
interface Said {
  government: Set<string>;
  /** The documents the answer cites, so a data text's citation shorthand reads as theirs. */
  docs?: Documents;
}

function groupPhrase(f: Fact, lang: Lang): string {
  const w = T[lang];
  // "The forums …" reads as "the two forums …": the phrase brings its own article.
  const name = nameOf(f.forum, lang).replace(/^the\s+/i, '');
  const quantified = QUANTIFIED.test(name);
  const size = !quantified && f.forumSize && f.forumSize > 1 ? `${numberWord(f.forumSize, lang)} ` : '';
  return quantified ? lowerFirst(name) : w.group(size, lowerFirst(name));
}

function forumPhrase(f: Fact, lang: Lang): string {
  const w = T[lang];
  if (!f.forum) return '';
  if (f.forum.label === 'Group' || f.scope) {
    const group = groupPhrase(f, lang);
    const among = f.member && f.member.id !== f.forum.id ? w.among(theName(f.member, lang)) : '';
    return ` ${f.scope === 'each' ? w.inEach(group) : w.inSome(group)}${among}`;
  }
  const part = f.partOf && f.partOf.id !== f.forum.id ? w.partOf(theName(f.partOf, lang)) : '';
  return ` ${w.in} ${theName(f.forum, lang)}${part}`;
}

/** An act's basis in words ("on the government's assignment …", "basis not stated"), or null for a tie that is no act. */
export function basisPhrase(f: Fact, lang: Lang): string | null {
  const w = T[lang];
  const b = f.basis;
  if (!b) return null;
  if (b.kind === 'not-stated') return w.basisNotStated;
  if (b.kind === 'mandate') {
    if (f.basisMandate) return w.onMandate(theName(f.basisMandate.giver, lang), assignmentName(f.basisMandate.relationship, lang));
    return w.mandateMissing;
  }
  const name = f.basisNode ? theName(f.basisNode, lang) : b.kind === 'treaty' ? w.aTreaty : w.aLaw;
  // A note (an article) is our English; a Swedish sentence names the treaty only.
  return w.under(b.note && f.basisNode && lang === 'en' ? `${name} (${b.note})` : name);
}

function timePhrase(f: Fact, w: Words): string | null {
  // A planned change says so wherever its dates show, as the web app does: never read as held.
  if (recordOf(f).planned === true) {
    if (f.validFrom && f.validTo) return w.plannedFromTo(f.validFrom, f.validTo);
    if (f.validFrom) return w.plannedFrom(f.validFrom);
    if (f.validTo) return w.plannedUntil(f.validTo);
    return w.planned;
  }
  // An as-of answer's 'attested' (known by a document written then) is still a fact whose dates are not given.
  if (f.timeStatus === 'undated' || (!f.validFrom && !f.validTo && (f.timeStatus === 'attested' || f.attested))) {
    return w.undated(f.attested ?? null);
  }
  if (f.validFrom && f.validTo) return w.fromTo(f.validFrom, f.validTo);
  if (f.validFrom) return w.from(f.validFrom);
  if (f.validTo) return w.to(f.validTo);
  return null;
}

const recordOf = (f: Fact): Record<string, unknown> =>
  f.record ?? { hedge: f.hedge, outsideKnowledge: f.outsideKnowledge, ...(f.task ? { task: f.task } : {}) };

/** One clause for one fact, with its hedge, scope, basis, certainty and time. */
export function factClause(f: Fact, lang: Lang, said: Said = { government: new Set() }): string {
  const w = T[lang];
  const record = recordOf(f);
  const subject = `${theName(f.subject, lang)}${f.actsFor && f.actsFor.id !== f.subject.id ? w.actsFor(theName(f.actsFor, lang)) : ''}`;
  // The predicate starts with its finite verb, so Swedish can put it second after a hedge.
  let predicate: string;
  if (f.type === 'PARTICIPATES_IN' && f.capacity === 'expert-authority') {
    predicate = `${w.takesPart}${forumPhrase({ ...f, forum: f.forum ?? f.object }, lang)} ${w.ownName}`;
  } else if (f.type === 'REPRESENTS') {
    let principal = theName(f.object, lang);
    if (f.object?.label === 'Country' && f.capacity === 'government' && !said.government.has(f.object.id)) {
      said.government.add(f.object.id);
      principal = w.speakingGov(principal);
    }
    predicate = `${verb(lang, 'REPRESENTS')} ${principal}${forumPhrase(f, lang)}`.replace(/,$/, '');
  } else if (f.type === 'LEADS_DELEGATION') {
    // "leads Sweden's delegation to …": whose delegation it is, as the source says it.
    predicate = f.principal
      ? w.leadsDelegationOf(theName(f.principal, lang), theName(f.object, lang))
      : `${verb(lang, 'LEADS_DELEGATION')} ${theName(f.object, lang)}`;
  } else if (f.type === 'MANDATES') {
    const task = f.record ? assignmentName(f.record, lang) : lang === 'en' ? (f.task ?? null) : null;
    predicate = w.gives(theName(f.object, lang), task);
  } else {
    predicate = `${verb(lang, f.type)} ${theName(f.object, lang)}`;
  }
  const hedge = f.certainty === 'hedged' ? textIn(record, 'hedge', lang) : null;
  predicate = agree(predicate, lang, { plural: pluralSubject(f.subject, lang), perfect: isPerfectHedge(hedge) });
  let core = `${subject} ${predicate}`;
  if (hedge) {
    // A hedge in two parts ("by custom … usually") opens the sentence with its first part and
    // puts the second beside the verb, as the source does: no ellipsis reaches the reader.
    const [lead, inner] = hedge.split(/\s*…\s*/, 2) as [string, string | undefined];
    if (lang === 'en') core = inner ? `${capitalise(lead)}, ${subject} ${inner} ${predicate}` : `${capitalise(hedge)}, ${core}`;
    else {
      // Swedish word order: "I vissa fall företräder Socialstyrelsen Sverige …", "Enligt praxis leder X vanligen …".
      const [finite, ...rest] = predicate.split(' ');
      core = `${capitalise(lead)} ${finite} ${subject}${inner ? ` ${inner}` : ''}${rest.length ? ` ${rest.join(' ')}` : ''}`;
    }
  }
  const notes: string[] = [];
  const basis = basisPhrase(f, lang);
  if (basis) notes.push(basis);
  const time = timePhrase(f, w);
  if (time) notes.push(time);
  if (f.certainty === 'inferred') {
    const grounds = groundsPhrase(f, record, lang, said.docs);
    notes.push(grounds ? `${w.inferred}: ${w.restsOn(grounds)}` : w.inferred);
  }
  // Source watch: the cited lines changed in a newer text and no editor has looked yet.
  if (f.sourceChanged || record.review === 'source-changed' || record.sourceChanged === true) notes.push(w.sourceChanged);
  return notes.length ? `${core} (${notes.join('; ')})` : core;
}

/** A ground in words: a fact as a clause (to be read after "that"), anything else as a phrase. */
function groundWords(g: Ground | undefined, lang: Lang): { clause: string } | { phrase: string } {
  const w = T[lang];
  if (!g) return { phrase: w.otherFact };
  if (g.kind === 'node') return { phrase: w.aboutNode(theName(g.node, lang)) };
  return {
    clause: `${theName(g.subject, lang)} ${agree(verb(lang, g.type), lang, { plural: pluralSubject(g.subject, lang) })} ${theName(g.object, lang)}`,
  };
}

/** An English subject whose name is plural takes a plural verb ("the Government Offices of Sweden answer"). */
function pluralSubject(n: NodeData | null | undefined, lang: Lang): boolean {
  const en = lang === 'en' && n ? textIn(n, 'name', 'en') : null;
  return !!en && isPluralName(en, n?.label);
}

/** "outside knowledge: …" and the facts or entries it was inferred from, in words, never ids. */
function groundsPhrase(f: Fact, record: Record<string, unknown>, lang: Lang, docs?: Documents): string {
  const w = T[lang];
  const parts: string[] = [];
  const outside = textOf(record, 'outsideKnowledge', lang) ?? (f.outsideKnowledge && lang === 'en' ? { text: f.outsideKnowledge } : null);
  if (outside) parts.push(w.outside(citedInWords(outside.text.replace(/^(outside knowledge|kunskap utifrån):\s*/i, ''), docs, lang)));
  else if (f.outsideKnowledge || textIn(record, 'outsideKnowledge', other(lang))) parts.push(w.outside(null));
  // Two ids that name nothing found read as one "another fact", not twice.
  const named = (f.inferredFrom ?? []).map((id) => groundWords(f.grounds?.get(id), lang));
  const clauses = [...new Set(named.flatMap((g) => ('clause' in g ? [g.clause] : [])))];
  if (clauses.length) parts.push(w.factsThat(clauses));
  parts.push(...new Set(named.flatMap((g) => ('phrase' in g ? [g.phrase] : []))));
  return parts.join(w.and);
}

/** Stated and dated, stated, hedged, inferred; facts of unknown certainty last. */
export function strength(f: Pick<Fact, 'certainty' | 'validFrom' | 'validTo'>): number {
  if (f.certainty === 'stated') return f.validFrom || f.validTo ? 0 : 1;
  if (f.certainty === 'hedged') return 2;
  if (f.certainty === 'inferred') return 3;
  return 4;
}

/** Strongest first; equal facts keep their order. */
export function strongestFirst<F extends Pick<Fact, 'certainty' | 'validFrom' | 'validTo'>>(facts: readonly F[]): F[] {
  return facts
    .map((f, i) => ({ f, i }))
    .sort((a, b) => strength(a.f) - strength(b.f) || a.i - b.i)
    .map((x) => x.f);
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Facts as sentences, one each, with readable citations; the rest counted in a sentence of its own. */
export function factsSentence(facts: Fact[], lang: Lang, max = 3, lead = '', options: Omit<SentenceOptions, 'max' | 'lead'> = {}): Summary {
  return factsSummary(facts, lang, { ...options, max, lead });
}

export function factsSummary(facts: Fact[], lang: Lang, options: SentenceOptions = {}): Summary {
  const w = T[lang];
  const { max = 3, lead = '', docs, tail = [] } = options;
  if (!facts.length && !lead) return { text: [w.none, ...tail].join(' '), citations: [], documents: [] };
  const ordered = options.order === 'given' ? facts : strongestFirst(facts);
  const shown = ordered.slice(0, max);
  const said: Said = { government: new Set(), docs };
  const sentences = shown.map((f) => {
    const cites = f.sources.length ? ` [${citeRefs(f.sources, docs, lang)}]` : '';
    return `${capitalise(factClause(f, lang, said))}${cites}.`;
  });
  const rest = ordered.length - shown.length;
  const text = [lead, ...sentences, rest > 0 ? w.more(rest, options.restNoun ?? 'facts') : '', ...tail].filter(Boolean).join(' ');
  const citations = unique(shown.flatMap((f) => f.sources));
  return { text, citations, documents: documentsOf(citations, docs, lang) };
}

/**
 * An answer as of a date: its opening speaks only of the facts held then (their dates place
 * them at that date), and says so when there are none; then how many have no dates given
 * (never counted as held) and how many did not hold then.
 */
export function asOfSummary(
  held: Fact[],
  undated: number,
  notValid: number,
  date: string,
  lang: Lang,
  options: Omit<SentenceOptions, 'tail'> = {},
): Summary {
  const w = T[lang];
  const tail = [undated ? w.undatedCount(undated) : '', notValid ? w.notValidCount(notValid, date) : ''].filter(Boolean);
  const max = options.max ?? 3;
  const ordered = options.order === 'given' ? held : strongestFirst(held);
  const summary = factsSummary(ordered.slice(0, max), lang, { ...options, lead: options.lead ?? w.heldLead(held.length, date), tail: [] });
  const rest = held.length - Math.min(held.length, max);
  const text = [summary.text, rest > 0 ? w.heldMore(rest) : '', ...tail].filter(Boolean).join(' ');
  return { ...summary, text };
}

export function words(lang: Lang): Words {
  return T[lang];
}
