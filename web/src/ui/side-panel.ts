// The right-hand panel: details of the selection, the four question panels and the table
// of the view as tabs (the table fills the workspace in the table view).
import type { ToolPanel } from '../events.ts';
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

const TABS: Array<[ToolPanel, string, string]> = [
  ['details', ...t.tabs.details],
  ['representation', ...t.tabs.representation],
  ['paths', ...t.tabs.paths],
  ['chain', ...t.tabs.chain],
  ['common', ...t.tabs.common],
  // Curation's tabs after the questions', so the questions keep their places (and arrow keys).
  ['history', ...t.curation.tabs.history],
  ['edit', ...t.curation.tabs.edit],
  ['changes', ...t.curation.tabs.changes],
  ['review', t.review.tab, t.review.tabTitle],
  ['table', t.toolbar.viewTable, t.table.intro],
];

export class SidePanel {
  readonly element: HTMLElement;
  private readonly tabs = new Map<ToolPanel, HTMLButtonElement>();
  private readonly bodies = new Map<ToolPanel, HTMLElement>();
  private current: ToolPanel = 'details';

  constructor(
    contents: Record<ToolPanel, HTMLElement>,
    /** Told when a tab opens: panels that load on first sight (the changes feed) start then. */
    private readonly onOpen: (name: ToolPanel) => void = () => undefined,
  ) {
    const tabList = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t.tabs.panels });
    const bodies: HTMLElement[] = [];
    for (const [name, label, title] of TABS) {
      const tab = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${name}`,
          'aria-controls': `panel-${name}`,
          'aria-selected': 'false',
          title,
          class: 'tab',
          onclick: (() => this.open(name)) as EventListener,
        },
        label,
      );
      tab.addEventListener('keydown', (ev) => {
        if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(ev.key)) return;
        ev.preventDefault();
        const names = TABS.map((t) => t[0]).filter((n) => !this.tabs.get(n)?.hidden);
        const i = names.indexOf(this.current as (typeof names)[number]);
        const next =
          ev.key === 'Home'
            ? names[0]!
            : ev.key === 'End'
              ? names.at(-1)!
              : names[(i + (ev.key === 'ArrowRight' ? 1 : -1) + names.length) % names.length]!;
        this.open(next);
        this.tabs.get(next)?.focus();
      });
      this.tabs.set(name, tab);
      tabList.append(tab);
      const body = h(
        'div',
        { role: 'tabpanel', id: `panel-${name}`, 'aria-labelledby': `tab-${name}`, class: 'tab-body', hidden: true },
        contents[name],
      );
      this.bodies.set(name, body);
      bodies.push(body);
    }
    this.element = h('div', { class: 'side-panel' }, tabList, h('div', { class: 'tab-bodies', tabindex: '0' }, bodies));
    this.open('details');
  }

  /** A tab's label, or hide it (null): the review tab carries its count and shows to editors only. */
  setTab(name: ToolPanel, label: string | null): void {
    const tab = this.tabs.get(name);
    if (!tab) return;
    tab.hidden = label === null;
    if (label !== null) tab.textContent = label;
    if (label === null && this.current === name) this.open('details');
  }

  get active(): ToolPanel {
    return this.current;
  }

  open(name: ToolPanel): void {
    this.current = name;
    for (const [n, tab] of this.tabs) {
      tab.setAttribute('aria-selected', String(n === name));
      tab.tabIndex = n === name ? 0 : -1;
    }
    for (const [n, body] of this.bodies) body.hidden = n !== name;
    document.body.classList.add('panel-open');
    this.onOpen(name);
  }
}
