// FollowTheMoney entities, one JSON object a line, as Aleph and OpenSanctions read them
// (`ftm validate`, `followthemoney.model.get_proxy`). FtM's schemata are closed, so every
// value sits in a property the schema defines; what FtM has no property for is written as text
// in the properties meant for text, in a form our importer reads back:
// - the model's label in `classification` (for the legal entities) or `keywords`;
// - certainty in `summary` ("Certainty: hedged — …"), the paraphrase in `description`;
// - a representation's capacity and forum in its `role`, as JSON after the role text
//   ('member of the board {"capacity":"government","forum":"who"}');
// - each source document as a Document entity (`proof`), the cited lines as `indexText`.
import type { ExportNode, ExportRelationship, ExportSource, TextSink } from '../formats.ts';
import { certaintySentence, displayName, factId, partialDate, splitSource, trustOf, type ExportDocument } from './facts.ts';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Our labels as FtM schemata; the label itself travels in `classification` or `keywords`. */
export const FTM_SCHEMA_OF_LABEL: Record<string, string> = {
  Person: 'Person',
  Post: 'Position',
  Government: 'PublicBody',
  Ministry: 'PublicBody',
  Agency: 'PublicBody',
  Unit: 'Organization',
  Organisation: 'Organization',
  Country: 'PublicBody',
  Region: 'PublicBody',
  Group: 'Organization',
  Treaty: 'Document',
  Programme: 'Project',
  Document: 'Document',
};

