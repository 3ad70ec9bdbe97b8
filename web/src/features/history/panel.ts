// The history tab: every change set that touched the selected node or tie, newest first,
// who made it, when, why, and what each field was before and after; one click compares the
// graph around it with the version before.
import { AbortedError } from '../../api/client.ts';
import type { CurationApi, DiffQuery } from '../../api/curation.ts';
import type { ElementHistory } from '../../api/curation-types.ts';
import { errorMessage } from '../../api/messages.ts';
import type { ElementCache } from '../../graph/view.ts';
import { t } from '../../i18n/index.ts';
import type { ViewState } from '../../state/view-state.ts';
import { button, clear, h } from '../../ui/dom.ts';
import { TYPE_PHRASES } from '../../vocabulary.ts';
import { showBusy } from '../common/ui.ts';
import { changeSetLine, changeTable } from './entries.ts';

export class HistoryPanel {
  readonly element: HTMLElement;
  private shownKey = '';
  private controller: AbortController | null = null;

  constructor(
    private readonly cur: CurationApi,
    private readonly cache: ElementCache,
    private readonly compare: (q: DiffQuery) => void,
  ) {
    this.element = h('div', { class: 'tool history-tool', tabindex: '-1' });
    clear(this.element, h('p', { class: 'muted' }, t.curation.historyIdle));
  }

  /** Follows the selection; `force` asks again after a change was written. */
  update(state: ViewState, force = false): void {
    const [first] = state.selected;
    const key = state.selected.length === 1 ? (first ?? '') : '';
    if (key === this.shownKey && !force) return;
    this.shownKey = key;
    this.controller?.abort();
    if (!first || state.selected.length !== 1) {
      clear(this.element, h('p', { class: 'muted' }, t.curation.historyIdle));
      return;
    }
    const node = this.cache.nodes.get(first);
    const edge = node ? undefined : this.cache.edges.get(first);
    if (!node && !edge) return;
    const elementId = node ? node.id : String(edge!.factId ?? edge!.id);
    const title = node ? node.name : `${this.name(edge!.source)} ${TYPE_PHRASES[edge!.type]} ${this.name(edge!.target)}`;
    const around = node ? node.id : edge!.source;
    showBusy(this.element, t.curation.loadingHistory);
    const controller = new AbortController();
    this.controller = controller;
    void this.cur.history(elementId, { signal: controller.signal }).then(
      (history) => this.show(history, title, around),
      (err) => {
        if (err instanceof AbortedError) return;
        clear(
          this.element,
          h('h2', { class: 'history-title' }, title),
          h('p', { class: 'error-text', role: 'alert' }, errorMessage(err, t.curation.loadingHistory)),
        );
      },
    );
  }

  private name(id: string): string {
    return this.cache.nodes.get(id)?.name ?? id;
  }

  private show(history: ElementHistory, title: string, around: string): void {
    const entries = [...history.entries].sort((a, b) => b.changeSet.version - a.changeSet.version);
    clear(
      this.element,
      h('h2', { class: 'history-title' }, t.curation.historyOf, ' ', title),
      entries.length
        ? h(
            'ol',
            { class: 'history-list', reversed: true },
            entries.map((e) =>
              h(
                'li',
                { class: 'history-entry', 'data-version': e.changeSet.version },
                changeSetLine(e.changeSet),
                h('p', { class: 'history-action' }, t.curation.actions[e.action as keyof typeof t.curation.actions] ?? e.action),
                h('p', { class: 'change-reason' }, h('span', { class: 'muted' }, `${t.curation.reason}: `), e.changeSet.reason),
                // A retirement keeps the whole record: its reason says more than every field struck out.
                e.action.startsWith('retire') ? null : changeTable(e.before, e.after),
                e.changeSet.version > 1
                  ? button(
                      t.curation.compareBefore,
                      () => this.compare({ kind: 'versions', from: e.changeSet.version - 1, to: e.changeSet.version, around }),
                      { class: 'small' },
                    )
                  : null,
              ),
            ),
          )
        : h('p', { class: 'muted' }, t.curation.noHistory),
    );
  }
}
