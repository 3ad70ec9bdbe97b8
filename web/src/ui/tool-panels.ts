// The four questions with panels of their own: find paths, who represents whom, the mandate
// chain, and what two nodes share. Each asks through the bus and shows the answer the controller hands back.
import type { ApiClient } from '../api/client.ts';
import type { CommonResult, EdgeData, MandateChain, NodeData, PathsResult, RelationshipType, RepresentationResult } from '../api/types.ts';
import type { EventBus } from '../events.ts';
import { formatSpan, validAt } from '../graph/dates.ts';
import { edgeCaption, shortName } from '../graph/elements.ts';
import { LABEL_LOOK, typeColor } from '../graph/style.ts';
import type { ElementCache } from '../graph/view.ts';
import type { Focus } from '../state/view-state.ts';
import { CAPACITY_PHRASES, TYPE_PHRASES, TYPES } from '../vocabulary.ts';
import { button, clear, h, shapeIcon } from './dom.ts';
import { SearchBox } from './search-box.ts';
import { sourceList } from './sources.ts';

/** A labelled control in a panel's form. */
function field(label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('span', { class: 'field-label' }, label), control);
}

/** A spinner with what the panel is waiting for, in its result area. */
function showBusy(target: HTMLElement, doing: string): void {
  clear(target, h('p', { class: 'muted' }, h('span', { class: 'spinner small' }), ` ${doing}`));
}

function showError(target: HTMLElement, message: string): void {
  clear(target, h('p', { class: 'error-text' }, message));
}

type Picked = { id: string; name: string };

/** Fills a pair of pickers; with only the first given, the second gets the focus. */
function prefillPair(first: [SearchBox, Picked | undefined], second: [SearchBox, Picked | undefined]): void {
  if (first[1]) first[0].set(first[1]);
  if (second[1]) second[0].set(second[1]);
  if (first[1] && !second[1]) setTimeout(() => second[0].focus(), 0);
}

function nodeChip(n: NodeData | undefined, fallback: string, onClick?: () => void): HTMLElement {
  if (!n) return h('span', {}, fallback);
  const look = LABEL_LOOK[n.label];
  const content = [shapeIcon(look.shape, look.color, look.border, 12), ' ', n.name];
  return onClick
    ? h('button', { type: 'button', class: 'link node-link', onclick: (() => onClick()) as EventListener }, ...content)
    : h('span', { class: 'node-chip' }, ...content);
}

function evidenceBlock(e: EdgeData): HTMLElement {
  return h(
    'details',
    { class: 'evidence-toggle' },
    h('summary', {}, 'Evidence'),
    e.evidence ? h('blockquote', { class: 'evidence' }, e.evidence) : null,
    sourceList(e.sources),
  );
}

// ------------------------------------------------------------------------------- paths

export class PathsPanel {
  readonly element: HTMLElement;
  private readonly from: SearchBox;
  private readonly to: SearchBox;
  private readonly directed: HTMLInputElement;
  private readonly type: HTMLSelectElement;
  private readonly result: HTMLElement;

  constructor(
    api: ApiClient,
    private readonly bus: EventBus,
    private readonly cache: ElementCache,
  ) {
    this.from = new SearchBox(api, {
      id: 'paths-from',
      label: 'From',
      placeholder: 'From… (type a name)',
      keepValue: true,
      onPick: () => this.to.focus(),
    });
    this.to = new SearchBox(api, {
      id: 'paths-to',
      label: 'To',
      placeholder: 'To… (type a name)',
      keepValue: true,
      onPick: () => undefined,
    });
    this.directed = h('input', { type: 'checkbox', id: 'paths-directed' });
    this.type = h(
      'select',
      { id: 'paths-type' },
      h('option', { value: '' }, 'any type of tie'),
      TYPES.map((t) => h('option', { value: t }, TYPE_PHRASES[t])),
    );
    this.result = h('div', { class: 'result', 'aria-live': 'polite' });
    this.element = h(
      'form',
      { class: 'tool paths-tool', onsubmit: ((ev: Event) => (ev.preventDefault(), this.submit())) as EventListener },
      h('p', { class: 'muted' }, 'The shortest chains of ties between two nodes, shown on the canvas one at a time.'),
      field('From', this.from.element),
      field('To', this.to.element),
      h('div', { class: 'field' }, h('label', { for: 'paths-type', class: 'field-label' }, 'Using'), this.type),
      h('label', { class: 'check' }, this.directed, ' follow each tie’s direction (how a request travels)'),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Find paths')),
      this.result,
    );
  }

  prefill(p: { from?: { id: string; name: string }; to?: { id: string; name: string } }): void {
    prefillPair([this.from, p.from], [this.to, p.to]);
  }

