// The top bar's controls: history, layouts, fit, export, copy link and theme.
import type { EventBus, ImageFormat } from '../events.ts';
import type { ExportFormat } from '../api/types.ts';
import type { LayoutName, ViewState } from '../state/view-state.ts';
import { button, h } from './dom.ts';

const LAYOUT_BUTTONS: Array<[LayoutName, string, string]> = [
  ['force', 'Force', 'Force-directed: related nodes pull together'],
  ['hierarchy', 'Hierarchy', 'Top-down layers: authority and belonging point upwards'],
  ['concentric', 'Rings', 'Concentric rings around the selected node'],
];

const DATA_FORMATS: Array<[ExportFormat, string, string]> = [
  ['json', 'JSON', 'Nodes and relationships with every property and provenance'],
  ['cytoscape', 'Cytoscape JSON', 'Opens in Cytoscape desktop and Cytoscape.js'],
  ['graphml', 'GraphML', 'Opens in Gephi, yEd and networkx'],
  ['csv', 'CSV (zip)', 'nodes.csv and relationships.csv with neo4j-admin headers'],
  ['cypher', 'Cypher', 'Statements that recreate the view in an empty Neo4j'],
];

export class Toolbar {
  readonly element: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly layoutButtons = new Map<LayoutName, HTMLButtonElement>();
  private readonly menu: HTMLDetailsElement;
  private readonly scopeSelection: HTMLInputElement;
  private readonly scopeSelectionLabel: HTMLLabelElement;

  constructor(bus: EventBus, handlers: { copyLink: () => void; toggleTheme: () => void }) {
    this.undoButton = button(['↶', h('span', { class: 'label' }, 'Undo')], () => bus.emit('history:undo', {}), {
      title: 'Undo (Ctrl+Z)',
      'aria-label': 'Undo',
      class: 'tool-button',
    });
    this.redoButton = button(['↷', h('span', { class: 'label' }, 'Redo')], () => bus.emit('history:redo', {}), {
      title: 'Redo (Ctrl+Shift+Z)',
      'aria-label': 'Redo',
      class: 'tool-button',
    });
    const layouts = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Layout' });
    for (const [name, label, title] of LAYOUT_BUTTONS) {
      const b = button(label, () => bus.emit('layout:run', { name }), {
        title: `${title} (runs the layout again)`,
        class: 'tool-button',
        'data-layout': name,
      });
      this.layoutButtons.set(name, b);
      layouts.append(b);
    }
    const scopeView = h('input', { type: 'radio', name: 'export-scope', value: 'view', checked: true, id: 'export-scope-view' });
    this.scopeSelection = h('input', { type: 'radio', name: 'export-scope', value: 'selection', id: 'export-scope-selection' });
    this.scopeSelectionLabel = h('label', { class: 'check', for: 'export-scope-selection' }, this.scopeSelection, ' the selection');
    const scope = (): 'view' | 'selection' => (this.scopeSelection.checked ? 'selection' : 'view');
    const image = (format: ImageFormat) => () => {
      this.menu.open = false;
      bus.emit('export:image', { format, scope: scope() });
    };
    const data = (format: ExportFormat) => () => {
      this.menu.open = false;
      bus.emit('export:data', { format, scope: scope() });
    };
    this.menu = h(
      'details',
      { class: 'menu export-menu' },
      h('summary', { class: 'tool-button', title: 'Download the view as a picture or as data' }, 'Export ▾'),
      h(
        'div',
        { class: 'menu-body', role: 'menu' },
        h(
          'div',
          { class: 'menu-row' },
          h('span', { class: 'menu-label' }, 'What:'),
          h('label', { class: 'check', for: 'export-scope-view' }, scopeView, ' the whole view'),
          this.scopeSelectionLabel,
        ),
        h('div', { class: 'menu-label' }, 'Picture'),
        button('PNG image', image('png'), { role: 'menuitem', 'data-format': 'png', title: 'A bitmap at twice screen resolution' }),
        button('SVG vector', image('svg'), {
          role: 'menuitem',
          'data-format': 'svg',
          title: 'Vector drawing for Inkscape, Illustrator or a browser',
        }),
        h('div', { class: 'menu-label' }, 'Data (with provenance and the as-of date)'),
        DATA_FORMATS.map(([f, label, title]) => button(label, data(f), { role: 'menuitem', 'data-format': f, title })),
      ),
    );
    document.addEventListener('click', (ev) => {
      if (this.menu.open && !this.menu.contains(ev.target as Node)) this.menu.open = false;
    });
    this.element = h(
      'nav',
      { class: 'toolbar', 'aria-label': 'Tools' },
      h('div', { class: 'group' }, this.undoButton, this.redoButton),
      layouts,
      button('Fit', () => bus.emit('view:fit', {}), { title: 'Fit the view to the window', class: 'tool-button' }),
      this.menu,
      button(['Copy', h('span', { class: 'label' }, 'link')], handlers.copyLink, {
        title: 'Copy a link that opens this exact view',
        'aria-label': 'Copy link',
        'data-action': 'copy-link',
        class: 'tool-button',
      }),
      button('◐', handlers.toggleTheme, {
        title: 'Light or dark theme',
        'aria-label': 'Toggle light or dark theme',
        class: 'tool-button icon',
      }),
    );
  }

  closeMenu(): boolean {
    if (!this.menu.open) return false;
    this.menu.open = false;
    return true;
  }

  update(state: ViewState, canUndo: boolean, canRedo: boolean): void {
    this.undoButton.disabled = !canUndo;
    this.redoButton.disabled = !canRedo;
    for (const [name, b] of this.layoutButtons) b.setAttribute('aria-pressed', String(state.layout === name));
    const hasSelection = state.selected.length > 0;
    this.scopeSelection.disabled = !hasSelection;
    this.scopeSelectionLabel.classList.toggle('disabled', !hasSelection);
    if (!hasSelection && this.scopeSelection.checked) (this.menu.querySelector('#export-scope-view') as HTMLInputElement).checked = true;
  }
}
