// The details panel as of a date: a node's ties on the canvas in the answers' three groups
// (held then, dates not given, not valid then), counted, and a tie's own group, by the same
// rule the server counts with (server/model/as-of.ts).
import type { EdgeData, NodeData } from '../../api/types.ts';
import { edgeCaption } from '../../graph/elements.ts';
import type { ElementCache } from '../../graph/view.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../common/ui.ts';
import { AS_OF_GROUPS, asOfGroup, byAsOfGroup } from '../../../../server/model/as-of.ts';

/** "— held then (2016)" / "— dates not given …" / "— not valid in 2016" after a tie's dates. */
export function tieAsOfNote(e: EdgeData, asOf: string | null): HTMLElement | null {
  const g = asOfGroup(e, asOf);
  if (!g || !asOf) return null;
  if (g === 'held') return h('span', { class: 'ok as-of-note' }, t.asOfViews.held(asOf));
  if (g === 'undated') return h('span', { class: 'muted as-of-note' }, t.asOfViews.undated);
  return h('span', { class: 'warn as-of-note' }, t.asOfViews.notValid(asOf));
}

/** A node's ties on the canvas, in the three groups with their counts; null without a date. */
export function nodeAsOfTies(
  n: NodeData,
  shown: readonly string[],
  asOf: string | null,
  cache: ElementCache,
  select: (id: string) => void,
): HTMLElement | null {
  if (!asOf) return null;
  const onCanvas = new Set(shown);
  const ties = [...cache.edges.values()].filter(
    (e) => (e.source === n.id || e.target === n.id) && onCanvas.has(e.source) && onCanvas.has(e.target),
  );
  const groups = byAsOfGroup(ties, (e) => asOfGroup(e, asOf));
  const heading = { held: t.answerText.held, undated: t.answerText.undated, 'not-valid': t.answerText.notValid };
  const line = (e: EdgeData) => {
    const name = (id: string) => cache.nodes.get(id)?.name ?? '';
    // The caption carries the tie's dates already.
    const text = `${name(e.source)} ${edgeCaption(e, cache.lookup)} ${name(e.target)}`;
    return h('li', {}, h('button', { type: 'button', class: 'link tie-link', onclick: (() => select(e.id)) as EventListener }, text));
  };
  return h(
    'section',
    { class: 'as-of-ties' },
    h('h3', {}, t.asOfViews.tiesHeading(asOf)),
    AS_OF_GROUPS.flatMap((g) => [
      h('h4', { class: `as-of-group as-of-group-${g}` }, heading[g](groups[g].length)),
      groups[g].length ? h('ul', { class: 'plain-list as-of-list' }, groups[g].map(line)) : h('p', { class: 'muted' }, t.asOfViews.none),
    ]),
  );
}
