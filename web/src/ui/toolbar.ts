// The top bar's controls: history, graph or table, layouts, fit, export, copy link, theme
// and language. The export menu is a disclosure (not an ARIA menu): a group of
// radio buttons for what to export and plain buttons for the formats.
import type { EventBus, ImageFormat } from '../events.ts';
import type { ExportFormat } from '../api/types.ts';
import { switchLang, t, type Lang } from '../i18n/index.ts';
import type { LayoutName, ViewState } from '../state/view-state.ts';
import { button, h } from './dom.ts';
import { rovingToolbar } from '../features/readable/roving.ts';

const LAYOUTS: LayoutName[] = ['force', 'hierarchy', 'concentric'];
// Our own formats, then the standards people share institutional data in (docs/formats.md).
const DATA_FORMATS: ExportFormat[] = ['json', 'cytoscape', 'graphml', 'csv', 'cypher', 'ftm', 'popolo', 'jsonld', 'turtle', 'gexf'];

export class Toolbar {
  readonly element: HTMLElement;
  private readonly undoButton: HTMLButtonElement;
  private readonly redoButton: HTMLButtonElement;
  private readonly layoutButtons = new Map<LayoutName, HTMLButtonElement>();
  private readonly viewButtons: Record<'graph' | 'table', HTMLButtonElement>;
  private readonly themeButton: HTMLButtonElement;
  private readonly menu: HTMLDetailsElement;
  private readonly layoutMenu: HTMLDetailsElement;
  private readonly layoutSummary: HTMLElement;
  private readonly layoutFace: HTMLElement;
  private readonly scopeSelection: HTMLInputElement;
  private readonly scopeSelectionLabel: HTMLLabelElement;
  /** Hands the toolbar's one Tab stop on when a control is disabled. */
  private readonly refreshStops: () => void;
  /** The figure's caption (issue 20, part 7): printed under the legend of PNG, SVG and PDF. */
  private readonly caption: HTMLTextAreaElement;

