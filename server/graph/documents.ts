// Citations as a reader names them: the document by its short title and year, then the lines
// ("Socialstyrelsen, Vårt internationella arbete (2021), l. 18"), never its file name. Answers
// list the documents they cite below the sentence; the raw references stay in `citations` so
// the web can still open the cited lines.
import type { Reader, Row } from '../db/database.ts';
import { linesInWords, readableCitations } from '../model/inline-citations.ts';
import { z } from '../zod.ts';

export type Lang = 'en' | 'sv';

export interface DocumentInfo {
  file: string;
  /** "Socialstyrelsen, Vårt internationella arbete" */
  shortTitle: string | null;
  title: string | null;
  publisher: string | null;
  /** The year (or date) the document was at least written by. */
  written: string | null;
}

export type Documents = ReadonlyMap<string, DocumentInfo>;

export const DocumentRefSchema = z
  .object({
    file: z.string().openapi({ description: 'The source file, for opening its lines; not for display' }),
    name: z.string().openapi({ description: 'The document as a citation names it: short title and year' }),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    written: z.string().nullable(),
  })
  .openapi('CitedDocument', { description: 'A document an answer cites, as a reader names it' });
export type DocumentRef = z.infer<typeof DocumentRefSchema>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The registered source documents (seed and editors' own), by file. */
export async function readDocuments(db: Reader): Promise<Documents> {
  const rows = await db.read('sources/list-sources');
  const docs = new Map<string, DocumentInfo>();
  for (const r of rows) {
    const s = r.source as Row;
    const file = str(s.file);
    if (!file) continue;
    docs.set(file, {
      file,
      shortTitle: str(s.shortTitle),
      title: str(s.title),
      publisher: str(s.publisher),
      written: str(s.written),
    });
  }
  return docs;
}

const UNKNOWN = { en: 'an unregistered document', sv: 'ett oregistrerat dokument' } as const;

/** "Socialstyrelsen, Vårt internationella arbete (2021)" */
export function documentName(file: string, docs: Documents | undefined, lang: Lang): string {
  const d = docs?.get(file);
  const name = d?.shortTitle ?? d?.title ?? null;
  if (!name) return UNKNOWN[lang];
  const year = d?.written ? d.written.slice(0, 4) : null;
  return year ? `${name} (${year})` : name;
}

/** "001_….txt#L16-L20" → its file and "ll. 16–20" / "rad 16–20". */
export function splitRef(ref: string): { file: string; lines: string | null } {
  const [file = ref, anchor = ''] = ref.split('#');
  const m = /^L(\d+)(?:-L(\d+))?$/.exec(anchor);
  if (!m) return { file, lines: null };
  return { file, lines: m[2] && m[2] !== m[1] ? `${m[1]}–${m[2]}` : m[1]! };
}

/** One reference in words: "Socialstyrelsen, Vårt internationella arbete (2021), l. 18". */
export function citeRef(ref: string, docs: Documents | undefined, lang: Lang): string {
  const { file, lines } = splitRef(ref);
  const doc = documentName(file, docs, lang);
  return lines ? `${doc}, ${linesInWords(lines, lang)}` : doc;
}

/** Several references, those of one document together: "Socialstyrelsen, … (2021), l. 16, 18". */
export function citeRefs(refs: readonly string[], docs: Documents | undefined, lang: Lang): string {
  const byDoc = new Map<string, string[]>();
  for (const ref of refs) {
    const { file, lines } = splitRef(ref);
    const list = byDoc.get(file) ?? [];
    if (lines && !list.includes(lines)) list.push(lines);
    byDoc.set(file, list);
  }
  return [...byDoc.entries()]
    .map(([file, lines]) => {
      const doc = documentName(file, docs, lang);
      if (!lines.length) return doc;
      const joined = lines.join(', ');
      return `${doc}, ${lang === 'en' ? (lines.length > 1 || joined.includes('–') ? `ll. ${joined}` : `l. ${joined}`) : `rad ${joined}`}`;
    })
    .join('; ');
}

/** The documents a list of references cites, in order of first citation. */
export function documentsOf(refs: readonly string[], docs: Documents | undefined, lang: Lang): DocumentRef[] {
  const files = [...new Set(refs.map((r) => splitRef(r).file))];
  return files.map((file) => {
    const d = docs?.get(file);
    return {
      file,
      name: documentName(file, docs, lang),
      title: d?.title ?? null,
      publisher: d?.publisher ?? null,
      written: d?.written ?? null,
    };
  });
}

/** A data text with its citation shorthand ("003 L880") in words, named from the registered documents. */
export function citedInWords(text: string, docs: Documents | undefined, lang: Lang): string {
  return readableCitations(
    text,
    (prefix) => {
      for (const file of docs?.keys() ?? []) if (file.startsWith(`${prefix}_`)) return documentName(file, docs, lang);
      return null;
    },
    lang,
  );
}
