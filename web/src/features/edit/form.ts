// A form's fields with their labels and a place for a refusal beside each, so the server's
// "body.ops[0].tie.certainty: …" lands next to the certainty field, where the person is
// looking, and is read out with it (aria-describedby).
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { fieldForPath } from './model.ts';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export class FormFields {
  private readonly fields = new Map<string, { control: Control; error: HTMLElement; wrap: HTMLElement }>();

  constructor(private readonly prefix: string) {}

  /** A labelled control, with an optional hint and room for a refusal. */
  field(name: string, label: string, control: Control, hint?: string): HTMLElement {
    const id = `${this.prefix}-${name}`;
    control.id = id;
    control.name = name;
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    const hintEl = hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null;
    control.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
    const wrap = h(
      'div',
      { class: 'field edit-field', 'data-field': name },
      h('label', { for: id, class: 'field-label' }, label),
      control,
      hintEl,
      error,
    );
    this.fields.set(name, { control, error, wrap });
    return wrap;
  }

  get names(): ReadonlySet<string> {
    return new Set(this.fields.keys());
  }

  control(name: string): Control | undefined {
    return this.fields.get(name)?.control;
  }

  value(name: string): string {
    return this.fields.get(name)?.control.value.trim() ?? '';
  }

  /** Every field's value as typed (file pickers left out: a browser cannot put a file back). */
  values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, f] of this.fields)
      if (!(f.control instanceof HTMLInputElement && f.control.type === 'file')) out[name] = f.control.value;
    return out;
  }

  /**
   * Puts values back (a draft after a reload). A list keeps its value only when it offers it;
   * each restored list says it changed, so what hangs on it (hedge, basis fields) follows.
   */
  restore(values: Record<string, string>): void {
    for (const [name, f] of this.fields) {
      const v = values[name];
      if (v === undefined || (f.control instanceof HTMLInputElement && f.control.type === 'file')) continue;
      if (f.control instanceof HTMLSelectElement) {
        if (![...f.control.options].some((o) => o.value === v) || f.control.value === v) continue;
        f.control.value = v;
        f.control.dispatchEvent(new Event('change'));
      } else f.control.value = v;
    }
  }

  /** Show or hide a field (hedge only for hedged facts, basis only where the type takes one). */
  show(name: string, visible: boolean): void {
    const f = this.fields.get(name);
    if (f) f.wrap.hidden = !visible;
  }

  clearErrors(): void {
    for (const f of this.fields.values()) {
      f.error.hidden = true;
      f.error.textContent = '';
      f.control.removeAttribute('aria-invalid');
    }
  }

  /**
   * Each refusal beside its field; returns the ones no field shows. The first refused field
   * gets the keyboard, so the person lands on what to fix.
   */
  showErrors(details: ReadonlyArray<{ path: string; message: string }>): Array<{ path: string; message: string }> {
    this.clearErrors();
    const rest: Array<{ path: string; message: string }> = [];
    let first: Control | null = null;
    for (const d of details) {
      const name = fieldForPath(d.path, this.names);
      const f = name ? this.fields.get(name) : undefined;
      if (!f || f.wrap.hidden) {
        rest.push(d);
        continue;
      }
      f.error.hidden = false;
      f.error.textContent = f.error.textContent ? `${f.error.textContent} ${d.message}` : t.curation.refused(d.message);
      f.control.setAttribute('aria-invalid', 'true');
      first ??= f.control;
    }
    first?.focus();
    return rest;
  }
}

export function input(attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { type: 'text', ...attrs });
}

export function textarea(rows = 2): HTMLTextAreaElement {
  return h('textarea', { rows });
}

export function select(options: Array<[string, string]>, value = ''): HTMLSelectElement {
  const el = h(
    'select',
    {},
    options.map(([v, label]) => h('option', { value: v }, label)),
  );
  el.value = value;
  return el;
}