  constructor(
    bus: EventBus,
    private readonly handlers: { copyLink: () => void; toggleTheme: () => void; theme: () => string },
  ) {
    this.undoButton = button(['↶ ', h('span', { class: 'label' }, t.toolbar.undo)], () => bus.emit('history:undo', {}), {
      title: t.toolbar.undoTitle,
      'aria-label': t.toolbar.undo,
      class: 'tool-button',
    });
    this.redoButton = button(['↷ ', h('span', { class: 'label' }, t.toolbar.redo)], () => bus.emit('history:redo', {}), {
      title: t.toolbar.redoTitle,
      'aria-label': t.toolbar.redo,
      class: 'tool-button',
    });
    // One menu button for the three layouts (issue 20): the top bar keeps one row at laptop
    // widths. Its face names the layout in use; each item runs its layout (again).
    this.layoutFace = h('span', { class: 'layout-face' });
    this.layoutSummary = h(
      'summary',
      { class: 'tool-button', title: t.toolbar.layout },
      h('span', { class: 'label' }, `${t.toolbar.layout}: `),
      this.layoutFace,
      ' ▾',
    );
    const layoutItems = h('div', { class: 'menu-body', role: 'group', 'aria-label': t.toolbar.layout });
    this.layoutMenu = h('details', { class: 'menu layout-menu' }, this.layoutSummary, layoutItems);
    for (const name of LAYOUTS) {
      const [label, title] = t.toolbar.layouts[name];
      const b = button(
        label,
        () => {
          this.layoutMenu.open = false;
          bus.emit('layout:run', { name });
        },
        { title: `${title} ${t.toolbar.runAgain}`, class: 'menu-item', 'data-layout': name },
      );
      this.layoutButtons.set(name, b);
      layoutItems.append(b);
    }
    const setView = (v: 'graph' | 'table') => () => bus.emit('view:act', { type: 'setView', view: v });
    this.viewButtons = {
      graph: button(t.toolbar.viewGraph, setView('graph'), { class: 'tool-button', 'data-view': 'graph' }),
      table: button(t.toolbar.viewTable, setView('table'), { class: 'tool-button', 'data-view': 'table' }),
    };
    const views = h(
      'div',
      { class: 'segmented views', role: 'group', 'aria-label': t.toolbar.views },
      this.viewButtons.graph,
      this.viewButtons.table,
    );

    const scopeView = h('input', { type: 'radio', name: 'export-scope', value: 'view', checked: true, id: 'export-scope-view' });
    this.scopeSelection = h('input', { type: 'radio', name: 'export-scope', value: 'selection', id: 'export-scope-selection' });
    this.scopeSelectionLabel = h(
      'label',
      { class: 'check', for: 'export-scope-selection' },
      this.scopeSelection,
      ` ${t.toolbar.selection}`,
    );
    this.caption = h('textarea', {
      id: 'export-caption',
      class: 'export-caption',
      rows: 2,
      maxlength: 600,
      'aria-describedby': 'export-caption-hint',
    });
    const scope = (): 'view' | 'selection' => (this.scopeSelection.checked ? 'selection' : 'view');
    const image = (format: ImageFormat) => () => {
      this.menu.open = false;
      bus.emit('export:image', { format, scope: scope(), caption: this.caption.value.trim() });
    };
    const data = (format: ExportFormat) => () => {
      this.menu.open = false;
      bus.emit('export:data', { format, scope: scope() });
    };
    const summary = h('summary', { class: 'tool-button', title: t.toolbar.exportTitle }, `${t.toolbar.export} ▾`);
    this.menu = h(
      'details',
      { class: 'menu export-menu' },
      summary,
      h(
        'div',
        { class: 'menu-body' },
        h(
          'fieldset',
          { class: 'menu-row' },
          h('legend', { class: 'menu-label' }, t.toolbar.what),
          h('label', { class: 'check', for: 'export-scope-view' }, scopeView, ` ${t.toolbar.wholeView}`),
          this.scopeSelectionLabel,
        ),
        h(
          'div',
          { role: 'group', 'aria-labelledby': 'export-picture' },
          h('div', { class: 'menu-label', id: 'export-picture' }, t.toolbar.picture),
          // The caption first: written, then a format chosen.
          h('label', { class: 'menu-label', for: 'export-caption' }, t.figure.caption),
          this.caption,
          h('div', { class: 'menu-hint', id: 'export-caption-hint' }, t.figure.captionHint),
          button(t.toolbar.png, image('png'), { class: 'menu-item', 'data-format': 'png', title: t.toolbar.pngTitle }),
          button(t.toolbar.svg, image('svg'), { class: 'menu-item', 'data-format': 'svg', title: t.toolbar.svgTitle }),
          button(t.figure.pdf, image('pdf'), { class: 'menu-item', 'data-format': 'pdf', title: t.figure.pdfTitle }),
        ),
        h(
          'div',
          { role: 'group', 'aria-labelledby': 'export-data' },
          h('div', { class: 'menu-label', id: 'export-data' }, t.toolbar.dataHeading),
          DATA_FORMATS.map((f) => {
            const [label, title] = t.toolbar.formats[f];
            return button(label, data(f), { class: 'menu-item', 'data-format': f, title });
          }),
        ),
      ),
    );
    for (const [menu, face] of [
      [this.menu, summary],
      [this.layoutMenu, this.layoutSummary],
    ] as const) {
      // Closing returns the keyboard to the button that opened it; a click elsewhere closes.
      menu.addEventListener('toggle', () => {
        if (!menu.open && menu.contains(document.activeElement)) face.focus();
      });
      document.addEventListener('click', (ev) => {
        if (menu.open && !menu.contains(ev.target as Node)) menu.open = false;
      });
    }
    this.themeButton = button('◐', () => this.handlers.toggleTheme(), {
      title: t.toolbar.themeTitle,
      'aria-label': t.toolbar.theme,
      class: 'tool-button icon',
      'data-action': 'theme',
    });
    const other: Lang = t.app.languageSwitchLang as Lang;
    this.element = h(
      'div',
      { class: 'toolbar' },
      h('div', { class: 'group' }, this.undoButton, this.redoButton),
      views,
      this.layoutMenu,
      button(t.toolbar.fit, () => bus.emit('view:fit', {}), { title: t.toolbar.fitTitle, class: 'tool-button' }),
      this.menu,
      button(t.toolbar.copyLink, this.handlers.copyLink, {
        title: t.toolbar.copyLinkTitle,
        'data-action': 'copy-link',
        class: 'tool-button',
      }),
      this.themeButton,
      button(t.app.languageSwitch, () => switchLang(other), {
        class: 'tool-button',
        lang: other,
        title: t.app.languageSwitchTitle,
        'data-action': 'language',
      }),
    );
    // One Tab stop for the whole bar, arrow keys inside (features/readable/roving.ts).
    this.refreshStops = rovingToolbar(this.element, t.toolbar.tools);
  }

  closeMenu(): boolean {
    const open = [this.menu, this.layoutMenu].filter((m) => m.open);
    for (const m of open) m.open = false;
    return open.length > 0;
  }

  update(state: ViewState, canUndo: boolean, canRedo: boolean): void {
    this.undoButton.disabled = !canUndo;
    this.redoButton.disabled = !canRedo;
    for (const [name, b] of this.layoutButtons) {
      b.setAttribute('aria-pressed', String(state.layout === name));
      b.disabled = state.view === 'table';
    }
    this.layoutFace.textContent = t.toolbar.layouts[state.layout][0];
    // The table has no layout: the menu goes until the graph is back.
    this.layoutMenu.hidden = state.view === 'table';
    this.viewButtons.graph.setAttribute('aria-pressed', String(state.view === 'graph'));
    this.viewButtons.table.setAttribute('aria-pressed', String(state.view === 'table'));
    this.themeButton.setAttribute('aria-pressed', String(this.handlers.theme() === 'dark'));
    const hasSelection = state.selected.length > 0;
    this.scopeSelection.disabled = !hasSelection;
    this.scopeSelectionLabel.classList.toggle('disabled', !hasSelection);
    if (!hasSelection && this.scopeSelection.checked) (this.menu.querySelector('#export-scope-view') as HTMLInputElement).checked = true;
    this.refreshStops();
  }
}