  private submit(): void {
    const from = this.from.value;
    const to = this.to.value;
    if (!from || !to) {
      clear(
        this.result,
        h('p', { class: 'error-text' }, `Pick ${!from ? 'where the path starts' : 'where it ends'} from the suggestions first.`),
      );
      (!from ? this.from : this.to).focus();
      return;
    }
    const types = this.type.value ? [this.type.value as RelationshipType] : [];
    this.bus.emit('paths:find', { from: from.id, to: to.id, directed: this.directed.checked, types });
  }

  busy(): void {
    showBusy(this.result, 'Looking for paths…');
  }

  error(message: string): void {
    showError(this.result, message);
  }

  show(result: PathsResult, focus: Extract<Focus, { kind: 'paths' }>, asOf: string | null): void {
    this.from.set({ id: result.from.id, name: result.from.name });
    this.to.set({ id: result.to.id, name: result.to.name });
    this.directed.checked = focus.directed;
    this.type.value = focus.types[0] ?? '';
    if (!result.paths.length) {
      clear(
        this.result,
        h(
          'p',
          { class: 'error-text' },
          `No path from ${result.from.name} to ${result.to.name} within 6 steps${focus.directed ? ' following tie directions' : ''}${asOf ? ` as of ${asOf}` : ''}.`,
        ),
        h(
          'p',
          { class: 'muted' },
          focus.directed
            ? 'Try without “follow each tie’s direction”, or with any type of tie.'
            : 'Try any type of tie, or clear the as-of date.',
        ),
      );
      return;
    }
    const index = Math.min(focus.index, result.paths.length - 1);
    const path = result.paths[index]!;
    const step = (i: number) => this.bus.emit('paths:step', { index: (i + result.paths.length) % result.paths.length });
    const items: HTMLElement[] = [];
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
        items.push(
          h(
            'li',
            { class: 'path-edge' },
            h('span', { class: 'type-chip', style: `--chip:${typeColor(rel.type)}` }),
            h('span', {}, `${forward ? '↓' : '↑'} ${edgeCaption(rel, this.cache.lookup)}`),
            evidenceBlock(rel),
          ),
        );
      }
    });
    clear(
      this.result,
      h(
        'div',
        { class: 'stepper' },
        button('◀', () => step(index - 1), { 'aria-label': 'Previous path', disabled: result.paths.length < 2 }),
        h(
          'span',
          { class: 'stepper-text' },
          `Path ${index + 1} of ${result.paths.length} · ${path.relationships.length} ${path.relationships.length === 1 ? 'step' : 'steps'}`,
        ),
        button('▶', () => step(index + 1), { 'aria-label': 'Next path', disabled: result.paths.length < 2 }),
      ),
      h('ol', { class: 'path-list' }, items),
    );
  }
}

// ---------------------------------------------------------------------- representation

export class RepresentationPanel {
  readonly element: HTMLElement;
  private readonly agent: SearchBox;
  private readonly principal: SearchBox;
  private readonly forum: SearchBox;
  private readonly capacity: HTMLSelectElement;
  private readonly result: HTMLElement;

