// A synthetic institutional graph shaped like the real one: countries with their governments,
// ministries, agencies, units, posts and the people who held them one after another;
// international organisations (a few very large hubs, many organs and networks), treaties,
// programmes and documents; membership, representation, mandates and dated ties.
//
// Records are in the seed's own format (seed/schema.ts) so the same validator, row mapping and
// loaders apply. Everything follows from (nodes, seed): the plan is made first with one PRNG,
// then nodes and relationships are produced lazily, each from its own PRNG, so a million-node
// graph streams to disk without being held as records in memory.
import type { NodeRecord, RelationshipRecord } from '../../seed/schema.ts';
import { ACTS_OF_AUTHORITY, type NodeLabel, type RelationshipType, type RepresentationCapacity } from '../../server/model/vocabulary.ts';
import { apportion, createRng, type Rng, Zipf } from './prng.ts';
import {
  AGENCY_KINDS,
  DOCUMENT_KINDS,
  FAMILY_NAMES,
  FIELDS,
  GIVEN_NAMES,
  HUB_ORGANISATIONS,
  ORGAN_KINDS,
  POST_TITLES,
  PROGRAMME_KINDS,
  SYLLABLES,
  TOPICS,
  TREATY_KINDS,
  UNIT_KINDS,
} from './names.ts';

export interface SynthOptions {
  /** Total number of nodes; the graph has exactly this many. At least 40. */
  nodes: number;
  seed: number;
  /** Prepended to every id (e.g. "synth-"), so a test can load and remove its own graph. */
  idPrefix?: string;
}

/** Ids the benchmark queries start from, chosen by the generator that knows the shape. */
export interface SynthProbes {
  /** Organisations by falling degree: index 0 is the biggest hub. */
  hubs: string[];
  governments: string[];
  ministries: string[];
  agencies: string[];
  units: string[];
  posts: string[];
  persons: string[];
  /** Words and names a user would type: whole names, surnames, prefixes. */
  searchTerms: string[];
}

export const MIN_NODES = 40;

interface Planned {
  id: string;
  label: NodeLabel;
  name: string;
  nameEn?: string;
  aliases?: string[];
  description?: string;
  validFrom?: string;
  validTo?: string;
  properties?: Record<string, string | number | boolean | string[]>;
}

interface Country {
  index: number;
  node: Planned;
  government: Planned;
  regions: Planned[];
  ministries: Planned[];
  /** Agency and the index of its ministry. */
  agencies: Array<{ node: Planned; ministry: number }>;
  /** Unit and the id of the body it is part of. */
  units: Array<{ node: Planned; parent: string }>;
  /** Post, the body it heads or sits in, who appoints it, and whether it directs the body. */
  posts: Array<{ node: Planned; body: string; appointer: string; directs: boolean }>;
  /** Successive holders of each post (index into posts), with their periods. */
  holders: Array<{ node: Planned; post: number; from: number; to: number | null }>;
  staff: Array<{ node: Planned; body: string }>;
}

const CAPACITIES: readonly RepresentationCapacity[] = ['government', 'expert-authority', 'delegate'];
const LAST_YEAR = 2025;
/** What a synthetic fact rests on: nothing a document says, so it is an inference, named as such. */
const SYNTHETIC_GROUNDS = 'outside knowledge: none; generated at random for benchmarks';

export class SynthGraph {
  readonly options: Required<SynthOptions>;
  readonly sourceFile: string;
  private readonly countries: Country[] = [];
  private readonly organisations: Array<{ node: Planned; parent: number | null }> = [];
  private readonly treaties: Planned[] = [];
  private readonly programmes: Planned[] = [];
  private readonly documents: Planned[] = [];
  private orgZipf!: Zipf;
  private readonly ordered: Planned[] = [];
  private readonly lineOf = new Map<string, number>();

