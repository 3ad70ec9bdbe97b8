// "Paths": the shortest chains of ties between two nodes, one at a time on the canvas.
import type { ApiClient } from '../../api/client.ts';
import type { PathsResult, RelationshipType } from '../../api/types.ts';
import type { EventBus } from '../../events.ts';
import { edgeCaption } from '../../graph/elements.ts';
import { typeColor } from '../../graph/style.ts';
import type { ElementCache } from '../../graph/view.ts';
import { t } from '../../i18n/index.ts';
import { SearchBox } from '../../ui/search-box.ts';
import { TYPES } from '../../vocabulary.ts';
import {
  answerText,
  asOfGroups,
  button,
  certaintyBadge,
  clear,
  evidenceBlock,
  field,
  h,
  nodeChip,
  prefillPair,
  showBusy,
  showError,
  timeStatusNote,
  type Picked,
} from '../common/ui.ts';
import type { PathsFocus } from './answer.ts';

export class PathsPanel {
  readonly element: HTMLElement;
  readonly result: HTMLElement;
  private readonly from: SearchBox;
  private readonly to: SearchBox;
  private readonly directed: HTMLInputElement;
  private readonly type: HTMLSelectElement;

  constructor(
    api: ApiClient,
    private readonly bus: EventBus,
    private readonly cache: ElementCache,
  ) {
    this.from = new SearchBox(api, {
      id: 'paths-from',
      label: t.tools.from,
      placeholder: t.tools.fromPlaceholder,
      keepValue: true,
      onPick: () => this.to.focus(),
    });
    this.to = new SearchBox(api, {
      id: 'paths-to',
      label: t.tools.to,
      placeholder: t.tools.toPlaceholder,
      keepValue: true,
      onPick: () => undefined,
    });
    this.directed = h('input', { type: 'checkbox', id: 'paths-directed' });
    this.type = h(
      'select',
      { id: 'paths-type' },
      h('option', { value: '' }, t.tools.anyType),
      TYPES.map((ty) => h('option', { value: ty }, t.types[ty])),
    );
    this.result = h('div', { class: 'result', tabindex: '-1' });
    this.element = h(
      'form',
      { class: 'tool paths-tool', onsubmit: ((ev: Event) => (ev.preventDefault(), this.submit())) as EventListener },
      h('p', { class: 'muted' }, t.tools.pathsIntro),
      field(t.tools.from, this.from.element),
      field(t.tools.to, this.to.element),
      h('div', { class: 'field' }, h('label', { for: 'paths-type', class: 'field-label' }, t.tools.using), this.type),
      h('label', { class: 'check' }, this.directed, t.tools.directed),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t.tools.findPaths)),
      this.result,
    );
  }

  prefill(p: { from?: Picked; to?: Picked }): void {
    prefillPair([this.from, p.from], [this.to, p.to]);
  }

  private submit(): void {
    const from = this.from.value;
    const to = this.to.value;
    if (!from || !to) {
      showError(this.result, t.tools.pickFirst(!from ? t.tools.whereStarts : t.tools.whereEnds));
      (!from ? this.from : this.to).focus();
      return;
    }
    const types = this.type.value ? [this.type.value as RelationshipType] : [];
    this.bus.emit('paths:find', { from: from.id, to: to.id, directed: this.directed.checked, types });
  }

  busy(): void {
    showBusy(this.result, t.tools.lookingForPaths);
  }

  error(message: string): void {
    showError(this.result, message);
  }

  show(result: PathsResult, focus: PathsFocus, asOf: string | null): void {
    this.from.set({ id: result.from.id, name: result.from.name });
    this.to.set({ id: result.to.id, name: result.to.name });
    this.directed.checked = focus.directed;
    this.type.value = focus.types[0] ?? '';
    if (!result.paths.length) {
      clear(
        this.result,
        h('p', { class: 'error-text' }, t.tools.noPath(result.from.name, result.to.name, focus.directed, asOf)),
        h('p', { class: 'muted' }, focus.directed ? t.tools.noPathTryDirected : t.tools.noPathTry),
      );
      return;
    }
    const index = Math.min(focus.index, result.paths.length - 1);
    const path = result.paths[index]!;
    const step = (i: number) => this.bus.emit('paths:step', { index: (i + result.paths.length) % result.paths.length });
    const items: HTMLElement[] = [];
    const words: string[] = [];
    path.nodes.forEach((n, i) => {
      items.push(
        h(
          'li',
          { class: 'path-node' },
          nodeChip(n, n.id, () => this.bus.emit('node:show', { id: n.id })),
        ),
      );
      const rel = path.relationships[i];
      if (rel) {
        const forward = rel.source === n.id;
        const caption = edgeCaption(rel, this.cache.lookup);
        words.push(`${n.name} ${forward ? '→' : '←'} ${caption}`);
        items.push(
          h(
            'li',
            { class: 'path-edge' },
            h('span', { class: 'type-chip', style: `--chip:${typeColor(rel.type)}` }),
            h('span', {}, `${forward ? '↓' : '↑'} ${caption} `),
            certaintyBadge(rel),
            timeStatusNote(rel),
            evidenceBlock(rel),
          ),
        );
      }
    });
    const summary = result.summary;
    clear(
      this.result,
      answerText(summary, t.tools.pathSentence(path.nodes.map((n) => n.name)), words, asOfGroups(result.asOf)),
      h(
        'div',
        { class: 'stepper' },
        button('◀', () => step(index - 1), { 'aria-label': t.tools.previousPath, disabled: result.paths.length < 2 }),
        h(
          'span',
          { class: 'stepper-text', 'aria-live': 'polite' },
          t.tools.pathOf(index + 1, result.paths.length, path.relationships.length),
        ),
        button('▶', () => step(index + 1), { 'aria-label': t.tools.nextPath, disabled: result.paths.length < 2 }),
      ),
      h('ol', { class: 'path-list' }, items),
    );
  }
}
