// A hub opens readably: expanding a node with many neighbours not yet shown lists them by kind
// of tie ("cooperates with → · 24"), and the person brings in one kind at a time (click or
// Enter), or all at once. The keyboard lands on the list, and moves on to the next kind.
import type { RelationshipType } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';
import { button, h } from '../../ui/dom.ts';
import { TYPE_PHRASES } from '../../vocabulary.ts';
import { hubKinds, type HubKind } from './kinds.ts';

export class HubChooser {
  readonly element: HTMLElement;
  private hub = '';
  private name = '';
  private kinds: HubKind[] = [];

  constructor(
    /** Put these nodes on the canvas beside `near`. */
    private readonly show: (ids: string[], near: string) => void,
    /** Which of these are on the canvas already. */
    private readonly onCanvas: (id: string) => boolean,
  ) {
    this.element = h('section', { class: 'hub-chooser', 'aria-labelledby': 'hub-title', hidden: true });
    this.element.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape') return;
      ev.stopPropagation();
      this.close();
    });
  }

  get open(): boolean {
    return !this.element.hidden;
  }

  offer(
    hub: string,
    name: string,
    fresh: string[],
    edges: ReadonlyArray<{ source: string; target: string; type: RelationshipType }>,
  ): void {
    this.hub = hub;
    this.kinds = hubKinds(hub, fresh, edges);
    this.name = name;
    this.render(null);
  }

  close(): void {
    const had = this.element.contains(document.activeElement);
    this.element.hidden = true;
    this.kinds = [];
    if (had) document.getElementById('cy')?.focus();
  }

  private bring(ids: string[], next: number | null): void {
    this.show(ids, this.hub);
    // What is now shown leaves every kind; kinds with nothing left go.
    this.kinds = this.kinds.map((k) => ({ ...k, ids: k.ids.filter((id) => !this.onCanvas(id)) })).filter((k) => k.ids.length);
    if (!this.kinds.length) this.close();
    else this.render(next);
  }

  private render(focusIndex: number | null): void {
    const left = new Set(this.kinds.flatMap((k) => k.ids)).size;
    const title = h('h2', { id: 'hub-title', class: 'hub-title', tabindex: '-1' }, t.readable.hub.title(this.name, left));
    const items = this.kinds.map((k, i) => {
      const phrase = TYPE_PHRASES[k.type];
      const out = k.direction === 'out';
      return h(
        'li',
        {},
        button(
          [
            h(
              'span',
              { class: 'hub-kind' },
              out ? phrase : h('span', { 'aria-hidden': 'true' }, '← '),
              out ? null : phrase,
              out ? h('span', { 'aria-hidden': 'true' }, ' →') : null,
              h('span', { class: 'visually-hidden' }, ` (${out ? t.readable.hub.outgoing : t.readable.hub.incoming})`),
            ),
            h('span', { class: 'hub-count' }, String(k.ids.length)),
          ],
          () => this.bring(k.ids, Math.min(i, this.kinds.length - 2)),
          { class: 'hub-kind-button', 'data-kind': `${k.type}-${k.direction}` },
        ),
      );
    });
    this.element.replaceChildren(
      h(
        'div',
        { class: 'hub-head' },
        title,
        button('×', () => this.close(), { class: 'hint-close', 'aria-label': t.readable.hub.close }),
      ),
      h('p', { class: 'hub-lead' }, t.readable.hub.lead),
      h('ul', { class: 'hub-kinds' }, items),
      button(
        t.readable.hub.all(left),
        () =>
          this.bring(
            this.kinds.flatMap((k) => k.ids),
            null,
          ),
        { class: 'small', 'data-action': 'hub-all' },
      ),
    );
    this.element.hidden = false;
    const next = focusIndex === null ? null : this.element.querySelectorAll<HTMLButtonElement>('.hub-kind-button')[Math.max(0, focusIndex)];
    (next ?? title).focus();
  }
}
