// The question box: a whole question in Swedish or English, read by GET /api/ask. Above the
// answer it shows what it understood as chips (each opens its tool's form, where the part can
// be changed), announced to screen readers; the other likely readings as buttons; or why it
// cannot answer. It then opens the answer by emitting the events the tool's form emits, so the
// canvas, sentence and citations are the tool's own. The question lives in the URL (?ask=).
import type { ApiClient } from '../../api/client.ts';
import { errorMessage } from '../../api/messages.ts';
import type { EventBus } from '../../events.ts';
import { formatDate, lang, t } from '../../i18n/index.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { chipEdit, chipsText, panelOf, readingChips, readingEvents, type AskAnswerBody, type AskReading } from './model.ts';

const PARAM = 'ask';

export class AskBox {
  /** The form, for the top bar. */
  readonly element: HTMLFormElement;
  /** The reading, for above the answer. */
  readonly reading: HTMLElement;
  private readonly input: HTMLInputElement;
  private pending = 0;
  private readonly said = h('p', { class: 'visually-hidden ask-said', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });

  constructor(
    private readonly api: ApiClient,
    private readonly bus: EventBus,
    private readonly feedback: Feedback,
  ) {
    this.input = h('input', {
      id: 'ask-input',
      class: 'ask-input',
      type: 'search',
      name: PARAM,
      maxlength: '300',
      autocomplete: 'off',
      placeholder: t.ask.placeholder,
      'aria-describedby': 'ask-reading',
    });
    this.element = h(
      'form',
      { class: 'ask-box', role: 'search', 'aria-label': t.ask.label },
      h('label', { for: 'ask-input', class: 'visually-hidden' }, t.ask.label),
      this.input,
      h('button', { type: 'submit', class: 'ask-submit primary' }, t.ask.submit),
    );
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.ask(this.input.value);
    });
    this.reading = h('section', { id: 'ask-reading', class: 'ask-reading', hidden: true, 'aria-label': t.ask.understood, tabindex: '-1' });
  }

  /** Work in flight, for "is the page idle". */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Asks the question in the link, if there is one; true when it did. */
  start(): boolean {
    const q = new URLSearchParams(location.search).get(PARAM);
    if (!q?.trim()) return false;
    this.input.value = q;
    void this.ask(q);
    return true;
  }

  async ask(question: string): Promise<void> {
    const q = question.trim();
    if (!q) return;
    this.keepInUrl(q);
    this.pending++;
    try {
      const body = await this.feedback.track(
        t.ask.reading,
        this.api.call<AskAnswerBody>('GET', `/api/ask?${new URLSearchParams({ q, lang }).toString()}`),
      );
      this.show(body);
    } catch (err) {
      this.showError(errorMessage(err, t.ask.doing));
    } finally {
      this.pending--;
    }
  }

  private keepInUrl(q: string): void {
    const url = new URL(location.href);
    url.searchParams.set(PARAM, q);
    history.replaceState(history.state, '', url);
  }

  private nameOf = (e: AskReading['entities'][number]) => (lang === 'en' ? (e.nameEn ?? e.name) : e.name);

  private show(body: AskAnswerBody): void {
    const r = body.reading;
    const chips = readingChips(r, t.ask, formatDate, this.nameOf);
    const said = chipsText(chips);
    const panel = panelOf(r);
    const chipList = h(
      'ul',
      { class: 'ask-chips', 'aria-label': t.ask.understood },
      chips.map((c, i) => {
        const text = [c.role ? h('span', { class: 'ask-chip-role' }, `${c.role}:`) : null, h('span', {}, c.text)];
        const edit = chipEdit(r, c);
        return h(
          'li',
          { class: i === 0 ? 'ask-chip ask-chip-kind' : 'ask-chip' },
          edit
            ? button(
                text,
                () => {
                  if (panel) this.bus.emit('panel:open', { panel });
                  this.bus.emit(edit.name, edit.payload as never);
                },
                { class: 'ask-chip-button', title: t.ask.change },
              )
            : text,
        );
      }),
    );
    const parts: HTMLElement[] = [h('h2', { class: 'ask-heading' }, t.ask.understood), chipList];
    if (body.cannot) parts.push(h('p', { class: 'ask-cannot' }, body.cannot));
    if (body.alternatives.length) {
      parts.push(
        h(
          'div',
          { class: 'ask-alternatives' },
          h('span', {}, t.ask.orDidYouMean),
          body.alternatives.map((a) =>
            button(chipsText(readingChips(a, t.ask, formatDate, this.nameOf)), () => this.open(a), { class: 'small ask-alternative' }),
          ),
        ),
      );
    }
    clear(this.reading, parts, this.said);
    this.reading.hidden = false;
    // Its own live region: the answer's sentence, announced by the tool right after, would
    // replace the reading in the page's one announcer before a screen reader got to it.
    this.said.textContent = '';
    const text = body.cannot ? `${t.ask.understood}: ${said}. ${body.cannot}` : `${t.ask.understood}: ${said}`;
    requestAnimationFrame(() => (this.said.textContent = text));
    this.open(r);
  }

  /** Opens a reading's answer through the tool's own events. */
  private open(r: AskReading): void {
    for (const e of readingEvents(r) ?? []) this.bus.emit(e.name, e.payload as never);
  }

  private showError(message: string): void {
    clear(this.reading, h('p', { class: 'error-text' }, message), this.said);
    this.reading.hidden = false;
    this.feedback.announce(message);
  }
}
