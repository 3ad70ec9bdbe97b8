// "As of": a year slider for quick moves and a field for an exact month or day. Ties not
// valid on the chosen date fade; the URL and the exports carry the date. The field checks
// what is typed as it is typed: a date that does not exist (2016-02-30, 2016-13) or is not a
// date ("yesterday") is refused at the field, with the reason beside it, and never reaches
// the view or the URL.
import type { EventBus } from '../events.ts';
import { monthName, t } from '../i18n/index.ts';
import { dateProblem } from '../state/url.ts';
import type { ViewState } from '../state/view-state.ts';
import { h } from './dom.ts';

export const FIRST_YEAR = 1970;

export function dateMessage(value: string): string | null {
  const p = dateProblem(value);
  if (!p) return null;
  if (p.kind === 'month') return t.dates.invalidMonth(p.month);
  if (p.kind === 'day') return t.dates.invalidDay(p.day, p.days, monthName(p.year, p.month));
  return t.dates.invalidFormat;
}

export class TimeSlider {
  readonly element: HTMLElement;
  private readonly enabled: HTMLInputElement;
  private readonly range: HTMLInputElement;
  private readonly exact: HTMLInputElement;
  private readonly message: HTMLElement;
  private readonly readout: HTMLOutputElement;
  private readonly lastYear = new Date().getFullYear();

  constructor(
    private readonly bus: EventBus,
    private readonly announce: (message: string) => void,
  ) {
    this.enabled = h('input', { type: 'checkbox', id: 'asof-enabled' });
    this.range = h('input', {
      type: 'range',
      id: 'asof-year',
      min: FIRST_YEAR,
      max: this.lastYear,
      step: 1,
      value: this.lastYear,
      'aria-label': t.dates.asOfYear,
    });
    this.readout = h('output', { for: 'asof-year', class: 'asof-readout' }, t.dates.allTime);
    this.message = h('span', { id: 'asof-message', class: 'field-message', hidden: true });
    this.exact = h('input', {
      type: 'text',
      id: 'asof-exact',
      class: 'asof-exact',
      inputmode: 'numeric',
      placeholder: t.dates.asOfPlaceholder,
      'aria-label': t.dates.asOfExact,
      'aria-describedby': 'asof-message',
      autocomplete: 'off',
      size: 11,
    });
    this.element = h(
      'div',
      { class: 'timebar', role: 'group', 'aria-label': t.dates.time },
      h('label', { class: 'check', for: 'asof-enabled', title: t.dates.asOfTitle }, this.enabled, ` ${t.dates.asOf}`),
      h('span', { class: 'tick' }, String(FIRST_YEAR)),
      this.range,
      h('span', { class: 'tick' }, String(this.lastYear)),
      this.readout,
      h('span', { class: 'asof-field' }, this.exact, this.message),
    );
    this.enabled.addEventListener('change', () => this.emit(this.enabled.checked ? this.range.value : null));
    this.range.addEventListener('input', () => {
      this.readout.value = this.range.value;
    });
    // Dispatch on release (or per key press), so one drag is one undo step.
    this.range.addEventListener('change', () => this.emit(this.range.value));
    // As typed: say what is wrong once the text cannot become a date by typing on.
    this.exact.addEventListener('input', () => {
      const v = this.exact.value.trim();
      const incomplete = /^\d{0,3}$|^\d{4}-\d?$|^\d{4}-\d{2}-\d?$/.test(v);
      this.check(v, incomplete);
    });
    this.exact.addEventListener('change', () => {
      const v = this.exact.value.trim();
      if (!v) return this.emit(null);
      if (!this.check(v, false)) {
        this.announce(this.message.textContent ?? '');
        return;
      }
      this.emit(v);
    });
  }

  /** Marks the field; true when `v` is a date that exists (or empty). */
  private check(v: string, incomplete: boolean): boolean {
    const message = v && !incomplete ? dateMessage(v) : null;
    this.exact.setAttribute('aria-invalid', String(message !== null));
    this.message.hidden = message === null;
    this.message.textContent = message ?? '';
    return message === null;
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
      if (document.activeElement !== this.exact) {
        this.exact.value = state.asOf!;
        this.check(state.asOf!, false);
      }
    } else {
      this.readout.value = t.dates.allTime;
      if (document.activeElement !== this.exact && this.exact.getAttribute('aria-invalid') !== 'true') this.exact.value = '';
    }
  }
}
