// FollowTheMoney entity streams and Popolo JSON read into seed records, so they take the
// import's one path: validated as a whole, then written in one transaction or not at all.
// What our exports wrote in text properties (FtM) or under `mandate_explorer` (Popolo) is read
// back exactly; a file from elsewhere gets what its standard fields say, and whatever the model
// requires that they do not say is reported by the validator with the record's position.
import { problemsFound, unreadableImport } from '../error-words.ts';
import { type ErrorDetail } from '../errors.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../model/vocabulary.ts';
import { POPOLO_SOURCE_BASE } from '../export/formats/popolo.ts';

export interface ParsedRecords {
  nodes: Array<Record<string, unknown>>;
  relationships: Array<Record<string, unknown>>;
  where: { nodes: string[]; relationships: string[] };
}

const isLabel = (v: unknown): v is string => typeof v === 'string' && (NODE_LABELS as readonly string[]).includes(v);
const isType = (v: unknown): v is string => typeof v === 'string' && (RELATIONSHIP_TYPES as readonly string[]).includes(v);
function dropEmpty(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

// ------------------------------------------------------------------------ FollowTheMoney

/** The schemata and properties the importer understands; any other is reported with its line. */
const FTM_PROPERTIES: Record<string, string[]> = {
  Person: ['name', 'alias', 'weakAlias', 'notes', 'summary', 'description', 'proof', 'indexText', 'classification', 'sourceUrl'],
  Position: [
    'name',
    'alias',
    'weakAlias',
    'notes',
    'summary',
    'description',
    'proof',
    'indexText',
    'inceptionDate',
    'dissolutionDate',
    'sourceUrl',
  ],
  PublicBody: [
    'name',
    'alias',
    'weakAlias',
    'notes',
    'summary',
    'description',
    'proof',
    'indexText',
    'classification',
    'incorporationDate',
    'dissolutionDate',
    'jurisdiction',
    'sourceUrl',
  ],
  Organization: [
    'name',
    'alias',
    'weakAlias',
    'notes',
    'summary',
    'description',
    'proof',
    'indexText',
    'classification',
    'incorporationDate',
    'dissolutionDate',
    'jurisdiction',
    'sourceUrl',
  ],
  Document: [
    'title',
    'name',
    'alias',
    'weakAlias',
    'notes',
    'summary',
    'description',
    'proof',
    'indexText',
    'keywords',
    'startDate',
    'endDate',
    'fileName',
    'publisher',
    'language',
    'date',
    'sourceUrl',
  ],
  Project: [
    'name',
    'alias',
    'weakAlias',
    'notes',
    'summary',
    'description',
    'proof',
    'indexText',
    'keywords',
    'startDate',
    'endDate',
    'sourceUrl',
  ],
  Occupancy: ['holder', 'post'],
  Representation: ['agent', 'client', 'role'],
  Membership: ['member', 'organization', 'role'],
  Directorship: ['director', 'organization', 'role'],
  Employment: ['employee', 'employer', 'role'],
  UnknownLink: ['subject', 'object', 'role'],
};
const INTERVAL_PROPERTIES = ['startDate', 'endDate', 'recordId', 'summary', 'description', 'proof', 'indexText', 'sourceUrl'];
const FTM_LABEL_DEFAULT: Record<string, string> = {
  Person: 'Person',
  Position: 'Post',
  PublicBody: 'Agency',
  Organization: 'Organisation',
  Document: 'Document',
  Project: 'Programme',
};

const first = (p: Record<string, string[]>, k: string) => p[k]?.[0];

/** "Certainty: hedged — i vissa fall (in some cases)." and the other forms certaintySentence writes. */
function parseCertainty(summary: string | undefined): Record<string, unknown> {
  const m = summary?.match(/Certainty: (stated|hedged|inferred)(.*)$/s);
  if (!m) return { certainty: 'stated' };
  const rest = (m[2] ?? '').replace(/\.$/, '');
  if (m[1] === 'hedged') return { certainty: 'hedged', hedge: rest.replace(/^ — /, '') || undefined };
  if (m[1] === 'inferred') {
    const facts = rest.match(/; from facts: ([^;]*)/)?.[1];
    const outside = rest.match(/; (outside knowledge: .*)$/s)?.[1];
    return {
      certainty: 'inferred',
      inferredFrom: facts ? facts.split(', ').filter(Boolean) : undefined,
      outsideKnowledge: outside,
    };
  }
  return { certainty: 'stated' };
}

function ftmSources(p: Record<string, string[]>): string[] {
  return (p.indexText ?? []).filter((t) => t.startsWith('source: ')).map((t) => t.slice('source: '.length));
}

/** 'member of the board {"capacity":"government","forum":"who"}' → lead and qualifiers (see ftm.ts). */
function parseRole(role: string | undefined): { lead?: string; qualifiers: Record<string, unknown> } {
  if (!role) return { qualifiers: {} };
  const at = role.lastIndexOf(' {');
  const tail = at >= 0 ? role.slice(at + 1) : role.startsWith('{') ? role : '';
  if (tail) {
    try {
      const qualifiers = JSON.parse(tail) as unknown;
      if (qualifiers && typeof qualifiers === 'object' && !Array.isArray(qualifiers))
        return { lead: at >= 0 ? role.slice(0, at) : undefined, qualifiers: qualifiers as Record<string, unknown> };
    } catch {
      // Not ours: the whole text is the role.
    }
  }
  return { lead: role, qualifiers: {} };
}

export function parseFtm(text: string): ParsedRecords {
  const out: ParsedRecords = { nodes: [], relationships: [], where: { nodes: [], relationships: [] } };
  const problems: ErrorDetail[] = [];
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    const where = `line ${i + 1}`;
    let e: { id?: unknown; schema?: unknown; properties?: unknown };
    try {
      e = JSON.parse(raw);
    } catch {
      problems.push({ path: where, message: 'not valid JSON' });
      return;
    }
    const schema = typeof e.schema === 'string' ? e.schema : '';
    const allowed = FTM_PROPERTIES[schema];
    if (!allowed) {
      problems.push({
        path: `${where}.schema`,
        message: `unknown schema "${schema}"; expected one of ${Object.keys(FTM_PROPERTIES).join(', ')}`,
      });
      return;
    }
    const props = (e.properties && typeof e.properties === 'object' ? e.properties : {}) as Record<string, string[]>;
    const isInterval = ['Occupancy', 'Representation', 'Membership', 'Directorship', 'Employment', 'UnknownLink'].includes(schema);
    const known = isInterval ? [...allowed, ...INTERVAL_PROPERTIES] : allowed;
    for (const [k, v] of Object.entries(props)) {
      if (!known.includes(k))
        problems.push({ path: `${where}.properties.${k}`, message: `${schema} has no property "${k}" the importer reads` });
      else if (!Array.isArray(v)) problems.push({ path: `${where}.properties.${k}`, message: 'expected a list of values' });
    }
    const id = String(e.id ?? '');
    const trust = parseCertainty(first(props, 'summary'));
    const common = { sources: ftmSources(props), evidence: first(props, 'description'), ...trust };
    if (!isInterval) {
      const keywords = (props.keywords ?? []).map((k) => k.replace(/^label: /, ''));
      // Our source documents: cited through `proof`, not entities of the graph.
      if (schema === 'Document' && keywords.includes('Source')) return;
      const label = [first(props, 'classification'), ...keywords].find(isLabel) ?? FTM_LABEL_DEFAULT[schema];
      const notes = props.notes ?? [];
      const noted = notes.map((n) => n.match(/^valid: (\S*)–(\S*)$/)).find(Boolean);
      const validFrom =
        first(props, 'inceptionDate') ?? first(props, 'incorporationDate') ?? first(props, 'startDate') ?? (noted?.[1] || undefined);
      const validTo = first(props, 'dissolutionDate') ?? first(props, 'endDate') ?? (noted?.[2] || undefined);
      out.nodes.push(
        dropEmpty({
          id,
          label,
          name: first(props, schema === 'Document' ? 'title' : 'name') ?? first(props, 'name'),
          nameEn: first(props, 'alias'),
          aliases: props.weakAlias ?? [],
          description: notes.find((n) => !n.startsWith('valid: ')),
          validFrom,
          validTo,
          ...common,
        }),
      );
      out.where.nodes.push(where);
      return;
    }
    const ends: Record<string, [string, string]> = {
      Occupancy: ['holder', 'post'],
      Representation: ['agent', 'client'],
      Membership: ['member', 'organization'],
      Directorship: ['director', 'organization'],
      Employment: ['employee', 'employer'],
      UnknownLink: ['subject', 'object'],
    };
    const [fromProp, toProp] = ends[schema]!;
    const { lead, qualifiers } = parseRole(first(props, 'role'));
    let type: string | undefined;
    let role: string | undefined;
    if (schema === 'Occupancy') type = 'HOLDS_POST';
    else if (schema === 'Representation') {
      type = lead === 'leads delegation' ? 'LEADS_DELEGATION' : 'REPRESENTS';
      role = lead && lead !== 'represents' && lead !== 'leads delegation' ? lead : undefined;
    } else if (schema === 'Membership') {
      const byLead: Record<string, string> = {
        'member of': 'MEMBER_OF',
        'participates in': 'PARTICIPATES_IN',
        'part of': 'PART_OF',
        chairs: 'CHAIRS',
      };
      type = (lead && byLead[lead]) ?? 'PARTICIPATES_IN';
      role = lead && !byLead[lead] ? lead : undefined;
    } else if (schema === 'Directorship') {
      type = 'DIRECTS';
      role = lead && lead !== 'head' ? lead : undefined;
    } else if (schema === 'Employment') {
      type = 'WORKS_AT';
      role = lead && lead !== 'staff' ? lead : undefined;
    } else {
      const m = lead?.match(/^([A-Z_]+)(?:: (.*))?$/s);
      type = m?.[1];
      role = m?.[2];
    }
    if (!isType(type)) {
      problems.push({ path: `${where}.properties.role`, message: `cannot tell the relationship type from role "${lead ?? ''}"` });
      return;
    }
    out.relationships.push(
      dropEmpty({
        type,
        from: first(props, fromProp),
        to: first(props, toProp),
        id: first(props, 'recordId') ?? id,
        validFrom: first(props, 'startDate'),
        validTo: first(props, 'endDate'),
        role,
        ...qualifiers,
        ...common,
      }),
    );
    out.where.relationships.push(where);
  });
  if (problems.length) throw problemsFound(problems, 'records');
  return out;
}

