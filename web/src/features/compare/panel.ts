// The compare control: two valid dates (what held in 2016 against 2024) or two versions of
// the record, around a node. The answer is a list of the differences in words and the same
// differences marked on the canvas (added, gone, changed), with a legend.
import type { ApiClient } from '../../api/client.ts';
import type { CurationApi, DiffQuery } from '../../api/curation.ts';
import { errorMessage } from '../../api/messages.ts';
import type { EventBus } from '../../events.ts';
import { DIFF_COLOR } from '../../graph/style.ts';
import type { ElementCache } from '../../graph/view.ts';
import { t } from '../../i18n/index.ts';
import { formatSpan } from '../../graph/dates.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { SearchBox } from '../../ui/search-box.ts';
import { TYPE_PHRASES } from '../../vocabulary.ts';
import { showBusy } from '../common/ui.ts';
import type { DiffAnswer } from '../../api/curation-types.ts';
import { compareGroups } from './groups.ts';
import { canvasDiff, flat, isPartialDate, type CanvasDiff, type DiffMark, type DiffRow } from './model.ts';

export class ComparePanel {
  readonly element: HTMLElement;
  readonly result: HTMLElement;
  private readonly around: SearchBox;
  private readonly byDates: HTMLInputElement;
  private readonly a: HTMLInputElement;
  private readonly b: HTMLInputElement;
  private readonly aLabel: HTMLElement;
  private readonly bLabel: HTMLElement;
  private readonly problem: HTMLElement;
  private shown: CanvasDiff | null = null;

