// "As of": a year slider for quick moves and a field for an exact month or day. Ties not
// valid on the chosen date fade; the URL and the exports carry the date.
import type { EventBus } from '../events.ts';
import { isPartialDate } from '../state/url.ts';
import type { ViewState } from '../state/view-state.ts';
import { h } from './dom.ts';

export const FIRST_YEAR = 1970;

export class TimeSlider {
  readonly element: HTMLElement;
  private readonly enabled: HTMLInputElement;
  private readonly range: HTMLInputElement;
  private readonly exact: HTMLInputElement;
  private readonly readout: HTMLOutputElement;
  private readonly lastYear = new Date().getFullYear();

  constructor(private readonly bus: EventBus) {
    this.enabled = h('input', { type: 'checkbox', id: 'asof-enabled' });
    this.range = h('input', {
      type: 'range',
      id: 'asof-year',
      min: FIRST_YEAR,
      max: this.lastYear,
      step: 1,
      value: this.lastYear,
      'aria-label': 'As of year',
    });
    this.readout = h('output', { for: 'asof-year', class: 'asof-readout' }, 'all time');
    this.exact = h('input', {
      type: 'text',
      id: 'asof-exact',
      class: 'asof-exact',
      inputmode: 'numeric',
      placeholder: 'e.g. 2016-05',
      'aria-label': 'As of date (year, month or day)',
      size: 11,
    });
    this.element = h(
      'div',
      { class: 'timebar', role: 'group', 'aria-label': 'Time' },
      h(
        'label',
        { class: 'check', for: 'asof-enabled', title: 'Fade ties that were not valid on the chosen date' },
        this.enabled,
        ' As of',
      ),
      h('span', { class: 'tick' }, String(FIRST_YEAR)),
      this.range,
      h('span', { class: 'tick' }, String(this.lastYear)),
      this.readout,
      this.exact,
    );
    this.enabled.addEventListener('change', () => this.emit(this.enabled.checked ? this.range.value : null));
    this.range.addEventListener('input', () => {
      this.readout.value = this.range.value;
    });
    // Dispatch on release (or per key press), so one drag is one undo step.
    this.range.addEventListener('change', () => this.emit(this.range.value));
    this.exact.addEventListener('change', () => {
      const v = this.exact.value.trim();
      if (!v) return this.emit(null);
      if (!isPartialDate(v)) {
        this.exact.setCustomValidity('Expected a year, month or day: 2016, 2016-05 or 2016-05-01');
        this.exact.reportValidity();
        return;
      }
      this.exact.setCustomValidity('');
      this.emit(v);
    });
  }

  private emit(asOf: string | null): void {
    this.bus.emit('view:act', { type: 'setAsOf', asOf });
  }

  update(state: ViewState): void {
    const on = state.asOf !== null;
    this.enabled.checked = on;
    this.element.classList.toggle('active', on);
    if (on) {
      const year = Number(state.asOf!.slice(0, 4));
      this.range.value = String(Math.min(this.lastYear, Math.max(FIRST_YEAR, year)));
      this.readout.value = state.asOf!;
      if (document.activeElement !== this.exact) this.exact.value = state.asOf!;
    } else {
      this.readout.value = 'all time';
      if (document.activeElement !== this.exact) this.exact.value = '';
    }
  }
}
