// Popolo JSON: persons, organizations (every body, state, group, treaty, programme and
// document, with our label as `classification`), posts with the organisation they belong to,
// and memberships — holders of posts (post_id), members, participants, staff, chairs, and
// representatives with `on_behalf_of_id` and the forum as the organisation. Ties Popolo has
// no object for (mandates, cooperation, funding …) and the source documents go under the
// top-level `mandate_explorer` key; every object carries the model's own fields (certainty,
// hedge, basis, exact names) under `mandate_explorer` too, which Popolo's schemas allow and
// our importer reads back. docs/formats.md lists what plain Popolo consumers see.
import type { ExportNode, ExportRelationship, ExportSource, TextSink } from '../formats.ts';
import { extraProperties, factId, NODE_FIELDS, partialDate, RELATIONSHIP_FIELDS, splitSource, trustOf } from './facts.ts';

export const POPOLO_SOURCE_BASE = 'urn:mandate-explorer:source:';

/** Relationship types that Popolo reads as a membership of the start in the end. */
export const POPOLO_MEMBERSHIP_TYPES = new Set([
  'HOLDS_POST',
  'MEMBER_OF',
  'PARTICIPATES_IN',
  'REPRESENTS',
  'LEADS_DELEGATION',
  'WORKS_AT',
  'DIRECTS',
  'CHAIRS',
  'PART_OF',
  'INCLUDES',
]);

function sources(props: Record<string, unknown>): Array<{ url: string; note?: string }> {
  const t = trustOf(props);
  return t.sources.map((ref) => ({
    url: POPOLO_SOURCE_BASE + ref,
    note: `lines ${splitSource(ref).lines ?? ''} of ${splitSource(ref).file}`,
  }));
}

/** The model's own fields, exactly as stored, so an import gets back what Popolo has no slot for. */
function extension(props: Record<string, unknown>, known: Set<string>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const own: Record<string, unknown> = { ...extra };
  for (const k of known) {
    const v = props[k];
    if (v !== null && v !== undefined && k !== 'id' && k !== 'key' && k !== 'attestedDate') own[k] = v;
  }
  const t = trustOf(props);
  own.certainty = t.certainty;
  delete own.status;
  const rest = extraProperties(props, known);
  if (Object.keys(rest).length) own.properties = rest;
  return own;
}

function otherNames(n: ExportNode): Array<{ name: string; note: string }> {
  const out: Array<{ name: string; note: string }> = [];
  if (typeof n.properties.nameEn === 'string') out.push({ name: n.properties.nameEn, note: 'English name' });
  if (Array.isArray(n.properties.aliases)) for (const a of n.properties.aliases) out.push({ name: String(a), note: 'alias' });
  return out;
}

function person(n: ExportNode): Record<string, unknown> {
  return {
    id: n.id,
    name: n.properties.name ?? n.id,
    other_names: otherNames(n),
    summary: n.properties.description,
    sources: sources(n.properties),
    mandate_explorer: extension(n.properties, NODE_FIELDS, { label: n.label }),
  };
}

function organization(n: ExportNode, parent: string | undefined): Record<string, unknown> {
  return {
    id: n.id,
    name: n.properties.name ?? n.id,
    other_names: otherNames(n),
    classification: n.label,
    parent_id: parent,
    description: n.properties.description,
    founding_date: partialDate(n.properties.validFrom),
    dissolution_date: partialDate(n.properties.validTo),
    sources: sources(n.properties),
    mandate_explorer: extension(n.properties, NODE_FIELDS, { label: n.label }),
  };
}

function post(n: ExportNode, organizationId: string | undefined): Record<string, unknown> {
  return {
    id: n.id,
    label: n.properties.name ?? n.id,
    other_label: otherNames(n).map((o) => o.name),
    role: n.properties.nameEn,
    organization_id: organizationId,
    start_date: partialDate(n.properties.validFrom),
    end_date: partialDate(n.properties.validTo),
    sources: sources(n.properties),
    mandate_explorer: extension(n.properties, NODE_FIELDS, { label: n.label }),
  };
}