export const documentEntityId = (file: string) => `source-${file.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;

class Props {
  readonly values: Record<string, string[]> = {};
  add(name: string, v: unknown): this {
    if (v === null || v === undefined || v === '') return this;
    for (const x of Array.isArray(v) ? v : [v]) if (x !== null && x !== undefined && x !== '') (this.values[name] ??= []).push(String(x));
    return this;
  }
}

function provenance(p: Props, props: Record<string, unknown>): void {
  const t = trustOf(props);
  p.add('summary', certaintySentence(t));
  p.add('description', t.evidence);
  p.add('proof', [...new Set(t.sources.map((s) => documentEntityId(splitSource(s).file)))]);
  p.add(
    'indexText',
    t.sources.map((s) => `source: ${s}`),
  );
}

export function nodeEntity(n: ExportNode): FtmEntity {
  const schema = FTM_SCHEMA_OF_LABEL[n.label] ?? 'Organization';
  const p = new Props();
  const props = n.properties;
  if (schema === 'Document') p.add('title', props.name);
  else p.add('name', props.name);
  p.add('alias', props.nameEn);
  p.add('weakAlias', props.aliases);
  if (schema === 'Document') p.add('keywords', `label: ${n.label}`);
  else if (schema !== 'Position')
    p.add(schema === 'Project' ? 'keywords' : 'classification', schema === 'Project' ? `label: ${n.label}` : n.label);
  const notes: string[] = [];
  if (typeof props.description === 'string') notes.push(props.description);
  const from = partialDate(props.validFrom);
  const to = partialDate(props.validTo);
  if (schema === 'Position') {
    p.add('inceptionDate', from).add('dissolutionDate', to);
  } else if (schema === 'Person' || schema === 'Document') {
    // Neither schema has a validity period; the importer reads this note back.
    if (from || to) notes.push(`valid: ${from ?? ''}–${to ?? ''}`);
  } else if (schema === 'Project') {
    p.add('startDate', from).add('endDate', to);
  } else p.add('incorporationDate', from).add('dissolutionDate', to);
  if (n.label === 'Country' && typeof props.country === 'string') p.add('jurisdiction', props.country);
  p.add('notes', notes);
  provenance(p, props);
  return { id: n.id, schema, properties: p.values };
}

/** Qualifiers FtM has no property for, as a JSON object after the role text. */
function roleText(r: ExportRelationship, lead: string): string {
  const p = r.properties;
  const q: Record<string, unknown> = {};
  for (const k of [
    'capacity',
    'forum',
    'principal',
    'scope',
    'task',
    'subject',
    'agreement',
    'chain',
    'step',
    'basisKind',
    'basisRef',
    'basisNote',
    'basisCertainty',
  ])
    if (p[k] !== undefined && p[k] !== null && p[k] !== '') q[k] = p[k];
  return Object.keys(q).length ? `${lead} ${JSON.stringify(q)}` : lead;
}

export function relationshipEntity(
  r: ExportRelationship,
  labelOf: (id: string) => string | undefined,
  names: (id: string) => string,
): FtmEntity {
  const p = new Props();
  const id = factId(r);
  const role = typeof r.properties.role === 'string' ? r.properties.role : undefined;
  let schema: string;
  const from = labelOf(r.start);
  const to = labelOf(r.end);
  const fromSchema = from ? FTM_SCHEMA_OF_LABEL[from] : undefined;
  const toSchema = to ? FTM_SCHEMA_OF_LABEL[to] : undefined;
  const legal = (s: string | undefined) => s === 'Person' || s === 'PublicBody' || s === 'Organization';
  const org = (s: string | undefined) => s === 'PublicBody' || s === 'Organization';
  if (r.type === 'HOLDS_POST' && fromSchema === 'Person' && toSchema === 'Position') {
    schema = 'Occupancy';
    p.add('holder', r.start).add('post', r.end);
  } else if ((r.type === 'REPRESENTS' || r.type === 'LEADS_DELEGATION') && legal(fromSchema) && legal(toSchema)) {
    schema = 'Representation';
    p.add('agent', r.start)
      .add('client', r.end)
      .add('role', roleText(r, role ?? r.type.toLowerCase().replace(/_/g, ' ')));
  } else if (
    (r.type === 'MEMBER_OF' || r.type === 'PARTICIPATES_IN' || r.type === 'PART_OF' || r.type === 'CHAIRS') &&
    legal(fromSchema) &&
    org(toSchema)
  ) {
    schema = 'Membership';
    p.add('member', r.start)
      .add('organization', r.end)
      .add('role', roleText(r, role ?? r.type.toLowerCase().replace(/_/g, ' ')));
  } else if (r.type === 'DIRECTS' && legal(fromSchema) && org(toSchema)) {
    schema = 'Directorship';
    p.add('director', r.start)
      .add('organization', r.end)
      .add('role', roleText(r, role ?? 'head'));
  } else if (r.type === 'WORKS_AT' && fromSchema === 'Person' && org(toSchema)) {
    schema = 'Employment';
    p.add('employee', r.start)
      .add('employer', r.end)
      .add('role', roleText(r, role ?? 'staff'));
  } else {
    schema = 'UnknownLink';
    p.add('subject', r.start)
      .add('object', r.end)
      .add('role', roleText(r, role ? `${r.type}: ${role}` : r.type));
  }
  p.add('startDate', partialDate(r.properties.validFrom)).add('endDate', partialDate(r.properties.validTo));
  p.add('recordId', id);
  provenance(p, r.properties);
  // The certainty line says who and what in a sentence, since FtM readers see no type name on
  // an UnknownLink other than its role.
  p.values.summary = [`${names(r.start)} ${r.type} ${names(r.end)}. ${p.values.summary?.[0] ?? ''}`.trim()];
  return { id, schema, properties: p.values };
}

/** FtM's language type takes ISO 639-3 codes; the sources' languages as the data names them. */
const ISO_639_3: Record<string, string> = { sv: 'swe', fi: 'fin', en: 'eng', no: 'nor', da: 'dan', de: 'deu', fr: 'fra' };

export function documentEntity(d: ExportDocument): FtmEntity {
  const p = new Props();
  p.add('title', d.title ?? d.file)
    .add('fileName', d.file)
    .add('publisher', d.publisher);
  const language = d.language ? (ISO_639_3[d.language] ?? (/^[a-z]{3}$/.test(d.language) ? d.language : undefined)) : undefined;
  p.add('language', language);
  if (d.language && !language) p.add('notes', `language: ${d.language}`);
  p.add('date', partialDate(d.written));
  p.add('keywords', 'label: Source');
  if (d.writtenBasis) p.add('notes', `date basis (${d.writtenCertainty ?? 'stated'}): ${d.writtenBasis}`);
  return { id: documentEntityId(d.file), schema: 'Document', properties: p.values };
}

export async function writeFtm(source: ExportSource, sink: TextSink): Promise<void> {
  const stored = new Map(((await source.documents?.()) ?? []).map((d) => [d.file, d]));
  const cited = new Set<string>();
  const labels = new Map<string, string>();
  const names = new Map<string, string>();
  const note = (props: Record<string, unknown>) => {
    for (const s of trustOf(props).sources) cited.add(splitSource(s).file);
  };
  for await (const n of source.nodes) {
    labels.set(n.id, n.label);
    names.set(n.id, displayName(n, n.id));
    note(n.properties);
    await sink.write(JSON.stringify(nodeEntity(n)) + '\n');
  }
  for await (const r of source.relationships) {
    note(r.properties);
    await sink.write(
      JSON.stringify(
        relationshipEntity(
          r,
          (id) => labels.get(id),
          (id) => names.get(id) ?? id,
        ),
      ) + '\n',
    );
  }
  // The documents come last: only then is it known which ones the facts cite.
  for (const file of [...cited].sort()) await sink.write(JSON.stringify(documentEntity(stored.get(file) ?? { file })) + '\n');
}
