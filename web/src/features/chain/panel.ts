// "Chain": who mandated, appointed or set up a node, level by level, or what falls under it.
import type { MandateChain, NodeData } from '../../api/types.ts';
import type { EventBus } from '../../events.ts';
import { typeColor } from '../../graph/style.ts';
import { t } from '../../i18n/index.ts';
import {
  answerText,
  asOfGroups,
  button,
  certaintyBadge,
  clear,
  evidenceBlock,
  h,
  nodeChip,
  showBusy,
  showError,
  spanText,
  timeStatusNote,
} from '../common/ui.ts';

export class ChainPanel {
  readonly element: HTMLElement;
  readonly result: HTMLElement;

  constructor(private readonly bus: EventBus) {
    this.result = h('div', { class: 'result', tabindex: '-1' });
    this.element = h('div', { class: 'tool chain-tool' }, this.result);
    this.idle();
  }

  idle(): void {
    clear(this.result, h('p', { class: 'muted' }, t.tools.chainIdle));
  }

  busy(): void {
    showBusy(this.result, t.tools.tracing);
  }

  error(message: string): void {
    showError(this.result, message);
  }

  show(chain: MandateChain, asOf: string | null, names: (id: string) => NodeData | undefined): void {
    const up = chain.direction === 'up';
    const levels = new Map<number, typeof chain.hops>();
    for (const hop of chain.hops) levels.set(hop.level, [...(levels.get(hop.level) ?? []), hop]);
    const heading = h(
      'div',
      { class: 'chain-head' },
      h(
        'p',
        {},
        up ? t.tools.chainAbove : t.tools.chainBelow,
        nodeChip(chain.root, chain.root.id, () => this.bus.emit('node:show', { id: chain.root.id })),
        asOf ? t.dates.asOfInline(asOf) : '',
      ),
      h(
        'div',
        { class: 'actions' },
        button(
          up ? t.tools.showBelow : t.tools.showAbove,
          () => this.bus.emit('chain:trace', { id: chain.root.id, direction: up ? 'down' : 'up' }),
          {
            class: 'small',
          },
        ),
      ),
    );
    if (!chain.hops.length) {
      clear(this.result, heading, h('p', { class: 'error-text' }, t.tools.noChain(up, asOf)));
      return;
    }
    const name = (id: string) => names(id)?.name ?? id;
    // A hop whose basis is a treaty or law node has no tie of its own to put in words.
    const words = chain.hops.flatMap(({ relationship: rel }) =>
      rel ? [`${name(rel.source)} ${t.types[rel.type]} ${name(rel.target)}`] : [],
    );
    clear(
      this.result,
      answerText(chain.summary, t.tools.chainSentence(chain.root.name, up, chain.hops.length), words, asOfGroups(chain.asOf)),
      heading,
      h(
        'ol',
        { class: 'chain-levels' },
        [...levels.entries()].map(([level, hops]) =>
          h(
            'li',
            { class: 'chain-level' },
            h('h3', {}, t.tools.level(level)),
            h(
              'ul',
              { class: 'plain-list' },
              hops.map((hop) => {
                const rel = hop.relationship;
                if (!rel) return this.treatyHop(hop);
                const data = rel as unknown as Record<string, unknown>;
                return h(
                  'li',
                  { class: 'hop' },
                  h(
                    'div',
                    {},
                    nodeChip(hop.node, hop.node.id, () => this.bus.emit('node:show', { id: hop.node.id })),
                  ),
                  h(
                    'div',
                    { class: 'hop-rel' },
                    h('span', { class: 'type-chip', style: `--chip:${typeColor(rel.type)}` }),
                    `${name(rel.source)} ${t.types[rel.type]} ${name(rel.target)} `,
                    certaintyBadge(data),
                  ),
                  rel.task ? h('div', { class: 'hop-task' }, t.tools.task, rel.task) : null,
                  hop.basisText ? h('div', { class: 'basis' }, hop.basisText) : null,
                  h('div', { class: 'hop-dates muted' }, spanText(rel) || t.dates.noDates, ' ', timeStatusNote(data)),
                  h(
                    'div',
                    { class: 'rep-actions' },
                    button(t.tools.showTie, () => this.bus.emit('view:act', { type: 'select', ids: [rel.id] }), { class: 'small' }),
                    evidenceBlock(rel),
                  ),
                );
              }),
            ),
          ),
        ),
      ),
      chain.truncated ? h('p', { class: 'muted' }, t.tools.chainCut) : null,
    );
  }

  /** A treaty or law an act rests on: a node, not a tie, so there is no tie to show; the hop carries the link's certainty and dates. */
  private treatyHop(hop: MandateChain['hops'][number]): HTMLElement {
    return h(
      'li',
      { class: 'hop' },
      h(
        'div',
        {},
        `${t.certainty.restsOn} `,
        nodeChip(hop.node, hop.node.id, () => this.bus.emit('node:show', { id: hop.node.id })),
        ' ',
        certaintyBadge(hop),
      ),
      hop.basisText ? h('div', { class: 'basis' }, hop.basisText) : null,
      h('div', { class: 'hop-dates muted' }, spanText(hop) || t.dates.noDates, ' ', timeStatusNote(hop)),
    );
  }
}
