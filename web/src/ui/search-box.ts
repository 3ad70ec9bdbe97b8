// A type-ahead over /api/search: suggestions while typing, arrow keys to move, Enter to pick.
// Used for the main search and for every "pick a node" field in the tool panels.
import type { ApiClient } from '../api/client.ts';
import { AbortedError } from '../api/client.ts';
import { errorMessage } from '../api/messages.ts';
import type { SearchHit } from '../api/types.ts';
import { LABEL_LOOK } from '../graph/style.ts';
import { LABEL_NAMES } from '../vocabulary.ts';
import { t } from '../i18n/index.ts';
import { clear, h, shapeIcon } from './dom.ts';
import { placeList } from '../features/readable/placement.ts';

export interface PickedNode {
  id: string;
  name: string;
}

export interface SearchBoxOptions {
  label: string;
  placeholder: string;
  onPick: (hit: PickedNode) => void;
  /** Keep the picked name in the field (pickers) or empty it (the main search). */
  keepValue?: boolean;
  id: string;
}

let instances = 0;
/** Searches typed but not yet answered, across every box: part of "is the page idle". */
let unanswered = 0;
export function searchesInFlight(): number {
  return unanswered;
}

export class SearchBox {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private hits: SearchHit[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The query the shown suggestions answer. */
  private answered = '';
  private controller: AbortController | null = null;
  private picked: PickedNode | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly options: SearchBoxOptions,
  ) {
    const listId = `${options.id}-list-${++instances}`;
    this.input = h('input', {
      id: options.id,
      type: 'search',
      class: 'search-input',
      placeholder: options.placeholder,
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
    });
    this.list = h('ul', { id: listId, class: 'suggestions', role: 'listbox', hidden: true });
    this.status = h('div', { class: 'suggestions-status', 'aria-live': 'polite' });
    this.element = h(
      'div',
      { class: 'search-box' },
      h('label', { for: options.id, class: 'visually-hidden' }, options.label),
      this.input,
      this.list,
      this.status,
    );
    this.input.addEventListener('input', () => {
      this.picked = null;
      this.schedule();
    });
    this.input.addEventListener('keydown', (ev) => this.onKey(ev));
    this.input.addEventListener('focus', () => {
      if (this.hits.length && this.input.value.trim()) this.open();
    });
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  /** The node picked in this field, or null if the text was edited since. */
  get value(): PickedNode | null {
    return this.picked;
  }

  set(node: PickedNode | null): void {
    this.picked = node;
    this.input.value = node?.name ?? '';
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private schedule(): void {
    this.cancelTimer();
    const q = this.input.value.trim();
    if (!q) {
      this.hits = [];
      this.close();
      return;
    }
    unanswered++;
    this.timer = setTimeout(() => {
      this.timer = null;
      unanswered--;
      void this.fetch(q);
    }, 140);
  }

  private cancelTimer(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    unanswered--;
  }

  private async fetch(q: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status.textContent = t.search.searching;
    this.element.classList.add('searching');
    unanswered++;
    try {
      const res = await this.api.search(q, { limit: 12, signal: controller.signal });
      if (controller.signal.aborted) return;
      this.answered = q;
      this.hits = res.hits;
      this.active = this.hits.length ? 0 : -1;
      this.status.textContent = this.hits.length ? t.search.suggestions(this.hits.length) : t.search.nothing(q);
      this.renderList();
    } catch (err) {
      if (err instanceof AbortedError) return;
      this.hits = [];
      this.status.textContent = errorMessage(err, t.doing.searching);
      this.renderList();
    } finally {
      unanswered--;
      if (this.controller === controller) this.element.classList.remove('searching');
    }
  }

  private renderList(): void {
    clear(
      this.list,
      this.hits.map((hit, i) => {
        const look = LABEL_LOOK[hit.label];
        const other = [hit.nameEn, ...hit.aliases]
          .filter((s): s is string => !!s && s !== hit.name)
          .slice(0, 3)
          .join(' · ');
        const li = h(
          'li',
          {
            id: `${this.list.id}-${i}`,
            role: 'option',
            class: 'suggestion',
            'aria-selected': i === this.active ? 'true' : 'false',
            'data-id': hit.id,
          },
          shapeIcon(look.shape, look.color, look.border, 16),
          h(
            'span',
            { class: 'suggestion-text' },
            h('span', { class: 'suggestion-name' }, hit.name),
            other ? h('span', { class: 'suggestion-alt' }, other) : null,
          ),
          h('span', { class: 'suggestion-label' }, LABEL_NAMES[hit.label]),
        );
        li.addEventListener('mousedown', (ev) => {
          ev.preventDefault();
          this.pick(i);
        });
        return li;
      }),
    );
    if (this.hits.length || this.status.textContent) this.open();
    this.input.setAttribute('aria-activedescendant', this.active >= 0 ? `${this.list.id}-${this.active}` : '');
  }

  private open(): void {
    this.list.hidden = this.hits.length === 0;
    this.status.hidden = false;
    this.input.setAttribute('aria-expanded', this.hits.length ? 'true' : 'false');
    placeList(this.element, this.input, this.list);
  }

  private close(): void {
    this.list.hidden = true;
    this.status.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
  }

  private onKey(ev: KeyboardEvent): void {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!this.hits.length) return;
      ev.preventDefault();
      this.active = (this.active + (ev.key === 'ArrowDown' ? 1 : -1) + this.hits.length) % this.hits.length;
      this.renderList();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const q = this.input.value.trim();
      if (q && q !== this.answered) {
        // Enter before the suggestions for this text arrived: search now and take the best hit.
        this.cancelTimer();
        void this.fetch(q).then(() => this.hits.length && this.pick(0));
        return;
      }
      if (this.active >= 0) this.pick(this.active);
    } else if (ev.key === 'Escape') {
      if (!this.list.hidden) {
        ev.stopPropagation();
        this.close();
      } else this.input.blur();
    }
  }

  private pick(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.picked = { id: hit.id, name: hit.name };
    this.input.value = this.options.keepValue ? hit.name : '';
    // A search still on its way for the text typed before the pick must not reopen the list
    // over the controls below it.
    this.cancelTimer();
    this.controller?.abort();
    this.close();
    this.options.onPick(this.picked);
  }
}
