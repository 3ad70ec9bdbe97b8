// The graph as linked data in W3C ORG and PROV-O terms, one set of triples per element, which
// the JSON-LD and the Turtle writers serialise the same way (tests check the two parse to
// isomorphic graphs). Where ORG and PROV have no term (certainty, hedge, forum, capacity,
// scope) a small extension vocabulary `me:` says it; docs/formats.md lists its terms.
//
// Every relationship is also an rdf:Statement (subject, predicate, object) so that its own
// facts — dates, certainty, sources — have a resource to sit on, next to the direct triple
// and the ORG / PROV qualified form where one exists.
import type { ExportDocument } from './facts.ts';
import type { ExportNode, ExportRelationship } from '../formats.ts';
import { basisOf, extraProperties, factId, NODE_FIELDS, partialDate, RELATIONSHIP_FIELDS, splitSource, trustOf } from './facts.ts';
import { formFieldOf, propertyTextOf, TEXT_LANGS, textOf, type TextField } from '../../model/texts.ts';

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  org: 'http://www.w3.org/ns/org#',
  prov: 'http://www.w3.org/ns/prov#',
  time: 'http://www.w3.org/2006/time#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  // The extension vocabulary and the instance namespaces. URNs, because the project has no
  // domain of its own to mint resolvable IRIs under.
  me: 'urn:mandate-explorer:ns#',
  id: 'urn:mandate-explorer:id:',
  fact: 'urn:mandate-explorer:fact:',
  doc: 'urn:mandate-explorer:source:',
} as const;
type Prefix = keyof typeof NS;

/** An IRI as prefix + local part, so both writers can shorten it the same way. */
export interface Iri {
  iri: string;
}
export interface Literal {
  value: string;
  datatype?: string;
  language?: string;
}
export type Term = Iri | Literal;
export interface Triple {
  s: string;
  p: string;
  o: Term;
}

const iri = (prefix: Prefix, local: string): string => NS[prefix] + local;
export const isIri = (t: Term): t is Iri => 'iri' in t;

// Every organisation is also typed org:Organization and every actor prov:Agent, so shapes and
// consumers that do no RDFS inference still see the superclass. Posts act in this model (a
// director-general leads a delegation), so they are agents too.
const ORG = [iri('org', 'Organization'), iri('prov', 'Agent')];
const ENTITY_CLASSES: Record<string, string[]> = {
  Person: [iri('foaf', 'Person'), iri('prov', 'Agent')],
  Post: [iri('org', 'Post'), iri('prov', 'Agent')],
  Government: [iri('org', 'FormalOrganization'), ...ORG],
  Ministry: [iri('org', 'FormalOrganization'), ...ORG],
  Agency: [iri('org', 'FormalOrganization'), ...ORG],
  Unit: [iri('org', 'OrganizationalUnit'), ...ORG],
  Organisation: ORG,
  Country: [iri('org', 'FormalOrganization'), ...ORG],
  Region: [iri('org', 'FormalOrganization'), ...ORG],
  Group: [iri('prov', 'Collection')],
  Treaty: [iri('prov', 'Entity')],
  Programme: [iri('prov', 'Entity')],
  Document: [iri('prov', 'Entity'), iri('foaf', 'Document')],
};
const isOrg = (label: string | undefined) => !!label && (ENTITY_CLASSES[label] ?? []).includes(iri('org', 'Organization'));
const isAgent = (label: string | undefined) => !!label && (ENTITY_CLASSES[label] ?? []).includes(iri('prov', 'Agent'));

export const entityIri = (id: string) => iri('id', id);
export const factIri = (id: string) => iri('fact', id);
export const documentIri = (file: string) => iri('doc', file);
const camel = (type: string) => type.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
export const predicateIri = (type: string) => iri('me', camel(type));

function dateLiteral(d: string): Literal {
  const type = d.length === 4 ? 'gYear' : d.length === 7 ? 'gYearMonth' : 'date';
  return { value: d, datatype: iri('xsd', type) };
}

const lit = (value: string, language?: string): Literal => (language ? { value, language } : { value });

class Triples {
  readonly list: Triple[] = [];
  add(s: string, p: string, o: Term | string | undefined | null): void {
    if (o === undefined || o === null || o === '') return;
    this.list.push({ s, p, o: typeof o === 'string' ? lit(o) : o });
  }
  link(s: string, p: string, o: string | undefined): void {
    if (o) this.list.push({ s, p, o: { iri: o } });
  }
}

