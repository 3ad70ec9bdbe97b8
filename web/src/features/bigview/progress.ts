// How far a large view has come while it arrives slice by slice (graph/view.ts): a bar with a
// count on the canvas, and one sentence for screen readers when it starts, so nobody waits
// before a blank canvas without knowing why, and nobody hears a count every few milliseconds.
import { formatNumber, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';

export class ArrivalProgress {
  readonly element: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly text: HTMLElement;
  private announcedFor: number | null = null;

  constructor(private readonly announce: (message: string) => void) {
    this.text = h('span', { class: 'arrival-text', id: 'arrival-text' });
    this.bar = h('progress', { class: 'arrival-bar', max: '1', value: '0', 'aria-labelledby': 'arrival-text' });
    this.element = h('div', { class: 'arrival', hidden: true, 'data-testid': 'arrival' }, this.text, this.bar);
  }

  /** `done` of `total` elements are on the canvas; all of them hides the bar. */
  update(done: number, total: number): void {
    if (done >= total) return this.hide();
    if (this.announcedFor !== total) {
      this.announcedFor = total;
      this.announce(t.bigView.arriving(formatNumber(total)));
    }
    this.element.hidden = false;
    this.bar.max = total;
    this.bar.value = done;
    this.text.textContent = t.bigView.drawing(formatNumber(done), formatNumber(total));
  }

  /** Arrived, or given up for a newer view. */
  hide(): void {
    this.element.hidden = true;
    this.announcedFor = null;
  }
}
