// Pieces every question panel uses: labelled fields, busy and error states, node chips,
// certainty badges, evidence with clickable citations, and the answer in words.
import type { EdgeData, NodeData } from '../../api/types.ts';
import { formatSpan } from '../../graph/dates.ts';
import { certaintyOf } from './certainty.ts';
import { LABEL_LOOK } from '../../graph/style.ts';
import { t } from '../../i18n/index.ts';
import { button, clear, h, shapeIcon } from '../../ui/dom.ts';
import type { SearchBox } from '../../ui/search-box.ts';
import { setDocumentNames, sourceList } from '../../ui/sources.ts';
import type { Summary } from '../../api/types.ts';
import { formOf } from '../../ui/text-forms.ts';
import { textIn } from '../../../../server/model/texts.ts';

/** A labelled control in a panel's form. */
export function field(label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('span', { class: 'field-label' }, label), control);
}

/** A spinner with what the panel is waiting for, in its result area. */
export function showBusy(target: HTMLElement, doing: string): void {
  clear(target, h('p', { class: 'muted' }, h('span', { class: 'spinner small' }), ` ${doing}`));
}

export function showError(target: HTMLElement, message: string): void {
  clear(target, h('p', { class: 'error-text', role: 'alert' }, message));
}

export type Picked = { id: string; name: string };

/** Fills a pair of pickers; with only the first given, the second gets the focus. */
export function prefillPair(first: [SearchBox, Picked | undefined], second: [SearchBox, Picked | undefined]): void {
  if (first[1]) first[0].set(first[1]);
  if (second[1]) second[0].set(second[1]);
  if (first[1] && !second[1]) setTimeout(() => second[0].focus(), 0);
}

export function nodeChip(n: NodeData | undefined, fallback: string, onClick?: () => void): HTMLElement {
  if (!n) return h('span', {}, fallback);
  const look = LABEL_LOOK[n.label];
  const content = [shapeIcon(look.shape, look.color, look.border, 12), ' ', n.name];
  return onClick
    ? h('button', { type: 'button', class: 'link node-link', onclick: (() => onClick()) as EventListener }, ...content)
    : h('span', { class: 'node-chip' }, ...content);
}

export { certaintyOf, type Certainty } from './certainty.ts';

/** "hedged: i vissa fall (in some cases)" as a badge, in words, never only as a line style. */
export function certaintyBadge(d: Record<string, unknown>): HTMLElement {
  const c = certaintyOf(d);
  const title = { stated: t.certainty.statedTitle, hedged: t.certainty.hedgedTitle, inferred: t.certainty.inferredTitle }[c];
  // The hedge and the outside knowledge in the page's language only (their Swedish and English
  // forms, or "i vissa fall (in some cases)" split); fact ids are not words for people.
  const l = t.lang === 'sv' ? 'sv' : 'en';
  const hedge = textIn(d, 'hedge', l) ?? '';
  const outside = textIn(d, 'outsideKnowledge', l);
  const rests = outside ? [outside] : [];
  return h(
    'span',
    { class: `status status-${c}`, title },
    t.certainty[c],
    hedge ? h('span', { class: 'hedge' }, `: ${hedge}`) : null,
    c === 'inferred' && rests.length ? h('span', { class: 'hedge' }, ` — ${t.certainty.restsOn} ${rests.join('; ')}`) : null,
  );
}

/** An as-of answer's three counted groups: held then, dates not given, not valid then. */
export function asOfGroups(g: { date: string; held: number; undated: number; notValid: number } | null | undefined): HTMLElement | null {
  if (!g) return null;
  return h(
    'ul',
    { class: 'as-of-groups', 'aria-label': t.answerText.groupsLabel(g.date) },
    h('li', { class: 'as-of-held' }, t.answerText.held(g.held)),
    h('li', { class: 'as-of-undated' }, t.answerText.undated(g.undated)),
    h('li', { class: 'as-of-not-valid' }, t.answerText.notValid(g.notValid)),
  );
}

/** "dates not given — first attested 2024", for undated facts in an as-of answer. */
export function timeStatusNote(d: Record<string, unknown>): HTMLElement | null {
  if (d.timeStatus !== 'undated' && d.timeStatus !== 'attested') return null;
  const attested = typeof d.attested === 'string' ? d.attested : null;
  return h('span', { class: `time-status time-${String(d.timeStatus)}` }, t.certainty.undated(attested));
}

/** The basis of an act of authority, or "basis not stated". */
export function basisNote(d: Record<string, unknown>): HTMLElement | null {
  if (typeof d.basisKind !== 'string') return null;
  const text =
    d.basisKind === 'not-stated'
      ? t.certainty.basisNotStated
      : [d.basisKind, d.basisRef, d.basisNote].filter((x) => typeof x === 'string' && x).join(' · ');
  return h('div', { class: 'basis' }, `${t.certainty.basis}: `, text);
}

export function evidenceBlock(e: EdgeData): HTMLElement {
  return h(
    'details',
    { class: 'evidence-toggle' },
    h('summary', {}, t.sources.evidence),
    // The paraphrase in the reader's language, marked where it is our translation.
    formOf(e, 'evidence') ? h('blockquote', { class: 'evidence' }, formOf(e, 'evidence')) : null,
    sourceList(e.sources, e.evidence),
  );
}

export function spanText(d: { validFrom?: string | null; validTo?: string | null; planned?: unknown }): string {
  return formatSpan(d.validFrom, d.validTo, d.planned);
}

/**
 * The answer in words: the server's summary sentence with its citations when it sends one,
 * else a sentence of our own, then the answer as a plain list.
 */
export function answerText(summary: Summary | undefined, fallback: string, items: string[], groups?: HTMLElement | null): HTMLElement {
  if (summary?.documents) setDocumentNames(summary.documents);
  return h(
    'section',
    { class: 'answer-text', 'aria-label': t.tools.inText },
    h('p', { class: 'answer-sentence' }, summary?.text ?? fallback),
    groups ?? null,
    summary?.documents?.length
      ? h(
          'div',
          { class: 'answer-documents' },
          h('p', { class: 'field-label' }, t.answerText.documents),
          h(
            'ul',
            { class: 'document-list' },
            summary.documents.map((d) => h('li', {}, d.name)),
          ),
        )
      : null,
    summary?.citations.length ? sourceList(summary.citations) : null,
    items.length > 1
      ? h(
          'details',
          { class: 'answer-list' },
          h('summary', {}, t.tools.inText),
          h(
            'ul',
            {},
            items.map((i) => h('li', {}, i)),
          ),
        )
      : null,
  );
}

export { button, clear, h };