/** A text's Swedish and English forms as literals tagged @sv and @en (docs/model.md, "Two languages"). */
function formTriples(t: Triples, subject: string, predicate: string, props: Record<string, unknown>, field: TextField): void {
  for (const lang of TEXT_LANGS) {
    const text = textOf(props, field, lang);
    t.add(subject, predicate, text ? lit(text.text, lang) : undefined);
  }
}

/** certainty, hedge, inferredFrom, outsideKnowledge, evidence and the sources of a fact or node. */
function trustTriples(t: Triples, subject: string, props: Record<string, unknown>, derivationBase: string): void {
  const trust = trustOf(props);
  t.add(subject, iri('me', 'certainty'), trust.certainty);
  t.add(subject, iri('me', 'hedge'), trust.hedge);
  // An id in inferredFrom names a node or a relationship, and only a lookup could tell which
  // namespace it belongs in, so it stays the id as written.
  for (const f of trust.inferredFrom) t.add(subject, iri('me', 'inferredFrom'), f);
  if (trust.outsideKnowledge) formTriples(t, subject, iri('me', 'outsideKnowledge'), props, 'outsideKnowledge');
  if (trust.evidence) formTriples(t, subject, iri('me', 'evidence'), props, 'evidence');
  trust.sources.forEach((ref, i) => {
    const { file, lines } = splitSource(ref);
    const doc = documentIri(file);
    // The plain derivation for consumers that read only prov:wasDerivedFrom; the qualified one
    // keeps the cited lines.
    t.link(subject, iri('prov', 'wasDerivedFrom'), doc);
    const d = `${derivationBase}/derivation/${i + 1}`;
    t.link(subject, iri('prov', 'qualifiedDerivation'), d);
    t.link(d, iri('rdf', 'type'), iri('prov', 'Derivation'));
    t.link(d, iri('prov', 'entity'), doc);
    t.add(d, iri('me', 'citation'), ref);
    t.add(d, iri('me', 'lines'), lines);
    t.link(doc, iri('rdf', 'type'), iri('me', 'SourceDocument'));
  });
}

function extrasTriples(t: Triples, subject: string, extra: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(extra)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(k)) continue;
    // A property with both forms (tasks, tasksSv, tasksEn…) is said once, in each language.
    const base = formFieldOf(k);
    if (base !== null && base in extra) continue;
    if (`${k}Sv` in extra || `${k}En` in extra) {
      for (const lang of TEXT_LANGS)
        for (const x of propertyTextOf(extra, k, lang)?.items ?? []) t.add(subject, iri('me', k), lit(x, lang));
      continue;
    }
    for (const x of Array.isArray(v) ? v : [v]) t.add(subject, iri('me', k), String(x));
  }
}

export function nodeTriples(n: ExportNode): Triple[] {
  const t = new Triples();
  const s = entityIri(n.id);
  const p = n.properties;
  for (const c of ENTITY_CLASSES[n.label] ?? [iri('prov', 'Entity')]) t.link(s, iri('rdf', 'type'), c);
  t.link(s, iri('rdf', 'type'), iri('me', n.label));
  t.add(s, iri('dcterms', 'identifier'), n.id);
  t.add(s, iri('skos', 'prefLabel'), typeof p.name === 'string' ? p.name : n.id);
  t.add(s, iri('skos', 'altLabel'), typeof p.nameEn === 'string' ? lit(p.nameEn, 'en') : undefined);
  // The Swedish name, where it is spelt otherwise than the name as the source gives it.
  const sv = textOf(p, 'name', 'sv');
  if (sv && sv.text !== p.name) t.add(s, iri('skos', 'altLabel'), lit(sv.text, 'sv'));
  if (Array.isArray(p.aliases)) for (const a of p.aliases) t.add(s, iri('skos', 'altLabel'), String(a));
  formTriples(t, s, iri('dcterms', 'description'), p, 'description');
  const from = partialDate(p.validFrom);
  const to = partialDate(p.validTo);
  if (from || to) intervalTriples(t, s, `${s}/existence`, from, to, iri('me', 'during'));
  t.add(s, iri('me', 'attested'), partialDate(p.attested) ? dateLiteral(p.attested as string) : undefined);
  trustTriples(t, s, p, s);
  extrasTriples(t, s, extraProperties(p, NODE_FIELDS));
  return t.list;
}

