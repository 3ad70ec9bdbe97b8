// The legend is also the filter: each label and relationship type on the canvas, with its
// look and count; clicking one hides or shows it.
import type { NodeLabel, RelationshipType } from '../api/types.ts';
import type { EventBus } from '../events.ts';
import { LABEL_LOOK, typeColor } from '../graph/style.ts';
import type { ViewState } from '../state/view-state.ts';
import { LABEL_NAMES, LABELS, TYPE_PHRASES, TYPES } from '../vocabulary.ts';
import { t } from '../i18n/index.ts';
import { button, clear, h, shapeIcon } from './dom.ts';

export interface CanvasCounts {
  labels: Map<NodeLabel, number>;
  types: Map<RelationshipType, number>;
}

export class Legend {
  readonly element: HTMLElement;
  private readonly labels: HTMLElement;
  private readonly types: HTMLElement;
  private readonly footer: HTMLElement;
  private descriptions = new Map<string, string>();
  private lastKey = '';
  /** "Stated only": with the certainty key, since it filters by certainty. */
  private readonly statedOnly: HTMLInputElement;
  private readonly statedOnlyLabel: HTMLLabelElement;

  constructor(private readonly bus: EventBus) {
    this.labels = h('ul', { class: 'legend-list' });
    this.types = h('ul', { class: 'legend-list' });
    this.footer = h('div', { class: 'legend-footer' });
    this.statedOnly = h('input', { type: 'checkbox', id: 'stated-only' });
    this.statedOnly.addEventListener('change', () =>
      this.bus.emit('view:act', { type: 'setStatedOnly', statedOnly: this.statedOnly.checked }),
    );
    this.statedOnlyLabel = h(
      'label',
      { class: 'check stated-only', for: 'stated-only', title: t.toolbar.statedOnlyTitle },
      this.statedOnly,
      ` ${t.toolbar.statedOnly}`,
    );
    this.element = h(
      'div',
      { class: 'legend' },
      h('h2', { class: 'legend-title' }, t.legend.nodes),
      this.labels,
      h('h2', { class: 'legend-title' }, t.legend.ties),
      this.types,
      this.footer,
    );
  }

  setDescriptions(d: Map<string, string>): void {
    this.descriptions = d;
    this.lastKey = '';
  }

  update(state: ViewState, counts: CanvasCounts, webgl: boolean): void {
    this.statedOnly.checked = state.statedOnly;
    const key = JSON.stringify([
      state.hiddenLabels,
      state.hiddenTypes,
      [...counts.labels],
      [...counts.types],
      webgl,
      this.descriptions.size,
    ]);
    if (key === this.lastKey) return;
    this.lastKey = key;
    const hiddenLabels = new Set(state.hiddenLabels);
    const hiddenTypes = new Set(state.hiddenTypes);
    clear(
      this.labels,
      LABELS.filter((l) => counts.labels.has(l) || hiddenLabels.has(l)).map((label) => {
        const look = LABEL_LOOK[label];
        const hidden = hiddenLabels.has(label);
        return legendItem({
          hidden,
          data: { 'data-label': label },
          title: this.descriptions.get(label) ?? LABEL_NAMES[label],
          toggle: () => this.bus.emit('view:act', { type: 'toggleLabel', label }),
          swatch: shapeIcon(look.shape, look.color, look.border, 16),
          name: LABEL_NAMES[label],
          count: counts.labels.get(label) ?? 0,
        });
      }),
    );
    const shownTypes = TYPES.filter((t) => counts.types.has(t) || hiddenTypes.has(t));
    clear(
      this.types,
      shownTypes.length ? null : h('li', { class: 'muted' }, t.legend.noTies),
      shownTypes.map((t) => {
        const hidden = hiddenTypes.has(t);
        return legendItem({
          hidden,
          data: { 'data-type': t },
          title: `${t}: ${this.descriptions.get(t) ?? ''}`,
          toggle: () => this.bus.emit('view:act', { type: 'toggleType', relType: t }),
          swatch: h('span', { class: 'line-swatch', style: `--chip:${typeColor(t)}` }),
          name: TYPE_PHRASES[t],
          count: counts.types.get(t) ?? 0,
        });
      }),
    );
    const anyHidden = hiddenLabels.size + hiddenTypes.size > 0;
    const webglBox = h('input', { type: 'checkbox', id: 'webgl-toggle', checked: webgl });
    webglBox.addEventListener('change', () => this.bus.emit('renderer:set', { webgl: webglBox.checked }));
    clear(
      this.footer,
      anyHidden ? button(t.legend.showAll, () => this.bus.emit('view:act', { type: 'showAllFilters' }), { class: 'small' }) : null,
      h(
        'ul',
        { class: 'legend-key', 'aria-label': t.table.certainty },
        (['stated', 'hedged', 'inferred'] as const).map((c) =>
          h('li', {}, h('span', { class: `line-swatch line-${c}`, 'aria-hidden': 'true' }), ` ${t.certainty[c]}`),
        ),
      ),
      this.statedOnlyLabel,
      h('p', { class: 'legend-key muted' }, t.legend.key),
      h('label', { class: 'check small-text', title: t.legend.webglTitle }, webglBox, ` ${t.legend.webgl}`),
    );
  }
}

/** One legend entry: a button that hides or shows its label or type, with its look and count. */
function legendItem(o: {
  hidden: boolean;
  data: Record<string, string>;
  title: string;
  toggle: () => void;
  swatch: HTMLElement | SVGElement;
  name: string;
  count: number;
}): HTMLElement {
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: `legend-item ${o.hidden ? 'off' : ''}`,
        'aria-pressed': o.hidden ? 'false' : 'true',
        ...o.data,
        title: `${o.title}\n${o.hidden ? t.legend.clickToShow : t.legend.clickToHide}`,
        onclick: o.toggle as EventListener,
      },
      o.swatch,
      h('span', { class: 'legend-name' }, o.name),
      h('span', { class: 'legend-count' }, String(o.count)),
    ),
  );
}