  constructor(options: SynthOptions) {
    if (!Number.isInteger(options.nodes) || options.nodes < MIN_NODES) {
      throw new Error(`synth: --nodes must be an integer of at least ${MIN_NODES}, got ${options.nodes}`);
    }
    if (!Number.isInteger(options.seed) || options.seed < 0)
      throw new Error(`synth: --seed must be a non-negative integer, got ${options.seed}`);
    const idPrefix = options.idPrefix ?? '';
    if (idPrefix !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*-$/.test(idPrefix)) {
      throw new Error(`synth: the id prefix must be kebab-case ending in "-", such as "synth-", got "${idPrefix}"`);
    }
    this.options = { nodes: options.nodes, seed: options.seed, idPrefix };
    this.sourceFile = `synthetic-${options.seed}.txt`;
    this.plan();
  }

  get nodeCount(): number {
    return this.ordered.length;
  }

  private id(s: string): string {
    return this.options.idPrefix + s;
  }

  // ------------------------------------------------------------------------ planning

  private plan(): void {
    const rng = createRng(this.options.seed * 7919 + 1);
    const N = this.options.nodes;
    const countryCount = Math.min(195, Math.max(3, Math.round(N / 400)));
    const orgCount = Math.max(4, Math.round(N * 0.015));
    const treatyCount = Math.max(2, Math.round(N * 0.003));
    const programmeCount = Math.max(3, Math.round(N * 0.01));
    const documentCount = Math.max(2, Math.round(N * 0.008));
    const countryBound = N - 2 * countryCount - orgCount - treatyCount - programmeCount - documentCount;

    this.planOrganisations(rng, orgCount);
    for (let i = 0; i < treatyCount; i++) {
      const kind = rng.pick(TREATY_KINDS);
      const field = rng.pick(FIELDS);
      this.treaties.push({
        id: this.id(`treaty-${i + 1}`),
        label: 'Treaty',
        name: `${kind} on ${field} No. ${i + 1}`,
        validFrom: String(rng.int(1950, 2020)),
        description: `A synthetic ${kind.toLowerCase()} on ${field.toLowerCase()}.`,
      });
    }
    for (let i = 0; i < programmeCount; i++) {
      const kind = rng.pick(PROGRAMME_KINDS);
      const field = rng.pick(FIELDS);
      const from = rng.int(1995, 2024);
      this.programmes.push({
        id: this.id(`programme-${i + 1}`),
        label: 'Programme',
        name: `${field} ${kind} ${from}`,
        validFrom: String(from),
        ...(rng.chance(0.5) ? { validTo: String(Math.min(LAST_YEAR + 3, from + rng.int(1, 7))) } : {}),
      });
    }
    for (let i = 0; i < documentCount; i++) {
      const kind = rng.pick(DOCUMENT_KINDS);
      this.documents.push({
        id: this.id(`document-${i + 1}`),
        label: 'Document',
        name: `${kind} on ${rng.pick(TOPICS)} ${rng.int(1990, LAST_YEAR)}`,
      });
    }

    // Big countries have big administrations: budgets fall off like a power law.
    const weights = Array.from({ length: countryCount }, (_, i) => 1 / Math.pow(i + 1, 0.8));
    const budgets = apportion(countryBound, weights, 6);
    const names = new Set<string>();
    for (let c = 0; c < countryCount; c++) {
      let name: string;
      do {
        const word = Array.from({ length: rng.int(2, 3) }, () => rng.pick(SYLLABLES)).join('');
        name = word[0]!.toUpperCase() + word.slice(1);
      } while (names.has(name));
      names.add(name);
      this.countries.push(this.planCountry(rng, c, name, budgets[c]!));
    }

    // Output order: the shared bodies first, then country by country.
    for (const o of this.organisations) this.ordered.push(o.node);
    this.ordered.push(...this.treaties, ...this.programmes, ...this.documents);
    for (const c of this.countries) {
      this.ordered.push(
        c.node,
        c.government,
        ...c.regions,
        ...c.ministries,
        ...c.agencies.map((a) => a.node),
        ...c.units.map((u) => u.node),
      );
      this.ordered.push(...c.posts.map((p) => p.node), ...c.holders.map((h) => h.node), ...c.staff.map((s) => s.node));
    }
    if (this.ordered.length !== N) throw new Error(`synth: planned ${this.ordered.length} nodes instead of ${N}`);
    this.ordered.forEach((n, i) => this.lineOf.set(n.id, i + 1));
  }