function intervalTriples(t: Triples, subject: string, interval: string, from?: string, to?: string, via = iri('me', 'during')): void {
  t.link(subject, via, interval);
  t.link(interval, iri('rdf', 'type'), iri('time', 'Interval'));
  for (const [edge, d] of [
    ['hasBeginning', from],
    ['hasEnd', to],
  ] as const) {
    if (!d) continue;
    const instant = `${interval}/${edge === 'hasBeginning' ? 'beginning' : 'end'}`;
    t.link(interval, iri('time', edge), instant);
    t.link(instant, iri('rdf', 'type'), iri('time', 'Instant'));
    const prop = d.length === 4 ? 'inXSDgYear' : d.length === 7 ? 'inXSDgYearMonth' : 'inXSDDate';
    t.add(instant, iri('time', prop), dateLiteral(d));
  }
}

/** Types that are acts of authority: a prov:Activity by the start, with the basis as a qualified influence. */
const ACTS = new Set(['REPRESENTS', 'APPOINTS', 'ESTABLISHES', 'LEADS_DELEGATION', 'CONTACT_POINT_FOR', 'MANDATES']);
/** Ties ORG reads as membership of an agent in an organisation. */
const MEMBERSHIPS = new Set(['MEMBER_OF', 'PARTICIPATES_IN', 'WORKS_AT', 'CHAIRS']);

