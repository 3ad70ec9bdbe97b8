// The whole-graph JSON file (what `export --format json` and `backup` write) read back into
// rows the merge queries take. Validated as a whole before anything is written.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PartialDate, firstDay, lastDay } from '../model/dates.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import type { NodeRow, RelationshipRow } from '../../seed/rows.ts';
import { ValidationError, type ErrorDetail } from '../errors.ts';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');
const Props = z.record(z.string(), z.unknown());

export const GraphFile = z.object({
  nodes: z.array(
    z.object({
      id: Id,
      labels: z.array(z.string()).refine((l) => l.includes('Entity'), 'expected the Entity label'),
      properties: Props,
    }),
  ),
  relationships: z.array(
    z.object({ type: RelationshipType, start: Id, end: Id, properties: Props.and(z.object({ key: z.string().min(1) })) }),
  ),
});
export type GraphFile = z.infer<typeof GraphFile>;

export interface GraphRows {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  problems: ErrorDetail[];
}

const optionalDate = (v: unknown) => (typeof v === 'string' && PartialDate.safeParse(v).success ? v : null);

export function graphFileToRows(input: unknown): GraphRows {
  const parsed = GraphFile.safeParse(input);
  if (!parsed.success) {
    return {
      nodes: [],
      relationships: [],
      problems: parsed.error.issues.slice(0, 200).map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const problems: ErrorDetail[] = [];
  const ids = new Set<string>();
  const nodes = parsed.data.nodes.map((n, i): NodeRow => {
    const label = n.labels.find((l) => l !== 'Entity');
    if (!NodeLabel.safeParse(label).success)
      problems.push({ path: `nodes.${i}.labels`, message: `expected Entity and one of ${NodeLabel.options.join(', ')}` });
    if (ids.has(n.id)) problems.push({ path: `nodes.${i}.id`, message: `duplicate id "${n.id}"` });
    ids.add(n.id);
    const from = optionalDate(n.properties.validFrom);
    const to = optionalDate(n.properties.validTo);
    const aliases = Array.isArray(n.properties.aliases) ? (n.properties.aliases as unknown[]).map(String) : [];
    const attested = optionalDate(n.properties.attested);
    return {
      id: n.id,
      label: label ?? 'Entity',
      validFromDay: from ? firstDay(from) : null,
      validToDay: to ? lastDay(to) : null,
      attestedDay: attested ? firstDay(attested) : null,
      properties: { ...n.properties, id: n.id, label, aliasText: aliases.join(' | ') },
    };
  });
  const keys = new Set<string>();
  const relationships = parsed.data.relationships.map((r, i): RelationshipRow => {
    for (const end of ['start', 'end'] as const) {
      if (!ids.has(r[end])) problems.push({ path: `relationships.${i}.${end}`, message: `unknown node id "${r[end]}"` });
    }
    if (keys.has(r.properties.key)) problems.push({ path: `relationships.${i}.properties.key`, message: 'duplicate relationship key' });
    keys.add(r.properties.key);
    const from = optionalDate(r.properties.validFrom);
    const to = optionalDate(r.properties.validTo);
    const attested = optionalDate(r.properties.attested);
    return {
      type: r.type,
      from: r.start,
      to: r.end,
      key: r.properties.key,
      validFromDay: from ? firstDay(from) : null,
      validToDay: to ? lastDay(to) : null,
      attestedDay: attested ? firstDay(attested) : null,
      properties: r.properties,
    };
  });
  return { nodes, relationships, problems };
}

/**
 * A backup file's text as rows to load, or a ValidationError naming every problem: a restore
 * calls this before it touches the database, so a broken file changes nothing.
 */
export function readGraphFile(file: string): Omit<GraphRows, 'problems'> {
  let json: unknown;
  try {
    // A file that cannot be read is reported like one that does not parse.
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ValidationError(`${file} is not valid JSON: ${(err as Error).message}`, [{ path: 'file', message: 'expected JSON' }]);
  }
  const { nodes, relationships, problems } = graphFileToRows(json);
  if (problems.length) {
    throw new ValidationError(
      `${file} is not a Mandate Explorer graph file (${problems.length} problem(s)); nothing was changed.`,
      problems,
    );
  }
  return { nodes, relationships };
}
