// The Review tab (issue 21, source watch): the facts whose cited lines changed or went in a new
// text of their document, each with the old and the new lines side by side, and three ways to
// resolve it — confirm with new lines, edit it in the edit form, or retire it. After an action
// the keyboard lands on the next fact, or on "nothing to review"; when another editor was
// first (409) the item is read again and says so.
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/messages.ts';
import { lang, t } from '../../i18n/index.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { spokenMessage } from '../edit/citation-words.ts';
import { FormFields, input, textarea } from '../edit/form.ts';
import type { SessionState } from '../session/state.ts';
import type { ReviewApi } from './api.ts';
import { confirmCitation, itemStatus, nearestLines } from './model.ts';
import type { ReviewAction, ReviewItem, ReviewLine } from './types.ts';

export interface ReviewHost {
  /** Open the edit form on the element (select it on the canvas, correction mode). */
  edit(kind: 'node' | 'tie', id: string): Promise<void>;
  /** The tab's label follows the count. */
  setCount(n: number | null): void;
  /** The graph changed: read the view again. */
  afterChange(): Promise<void>;
}

const keyOf = (i: ReviewItem) => `${i.element.kind}:${i.element.id}`;

export class ReviewPanel {
  readonly element: HTMLElement;
  private readonly list = h('div', { class: 'review-list' });
  private readonly status = h('div', { class: 'review-status', role: 'status', 'aria-live': 'polite' });
  private items: ReviewItem[] = [];
  private announced = false;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly api: ReviewApi,
    private readonly session: SessionState,
    private readonly feedback: Feedback,
    private readonly host: ReviewHost,
  ) {
    this.element = h(
      'section',
      { class: 'tool review-tool', 'aria-labelledby': 'review-heading' },
      h('h2', { id: 'review-heading' }, t.review.heading),
      h('p', { class: 'muted' }, t.review.intro),
      this.status,
      this.list,
    );
    session.subscribe(() => {
      this.announced = false;
      if (session.canEdit) {
        host.setCount(this.items.length);
        void this.load();
      } else {
        this.items = [];
        host.setCount(null);
        clear(this.list, h('p', { class: 'muted' }, t.review.signIn));
      }
    });
  }

  get count(): number {
    return this.items.length;
  }

  /** Read the queue again (on sign-in, on opening the tab, after a new text). */
  load(): Promise<void> {
    if (!this.session.canEdit) return Promise.resolve();
    this.loading ??= this.fetch().finally(() => (this.loading = null));
    return this.loading;
  }

  private async fetch(): Promise<void> {
    if (!this.items.length) clear(this.list, h('p', { class: 'muted' }, h('span', { class: 'spinner small' }), t.review.loading));
    try {
      this.items = (await this.api.items(lang)).items;
    } catch (err) {
      clear(this.list, h('p', { class: 'error-text', role: 'alert' }, errorMessage(err, t.review.doing)));
      return;
    }
    this.host.setCount(this.items.length);
    // Said once per sign-in, when there is something to do; the label keeps the count after.
    if (!this.announced && this.items.length) {
      this.announced = true;
      this.feedback.announce(t.review.announce(this.items.length));
    }
    this.renderAll();
  }

  private renderAll(): void {
    if (!this.items.length) {
      clear(this.list, nothingLeft());
      return;
    }
    clear(
      this.list,
      h('p', { class: 'review-count' }, t.review.count(this.items.length)),
      h(
        'ul',
        { class: 'review-items' },
        this.items.map((i) => this.itemView(i)),
      ),
    );
  }

  private itemView(item: ReviewItem, note?: string): HTMLElement {
    const actions = h('div', { class: 'actions review-actions' });
    const work = h('div', { class: 'review-work' });
    const li = h(
      'li',
      { class: 'review-item', 'data-kind': item.element.kind, 'data-id': item.element.id },
      h('h3', { class: 'review-title', tabindex: '-1' }, item.element.title),
      h('p', { class: 'review-doc' }, h('strong', {}, item.document.title), ' · ', itemStatus(item)),
      note ? h('p', { class: 'error-text', role: 'alert' }, note) : null,
      linesTable(item),
      actions,
      work,
    );
    const open = (which: 'confirm' | 'retire') => {
      clear(work, this.actionForm(item, which));
      work.querySelector<HTMLElement>(which === 'confirm' ? 'input' : 'textarea')?.focus();
    };
    actions.append(
      button(t.review.confirm, () => open('confirm'), { class: 'small primary', 'data-action': 'confirm' }),
      button(t.review.edit, () => void this.host.edit(item.element.kind, item.element.id), { class: 'small', 'data-action': 'edit' }),
      button(t.review.retire, () => open('retire'), { class: 'small danger', 'data-action': 'retire' }),
    );
    return li;
  }

  private actionForm(item: ReviewItem, which: 'confirm' | 'retire'): HTMLElement {
    const f = new FormFields(`review-${which}-${item.element.kind}-${item.element.id.replace(/[^\w-]/g, '_')}`);
    const error = h('p', { class: 'error-text', role: 'alert', hidden: true });
    const submit = h(
      'button',
      { type: 'submit', class: which === 'confirm' ? 'primary small' : 'danger small' },
      which === 'confirm' ? t.review.confirmNow : t.review.retireNow,
    );
    const form = h(
      'form',
      { class: 'review-form', novalidate: true },
      which === 'confirm'
        ? f.field(
            'lines',
            t.review.lines,
            input({ value: nearestLines(item), inputmode: 'numeric', placeholder: '18-20' }),
            t.review.linesHint,
          )
        : null,
      f.field('reason', t.review.reason, textarea(2), t.review.reasonHint),
      h(
        'div',
        { class: 'actions' },
        submit,
        button(t.review.cancel, () => form.remove(), { class: 'small' }),
      ),
      error,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const reason = f.value('reason');
      const local: Array<{ path: string; message: string }> = [];
      const citation = which === 'confirm' ? confirmCitation(f.value('lines')) : null;
      if (which === 'confirm' && !citation) local.push({ path: 'lines', message: t.review.linesBad });
      if (reason.length < 10) local.push({ path: 'reason', message: t.review.reasonShort });
      if (local.length) {
        f.showErrors(local);
        return;
      }
      f.clearErrors();
      const action: ReviewAction =
        which === 'confirm' && citation
          ? { action: 'confirm', rev: item.element.rev, reason, citation }
          : { action: 'retire', rev: item.element.rev, reason };
      submit.disabled = true;
      void this.resolve(item, action, f, error).finally(() => (submit.disabled = false));
    });
    return form;
  }

  private async resolve(item: ReviewItem, action: ReviewAction, f: FormFields, error: HTMLElement): Promise<void> {
    try {
      const written = (await this.feedback.track(t.review.saving, this.api.resolve(item.element.kind, item.element.id, action))) as {
        changeSet?: { version?: number };
      };
      const v = Number(written?.changeSet?.version ?? 0);
      this.feedback.notify('info', action.action === 'confirm' ? t.review.confirmed(v) : t.review.retired(v), 'review');
      const at = this.items.findIndex((i) => keyOf(i) === keyOf(item));
      this.items = this.items.filter((i) => keyOf(i) !== keyOf(item));
      this.host.setCount(this.items.length);
      this.renderAll();
      this.focusAt(at);
      await this.host.afterChange();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return this.reloadAfterConflict(item);
      if (err instanceof ApiError && err.status === 400 && err.details.length) {
        // The citation's lines beside the lines field, the reason beside the reason.
        const rest = f.showErrors(
          err.details.map((d) => ({ path: /citation/.test(d.path) ? 'lines' : d.path, message: spokenMessage(d) })),
        );
        error.hidden = rest.length === 0;
        error.textContent = rest.map((d) => d.message).join(' ');
        return;
      }
      error.hidden = false;
      error.textContent =
        err instanceof ApiError && (err.status === 401 || err.status === 403)
          ? err.status === 401 || err.code === 'CSRF_FAILED'
            ? t.curation.signInAgain
            : t.review.notAllowed
          : errorMessage(err, t.review.saving);
    }
  }

  /** Someone else resolved (or changed) the fact first: read it again and say so where it was. */
  private async reloadAfterConflict(item: ReviewItem): Promise<void> {
    try {
      this.items = (await this.api.items(lang)).items;
    } catch {
      // Keep the old list; the message still says what happened.
    }
    this.host.setCount(this.items.length);
    const fresh = this.items.find((i) => keyOf(i) === keyOf(item));
    this.renderAll();
    const ul = this.list.querySelector('.review-items');
    const old = this.list.querySelector<HTMLElement>(
      `.review-item[data-kind="${item.element.kind}"][data-id="${CSS.escape(item.element.id)}"]`,
    );
    if (fresh && old) {
      const again = this.itemView(fresh, t.review.conflict);
      old.replaceWith(again);
      again.querySelector<HTMLElement>('.review-title')?.focus();
      return;
    }
    // Gone from the queue: say so in its place, then the next item (or "nothing to review").
    const note = h('p', { class: 'error-text review-gone', role: 'alert', tabindex: '-1' }, t.review.resolvedElsewhere);
    if (ul) ul.before(note);
    else this.list.prepend(note);
    note.focus();
    await this.host.afterChange();
  }

  /** The keyboard to the item now at `index` (the next one), the last one, or the empty message. */
  private focusAt(index: number): void {
    const titles = [...this.list.querySelectorAll<HTMLElement>('.review-title')];
    const target = titles[Math.min(Math.max(index, 0), titles.length - 1)] ?? this.list.querySelector<HTMLElement>('.review-nothing');
    target?.focus();
  }
}

function nothingLeft(): HTMLElement {
  return h('p', { class: 'review-nothing ok-text', tabindex: '-1' }, t.review.nothing);
}

/**
 * Old and new lines side by side: a two-column table (its caption and headers read by screen
 * readers) with one row, each cell the lines of its side; stacked at phone width.
 */
function linesTable(item: ReviewItem): HTMLElement {
  const side = (lines: ReviewLine[], head: string) => {
    // Blank lines keep their numbers but say nothing.
    const said = lines.filter((l) => l.text.trim());
    return h(
      'td',
      { 'data-head': head },
      said.length
        ? h(
            'ol',
            { class: 'review-line-list' },
            said.map((l) => h('li', {}, h('span', { class: 'review-n' }, t.review.line(l.n)), h('span', { class: 'review-text' }, l.text))),
          )
        : h('span', { class: 'muted' }, t.review.noLines),
    );
  };
  return h(
    'table',
    { class: 'review-lines' },
    h('caption', { class: 'visually-hidden' }, t.review.tableCaption(item.document.title)),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.review.oldHead), h('th', { scope: 'col' }, t.review.newHead))),
    h('tbody', {}, h('tr', {}, side(item.oldLines, t.review.oldHead), side(item.newLines, t.review.newHead))),
  );
}
