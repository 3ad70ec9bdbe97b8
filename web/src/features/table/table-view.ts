// The graph without a mouse: every node and tie the canvas shows, as two sortable tables in
// step with the selection. Selecting a row selects it on the canvas and offers the canvas's
// actions for it (expand, collapse, remove, trace the chain, paths from here); a node
// selected on the canvas is selected here. It is also a view of its own and downloads as CSV.
import type { EdgeData } from '../../api/types.ts';
import type { EventBus } from '../../events.ts';
import { edgeCaption } from '../../graph/elements.ts';
import type { ElementCache } from '../../graph/view.ts';
import { formatNumber, lang, t } from '../../i18n/index.ts';
import type { ViewState } from '../../state/view-state.ts';
import { asOfGroups, button, certaintyBadge, clear, h } from '../common/ui.ts';
import { AS_OF_GROUPS } from '../../../../server/model/as-of.ts';
import { citationText } from '../../ui/sources.ts';
import { actionBar, repRole } from '../readable/actions.ts';
import { rowsToCsv, sortRows, tiesByGroup, viewRows, type NodeRow, type Sort, type SortKey, type TieRow } from './rows.ts';

/** Rows drawn per table; a larger view is better read through its CSV. */
const MAX_ROWS = 800;

export class TableView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly count: HTMLElement;
  private nodeSort: Sort = { key: 'name', descending: false };
  private tieSort: Sort = { key: 'from', descending: false };
  private lastKey = '';
  private state: ViewState | null = null;
  private readonly collator = new Intl.Collator(lang === 'sv' ? 'sv' : 'en', { sensitivity: 'base', numeric: true });

  constructor(
    private readonly bus: EventBus,
    private readonly cache: ElementCache,
    private readonly download: (csv: string) => void,
  ) {
    this.count = h('p', { class: 'muted table-count' });
    this.body = h('div', { class: 'table-body' });
    this.element = h(
      'section',
      { class: 'view-table', id: 'view-table', 'aria-labelledby': 'view-table-title', tabindex: '-1' },
      h(
        'div',
        { class: 'table-head' },
        h('h2', { id: 'view-table-title' }, t.table.title),
        button(t.table.csv, () => this.downloadCsv(), { class: 'small', title: t.table.csvTitle, 'data-action': 'table-csv' }),
      ),
      h('p', { class: 'muted' }, t.table.intro),
      this.count,
      this.body,
    );
  }

  private rows(state: ViewState): { nodes: NodeRow[]; ties: TieRow[] } {
    return viewRows(state, this.cache.nodes, this.cache.edges.values(), {
      label: (l) => t.labels[l],
      type: (e: EdgeData) => edgeCaption(e, this.cache.lookup),
    });
  }

  private downloadCsv(): void {
    if (!this.state) return;
    const { nodes, ties } = this.rows(this.state);
    this.download(rowsToCsv(sortRows(nodes, this.nodeSort, this.collator), sortRows(ties, this.tieSort, this.collator)));
  }

  /**
   * Rows are built only while the table's tab is shown: for a big view, building them for a
   * hidden tab took 100–130 ms of the task that brought the view (issue 22, part 5).
   */
  update(state: ViewState, force = false): void {
    this.state = state;
    if (this.element.closest('[hidden]')) return;
    const key = JSON.stringify([
      state.nodes,
      state.selected,
      state.hiddenLabels,
      state.hiddenTypes,
      state.statedOnly,
      this.cache.edges.size,
      this.nodeSort,
      this.tieSort,
    ]);
    if (key === this.lastKey && !force) return;
    this.lastKey = key;
    const { nodes, ties } = this.rows(state);
    const groups = state.asOf ? tiesByGroup(ties) : null;
    clear(
      this.count,
      t.table.count(formatNumber(nodes.length), formatNumber(ties.length)),
      // As of a date, the ties counted in the answers' three groups.
      groups && state.asOf
        ? asOfGroups({ date: state.asOf, held: groups.held.length, undated: groups.undated.length, notValid: groups['not-valid'].length })
        : null,
    );
    if (!nodes.length) {
      clear(this.body, h('p', { class: 'muted' }, t.table.empty));
      return;
    }
    const selected = new Set(state.selected);
    const restore = this.body.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.focusKey : undefined;
    clear(
      this.body,
      this.table(
        'nodes',
        t.table.nodes,
        [
          ['name', t.table.name],
          ['type', t.table.type],
          ['dates', t.table.dates],
          ['certainty', t.table.certainty],
          ['sources', t.table.sources],
        ],
        this.nodeSort,
        (s) => (this.nodeSort = s),
        [
          h(
            'tbody',
            {},
            sortRows(nodes, this.nodeSort, this.collator)
              .slice(0, MAX_ROWS)
              .map((r) => this.nodeRow(r, selected.has(r.id))),
          ),
        ],
      ),
      this.table(
        'ties',
        t.table.ties,
        [
          ['from', t.table.from],
          ['tie', t.table.tie],
          ['to', t.table.to],
          ['dates', t.table.dates],
          ['certainty', t.table.certainty],
          ['sources', t.table.sources],
        ],
        this.tieSort,
        (s) => (this.tieSort = s),
        this.tieBodies(sortRows(ties, this.tieSort, this.collator).slice(0, MAX_ROWS), selected, state.asOf),
      ),
    );
    // Keep the keyboard where it was across a redraw (a select, a sort).
    if (restore) (this.body.querySelector(`[data-focus-key="${CSS.escape(restore)}"]`) as HTMLElement | null)?.focus();
    else {
      const first = this.body.querySelector('tr.selected');
      if (first && !this.element.contains(document.activeElement)) first.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Its tab was opened: catch up with the view. */
  shown(): void {
    if (this.state) this.update(this.state);
  }

  private table(
    id: string,
    caption: string,
    columns: Array<[SortKey, string]>,
    sort: Sort,
    setSort: (s: Sort) => void,
    bodies: HTMLElement[],
  ): HTMLElement {
    return h(
      'table',
      { class: 'data-table', id: `table-${id}` },
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map(([key, label]) =>
            h(
              'th',
              { scope: 'col', 'aria-sort': sort.key === key ? (sort.descending ? 'descending' : 'ascending') : null },
              button(
                [label, h('span', { 'aria-hidden': 'true' }, sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : '')],
                () => {
                  setSort({ key, descending: sort.key === key ? !sort.descending : false });
                  if (this.state) this.update(this.state, true);
                },
                { class: 'sort', title: t.table.sortBy(label), 'data-focus-key': `sort-${id}-${key}` },
              ),
            ),
          ),
          h('th', { scope: 'col' }, t.table.actions),
        ),
      ),
      bodies,
    );
  }

  /** The ties' rows; as of a date, in the answers' three groups, each under a heading row with its count. */
  private tieBodies(rows: readonly TieRow[], selected: ReadonlySet<string>, asOf: string | null): HTMLElement[] {
    if (!asOf)
      return [
        h(
          'tbody',
          {},
          rows.map((r) => this.tieRow(r, selected.has(r.id))),
        ),
      ];
    const groups = tiesByGroup(rows);
    const heading = { held: t.answerText.held, undated: t.answerText.undated, 'not-valid': t.answerText.notValid };
    return AS_OF_GROUPS.map((g) =>
      h(
        'tbody',
        { class: `as-of-rows as-of-rows-${g}` },
        h('tr', { class: 'as-of-heading' }, h('th', { scope: 'rowgroup', colspan: '7' }, heading[g](groups[g].length))),
        groups[g].map((r) => this.tieRow(r, selected.has(r.id))),
      ),
    );
  }

  private selectButton(id: string, name: string, selected: boolean): HTMLElement {
    return button(name, () => this.bus.emit('view:act', { type: 'select', ids: selected ? [] : [id] }), {
      class: 'link row-select',
      'aria-pressed': String(selected),
      'data-id': id,
      'data-focus-key': `select-${id}`,
    });
  }

  private nodeRow(r: NodeRow, selected: boolean): HTMLElement {
    const act = (label: string, emit: () => void, key: string, extra: Record<string, string> = {}) =>
      button(label, emit, { class: 'small', 'data-focus-key': `${key}-${r.id}`, 'data-action': key, ...extra });
    return h(
      'tr',
      { class: selected ? 'selected' : '', 'data-id': r.id },
      h('th', { scope: 'row' }, this.selectButton(r.id, r.name, selected)),
      h('td', {}, r.type),
      h('td', {}, r.dates),
      h('td', {}, certaintyBadge({ certainty: r.certainty, hedge: r.hedge })),
      h('td', { class: 'refs' }, sourcesText(r.sources)),
      h(
        'td',
        { class: 'row-actions' },
        selected
          ? // Every action the canvas's details offer, as one toolbar (features/readable).
            actionBar(
              t.table.actionsFor(r.name),
              h(
                'div',
                { class: 'row-action-list' },
                act(
                  t.details.whoRepresents,
                  () => {
                    this.bus.emit('representation:prefill', { role: repRole(r.label), node: { id: r.id, name: r.name } });
                    this.bus.emit('panel:open', { panel: 'representation' });
                  },
                  'who-represents',
                ),
                act(t.table.expand, () => this.bus.emit('node:expand', { id: r.id }), 'expand'),
                act(t.table.collapse, () => this.bus.emit('node:collapse', { id: r.id }), 'collapse'),
                act(t.table.remove, () => this.bus.emit('selection:remove', { ids: [r.id] }), 'remove'),
                act(t.table.trace, () => this.bus.emit('chain:trace', { id: r.id, direction: 'up' }), 'trace'),
                act(t.readable.traceDown, () => this.bus.emit('chain:trace', { id: r.id, direction: 'down' }), 'trace-down', {
                  title: t.details.traceDownTitle,
                }),
                act(
                  t.table.pathsFrom,
                  () => {
                    this.bus.emit('paths:prefill', { from: { id: r.id, name: r.name } });
                    this.bus.emit('panel:open', { panel: 'paths' });
                  },
                  'paths',
                ),
                act(
                  t.details.compareWith,
                  () => {
                    this.bus.emit('common:prefill', { a: { id: r.id, name: r.name } });
                    this.bus.emit('panel:open', { panel: 'common' });
                  },
                  'compare-with',
                ),
              ),
            )
          : null,
      ),
    );
  }

  private tieRow(r: TieRow, selected: boolean): HTMLElement {
    return h(
      'tr',
      { class: selected ? 'selected' : '', 'data-id': r.id },
      h('td', {}, r.from),
      h('th', { scope: 'row' }, this.selectButton(r.id, r.tie, selected)),
      h('td', {}, r.to),
      h('td', {}, r.dates),
      h('td', {}, certaintyBadge({ certainty: r.certainty, hedge: r.hedge })),
      h('td', { class: 'refs' }, sourcesText(r.sources)),
      h('td', {}),
    );
  }
}

/** The cited documents as the answers name them, never a file's number. */
function sourcesText(sources: readonly string[]): string {
  return sources.map(citationText).join('; ');
}