  constructor(
    api: ApiClient,
    private readonly cur: CurationApi,
    private readonly bus: EventBus,
    private readonly cache: ElementCache,
    private readonly feedback: Feedback,
    /** Fetch these nodes (and their ties to the canvas) before the diff is matched to elements. */
    private readonly loadNodes: (ids: string[]) => Promise<void>,
  ) {
    this.around = new SearchBox(api, {
      id: 'compare-around',
      label: t.curation.around,
      placeholder: t.curation.aroundPlaceholder,
      keepValue: true,
      onPick: () => undefined,
    });
    this.byDates = h('input', { type: 'radio', name: 'compare-kind', id: 'compare-dates', value: 'dates', checked: true });
    const byVersions = h('input', { type: 'radio', name: 'compare-kind', id: 'compare-versions', value: 'versions' });
    this.a = h('input', { id: 'compare-a', inputmode: 'numeric', 'aria-describedby': 'compare-problem', placeholder: '2016' });
    this.b = h('input', { id: 'compare-b', inputmode: 'numeric', 'aria-describedby': 'compare-problem', placeholder: '2024' });
    this.aLabel = h('label', { for: 'compare-a', class: 'field-label' });
    this.bLabel = h('label', { for: 'compare-b', class: 'field-label' });
    this.problem = h('p', { class: 'field-error', id: 'compare-problem', role: 'alert' });
    const relabel = () => {
      const dates = this.byDates.checked;
      this.aLabel.textContent = dates ? t.curation.fromDate : t.curation.fromVersion;
      this.bLabel.textContent = dates ? t.curation.toDate : t.curation.toVersion;
      this.a.placeholder = dates ? t.curation.eg('2016') : t.curation.eg('11');
      this.b.placeholder = dates ? t.curation.eg('2024') : t.curation.eg('12');
    };
    this.byDates.addEventListener('change', relabel);
    byVersions.addEventListener('change', relabel);
    relabel();
    const form = h(
      'form',
      { class: 'compare-form' },
      h(
        'fieldset',
        { class: 'compare-kind' },
        h('legend', {}, t.curation.compareBy),
        h('label', { for: 'compare-dates' }, this.byDates, ` ${t.curation.byDates}`),
        h('label', { for: 'compare-versions' }, byVersions, ` ${t.curation.byVersions}`),
      ),
      h(
        'div',
        { class: 'compare-pair' },
        h('div', { class: 'field' }, this.aLabel, this.a),
        h('div', { class: 'field' }, this.bLabel, this.b),
      ),
      h('div', { class: 'field' }, h('label', { for: 'compare-around', class: 'field-label' }, t.curation.around), this.around.element),
      this.problem,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', id: 'compare-run' }, t.curation.compare),
        button(t.curation.clearCompare, () => this.clear(), { class: 'small', id: 'compare-clear' }),
      ),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.submit();
    });
    this.result = h('div', { class: 'result compare-result', tabindex: '-1' });
    this.element = h(
      'section',
      { class: 'tool compare-tool', 'aria-labelledby': 'compare-title' },
      h('h2', { id: 'compare-title' }, t.curation.compareTitle),
      form,
      this.result,
    );
  }

  /** The node a comparison is around: the selected one, unless one was picked. */
  prefillAround(node: { id: string; name: string } | null): void {
    if (node && !this.around.value) this.around.set(node);
  }

  private submit(): void {
    const a = this.a.value.trim();
    const b = this.b.value.trim();
    const around = this.around.value?.id ?? null;
    this.problem.textContent = '';
    if (this.byDates.checked) {
      if (!isPartialDate(a) || !isPartialDate(b)) {
        this.problem.textContent = t.curation.badDates;
        (isPartialDate(a) ? this.b : this.a).focus();
        return;
      }
      if (!around) {
        this.problem.textContent = t.curation.aroundNeeded;
        this.around.focus();
        return;
      }
      void this.run({ kind: 'dates', fromDate: a, toDate: b, around });
    } else {
      const from = Number(a);
      const to = Number(b);
      if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < 0 || a === '' || b === '') {
        this.problem.textContent = t.curation.badVersions;
        this.a.focus();
        return;
      }
      void this.run({ kind: 'versions', from, to, around });
    }
  }

  /** Ask for a diff (from this form, a history entry or the feed) and show it. */
  async run(q: DiffQuery): Promise<void> {
    const dates = q.kind === 'dates';
    this.byDates.checked = dates;
    this.element.querySelector<HTMLInputElement>('#compare-versions')!.checked = !dates;
    this.byDates.dispatchEvent(new Event('change'));
    this.a.value = dates ? q.fromDate : String(q.from);
    this.b.value = dates ? q.toDate : String(q.to);
    if (q.around) {
      const n = this.cache.nodes.get(q.around);
      this.around.set({ id: q.around, name: n?.name ?? q.around });
    }
    showBusy(this.result, t.curation.comparing);
    try {
      const answer = await this.feedback.track(t.curation.comparing, this.cur.diff(q));
      // The ends of the differing ties first, so each difference finds the tie drawn for it.
      await this.loadNodes(canvasDiff(answer, [], new Map()).nodes);
      const diff = canvasDiff(answer, [...this.cache.edges.values()], this.cache.nodes);
      this.shown = diff;
      this.bus.emit('compare:show', { diff, around: q.around ?? null });
      this.render(diff, q, answer.truncated && answer.counts ? { ...answer.counts, limit: answer.limit ?? 0 } : null, answer);
    } catch (err) {
      clear(this.result, h('p', { class: 'error-text', role: 'alert' }, errorMessage(err, t.curation.comparing)));
    }
    this.result.focus();
  }

  clear(): void {
    if (!this.shown) return;
    this.shown = null;
    clear(this.result);
    this.bus.emit('compare:show', { diff: null, around: null });
  }

  /** `truncated`: the server sent one page of each list; the counts in all are said beside it. */
  private render(
    diff: CanvasDiff,
    q: DiffQuery,
    truncated: { added: number; retired: number; changed: number; limit: number } | null = null,
    groups: Pick<DiffAnswer, 'asOf' | 'undated'> = {},
  ): void {
    const count = (m: DiffMark) => diff.rows.filter((r) => r.mark === m).length;
    const heading =
      q.kind === 'dates'
        ? t.curation.comparedDates(q.fromDate, q.toDate, this.name(q.around ?? ''))
        : t.curation.comparedVersions(q.from, q.to);
    clear(
      this.result,
      h(
        'p',
        { class: 'compare-heading answer-sentence' },
        heading,
        ' ',
        diff.rows.length ? t.curation.diffCounts(count('added'), count('gone'), count('changed'), q.kind === 'dates') : t.curation.noDiff,
      ),
      compareGroups(groups),
      truncated
        ? h(
            'p',
            { class: 'diff-truncated', role: 'note' },
            t.curation.diffTruncated(truncated.limit, truncated.added, truncated.retired, truncated.changed),
          )
        : null,
      h(
        'ul',
        { class: 'diff-legend', 'aria-label': t.curation.diffLegend },
        (q.kind === 'dates' ? (['added', 'gone'] as const) : (['added', 'gone', 'changed'] as const)).map((m) =>
          h(
            'li',
            {},
            h('span', { class: `diff-swatch diff-${m}`, style: `--mark:${DIFF_COLOR[m]}` }),
            t.curation.marks(q.kind === 'dates')[m],
          ),
        ),
      ),
      diff.rows.length
        ? h(
            'ol',
            { class: 'diff-list' },
            diff.rows.map((row, i) =>
              h(
                'li',
                { class: `diff-row diff-${row.mark}`, 'data-index': i, 'data-mark': row.mark, 'data-id': row.id },
                h(
                  'span',
                  { class: `diff-badge diff-${row.mark}`, style: `--mark:${DIFF_COLOR[row.mark]}` },
                  t.curation.marks(q.kind === 'dates')[row.mark],
                ),
                h('span', { class: 'diff-text' }, this.rowText(row)),
                row.fields.length ? h('span', { class: 'muted' }, ` (${row.fields.join(', ')})`) : null,
                button(t.curation.showOnCanvas, () => this.bus.emit('view:act', { type: 'select', ids: [row.elementId] }), {
                  class: 'small link',
                }),
              ),
            ),
          )
        : null,
    );
  }

  private name(id: string): string {
    return this.cache.nodes.get(id)?.name ?? id;
  }

  private rowText(row: DiffRow): string {
    const s = flat(row.state);
    const span = formatSpan(s.validFrom as string | undefined, s.validTo as string | undefined, s.planned) || t.dates.noDates;
    if (row.kind === 'node') return `${String(s.name ?? this.name(row.id))} · ${span}`;
    return `${this.name(row.from ?? '')} ${row.type ? TYPE_PHRASES[row.type] : ''} ${this.name(row.to ?? '')} · ${span}`;
  }
}