  private planOrganisations(rng: Rng, count: number): void {
    const hubs = Math.min(HUB_ORGANISATIONS.length, count);
    for (let i = 0; i < count; i++) {
      if (i < hubs) {
        const [name, alias] = HUB_ORGANISATIONS[i]!;
        this.organisations.push({
          node: { id: this.id(`org-${i + 1}`), label: 'Organisation', name, aliases: [alias], validFrom: String(rng.int(1919, 1993)) },
          parent: null,
        });
        continue;
      }
      // Most of the rest are organs of a hub or of another body (committees, working groups).
      const organ = rng.chance(0.6);
      const parent = organ ? Math.floor(rng.next() * Math.min(i, hubs * 4)) : null;
      const parentName = parent === null ? '' : this.organisations[parent]!.node.name;
      const kind = rng.pick(ORGAN_KINDS);
      const field = rng.pick(FIELDS);
      const name =
        parent === null
          ? `International ${field} ${kind} ${i + 1}`
          : `${kind} on ${field} ${i + 1} of the ${parentName.replace(/^(.*?)( \d+)?( of the .*)?$/, '$1')}`;
      this.organisations.push({
        node: { id: this.id(`org-${i + 1}`), label: 'Organisation', name, validFrom: String(rng.int(1950, 2022)) },
        parent,
      });
    }
    // Membership and participation favour the first organisations heavily.
    this.orgZipf = new Zipf(count, 1.1);
  }

