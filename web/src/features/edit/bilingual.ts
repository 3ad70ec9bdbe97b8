// Every text an edit writes for people has a Swedish and an English form (docs/model.md, "Two
// languages"): the forms offer the other language beside each text field, send both as the
// server's `<field>Sv` / `<field>En`, and after a save say the server's one-language warnings
// ("the Swedish form is missing") in the reader's language. Names keep the source's spelling in
// `name` with the English in `nameEn`; hedges are written "sv (en)" and so carry both already.
import type { ChangeWritten } from '../../api/curation-types.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { formFieldOf } from '../../../../server/model/texts.ts';
import type { FormFields } from './form.ts';

/** Text fields whose form field holds the English (or, for `name`, the source's spelling): each gets a Swedish twin. */
export const TWINNED = [
  'name',
  'description',
  'task',
  'role',
  'subject',
  'agreement',
  'evidence',
  'outsideKnowledge',
  'basisNote',
] as const;
export type Twinned = (typeof TWINNED)[number];

export const isTwinned = (k: string): k is Twinned => (TWINNED as readonly string[]).includes(k);

/** The Swedish form's field, for a text field the form already has. */
export function swedishField(f: FormFields, field: Twinned, label: string, control: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  control.lang = 'sv';
  return f.field(`${field}Sv`, t.editForms.inSwedish(label), control);
}

/** An English form's label: "Task in English" (a name keeps "as the source gives it"). */
export const englishLabel = (field: string, label: string): string =>
  isTwinned(field) && field !== 'name' ? t.editForms.inEnglish(label) : label;

/** The Swedish forms filled in, each with its origin: typed here, so ours. */
export function swedishForms(f: FormFields, fields: readonly Twinned[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const v = f.value(`${field}Sv`);
    if (v) Object.assign(out, { [`${field}Sv`]: v, [`${field}SvOrigin`]: 'ours' });
  }
  return out;
}

/**
 * A correction's `set` with the English form kept in step: an English text changed on its own
 * would make the server drop both forms (they describe the old text), losing the Swedish.
 */
export function withEnglishForms(set: Record<string, string | null>, record: Record<string, unknown>): Record<string, string | null> {
  const out = { ...set };
  for (const [k, v] of Object.entries(set))
    if (isTwinned(k) && k !== 'name' && (`${k}Sv` in record || `${k}En` in record)) out[`${k}En`] = v;
  return out;
}

/** The server's warnings ("body.ops[0].tie.taskSv": no Swedish form yet) in the reader's language, one line each. */
export function warningsList(written: Pick<ChangeWritten, 'warnings'>, fieldName: (field: string) => string): HTMLElement | null {
  const lines = [
    ...new Set(
      (written.warnings ?? []).map((w) => {
        const key = w.path.split('.').pop() ?? '';
        const field = formFieldOf(key);
        const lang = key.endsWith('Sv') ? 'sv' : key.endsWith('En') ? 'en' : null;
        return field && lang ? t.editForms.missing(fieldName(field), lang) : w.message;
      }),
    ),
  ];
  if (!lines.length) return null;
  return h(
    'div',
    { class: 'edit-warnings' },
    h('p', {}, t.editForms.warningsIntro),
    h(
      'ul',
      {},
      lines.map((l) => h('li', {}, l)),
    ),
  );
}
