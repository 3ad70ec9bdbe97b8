// The one plain sentence each answer opens with, in English or Swedish, with its citations.
// It says no more than the facts: a hedge is kept ("In some cases, …"), a collective statement
// keeps its scope ("in some of …, including WHO"), an act without a basis says so, an inferred
// fact is marked as inferred with what it rests on, and an undated fact says its dates are not
// given rather than being placed in time.
import type { EdgeData, NodeData } from './elements.ts';
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
  task?: string | null;
  sources: string[];
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
    REPRESENTS: 'represents',
    APPOINTS: 'appoints',
    ESTABLISHES: 'set up',
    MANDATES: 'gives an assignment to',
    HOLDS_POST: 'holds',
    UNDER: 'answers to',
    PART_OF: 'is part of',
    LEADS_DELEGATION: 'leads a delegation to',
    PARTICIPATES_IN: 'takes part in',
    takesPart: 'takes part',
    CONTACT_POINT_FOR: 'is the contact point for',
    FORWARDS_REQUESTS_TO: 'forwards requests to',
    in: 'in',
    inSome: (group: string) => `in some of ${group}`,
    inEach: (group: string) => `in each of ${group}`,
    including: (m: string) => `, including ${m}`,
    ownName: 'in its own name, as an expert authority',
    forPrincipal: (p: string) => ` for ${p}`,
    speakingGov: ' (speaking through its government)',
    basisNotStated: 'basis not stated',
    onMandate: (giver: string, task: string | null) => (task ? `on ${giver}'s assignment to ${task}` : `on an assignment from ${giver}`),
    onMandateRef: (ref: string) => `on the assignment ${ref}`,
    under: (n: string) => `under ${n}`,
    inferred: 'inferred, not stated in the source',
    restsOn: (x: string) => `rests on ${x}`,
    undated: (a: string | null) => (a ? `dates not given — first attested ${a}` : 'dates not given'),
    from: (d: string) => `from ${d}`,
    to: (d: string) => `until ${d}`,
    fromTo: (a: string, b: string) => `${a}–${b}`,
    none: 'No facts answer this question.',
    more: (n: number) => `, and ${n} more`,
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
    REPRESENTS: 'företräder',
    APPOINTS: 'utser',
    ESTABLISHES: 'inrättade',
    MANDATES: 'ger uppdrag åt',
    HOLDS_POST: 'innehar',
    UNDER: 'lyder under',
    PART_OF: 'är en del av',
    LEADS_DELEGATION: 'leder en delegation till',
    PARTICIPATES_IN: 'deltar i',
    takesPart: 'deltar',
    CONTACT_POINT_FOR: 'är kontaktpunkt för',
    FORWARDS_REQUESTS_TO: 'skickar förfrågningar vidare till',
    in: 'i',
    inSome: (group: string) => `i några av ${group}`,
    inEach: (group: string) => `i var och en av ${group}`,
    including: (m: string) => `, bland dem ${m}`,
    ownName: 'i eget namn, som expertmyndighet',
    forPrincipal: (p: string) => ` för ${p}`,
    speakingGov: ' (genom sin regering)',
    basisNotStated: 'grund ej angiven',
    onMandate: (giver: string, task: string | null) => (task ? `på uppdrag av ${giver} att ${task}` : `på uppdrag av ${giver}`),
    onMandateRef: (ref: string) => `på uppdraget ${ref}`,
    under: (n: string) => `enligt ${n}`,
    inferred: 'slutsats, inte uttryckligen i källan',
    restsOn: (x: string) => `bygger på ${x}`,
    undated: (a: string | null) => (a ? `datum ej angivet — belagt första gången ${a}` : 'datum ej angivet'),
    from: (d: string) => `från ${d}`,
    to: (d: string) => `till ${d}`,
    fromTo: (a: string, b: string) => `${a}–${b}`,
    none: 'Inga fakta besvarar frågan.',
    more: (n: number) => ` och ${n} till`,
    candidate: 'möjlig grund',
    chainUp: (root: string) => `Kedjan ovanför ${root}: `,
    chainDown: (root: string) => `Under ${root}: `,
    chainEmpty: (root: string) => `Ingen mandatkedja finns registrerad ovanför ${root}.`,
    chainEmptyDown: (root: string) => `Ingen mandatkedja finns registrerad under ${root}.`,
    noPaths: (a: string, b: string) => `Ingen väg mellan ${a} och ${b} inom de angivna gränserna.`,
    samePlace: (a: string) => `${a} är både start och mål: vägen har inga steg.`,
    pathsIntro: (a: string, b: string, n: number) => `${n} ${n === 1 ? 'väg' : 'vägar'} från ${a} till ${b}; den första: `,
    named: (chain: string) => `den namngivna processen ”${chain}”: `,
  },
} as const;