// ------------------------------------------------------------------------------ Popolo

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function popoloSources(o: Obj): string[] {
  return asArr(o.sources)
    .map((s) => String(asObj(s).url ?? ''))
    .map((u) => (u.startsWith(POPOLO_SOURCE_BASE) ? u.slice(POPOLO_SOURCE_BASE.length) : u))
    .filter(Boolean);
}

function popoloNode(o: Obj, label: string): Obj {
  const ext = asObj(o.mandate_explorer);
  if (Object.keys(ext).length) {
    const { label: extLabel, attested: _attested, ...rest } = ext;
    void _attested;
    return dropEmpty({ ...rest, id: o.id, label: isLabel(extLabel) ? extLabel : label, aliases: rest.aliases ?? [] });
  }
  const names = asArr(o.other_names).map(asObj);
  return dropEmpty({
    id: o.id,
    label,
    name: o.name ?? o.label,
    nameEn: names.find((n) => n.note === 'English name')?.name,
    aliases: names.filter((n) => n.note !== 'English name').map((n) => String(n.name)),
    description: o.description ?? o.summary,
    validFrom: o.founding_date ?? o.start_date,
    validTo: o.dissolution_date ?? o.end_date,
    sources: popoloSources(o),
    certainty: 'stated',
  });
}

function popoloTie(o: Obj, fallback: () => Obj): Obj {
  const ext = asObj(o.mandate_explorer);
  if (Object.keys(ext).length) {
    const { attested: _attested, ...rest } = ext;
    void _attested;
    return dropEmpty(rest);
  }
  return dropEmpty({ ...fallback(), validFrom: o.start_date, validTo: o.end_date, sources: popoloSources(o), certainty: 'stated' });
}

