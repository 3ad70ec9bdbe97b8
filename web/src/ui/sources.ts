// Provenance as a reader wants it: which document, which lines.
import { h } from './dom.ts';

const DOCUMENTS: Record<string, string> = {
  '000': 'Finnish Ministry of Social Affairs and Health — “International cooperation” (web page)',
  '001': 'Socialstyrelsen — “Our international work” (web page)',
  '003': 'K. Carlsson, “Socialstyrelsen’s experience of international cooperation” (book chapter)',
};

export interface SourceRef {
  file: string;
  document: string;
  lines: string;
}

/** "001_1c15….txt#L16-L20" → the file, what document it is, and "lines 16–20". */
export function parseSource(ref: string): SourceRef {
  const [file = ref, anchor = ''] = ref.split('#');
  const m = /^L(\d+)(?:-L(\d+))?$/.exec(anchor);
  const lines = m ? (m[2] && m[2] !== m[1] ? `lines ${m[1]}–${m[2]}` : `line ${m[1]}`) : anchor;
  const prefix = file.slice(0, 3);
  return { file, document: DOCUMENTS[prefix] ?? file, lines };
}

/** The list of sources under a node or a tie: document, then file and lines. */
export function sourceList(sources: readonly string[] | undefined): HTMLElement {
  return h(
    'ul',
    { class: 'sources' },
    (sources ?? []).map((ref) => {
      const s = parseSource(ref);
      return h(
        'li',
        { class: 'source' },
        h('span', { class: 'source-doc' }, s.document),
        h('span', { class: 'source-ref' }, `${s.file}, ${s.lines}`),
      );
    }),
  );
}
