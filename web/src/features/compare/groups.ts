// A comparison of two dates, counted: for each date the node's ties in the three groups of an
// as-of answer (held then, dates not given, not valid then), and how many undated ties the
// comparison could not place at either date and so does not list.
import type { DiffAnswer } from '../../api/curation-types.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { asOfGroups } from '../common/ui.ts';

export function compareGroups({ asOf, undated }: Pick<DiffAnswer, 'asOf' | 'undated'>): HTMLElement | null {
  if (!asOf) return null;
  return h(
    'div',
    { class: 'compare-groups' },
    h(
      'div',
      { class: 'compare-sides' },
      [asOf.from, asOf.to].map((g) =>
        h('div', { class: 'compare-side' }, h('p', { class: 'field-label' }, t.compareGroups.side(g.date)), asOfGroups(g)),
      ),
    ),
    undated ? h('p', { class: 'compare-undated', role: 'note' }, t.compareGroups.undated(undated)) : null,
  );
}
