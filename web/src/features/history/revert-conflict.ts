// A revert that a later change stands in the way of: who changed what and when, in the reader's
// language and without ids, and a way out — undo both together, as one change set.
import type { ApiError } from '../../api/client.ts';
import type { RevertConflictDetail } from '../../../../server/curation/revert-words.ts';
import { t } from '../../i18n/index.ts';
import { button, h } from '../../ui/dom.ts';

type Later = RevertConflictDetail['later'][number];

/** The 409's details when they are a revert's (each names its element in words). */
export function revertConflicts(err: ApiError): RevertConflictDetail[] {
  const details = Array.isArray(err.body?.details) ? (err.body.details as unknown[]) : [];
  return details.filter(
    (d): d is RevertConflictDetail => !!d && typeof d === 'object' && 'element' in d && Array.isArray((d as { later?: unknown }).later),
  );
}

function shortDate(at: string): string {
  const d = new Date(at);
  return d.toLocaleDateString(t.lang === 'sv' ? 'sv-SE' : 'en-GB', { day: 'numeric', month: 'short' });
}

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${t.revertConflict.and} ${words.at(-1)}`;
}

function deed(l: Later): string {
  const d = t.revertConflict.deeds;
  if (l.kind === 'revert') return d.undid;
  const act = l.what.find((w) => w === 'added' || w === 'retired' || w === 'restored');
  if (act) return d[act];
  const fields = l.what.flatMap((w) => t.revertConflict.fields[w] ?? []);
  return fields.length ? d.fields(list(fields)) : d.changed;
}

export function laterSentence(l: Later): string {
  return l.you ? t.revertConflict.you(deed(l), l.version) : t.revertConflict.other(l.author, deed(l), l.version, shortDate(l.at));
}

function thing(e: {
  kind: string;
  name?: string | undefined;
  nameEn?: string | undefined;
  between?: [string, string] | undefined;
  betweenEn?: [string, string] | undefined;
}): string {
  // English names in English where the node has one; the source's own names otherwise.
  const en = t.lang === 'en';
  const between = (en ? e.betweenEn : undefined) ?? e.between;
  return e.kind === 'tie' && between ? t.revertConflict.tie(between[0], between[1]) : ((en ? e.nameEn : undefined) ?? e.name ?? '');
}

/** One element in the way, as sentences. */
export function conflictSentences(d: RevertConflictDetail): string[] {
  const e = d.element;
  const name = thing(e);
  const later = d.later.map(laterSentence);
  if (e.problem === 'left-behind') return [t.revertConflict.leftBehind(name), ...later];
  if (e.problem === 'end-retired') return [t.revertConflict.endRetired(e.tie ? thing(e.tie) : '', name), ...later];
  if (!later.length) return [t.revertConflict.outside(name)];
  return [t.revertConflict.changedLater(name), ...later];
}

/** The refusal, with "undo together" when every element in the way has a later change to undo. */
export function revertConflictView(version: number, details: RevertConflictDetail[], undoTogether: () => void): HTMLElement {
  const versions = [...new Set(details.flatMap((d) => d.later.map((l) => l.version)))].sort((a, b) => a - b);
  const canWiden = versions.length > 0 && details.every((d) => d.later.length > 0);
  return h(
    'div',
    { class: 'conflict revert-conflict', role: 'alert', tabindex: '-1' },
    h('p', { class: 'error-text' }, t.revertConflict.head(version)),
    h(
      'ul',
      { class: 'error-list' },
      details.map((d) => h('li', {}, conflictSentences(d).join(' '))),
    ),
    canWiden
      ? h(
          'div',
          { class: 'actions' },
          button(t.revertConflict.undoTogether(versions), undoTogether, { class: 'small danger', 'data-action': 'revert-together' }),
        )
      : null,
    canWiden ? h('p', { class: 'muted' }, t.revertConflict.orFirst(versions)) : null,
  );
}
