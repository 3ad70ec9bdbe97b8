// Busy states and messages: a spinner with what is happening, and short notices that say
// what went wrong and what to try. A keyed notice replaces the previous one with that key,
// so "retrying (2 of 4)" does not stack up.
import { t } from '../i18n/index.ts';
import { button, h } from './dom.ts';

/** Notices shown at once; older ones give way so they never pile up over the page. */
const MAX_TOASTS = 3;

export class Feedback {
  readonly busyElement: HTMLElement;
  readonly toasts: HTMLElement;
  /** Polite announcements for screen readers: answers, as they arrive. */
  readonly announcer: HTMLElement;
  private readonly tasks = new Map<number, string>();
  private nextTask = 1;
  private readonly busyText: HTMLElement;
  private readonly keyed = new Map<string, HTMLElement>();

  constructor() {
    this.busyText = h('span', { class: 'busy-text' });
    // Not a live region: answers and notices are read out once, through `announcer`.
    this.busyElement = h('div', { class: 'busy', hidden: true }, h('span', { class: 'spinner' }), this.busyText);
    this.toasts = h('div', { class: 'toasts' });
    this.announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  }

  /** Say `message` to screen readers without showing a notice. */
  announce(message: string): void {
    // Emptied first, so the same sentence twice is read twice.
    this.announcer.textContent = '';
    requestAnimationFrame(() => (this.announcer.textContent = message));
  }

  /** Show `label` while the promise runs. */
  async track<T>(label: string, work: Promise<T>): Promise<T> {
    const id = this.nextTask++;
    this.tasks.set(id, label);
    this.renderBusy();
    try {
      return await work;
    } finally {
      this.tasks.delete(id);
      this.renderBusy();
    }
  }

  get isBusy(): boolean {
    return this.tasks.size > 0;
  }

  private renderBusy(): void {
    const labels = [...this.tasks.values()];
    this.busyElement.hidden = labels.length === 0;
    this.busyText.textContent = labels.at(-1) ?? '';
    document.body.classList.toggle('is-busy', labels.length > 0);
  }

  notify(level: 'info' | 'error', message: string, key?: string): void {
    if (!message) return;
    if (key) this.keyed.get(key)?.remove();
    // The same words again (a repeated failure) renew the notice instead of stacking a copy.
    for (const old of this.toasts.querySelectorAll('.toast')) if (old.querySelector('.toast-text')?.textContent === message) old.remove();
    while (this.toasts.children.length >= MAX_TOASTS) this.toasts.firstElementChild?.remove();
    // Shown here, read out once through the page's one live region (no role on the toast,
    // which would make a second one).
    this.announce(message);
    const toast = h(
      'div',
      { class: `toast toast-${level}` },
      h('span', { class: 'toast-text' }, message),
      button('×', () => toast.remove(), { class: 'toast-close', 'aria-label': t.notices.dismiss }),
    );
    this.toasts.append(toast);
    if (key) this.keyed.set(key, toast);
    setTimeout(() => toast.remove(), level === 'error' ? 12_000 : 5_000);
  }

  dismiss(key: string): void {
    this.keyed.get(key)?.remove();
    this.keyed.delete(key);
  }
}