  constructor(
    api: ApiClient,
    private readonly bus: EventBus,
  ) {
    this.agent = new SearchBox(api, {
      id: 'rep-agent',
      label: 'Agent',
      placeholder: 'who speaks (any)',
      keepValue: true,
      onPick: () => undefined,
    });
    this.principal = new SearchBox(api, {
      id: 'rep-principal',
      label: 'Principal',
      placeholder: 'for whom (any)',
      keepValue: true,
      onPick: () => undefined,
    });
    this.forum = new SearchBox(api, {
      id: 'rep-forum',
      label: 'Forum',
      placeholder: 'where (any)',
      keepValue: true,
      onPick: () => undefined,
    });
    this.capacity = h(
      'select',
      { id: 'rep-capacity' },
      h('option', { value: '' }, 'any capacity'),
      Object.entries(CAPACITY_PHRASES).map(([v, phrase]) => h('option', { value: v }, phrase)),
    );
    this.result = h('div', { class: 'result', 'aria-live': 'polite' });
    this.element = h(
      'form',
      { class: 'tool rep-tool', onsubmit: ((ev: Event) => (ev.preventDefault(), this.submit())) as EventListener },
      h('p', { class: 'muted' }, 'Who speaks for whom, in which forum, in which capacity and when. Fill in any of the three.'),
      field('Principal', this.principal.element),
      field('Forum', this.forum.element),
      field('Agent', this.agent.element),
      h('div', { class: 'field' }, h('label', { for: 'rep-capacity', class: 'field-label' }, 'Capacity'), this.capacity),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'primary' }, 'Show representation'),
        button('Clear', () => this.reset()),
      ),
      this.result,
    );
  }

  prefill(role: 'agent' | 'principal' | 'forum', node: { id: string; name: string }): void {
    this.reset();
    ({ agent: this.agent, principal: this.principal, forum: this.forum })[role].set(node);
  }

  private reset(): void {
    for (const box of [this.agent, this.principal, this.forum]) box.set(null);
    this.capacity.value = '';
  }

  private submit(): void {
    const typed = [this.agent, this.principal, this.forum].find((b) => b.input.value.trim() && !b.value);
    if (typed) {
      clear(this.result, h('p', { class: 'error-text' }, `Pick “${typed.input.value.trim()}” from the suggestions, or clear the field.`));
      typed.focus();
      return;
    }
    this.bus.emit('representation:show', {
      agent: this.agent.value?.id ?? null,
      principal: this.principal.value?.id ?? null,
      forum: this.forum.value?.id ?? null,
      capacity: this.capacity.value || null,
    });
  }

  busy(): void {
    showBusy(this.result, 'Asking who represents whom…');
  }

  error(message: string): void {
    showError(this.result, message);
  }

  show(
    result: RepresentationResult,
    focus: Extract<Focus, { kind: 'representation' }>,
    asOf: string | null,
    names: (id: string) => NodeData | undefined,
  ): void {
    const fill = (box: SearchBox, id: string | null) => box.set(id ? { id, name: names(id)?.name ?? id } : null);
    fill(this.agent, focus.agent);
    fill(this.principal, focus.principal);
    fill(this.forum, focus.forum);
    this.capacity.value = focus.capacity ?? '';
    const reps = [...result.representations].sort(
      (a, b) =>
        (a.forum?.name ?? '').localeCompare(b.forum?.name ?? '') ||
        (a.validFrom ?? '').localeCompare(b.validFrom ?? '') ||
        a.agent.name.localeCompare(b.agent.name),
    );
    if (!reps.length) {
      clear(
        this.result,
        h('p', { class: 'error-text' }, `No representation found${asOf ? ` as of ${asOf}` : ''}.`),
        h('p', { class: 'muted' }, 'Leave a field empty to widen the question, or clear the as-of date.'),
      );
      return;
    }
    clear(
      this.result,
      h(
        'p',
        { class: 'result-count' },
        `${reps.length} representation ${reps.length === 1 ? 'tie' : 'ties'}${asOf ? ` as of ${asOf}` : ''}`,
      ),
      h(
        'ul',
        { class: 'rep-list' },
        reps.map((r) => {
          const span = formatSpan(r.validFrom, r.validTo);
          const inTime = validAt(r.validFrom, r.validTo, asOf);
          return h(
            'li',
            { class: `rep ${inTime ? '' : 'out-of-time'}` },
            h(
              'div',
              { class: 'rep-line' },
              nodeChip(r.agent, r.agent.id, () => this.bus.emit('node:show', { id: r.agent.id })),
              h('span', { class: 'phrase' }, ' represents '),
              nodeChip(r.principal, r.principal.id, () => this.bus.emit('node:show', { id: r.principal.id })),
            ),
            h(
              'div',
              { class: 'rep-meta' },
              r.forum ? h('span', {}, 'in ', h('strong', {}, shortName(r.forum))) : h('span', { class: 'muted' }, 'forum not given'),
              ' · ',
              h(
                'span',
                { class: `capacity capacity-${r.capacity ?? 'none'}` },
                r.capacity ? (CAPACITY_PHRASES[r.capacity] ?? r.capacity) : 'capacity not given',
              ),
              span ? ` · ${span}` : '',
            ),
            h(
              'div',
              { class: 'rep-actions' },
              button('Show tie', () => this.bus.emit('view:act', { type: 'select', ids: [r.relationship.id] }), { class: 'small' }),
              evidenceBlock(r.relationship),
            ),
          );
        }),
      ),
    );
  }
}

// ----------------------------------------------------------------------- mandate chain

