// Busy states and messages: a spinner with what is happening, and short notices that say
// what went wrong and what to try. A keyed notice replaces the previous one with that key,
// so "retrying (2 of 4)" does not stack up.
import { button, h } from './dom.ts';

export class Feedback {
  readonly busyElement: HTMLElement;
  readonly toasts: HTMLElement;
  private readonly tasks = new Map<number, string>();
  private nextTask = 1;
  private readonly busyText: HTMLElement;
  private readonly keyed = new Map<string, HTMLElement>();

  constructor() {
    this.busyText = h('span', { class: 'busy-text' });
    this.busyElement = h(
      'div',
      { class: 'busy', role: 'status', 'aria-live': 'polite', hidden: true },
      h('span', { class: 'spinner' }),
      this.busyText,
    );
    this.toasts = h('div', { class: 'toasts', 'aria-live': 'assertive' });
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
    const toast = h(
      'div',
      { class: `toast toast-${level}`, role: level === 'error' ? 'alert' : 'status' },
      h('span', { class: 'toast-text' }, message),
      button('×', () => toast.remove(), { class: 'toast-close', 'aria-label': 'Dismiss' }),
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