function membership(
  r: ExportRelationship,
  labelOf: (id: string) => string | undefined,
  postOrg: Map<string, string>,
): Record<string, unknown> {
  const p = r.properties;
  const m: Record<string, unknown> = { id: factId(r), label: r.type };
  const member = r.type === 'INCLUDES' ? r.end : r.start;
  const organization = r.type === 'INCLUDES' ? r.start : r.end;
  if (labelOf(member) === 'Person') m.person_id = member;
  else m.member = { '@type': labelOf(member) === 'Post' ? 'Post' : 'Organization', id: member };
  if (r.type === 'HOLDS_POST') {
    m.post_id = r.end;
    m.organization_id = postOrg.get(r.end);
    m.role = 'holder';
  } else if (r.type === 'REPRESENTS') {
    // The agent sits in the forum on behalf of the principal.
    m.organization_id = typeof p.forum === 'string' ? p.forum : undefined;
    m.on_behalf_of_id = r.end;
    m.role = typeof p.role === 'string' ? p.role : `representative (${String(p.capacity ?? 'capacity not given')})`;
  } else if (r.type === 'LEADS_DELEGATION') {
    m.organization_id = r.end;
    m.on_behalf_of_id = typeof p.principal === 'string' ? p.principal : undefined;
    m.role = 'head of delegation';
  } else {
    m.organization_id = organization;
    m.role =
      typeof p.role === 'string'
        ? p.role
        : ((
            {
              CHAIRS: 'chair',
              DIRECTS: 'head',
              PART_OF: 'part',
              INCLUDES: 'listed member',
              PARTICIPATES_IN: 'participant',
              WORKS_AT: 'staff',
            } as Record<string, string>
          )[r.type] ?? 'member');
  }
  m.start_date = partialDate(p.validFrom);
  m.end_date = partialDate(p.validTo);
  m.sources = sources(p);
  m.mandate_explorer = extension(p, RELATIONSHIP_FIELDS, { type: r.type, from: r.start, to: r.end, id: factId(r) });
  return m;
}

function otherTie(r: ExportRelationship): Record<string, unknown> {
  return {
    id: factId(r),
    type: r.type,
    from: r.start,
    to: r.end,
    sources: sources(r.properties),
    mandate_explorer: extension(r.properties, RELATIONSHIP_FIELDS, { type: r.type, from: r.start, to: r.end, id: factId(r) }),
  };
}

const compact = (o: Record<string, unknown>) =>
  JSON.stringify(o, (_k, v: unknown) => (v === undefined || v === null || (Array.isArray(v) && v.length === 0) ? undefined : v));

/**
 * Reads the nodes and relationships more than once (labels, then the post → organisation and
 * parent links, then each array): whole-graph sources re-run their query per pass instead of
 * holding the graph.
 */
export async function writePopolo(source: ExportSource, sink: TextSink): Promise<void> {
  const labels = new Map<string, string>();
  for await (const n of source.nodes) labels.set(n.id, n.label);
  const labelOf = (id: string) => labels.get(id);
  const postOrg = new Map<string, string>();
  const parent = new Map<string, string>();
  for await (const r of source.relationships) {
    if (r.type !== 'PART_OF') continue;
    const from = labelOf(r.start);
    if (from === 'Post') {
      if (!postOrg.has(r.start)) postOrg.set(r.start, r.end);
    } else if (from && from !== 'Person' && !parent.has(r.start)) parent.set(r.start, r.end);
  }

  const array = async (name: string, items: () => AsyncIterable<Record<string, unknown> | null>, last = false) => {
    await sink.write(`"${name}":[`);
    let first = true;
    for await (const item of items()) {
      if (!item) continue;
      await sink.write((first ? '\n' : ',\n') + compact(item));
      first = false;
    }
    await sink.write(`\n]${last ? '' : ',\n'}`);
  };
  async function* nodesWhere(pick: (n: ExportNode) => Record<string, unknown> | null) {
    for await (const n of source.nodes) yield pick(n);
  }
  async function* relsWhere(pick: (r: ExportRelationship) => Record<string, unknown> | null) {
    for await (const r of source.relationships) yield pick(r);
  }

  await sink.write('{\n');
  await array('persons', () => nodesWhere((n) => (n.label === 'Person' ? person(n) : null)));
  await array('organizations', () =>
    nodesWhere((n) => (n.label !== 'Person' && n.label !== 'Post' ? organization(n, parent.get(n.id)) : null)),
  );
  await array('posts', () => nodesWhere((n) => (n.label === 'Post' ? post(n, postOrg.get(n.id)) : null)));
  await array('memberships', () =>
    relsWhere((r) =>
      POPOLO_MEMBERSHIP_TYPES.has(r.type) && !(r.type === 'REPRESENTS' && typeof r.properties.forum !== 'string')
        ? membership(r, labelOf, postOrg)
        : null,
    ),
  );
  await sink.write('"mandate_explorer":{');
  await array('relationships', () =>
    relsWhere((r) =>
      POPOLO_MEMBERSHIP_TYPES.has(r.type) && !(r.type === 'REPRESENTS' && typeof r.properties.forum !== 'string') ? null : otherTie(r),
    ),
  );
  const docs = (await source.documents?.()) ?? [];
  await sink.write(`"documents":${JSON.stringify(docs)}}\n}\n`);
}