type Words = (typeof T)[Lang];

function verb(w: Words, type: string): string {
  return ((w as Record<string, unknown>)[type] as string | undefined) ?? type.toLowerCase().replaceAll('_', ' ');
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
    if (f.basisMandate) {
      const task = typeof f.basisMandate.relationship.task === 'string' ? f.basisMandate.relationship.task : null;
      return w.onMandate(nameOf(f.basisMandate.giver, lang), task);
    }
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
export function factClause(f: Fact, lang: Lang): string {
  const w = T[lang];
  const subject = nameOf(f.subject, lang);
  // The predicate starts with its finite verb, so Swedish can put it second after a hedge.
  let predicate: string;
  if (f.type === 'PARTICIPATES_IN' && f.capacity === 'expert-authority') {
    predicate = `${w.takesPart}${forumPhrase({ ...f, forum: f.forum ?? f.object }, w, lang)} ${w.ownName}`;
  } else if (f.type === 'REPRESENTS') {
    const principal = f.object ? nameOf(f.object, lang) : '?';
    const gov = f.object?.label === 'Country' && f.capacity === 'government' ? w.speakingGov : '';
    predicate = `${w.REPRESENTS} ${principal}${gov}${forumPhrase(f, w, lang)}`;
  } else if (f.type === 'LEADS_DELEGATION') {
    const who = f.principal ? w.forPrincipal(nameOf(f.principal, lang)) : '';
    predicate = `${w.LEADS_DELEGATION} ${nameOf(f.object, lang)}${who}`;
  } else {
    const task = f.type === 'MANDATES' && f.task ? ` (${f.task})` : '';
    predicate = `${verb(w, f.type)} ${nameOf(f.object, lang)}${task}`;
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
  const time = timePhrase(f, w);
  if (time) notes.push(time);
  if (f.certainty === 'inferred') {
    const grounds = [f.outsideKnowledge ?? null, f.inferredFrom?.length ? f.inferredFrom.join(', ') : null].filter(Boolean).join('; ');
    notes.push(grounds ? `${w.inferred}: ${w.restsOn(grounds)}` : w.inferred);
  }
  return notes.length ? `${core} (${notes.join('; ')})` : core;
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
  const clauses = shown.map((f) => `${factClause(f, lang)}${cite(f.sources)}`);
  const rest = facts.length - shown.length;
  const text = `${lead}${lead ? clauses.join('; ') : capitalise(clauses.join('; '))}${rest > 0 ? w.more(rest) : ''}.`;
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
export function chainSummary(root: NodeData, direction: 'up' | 'down', hops: HopLike[], lang: Lang): Summary {
  const w = T[lang];
  const rootName = nameOf(root, lang);
  const real = hops.filter((h) => !h.candidate && h.relationship);
  if (!real.length) return { text: direction === 'up' ? w.chainEmpty(rootName) : w.chainEmptyDown(rootName), citations: [] };
  const nodes = new Map<string, NodeData>([[root.id, root]]);
  for (const h of hops) nodes.set(h.node.id, h.node);
  const order = (h: HopLike) => (h.role === 'act' ? 0 : h.role === 'basis' ? 1 : h.role === 'holds-post' || h.role === 'held-by' ? 2 : 3);
  const picked = [...real].sort((a, b) => order(a) - order(b) || a.level - b.level).slice(0, 4);
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
      outsideKnowledge: h.outsideKnowledge,
      capacity: typeof rel.capacity === 'string' ? rel.capacity : null,
      basis: h.basis,
      basisMandate: basisHop ? { giver: basisHop.node, relationship: basisHop.relationship! } : null,
      basisNode: basisNodeHop?.node ?? null,
      validFrom: h.validFrom,
      validTo: h.validTo,
      attested: h.attested,
      ...(h.timeStatus ? { timeStatus: h.timeStatus } : {}),
      task: typeof rel.task === 'string' ? rel.task : null,
      sources: h.sources,
    };
  });
  return factsSentence(facts, lang, 4, direction === 'up' ? w.chainUp(rootName) : w.chainDown(rootName));
}
