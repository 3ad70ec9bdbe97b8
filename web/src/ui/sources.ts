// Provenance as a reader wants it: which document, which lines. Each citation is a button
// that opens the cited lines in a dialog when the server has the source texts, and otherwise
// says where to find them and what they say in our words. Source text goes in as text only.
import type { SourceLines } from '../api/curation-types.ts';
import { linesInWords, readableCitations } from '../../../server/model/inline-citations.ts';
import { lang, t } from '../i18n/index.ts';
import { button, h } from './dom.ts';

export interface SourceRef {
  file: string;
  document: string;
  lines: string;
  from: number | null;
  to: number | null;
}

/** Titles of the registered documents (an editor's own among them), by file. */
const registeredTitles = new Map<string, string>();

/** Names the server gave in an answer ("Socialstyrelsen, Vårt internationella arbete (2021)"), by file. */
const answerNames = new Map<string, string>();

/** An answer's documents, so its citations name each as the answer's sentence does. */
export function setDocumentNames(docs: ReadonlyArray<{ file: string; name: string }>): void {
  for (const d of docs) answerNames.set(d.file, d.name);
}

/** The registered sources' titles, so a citation of a newly registered document names it. */
export function setSourceTitles(sources: ReadonlyArray<{ file: string; title?: string }>): void {
  for (const s of sources) if (s.title) registeredTitles.set(s.file, s.title);
}

/** "001_1c15….txt#L16-L20" → the file, what document it is, and "lines 16–20". */
export function parseSource(ref: string): SourceRef {
  const [file = ref, anchor = ''] = ref.split('#');
  const m = /^L(\d+)(?:-L(\d+))?$/.exec(anchor);
  const lines = m ? (m[2] && m[2] !== m[1] ? t.sources.lines(m[1]!, m[2]) : t.sources.line(m[1]!)) : anchor;
  const prefix = file.slice(0, 3);
  return {
    file,
    document: answerNames.get(file) ?? t.sources.documents[prefix] ?? registeredTitles.get(file) ?? t.sources.unregistered,
    lines,
    from: m ? Number(m[1]) : null,
    to: m ? Number(m[2] ?? m[1]) : null,
  };
}

/** A document by the number its file name starts with ("001"), as the answers name it. */
function documentByPrefix(prefix: string): string | null {
  for (const [file, name] of answerNames) if (file.startsWith(`${prefix}_`)) return name;
  return t.sources.documents[prefix] ?? null;
}

/** A reference as the answers cite it: "Socialstyrelsen, Vårt internationella arbete (2021), l. 16". */
export function citationText(ref: string): string {
  const s = parseSource(ref);
  if (s.from === null) return s.document;
  const lines = s.to !== null && s.to !== s.from ? `${s.from}–${s.to}` : String(s.from);
  return `${s.document}, ${linesInWords(lines, lang)}`;
}

/** A data text (evidence, notes) with its citation shorthand ("003 L880") in the answers' words. */
export function citedInWords(text: string): string {
  return readableCitations(text, documentByPrefix, lang);
}

/** The list of sources under a node or a tie: document, then file and lines. */
export function sourceList(sources: readonly string[] | undefined, paraphrase?: string): HTMLElement {
  return h(
    'ul',
    { class: 'sources' },
    (sources ?? []).map((ref) => {
      const s = parseSource(ref);
      const open = button(
        [h('span', { class: 'source-doc' }, s.document), h('span', { class: 'source-ref' }, s.lines)],
        () => void showCitation(s, paraphrase, open),
      );
      open.className = 'link source-button';
      // People read the document and its lines; the file name stays out of the text.
      open.title = t.sources.openCitation(`${s.document}, ${s.lines}`);
      return h('li', { class: 'source' }, open);
    }),
  );
}

/** A modal with the cited lines; focus goes back to the citation when it closes. */
export async function showCitation(s: SourceRef, paraphrase: string | undefined, opener: HTMLElement): Promise<void> {
  const body = h('div', { class: 'citation-body' }, h('p', { class: 'muted' }, t.sources.loadingLines));
  const dialog = h(
    'dialog',
    { class: 'citation-dialog', 'aria-labelledby': 'citation-title' },
    h('h2', { id: 'citation-title' }, t.sources.dialogTitle),
    h('p', { class: 'citation-where' }, h('strong', {}, s.document), h('br', {}), `${s.file}, ${s.lines}`),
    body,
    h('form', { method: 'dialog', class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t.sources.close)),
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  const fallback = () =>
    body.replaceChildren(
      h('p', { class: 'muted' }, t.sources.noText),
      ...(paraphrase ? [h('blockquote', { class: 'evidence' }, h('strong', {}, `${t.sources.paraphrase}: `), paraphrase)] : []),
    );
  if (s.from === null) return fallback();
  try {
    const res = await fetch(`/api/sources/${encodeURIComponent(s.file)}/lines?from=${s.from}&to=${s.to}&context=2`);
    if (!res.ok) return fallback();
    const rows = ((await res.json()) as SourceLines).lines;
    if (!rows.length) return fallback();
    body.replaceChildren(
      h(
        'ol',
        { class: 'cited-lines' },
        rows.map((r) =>
          h(
            'li',
            { class: r.cited ? 'cited' : 'context', value: r.number },
            h('span', { class: 'line-no', 'aria-hidden': 'true' }, String(r.number)),
            h('span', { class: 'line-text' }, r.text),
          ),
        ),
      ),
      ...(paraphrase ? [h('blockquote', { class: 'evidence' }, h('strong', {}, `${t.sources.paraphrase}: `), paraphrase)] : []),
    );
  } catch {
    fallback();
  }
}