export function parsePopolo(text: string): ParsedRecords {
  let doc: Obj;
  try {
    doc = asObj(JSON.parse(text));
  } catch (err) {
    throw unreadableImport([{ path: 'file', message: `expected JSON: ${(err as Error).message}` }], 'json');
  }
  const out: ParsedRecords = { nodes: [], relationships: [], where: { nodes: [], relationships: [] } };
  const problems: ErrorDetail[] = [];
  const known = new Set(['persons', 'organizations', 'posts', 'memberships', 'mandate_explorer', 'areas', 'events']);
  for (const k of Object.keys(doc)) if (!known.has(k)) problems.push({ path: k, message: `unknown Popolo collection "${k}"` });
  const addNode = (o: Obj, label: string, where: string) => {
    out.nodes.push(popoloNode(o, label));
    out.where.nodes.push(where);
  };
  asArr(doc.persons).forEach((p, i) => addNode(asObj(p), 'Person', `persons[${i}]`));
  asArr(doc.organizations).forEach((p, i) => {
    const o = asObj(p);
    addNode(o, isLabel(o.classification) ? o.classification : 'Organisation', `organizations[${i}]`);
  });
  asArr(doc.posts).forEach((p, i) => addNode(asObj(p), 'Post', `posts[${i}]`));
  const ties = new Set<string>();
  const factIds = new Set<string>();
  const addTie = (record: Obj, where: string) => {
    ties.add(`${String(record.type)}|${String(record.from)}|${String(record.to)}`);
    // A file from another tool names no fact ids: give each tie a readable one, unique here.
    if (typeof record.id !== 'string' || !record.id) {
      const base = `${String(record.type).toLowerCase().replace(/_/g, '-')}-${String(record.from)}-${String(record.to)}`;
      let id = base;
      for (let n = 2; factIds.has(id); n++) id = `${base}-${n}`;
      record.id = id;
    }
    factIds.add(String(record.id));
    out.relationships.push(record);
    out.where.relationships.push(where);
  };
  asArr(doc.memberships).forEach((m, i) => {
    const o = asObj(m);
    const member = (o.person_id ?? asObj(o.member).id) as string | undefined;
    addTie(
      popoloTie(o, () =>
        o.post_id
          ? { type: 'HOLDS_POST', from: member, to: o.post_id }
          : o.on_behalf_of_id
            ? { type: 'REPRESENTS', from: member, to: o.on_behalf_of_id, forum: o.organization_id }
            : { type: 'MEMBER_OF', from: member, to: o.organization_id },
      ),
      `memberships[${i}]`,
    );
  });
  asArr(asObj(doc.mandate_explorer).relationships).forEach((r, i) => {
    const o = asObj(r);
    addTie(
      popoloTie(o, () => ({ type: o.type, from: o.from, to: o.to })),
      `mandate_explorer.relationships[${i}]`,
    );
  });
  // Popolo's own links, for files that say them only there.
  const implied = (type: string, from: unknown, to: unknown, source: Obj, where: string) => {
    if (typeof from !== 'string' || typeof to !== 'string' || ties.has(`${type}|${from}|${to}`)) return;
    addTie(dropEmpty({ type, from, to, sources: popoloSources(source), certainty: 'stated' }), where);
  };
  asArr(doc.organizations).forEach((p, i) =>
    implied('PART_OF', asObj(p).id, asObj(p).parent_id, asObj(p), `organizations[${i}].parent_id`),
  );
  asArr(doc.posts).forEach((p, i) => implied('PART_OF', asObj(p).id, asObj(p).organization_id, asObj(p), `posts[${i}].organization_id`));
  if (problems.length) throw problemsFound(problems, 'file');
  return out;
}