export class ChainPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;

  constructor(private readonly bus: EventBus) {
    this.body = h('div', { class: 'result', 'aria-live': 'polite' });
    this.element = h('div', { class: 'tool chain-tool' }, this.body);
    this.idle();
  }

  idle(): void {
    clear(
      this.body,
      h(
        'p',
        { class: 'muted' },
        'Select a node and press “Trace mandate chain ↑” to see who mandated, appointed or set it up, up to the government, as a top-down hierarchy.',
      ),
    );
  }

  busy(): void {
    showBusy(this.body, 'Tracing the chain…');
  }

  error(message: string): void {
    showError(this.body, message);
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
        up ? 'The chain of authority above ' : 'What falls under ',
        nodeChip(chain.root, chain.root.id, () => this.bus.emit('node:show', { id: chain.root.id })),
        asOf ? ` as of ${asOf}` : '',
      ),
      h(
        'div',
        { class: 'actions' },
        button(
          up ? 'Show the chain below instead' : 'Show the chain above instead',
          () => this.bus.emit('chain:trace', { id: chain.root.id, direction: up ? 'down' : 'up' }),
          { class: 'small' },
        ),
      ),
    );
    if (!chain.hops.length) {
      clear(
        this.body,
        heading,
        h(
          'p',
          { class: 'error-text' },
          `No ${up ? 'mandate, appointment or superior' : 'subordinate'} is recorded${asOf ? ` as of ${asOf}` : ''}.`,
        ),
      );
      return;
    }
    clear(
      this.body,
      heading,
      h(
        'ol',
        { class: 'chain-levels' },
        [...levels.entries()].map(([level, hops]) =>
          h(
            'li',
            { class: 'chain-level' },
            h('h3', {}, `Level ${level}`),
            h(
              'ul',
              { class: 'plain-list' },
              hops.map((hop) => {
                const rel = hop.relationship;
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
                    `${names(rel.source)?.name ?? rel.source} ${TYPE_PHRASES[rel.type]} ${names(rel.target)?.name ?? rel.target}`,
                  ),
                  rel.task ? h('div', { class: 'hop-task' }, 'Task: ', rel.task) : null,
                  h('div', { class: 'hop-dates muted' }, formatSpan(rel.validFrom, rel.validTo) || 'no dates given'),
                  h(
                    'div',
                    { class: 'rep-actions' },
                    button('Show tie', () => this.bus.emit('view:act', { type: 'select', ids: [rel.id] }), { class: 'small' }),
                    evidenceBlock(rel),
                  ),
                );
              }),
            ),
          ),
        ),
      ),
      chain.truncated ? h('p', { class: 'muted' }, 'The chain was cut short: it branches more than the view can show.') : null,
    );
  }
}

// ------------------------------------------------------------------------------ shared

/** "Which forums do these two bodies share?": everything both are tied to, with each side's ties. */
export class CommonPanel {
  readonly element: HTMLElement;
  private readonly a: SearchBox;
  private readonly b: SearchBox;
  private readonly result: HTMLElement;

  constructor(
    api: ApiClient,
    private readonly bus: EventBus,
  ) {
    this.a = new SearchBox(api, {
      id: 'common-a',
      label: 'First',
      placeholder: 'One body… (type a name)',
      keepValue: true,
      onPick: () => this.b.focus(),
    });
    this.b = new SearchBox(api, {
      id: 'common-b',
      label: 'Second',
      placeholder: 'and another… (type a name)',
      keepValue: true,
      onPick: () => undefined,
    });
    this.result = h('div', { class: 'result', 'aria-live': 'polite' });
    this.element = h(
      'form',
      { class: 'tool common-tool', onsubmit: ((ev: Event) => (ev.preventDefault(), this.submit())) as EventListener },
      h('p', { class: 'muted' }, 'What two actors share: the forums both work in, the partners both deal with, anything tied to both.'),
      field('Compare', this.a.element),
      field('with', this.b.element),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show what they share')),
      this.result,
    );
  }

  prefill(p: { a?: { id: string; name: string }; b?: { id: string; name: string } }): void {
    prefillPair([this.a, p.a], [this.b, p.b]);
  }

  private submit(): void {
    const a = this.a.value;
    const b = this.b.value;
    if (!a || !b || a.id === b.id) {
      clear(
        this.result,
        h(
          'p',
          { class: 'error-text' },
          a && b ? 'Pick two different nodes.' : `Pick the ${!a ? 'first' : 'second'} node from the suggestions first.`,
        ),
      );
      (!a ? this.a : this.b).focus();
      return;
    }
    this.bus.emit('common:find', { a: a.id, b: b.id });
  }

  busy(): void {
    showBusy(this.result, 'Comparing…');
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
        h(
          'p',
          { class: 'error-text' },
          `${result.a.name} and ${result.b.name} have no tie to the same node${asOf ? ` as of ${asOf}` : ''}.`,
        ),
        h(
          'p',
          { class: 'muted' },
          asOf ? 'Try without the as-of date, or find the paths between them.' : 'Find the paths between them instead.',
        ),
      );
      return;
    }
    const side = (ties: EdgeData[]) =>
      h(
        'ul',
        { class: 'common-ties' },
        ties.map((e) => {
          const span = formatSpan(e.validFrom, e.validTo);
          return h(
            'li',
            {},
            h('span', { class: 'type-chip', style: `--chip:${typeColor(e.type)}` }),
            TYPE_PHRASES[e.type],
            span ? h('span', { class: 'muted' }, ` · ${span}`) : null,
          );
        }),
      );
    clear(
      this.result,
      h('p', { class: 'result-count' }, `${result.shared.length} ${result.shared.length === 1 ? 'node' : 'nodes'} tied to both`),
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