  private planCountry(rng: Rng, c: number, name: string, budget: number): Country {
    const p = (s: string) => this.id(`c${c + 1}-${s}`);
    const founded = rng.int(1800, 1990);
    const country: Country = {
      index: c,
      node: { id: this.id(`country-${c + 1}`), label: 'Country', name, validFrom: String(founded) },
      government: { id: this.id(`government-${c + 1}`), label: 'Government', name: `Government of ${name}`, nameEn: `${name} government` },
      regions: [],
      ministries: [],
      agencies: [],
      units: [],
      posts: [],
      holders: [],
      staff: [],
    };
    const regions = Math.round(budget * 0.03);
    const ministries = Math.max(1, Math.round(budget * 0.012));
    const agencies = Math.max(1, Math.round(budget * 0.06));
    let units = Math.max(1, Math.round(budget * 0.18));
    const posts = Math.max(1, Math.round(budget * 0.14));
    let persons = budget - regions - ministries - agencies - units - posts;
    if (persons < 1) {
      units = Math.max(0, units + persons - 1);
      persons = budget - regions - ministries - agencies - units - posts;
    }

    for (let i = 0; i < regions; i++)
      country.regions.push({ id: p(`region-${i + 1}`), label: 'Region', name: `Region ${i + 1} of ${name}` });
    const fields = [...FIELDS];
    for (let i = 0; i < ministries; i++) {
      const field = fields[i % fields.length]!;
      const suffix = i >= fields.length ? ` ${Math.floor(i / fields.length) + 1}` : '';
      country.ministries.push({
        id: p(`ministry-${i + 1}`),
        label: 'Ministry',
        name: `Ministry of ${field}${suffix} (${name})`,
        properties: { country: name, field },
      });
    }
    const ministryZipf = new Zipf(ministries, 0.9);
    for (let i = 0; i < agencies; i++) {
      const ministry = ministryZipf.sample(rng);
      const field = (country.ministries[ministry]!.properties!.field as string) ?? rng.pick(FIELDS);
      const kind = rng.pick(AGENCY_KINDS);
      country.agencies.push({
        node: {
          id: p(`agency-${i + 1}`),
          label: 'Agency',
          name: `${name} ${field} ${kind} ${i + 1}`,
          validFrom: String(rng.int(founded, 2020)),
          properties: { country: name },
        },
        ministry,
      });
    }
    // Units sit mostly in agencies, the big agencies having most of them.
    const bodies = [...country.agencies.map((a) => a.node.id), ...country.ministries.map((m) => m.id)];
    const bodyZipf = new Zipf(bodies.length, 0.7);
    for (let i = 0; i < units; i++) {
      const parent = bodies[bodyZipf.sample(rng)]!;
      country.units.push({
        node: { id: p(`unit-${i + 1}`), label: 'Unit', name: `${rng.pick(UNIT_KINDS)} for ${rng.pick(TOPICS)} ${i + 1}` },
        parent,
      });
    }
    // Posts: ministers first, then heads of agencies, then heads of units.
    const heads: Array<{ body: string; bodyName: string; appointer: string; title: string }> = [
      ...country.ministries.map((m) => ({ body: m.id, bodyName: m.name, appointer: country.government.id, title: 'Minister' })),
      ...country.agencies.map((a) => ({
        body: a.node.id,
        bodyName: a.node.name,
        appointer: country.ministries[a.ministry]!.id,
        title: rng.pick(POST_TITLES),
      })),
      ...country.units.map((u) => ({ body: u.node.id, bodyName: u.node.name, appointer: u.parent, title: 'Head' })),
    ];
    for (let i = 0; i < posts; i++) {
      const head = heads[i];
      const body = head ?? heads[Math.floor(rng.next() * heads.length)]!;
      const title = head ? head.title : rng.pick(['Senior Adviser', 'Chief Economist', 'Chief Medical Officer', 'Ambassador']);
      country.posts.push({
        node: { id: p(`post-${i + 1}`), label: 'Post', name: `${title} of ${body.bodyName}` },
        body: body.body,
        appointer: body.appointer,
        directs: Boolean(head),
      });
    }
    // People: successive holders of posts first, the rest are staff.
    let left = persons;
    let personNo = 0;
    const person = (): Planned => {
      personNo++;
      const given = rng.pick(GIVEN_NAMES);
      const family = rng.pick(FAMILY_NAMES);
      return { id: p(`person-${personNo}`), label: 'Person', name: `${given} ${family}`, properties: { country: name } };
    };
    for (let i = 0; i < country.posts.length && left > 0; i++) {
      const count = Math.min(left, 1 + rng.geometric(0.55, 3));
      // Up to four holders, at most nine years each: starting by 1995 keeps every period before 2025.
      let year = rng.int(1980, 1995);
      for (let k = 0; k < count; k++) {
        const last = k === count - 1;
        const to = last ? null : Math.min(LAST_YEAR - 1, year + rng.int(2, 8));
        country.holders.push({ node: person(), post: i, from: year, to });
        left--;
        if (to !== null) year = to + 1;
      }
    }
    const workplaces = [...country.units.map((u) => u.node.id), ...bodies];
    const workZipf = new Zipf(workplaces.length, 0.6);
    for (; left > 0; left--) country.staff.push({ node: person(), body: workplaces[workZipf.sample(rng)]! });
    return country;
  }

  // ------------------------------------------------------------------------- output

