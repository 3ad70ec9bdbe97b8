// "Source changed since cited" beside a fact whose cited lines changed in a newer text of its
// document (issue 21), until an editor confirms, edits or retires it.
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';

export function sourceChangedMark(d: { review?: unknown; sourceChanged?: unknown }): HTMLElement | null {
  return d.sourceChanged === true || d.review === 'source-changed'
    ? h('span', { class: 'badge source-changed', title: t.review.sourceChangedTitle }, t.review.sourceChanged)
    : null;
}
