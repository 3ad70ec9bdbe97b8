// "Shared": everything two nodes are both tied to, with each side's ties.
import type { ApiClient } from '../../api/client.ts';
import type { CommonResult, EdgeData } from '../../api/types.ts';
import type { EventBus } from '../../events.ts';
import { shortName } from '../../graph/elements.ts';
import { typeColor } from '../../graph/style.ts';
import { t } from '../../i18n/index.ts';
import { SearchBox } from '../../ui/search-box.ts';
import {
  answerText,
  certaintyBadge,
  clear,
  field,
  h,
  nodeChip,
  prefillPair,
  showBusy,
  showError,
  spanText,
  type Picked,
} from '../common/ui.ts';

export class CommonPanel {
  readonly element: HTMLElement;
  readonly result: HTMLElement;
  private readonly a: SearchBox;
  private readonly b: SearchBox;

  constructor(
    api: ApiClient,
    private readonly bus: EventBus,
  ) {
    this.a = new SearchBox(api, {
      id: 'common-a',
      label: t.tools.compare,
      placeholder: t.tools.firstPlaceholder,
      keepValue: true,
      onPick: () => this.b.focus(),
    });
    this.b = new SearchBox(api, {
      id: 'common-b',
      label: t.tools.with,
      placeholder: t.tools.secondPlaceholder,
      keepValue: true,
      onPick: () => undefined,
    });
    this.result = h('div', { class: 'result', tabindex: '-1' });
    this.element = h(
      'form',
      { class: 'tool common-tool', onsubmit: ((ev: Event) => (ev.preventDefault(), this.submit())) as EventListener },
      h('p', { class: 'muted' }, t.tools.commonIntro),
      field(t.tools.compare, this.a.element),
      field(t.tools.with, this.b.element),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t.tools.showShared)),
      this.result,
    );
  }

  prefill(p: { a?: Picked; b?: Picked }): void {
    prefillPair([this.a, p.a], [this.b, p.b]);
  }

  private submit(): void {
    const a = this.a.value;
    const b = this.b.value;
    if (!a || !b || a.id === b.id) {
      showError(this.result, a && b ? t.tools.pickTwoDifferent : t.tools.pickNth(!a));
      (!a ? this.a : this.b).focus();
      return;
    }
    this.bus.emit('common:find', { a: a.id, b: b.id });
  }

  busy(): void {
    showBusy(this.result, t.tools.comparing);
  }

  error(message: string): void {
    showError(this.result, message);
  }

  show(result: CommonResult, asOf: string | null): void {
    this.a.set({ id: result.a.id, name: result.a.name });
    this.b.set({ id: result.b.id, name: result.b.name });
    if (!result.shared.length) {
      clear(
        this.result,
        h('p', { class: 'error-text' }, t.tools.noShared(result.a.name, result.b.name, asOf)),
        h('p', { class: 'muted' }, asOf ? t.tools.noSharedTryAsOf : t.tools.noSharedTry),
      );
      return;
    }
    const side = (ties: EdgeData[]) =>
      h(
        'ul',
        { class: 'common-ties' },
        ties.map((e) => {
          const span = spanText(e);
          return h(
            'li',
            {},
            h('span', { class: 'type-chip', style: `--chip:${typeColor(e.type)}` }),
            t.types[e.type],
            span ? h('span', { class: 'muted' }, ` · ${span}`) : null,
            ' ',
            certaintyBadge(e as unknown as Record<string, unknown>),
          );
        }),
      );
    const names = result.shared.map((s) => s.node.name);
    clear(
      this.result,
      answerText(result.summary, t.tools.sharedSentence(result.a.name, result.b.name, names), names),
      h('p', { class: 'result-count' }, t.tools.sharedCount(result.shared.length)),
      h(
        'ol',
        { class: 'common-list' },
        result.shared.map((s) =>
          h(
            'li',
            { class: 'common-item' },
            nodeChip(s.node, s.node.id, () => this.bus.emit('node:show', { id: s.node.id })),
            h(
              'div',
              { class: 'common-sides' },
              h('div', {}, h('span', { class: 'common-side-name' }, shortName(result.a)), side(s.fromA)),
              h('div', {}, h('span', { class: 'common-side-name' }, shortName(result.b)), side(s.fromB)),
            ),
          ),
        ),
      ),
    );
  }
}