  *nodes(): Generator<NodeRecord> {
    for (const n of this.ordered) {
      yield {
        id: n.id,
        label: n.label,
        name: n.name,
        ...(n.nameEn ? { nameEn: n.nameEn } : {}),
        aliases: n.aliases ?? [],
        ...(n.description ? { description: n.description } : {}),
        ...(n.validFrom ? { validFrom: n.validFrom } : {}),
        ...(n.validTo ? { validTo: n.validTo } : {}),
        properties: n.properties ?? {},
        sources: [`${this.sourceFile}#L${this.lineOf.get(n.id)}`],
        evidence: `Synthetic ${n.label.toLowerCase()} generated for benchmarks (seed ${this.options.seed}).`,
        certainty: 'inferred',
        outsideKnowledge: SYNTHETIC_GROUNDS,
      };
    }
  }

  *relationships(): Generator<RelationshipRecord> {
    const rng = createRng(this.options.seed * 104729 + 17);
    let line = 0;
    const rel = (
      type: RelationshipType,
      from: string,
      to: string,
      extra: Partial<Omit<RelationshipRecord, 'id' | 'type' | 'from' | 'to' | 'sources' | 'evidence' | 'certainty'>> = {},
    ): RelationshipRecord => ({
      id: `synthetic-tie-${line + 1}`,
      type,
      from,
      to,
      // Acts of authority name a basis; synthetic ones have none.
      ...((ACTS_OF_AUTHORITY as readonly string[]).includes(type) ? { basisKind: 'not-stated' as const } : {}),
      ...extra,
      sources: [`${this.sourceFile}#L${++line}`],
      evidence: `Synthetic ${type.toLowerCase().replace(/_/g, ' ')} tie generated for benchmarks.`,
      certainty: 'inferred',
      outsideKnowledge: SYNTHETIC_GROUNDS,
    });
    const year = (min: number, max = LAST_YEAR) => String(rng.int(min, max));
    const dated = (min: number): { validFrom: string; validTo?: string } => {
      const from = rng.int(min, LAST_YEAR);
      const precision = rng.next();
      const validFrom =
        precision < 0.7
          ? String(from)
          : precision < 0.9
            ? `${from}-${pad(rng.int(1, 12))}`
            : `${from}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
      return rng.chance(0.3) ? { validFrom, validTo: String(Math.min(LAST_YEAR, from + rng.int(1, 10))) } : { validFrom };
    };
    const orgs = this.organisations;
    const orgId = (i: number) => orgs[i]!.node.id;
    /** k distinct organisations drawn by hub weight. */
    const pickOrgs = (k: number): number[] => {
      const chosen = new Set<number>();
      for (let tries = 0; chosen.size < Math.min(k, orgs.length) && tries < k * 4; tries++) chosen.add(this.orgZipf.sample(rng));
      return [...chosen];
    };
    const programmeZipf = new Zipf(this.programmes.length, 0.9);
    const treatyZipf = new Zipf(this.treaties.length, 0.8);
    const documentZipf = new Zipf(this.documents.length, 0.9);

    // International bodies: organs, founding treaties, funding of programmes.
    for (let i = 0; i < orgs.length; i++) {
      const o = orgs[i]!;
      if (o.parent !== null) yield rel('PART_OF', o.node.id, orgId(o.parent), { validFrom: year(1990) });
    }
    for (let i = 0; i < this.treaties.length; i++) {
      const t = this.treaties[i]!;
      const target = orgId(Math.floor(rng.next() * Math.min(orgs.length, 40)));
      yield rel('ESTABLISHES', t.id, target, { validFrom: t.validFrom! });
      if (rng.chance(0.5)) yield rel('MANDATES', t.id, target, { task: `implement the ${t.name}`, subject: `treaty ${i + 1}` });
    }
    for (const prog of this.programmes) {
      for (const o of pickOrgs(1 + rng.geometric(0.3, 2))) yield rel('FUNDS', orgId(o), prog.id, dated(2000));
      if (rng.chance(0.5)) yield rel('BASED_ON', prog.id, this.treaties[treatyZipf.sample(rng)]!.id);
      if (rng.chance(0.2)) yield rel('BASED_ON', prog.id, this.documents[documentZipf.sample(rng)]!.id);
    }

    for (const c of this.countries) {
      const gov = c.government.id;
      yield rel('PART_OF', gov, c.node.id, { validFrom: c.node.validFrom! });
      for (const o of pickOrgs(2 + rng.geometric(0.75, 30))) yield rel('MEMBER_OF', c.node.id, orgId(o), { validFrom: year(1945) });
      const treaties = new Set<number>();
      for (let k = 1 + rng.geometric(0.6, 10); k > 0; k--) treaties.add(treatyZipf.sample(rng));
      for (const t of treaties) yield rel('PARTY_TO', c.node.id, this.treaties[t]!.id, { validFrom: year(1950) });
      for (const r of c.regions) yield rel('UNDER', r.id, gov, { validFrom: year(1950) });

      for (const m of c.ministries) {
        yield rel('PART_OF', m.id, gov);
        const forums = pickOrgs(1 + rng.geometric(0.5, 5));
        for (const o of forums) yield rel('PARTICIPATES_IN', m.id, orgId(o), dated(1990));
        if (rng.chance(0.5)) yield rel('REPRESENTS', m.id, c.node.id, { forum: orgId(forums[0]!), capacity: 'government', ...dated(1995) });
        if (rng.chance(0.1) && this.countries.length > 1) {
          const other = this.countries[(c.index + 1 + Math.floor(rng.next() * (this.countries.length - 1))) % this.countries.length]!;
          yield rel('HAS_AGREEMENT_WITH', m.id, rng.pick(other.ministries).id, {
            agreement: `memorandum on ${rng.pick(TOPICS).toLowerCase()}`,
            ...dated(1975),
          });
        }
      }
      for (const a of c.agencies) {
        const ministry = c.ministries[a.ministry]!;
        yield rel('UNDER', a.node.id, ministry.id, { validFrom: a.node.validFrom! });
        if (rng.chance(0.6)) {
          yield rel('MANDATES', rng.chance(0.7) ? gov : ministry.id, a.node.id, {
            task: `carry out the ${rng.pick(TOPICS).toLowerCase()} assignment`,
            subject: `assignment ${rng.int(1, 9)}`,
            ...dated(1990),
          });
        }
        const forums = pickOrgs(rng.geometric(0.65, 10));
        for (const o of forums) yield rel('PARTICIPATES_IN', a.node.id, orgId(o), dated(1995));
        for (const o of forums) {
          if (rng.chance(0.4))
            yield rel('REPRESENTS', a.node.id, c.node.id, { forum: orgId(o), capacity: rng.pick(CAPACITIES), ...dated(1995) });
        }
        if (rng.chance(0.3)) yield rel('CONTACT_POINT_FOR', a.node.id, this.programmes[programmeZipf.sample(rng)]!.id, dated(2000));
        if (rng.chance(0.2) && this.countries.length > 1) {
          const other = this.countries[(c.index + 1 + Math.floor(rng.next() * (this.countries.length - 1))) % this.countries.length]!;
          yield rel('COOPERATES_WITH', a.node.id, rng.pick(other.agencies).node.id, dated(1980));
        }
      }
      for (const u of c.units) {
        yield rel('PART_OF', u.node.id, u.parent);
        if (rng.chance(0.1))
          yield rel('COORDINATES', u.node.id, this.programmes[programmeZipf.sample(rng)]!.id, { subject: 'national coordination' });
        if (rng.chance(0.2)) {
          const [o] = pickOrgs(1);
          yield rel('PARTICIPATES_IN', u.node.id, orgId(o!), dated(2000));
        }
      }
      for (const post of c.posts) {
        yield rel('PART_OF', post.node.id, post.body);
        if (rng.chance(0.9)) yield rel('APPOINTS', post.appointer, post.node.id);
        if (post.directs) yield rel('DIRECTS', post.node.id, post.body, { role: post.node.name.split(' of ')[0]! });
        if (post.directs && rng.chance(0.15)) {
          const [o] = pickOrgs(1);
          yield rel('LEADS_DELEGATION', post.node.id, orgId(o!), { principal: c.node.id, ...dated(2000) });
        }
      }
      for (const h of c.holders) {
        const post = c.posts[h.post]!;
        yield rel('HOLDS_POST', h.node.id, post.node.id, {
          validFrom: String(h.from),
          ...(h.to !== null ? { validTo: String(h.to) } : {}),
        });
        if (rng.chance(0.7))
          yield rel('WORKS_AT', h.node.id, post.body, { role: post.node.name.split(' of ')[0]!, validFrom: String(h.from) });
        if (rng.chance(0.02)) {
          const [o] = pickOrgs(1);
          yield rel('CHAIRS', h.node.id, orgId(o!), dated(1990));
        }
      }
      for (const s of c.staff) {
        yield rel('WORKS_AT', s.node.id, s.body, {
          role: rng.pick(['adviser', 'analyst', 'head of section', 'expert', 'coordinator']),
          ...dated(1985),
        });
        if (rng.chance(0.04)) yield rel('AUTHORED', s.node.id, this.documents[documentZipf.sample(rng)]!.id);
        if (rng.chance(0.08)) {
          const [o] = pickOrgs(1);
          yield rel('PARTICIPATES_IN', s.node.id, orgId(o!), { role: 'expert', ...dated(2000) });
        }
      }
      // A routing chain: a region's request climbs to an agency, its ministry and a forum.
      const firstAgency = c.agencies[0];
      if (c.regions.length > 0 && firstAgency && rng.chance(0.3)) {
        const chain = this.id(`c${c.index + 1}-requests`);
        const ministry = c.ministries[firstAgency.ministry]!;
        const subject = 'medical supplies';
        yield rel('FORWARDS_REQUESTS_TO', c.regions[0]!.id, firstAgency.node.id, { chain, step: 1, subject });
        yield rel('FORWARDS_REQUESTS_TO', firstAgency.node.id, ministry.id, { chain, step: 2, subject });
        yield rel('FORWARDS_REQUESTS_TO', ministry.id, orgId(0), { chain, step: 3, subject });
      }
    }
  }

  /** Where the benchmark's queries start: hubs, ordinary bodies, leaves, and words to search. */
  probes(limit = 50): SynthProbes {
    const rng = createRng(this.options.seed * 31 + 5);
    const sample = <T>(items: readonly T[]): T[] => {
      if (items.length <= limit) return [...items];
      const out: T[] = [];
      const taken = new Set<number>();
      while (out.length < limit) {
        const i = Math.floor(rng.next() * items.length);
        if (!taken.has(i)) {
          taken.add(i);
          out.push(items[i]!);
        }
      }
      return out;
    };
    const all = <T>(f: (c: Country) => T[]) => this.countries.flatMap(f);
    const persons = all((c) => [...c.holders.map((h) => h.node), ...c.staff.map((s) => s.node)]);
    const terms = [
      ...sample(persons).map((p) => p.name.split(' ')[1]!),
      ...sample(this.countries.map((c) => c.node.name)),
      ...sample(all((c) => c.agencies.map((a) => a.node.name))),
      'ministry of health',
      'world health',
      'agen',
      'eu',
      'direct',
    ];
    return {
      hubs: this.organisations.slice(0, Math.min(5, this.organisations.length)).map((o) => o.node.id),
      governments: sample(this.countries.map((c) => c.government.id)),
      ministries: sample(all((c) => c.ministries.map((m) => m.id))),
      agencies: sample(all((c) => c.agencies.map((a) => a.node.id))),
      units: sample(all((c) => c.units.map((u) => u.node.id))),
      posts: sample(all((c) => c.posts.map((p) => p.node.id))),
      persons: sample(persons.map((p) => p.id)),
      searchTerms: sample(terms),
    };
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
