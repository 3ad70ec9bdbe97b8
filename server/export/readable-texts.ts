// The texts an export carries for people (evidence, notes, what an inference rests on) cite
// documents as the answers do: "Socialstyrelsen, Vårt internationella arbete (2021), l. 18",
// never the curators' shorthand "001 L18". A Swedish form cites in Swedish, an English form in
// English, and a text with no language of its own in the export's language. The machine
// references stay whole in `sources` (and basisRef), which every format carries. The formats
// that import back exactly (our JSON, the Cypher script, the CSV for neo4j-admin, FollowTheMoney,
// Popolo) keep the data's own texts: re-importing them must give the same graph.
import type { Reader } from '../db/database.ts';
import { citedInWords, type Documents, readDocuments } from '../graph/documents.ts';
import type { ExportFormat, ExportNode, ExportRelationship, ExportSource } from './formats.ts';

export type ExportLang = 'en' | 'sv';

/** Formats read by people in their tools (Gephi, yEd, Cytoscape, a triple store). */
export const READABLE_FORMATS: ReadonlySet<ExportFormat> = new Set<ExportFormat>(['graphml', 'gexf', 'cytoscape', 'jsonld', 'turtle']);

/** Text fields whose words may cite a document. */
const CITING = ['evidence', 'basisNote', 'outsideKnowledge', 'description', 'citationNote'] as const;

function readable(props: Record<string, unknown>, docs: Documents, lang: ExportLang): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  const set = (key: string, l: ExportLang) => {
    const v = props[key];
    if (typeof v !== 'string') return;
    const said = citedInWords(v, docs, l);
    if (said !== v) (out ??= { ...props })[key] = said;
  };
  for (const field of CITING) {
    set(field, lang);
    set(`${field}Sv`, 'sv');
    set(`${field}En`, 'en');
  }
  return out ?? props;
}

async function* mapped<T>(items: AsyncIterable<T> | Iterable<T>, f: (t: T) => T): AsyncIterable<T> {
  for await (const item of items) yield f(item);
}

/** The source with its texts' citations in words, for the formats people read. */
export async function withReadableCitations<S extends ExportSource>(
  db: Reader,
  source: S,
  format: ExportFormat,
  lang: ExportLang,
): Promise<S> {
  if (!READABLE_FORMATS.has(format)) return source;
  const docs = await readDocuments(db);
  return {
    ...source,
    nodes: mapped(source.nodes, (n: ExportNode) => ({ ...n, properties: readable(n.properties, docs, lang) })),
    relationships: mapped(source.relationships, (r: ExportRelationship) => ({ ...r, properties: readable(r.properties, docs, lang) })),
  };
}
