// Pieces the history tab and the changes feed share: one change set as a line of words, and
// what an operation changed, field by field (before → after). Values are text, never markup.
import type { ChangeSetSummary, ElementState } from '../../api/curation-types.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { flat } from '../compare/model.ts';

/** Fields whose value differs between two recorded states; the bookkeeping ones left out. */
export function fieldChanges(
  before: ElementState | null,
  after: ElementState | null,
): Array<{ field: string; before: string; after: string }> {
  const a = flat(before);
  const b = flat(after);
  // Bookkeeping: the version counter and the store's merge key say nothing to a reader.
  const skip = new Set(['rev', 'retiredIn', 'key']);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.has(k)).sort();
  const show = (v: unknown) =>
    v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return keys.map((k) => ({ field: k, before: show(a[k]), after: show(b[k]) })).filter((c) => c.before !== c.after);
}

export function when(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? at
    : d.toLocaleString(t.lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Version 12 · 30 Nov 2026, 11:02 · anna · edit". */
export function changeSetLine(c: ChangeSetSummary): HTMLElement {
  return h(
    'p',
    { class: 'change-line' },
    h('strong', {}, t.curation.version(c.version)),
    ' · ',
    h('time', { datetime: c.at }, when(c.at)),
    ' · ',
    h('span', { class: 'change-author' }, c.author),
    ' · ',
    h('span', { class: `change-kind kind-${c.kind}` }, t.curation.kinds[c.kind] ?? c.kind),
  );
}

/** The field-by-field table of one operation. */
export function changeTable(before: ElementState | null, after: ElementState | null): HTMLElement | null {
  const rows = fieldChanges(before, after);
  if (!rows.length) return null;
  return h(
    'table',
    { class: 'change-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t.curation.field),
        h('th', { scope: 'col' }, t.curation.before),
        h('th', { scope: 'col' }, t.curation.after),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t.curation.fieldNames[r.field as keyof typeof t.curation.fieldNames] ?? t.keys[r.field] ?? r.field),
          h('td', { class: 'before' }, r.before ? h('del', {}, r.before) : h('span', { class: 'muted' }, '—')),
          h('td', { class: 'after' }, r.after ? h('ins', {}, r.after) : h('span', { class: 'muted' }, '—')),
        ),
      ),
    ),
  );
}