export function relationshipTriples(r: ExportRelationship, labelOf: (id: string) => string | undefined): Triple[] {
  const t = new Triples();
  const p = r.properties;
  const id = factId(r);
  const f = factIri(id);
  const a = entityIri(r.start);
  const b = entityIri(r.end);
  const pred = predicateIri(r.type);

  t.link(a, pred, b);
  t.link(f, iri('rdf', 'type'), iri('rdf', 'Statement'));
  t.link(f, iri('rdf', 'type'), iri('me', 'Fact'));
  t.link(f, iri('rdf', 'subject'), a);
  t.link(f, iri('rdf', 'predicate'), pred);
  t.link(f, iri('rdf', 'object'), b);
  t.add(f, iri('dcterms', 'identifier'), id);
  t.add(f, iri('me', 'relationshipType'), r.type);
  for (const q of ['capacity', 'role', 'task', 'subject', 'agreement', 'chain', 'scope'] as const)
    t.add(f, iri('me', q), typeof p[q] === 'string' ? (p[q] as string) : undefined);
  if (typeof p.step === 'number') t.add(f, iri('me', 'step'), { value: String(p.step), datatype: iri('xsd', 'integer') });
  if (typeof p.forum === 'string') t.link(f, iri('me', 'forum'), entityIri(p.forum));
  if (typeof p.principal === 'string') t.link(f, iri('me', 'principal'), entityIri(p.principal));
  const from = partialDate(p.validFrom);
  const to = partialDate(p.validTo);
  const interval = `${f}/interval`;
  if (from || to) intervalTriples(t, f, interval, from, to);
  t.add(f, iri('me', 'attested'), partialDate(p.attested) ? dateLiteral(p.attested as string) : undefined);
  trustTriples(t, f, p, f);
  extrasTriples(t, f, extraProperties(p, RELATIONSHIP_FIELDS));

  // ORG's own shapes.
  const startLabel = labelOf(r.start);
  const endLabel = labelOf(r.end);
  if (r.type === 'PART_OF') {
    if (startLabel === 'Post' && isOrg(endLabel)) {
      t.link(a, iri('org', 'postIn'), b);
      t.link(b, iri('org', 'hasPost'), a);
    } else if (startLabel === 'Unit' && isOrg(endLabel)) t.link(a, iri('org', 'unitOf'), b);
    else if (isOrg(startLabel) && isOrg(endLabel)) t.link(a, iri('org', 'subOrganizationOf'), b);
    else t.link(a, iri('dcterms', 'isPartOf'), b);
  } else if (r.type === 'HOLDS_POST') {
    t.link(a, iri('org', 'holds'), b);
    t.link(b, iri('org', 'heldBy'), a);
  } else if (r.type === 'UNDER') t.link(a, iri('org', 'reportsTo'), b);
  else if (r.type === 'DIRECTS') t.link(a, iri('org', 'headOf'), b);
  else if (r.type === 'INCLUDES') t.link(a, iri('prov', 'hadMember'), b);
  else if (r.type === 'MEMBER_OF') t.link(a, iri('org', 'memberOf'), b);
  if (MEMBERSHIPS.has(r.type) && isOrg(endLabel)) {
    t.link(f, iri('rdf', 'type'), iri('org', 'Membership'));
    t.link(f, iri('org', 'member'), a);
    t.link(f, iri('org', 'organization'), b);
    if (from || to) t.link(f, iri('org', 'memberDuring'), interval);
  }

  // PROV: acting on behalf of, as a qualified Delegation; acts with their basis.
  if (r.type === 'REPRESENTS' || r.type === 'LEADS_DELEGATION' || r.type === 'MANDATES') {
    // REPRESENTS: the agent acts for the principal (the end). LEADS_DELEGATION: for `principal`.
    // MANDATES: the mandated (the end) acts for the giver (the start).
    const [agent, responsible] =
      r.type === 'MANDATES'
        ? [b, a]
        : r.type === 'REPRESENTS'
          ? [a, b]
          : [a, typeof p.principal === 'string' ? entityIri(p.principal) : undefined];
    const responsibleLabel =
      r.type === 'MANDATES'
        ? startLabel
        : r.type === 'REPRESENTS'
          ? endLabel
          : typeof p.principal === 'string'
            ? labelOf(p.principal)
            : undefined;
    // A treaty that mandates is a basis, not an agent: it influences the mandated body.
    if (responsible && !isAgent(responsibleLabel)) t.link(agent, iri('prov', 'wasInfluencedBy'), responsible);
    else if (responsible) {
      const activity = `${f}/activity`;
      t.link(agent, iri('prov', 'actedOnBehalfOf'), responsible);
      t.link(agent, iri('prov', 'qualifiedDelegation'), f);
      t.link(f, iri('rdf', 'type'), iri('prov', 'Delegation'));
      t.link(f, iri('prov', 'agent'), responsible);
      t.link(f, iri('prov', 'hadActivity'), activity);
      t.link(activity, iri('rdf', 'type'), iri('prov', 'Activity'));
      if (isAgent(r.type === 'MANDATES' ? endLabel : startLabel)) t.link(activity, iri('prov', 'wasAssociatedWith'), agent);
      const forum = r.type === 'LEADS_DELEGATION' ? r.end : typeof p.forum === 'string' ? p.forum : undefined;
      if (forum) t.link(activity, iri('me', 'forum'), entityIri(forum));
      if (textOf(p, 'task', 'en') || textOf(p, 'task', 'sv')) formTriples(t, activity, iri('rdfs', 'label'), p, 'task');
      else formTriples(t, activity, iri('rdfs', 'label'), p, 'subject');
    }
  } else if (ACTS.has(r.type)) {
    t.link(f, iri('rdf', 'type'), iri('prov', 'Activity'));
    if (isAgent(startLabel)) t.link(f, iri('prov', 'wasAssociatedWith'), a);
  }
  const basis = basisOf(p);
  if (basis) {
    t.add(f, iri('me', 'basisKind'), basis.kind);
    if (basis.note) formTriples(t, f, iri('me', 'basisNote'), p, 'basisNote');
    t.add(f, iri('me', 'basisCertainty'), basis.certainty);
    if (basis.ref) {
      const influencer = basis.kind === 'mandate' ? factIri(basis.ref) : entityIri(basis.ref);
      const inf = `${f}/basis`;
      t.link(f, iri('prov', 'wasInfluencedBy'), influencer);
      t.link(f, iri('prov', 'qualifiedInfluence'), inf);
      t.link(inf, iri('rdf', 'type'), iri('prov', 'Influence'));
      t.link(inf, iri('prov', 'influencer'), influencer);
      t.add(inf, iri('me', 'basisKind'), basis.kind);
      t.add(inf, iri('me', 'basisCertainty'), basis.certainty);
    }
  }
  return t.list;
}

export function documentTriples(d: ExportDocument): Triple[] {
  const t = new Triples();
  const s = documentIri(d.file);
  t.link(s, iri('rdf', 'type'), iri('prov', 'Entity'));
  t.link(s, iri('rdf', 'type'), iri('me', 'SourceDocument'));
  t.add(s, iri('dcterms', 'identifier'), d.file);
  t.add(s, iri('dcterms', 'title'), d.title);
  t.add(s, iri('dcterms', 'publisher'), d.publisher);
  t.add(s, iri('dcterms', 'language'), d.language);
  const w = partialDate(d.written);
  t.add(s, iri('dcterms', 'date'), w ? dateLiteral(w) : undefined);
  t.add(s, iri('me', 'writtenCertainty'), d.writtenCertainty);
  t.add(s, iri('me', 'writtenBasis'), d.writtenBasis ? lit(d.writtenBasis, 'en') : undefined);
  return t.list;
}
