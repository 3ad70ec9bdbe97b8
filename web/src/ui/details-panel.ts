// What is known about the selected node or tie: names, dates, qualifiers, provenance, and
// the things one can do from there.
import type { ApiClient } from '../api/client.ts';
import { AbortedError } from '../api/client.ts';
import { errorMessage } from '../api/messages.ts';
import type { EdgeData, NodeData, NodeDetail, RelationshipType } from '../api/types.ts';
import type { EventBus } from '../events.ts';
import { bundleKey } from '../graph/apply.ts';
import { formatSpan, validAt } from '../graph/dates.ts';
import { holdersInOrder, shortName } from '../graph/elements.ts';
import { LABEL_LOOK, typeColor } from '../graph/style.ts';
import type { ElementCache } from '../graph/view.ts';
import type { ViewState } from '../state/view-state.ts';
import { CAPACITY_PHRASES, LABEL_NAMES, TYPE_PHRASES } from '../vocabulary.ts';
import { button, clear, h, shapeIcon } from './dom.ts';
import { sourceList } from './sources.ts';

/** Shown elsewhere in the panel, or internal. */
const SHOWN_NODE_KEYS = new Set([
  'id',
  'label',
  'name',
  'nameEn',
  'aliases',
  'description',
  'sources',
  'evidence',
  'certainty',
  'hedge',
  'outsideKnowledge',
  'validFrom',
  'validTo',
  'display',
]);
const SHOWN_EDGE_KEYS = new Set([
  'id',
  'source',
  'target',
  'type',
  'sources',
  'evidence',
  'certainty',
  'hedge',
  'outsideKnowledge',
  'validFrom',
  'validTo',
  'caption',
  'forum',
  'capacity',
]);

export class DetailsPanel {
  readonly element: HTMLElement;
  private shownKey = '';
  private controller: AbortController | null = null;

  constructor(
    private readonly api: ApiClient,
    private readonly bus: EventBus,
    private readonly cache: ElementCache,
  ) {
    this.element = h('div', { class: 'details' });
  }

  update(state: ViewState): void {
    // Whether the selection's data has arrived is part of the key: a link opens before it has.
    const known = state.selected.filter((id) => this.cache.nodes.has(id) || this.cache.edges.has(id)).length;
    const key = `${state.selected.join(',')}|${known}|${state.asOf ?? ''}|${state.nodes.length}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    this.controller?.abort();
    const [first] = state.selected;
    if (state.selected.length === 0 || !first) return this.renderEmpty(state);
    if (state.selected.length > 1) return this.renderMany(state);
    const node = this.cache.nodes.get(first);
    if (node) return this.renderNode(node, state);
    const edge = this.cache.edges.get(first);
    if (edge) return this.renderEdge(edge, state);
    this.renderEmpty(state);
  }

  private renderEmpty(state: ViewState): void {
    clear(
      this.element,
      h(
        'p',
        { class: 'muted' },
        state.nodes.length ? 'Click a node or a tie to read what the sources say about it.' : 'The canvas is empty.',
      ),
      h(
        'ul',
        { class: 'tips' },
        h('li', {}, h('kbd', {}, '/'), ' search any name, English name or abbreviation'),
        h('li', {}, 'double-click a node to bring in its neighbours'),
        h('li', {}, 'drag a node to move it; shift-drag to select several'),
        h('li', {}, h('kbd', {}, 'Delete'), ' removes the selection, ', h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Z'), ' undoes'),
      ),
    );
  }

  private renderMany(state: ViewState): void {
    const nodes = state.selected.map((id) => this.cache.nodes.get(id)).filter((n): n is NodeData => !!n);
    const edges = state.selected.length - nodes.length;
    const [a, b] = nodes;
    clear(
      this.element,
      h('h2', { class: 'details-title' }, `${nodes.length} nodes${edges ? `, ${edges} ties` : ''} selected`),
      h(
        'ul',
        { class: 'plain-list' },
        nodes.slice(0, 30).map((n) => h('li', {}, this.nodeLink(n.id))),
      ),
      h(
        'div',
        { class: 'actions' },
        button('Remove from view', () => this.bus.emit('selection:remove', { ids: state.selected }), { class: 'danger' }),
        nodes.length === 2 && a && b
          ? button('Find paths between them', () => {
              this.bus.emit('paths:prefill', { from: { id: a.id, name: a.name }, to: { id: b.id, name: b.name } });
              this.bus.emit('panel:open', { panel: 'paths' });
            })
          : null,
      ),
    );
  }

  private nodeLink(id: string): HTMLElement {
    const n = this.cache.nodes.get(id);
    if (!n) return h('span', {}, id);
    const look = LABEL_LOOK[n.label];
    return h(
      'button',
      {
        type: 'button',
        class: 'link node-link',
        title: `Select ${n.name}`,
        onclick: (() => this.bus.emit('node:show', { id })) as EventListener,
      },
      shapeIcon(look.shape, look.color, look.border, 12),
      ' ',
      n.name,
    );
  }

  private renderNode(n: NodeData, state: ViewState): void {
    const look = LABEL_LOOK[n.label];
    const aliases = (n.aliases ?? []).filter((a) => a !== n.name && a !== n.nameEn);
    const span = formatSpan(n.validFrom, n.validTo);
    const ties = h('div', { class: 'ties' }, h('p', { class: 'muted' }, h('span', { class: 'spinner small' }), ' Counting ties…'));
    const holders =
      n.label === 'Post' ? h('section', { class: 'holders' }, h('h3', {}, 'Holders'), h('p', { class: 'muted' }, 'Loading…')) : null;
    const onCanvas = state.nodes.includes(n.id);
    clear(
      this.element,
      h(
        'div',
        { class: 'badge-row' },
        h('span', { class: 'badge' }, shapeIcon(look.shape, look.color, look.border, 14), ' ', LABEL_NAMES[n.label]),
        certaintyBadge(n.certainty, n.hedge),
      ),
      h('h2', { class: 'details-title' }, n.name),
      n.nameEn && n.nameEn !== n.name ? h('p', { class: 'name-en' }, n.nameEn) : null,
      aliases.length ? h('p', { class: 'aliases' }, 'Also: ', aliases.join(' · ')) : null,
      n.description ? h('p', { class: 'description' }, n.description) : null,
      span
        ? h(
            'p',
            { class: 'dates' },
            `Valid ${span}`,
            !validAt(n.validFrom, n.validTo, state.asOf) ? h('span', { class: 'warn' }, ` — not as of ${state.asOf}`) : null,
          )
        : null,
      h(
        'div',
        { class: 'actions' },
        onCanvas
          ? button('Expand', () => this.bus.emit('node:expand', { id: n.id }), {
              title: 'Bring in every neighbour (or double-click the node)',
            })
          : null,
        onCanvas
          ? button('Collapse', () => this.bus.emit('node:collapse', { id: n.id }), { title: 'Remove neighbours tied only to this node' })
          : null,
        onCanvas
          ? button('Remove', () => this.bus.emit('selection:remove', { ids: [n.id] }), {
              class: 'danger',
              title: 'Remove from the view (Delete)',
            })
          : null,
      ),
      h(
        'div',
        { class: 'actions' },
        button('Trace mandate chain ↑', () => this.bus.emit('chain:trace', { id: n.id, direction: 'up' }), {
          title: 'Who mandated, appointed or set this up, up to the top',
        }),
        button('↓ below', () => this.bus.emit('chain:trace', { id: n.id, direction: 'down' }), {
          title: 'Whom this mandates, appoints or holds authority over',
        }),
      ),
      h(
        'div',
        { class: 'actions' },
        button('Find paths from here', () => {
          this.bus.emit('paths:prefill', { from: { id: n.id, name: n.name } });
          this.bus.emit('panel:open', { panel: 'paths' });
        }),
        button('Who represents…', () => {
          const role =
            n.label === 'Organisation' || n.label === 'Programme'
              ? 'forum'
              : n.label === 'Country' || n.label === 'Government'
                ? 'principal'
                : 'agent';
          this.bus.emit('representation:prefill', { role, node: { id: n.id, name: n.name } });
          this.bus.emit('panel:open', { panel: 'representation' });
        }),
        button(
          'Compare with…',
          () => {
            this.bus.emit('common:prefill', { a: { id: n.id, name: n.name } });
            this.bus.emit('panel:open', { panel: 'common' });
          },
          { title: 'What this and another node share: forums, partners' },
        ),
        button('Concentric around', () => this.bus.emit('layout:run', { name: 'concentric', root: n.id }), {
          title: 'Lay the view out in rings around this node',
        }),
      ),
      ties,
      holders,
      propertiesTable(n, SHOWN_NODE_KEYS),
      provenance(n.sources, n.evidence, n.certainty, n.hedge, n.outsideKnowledge),
    );
    const controller = new AbortController();
    this.controller = controller;
    void this.api.node(n.id, { signal: controller.signal }).then(
      (detail) => this.renderTies(ties, n, detail),
      (err) => {
        if (!(err instanceof AbortedError)) clear(ties, h('p', { class: 'error-text' }, errorMessage(err, 'counting ties')));
      },
    );
    if (holders) void this.loadHolders(holders, n, state, controller.signal);
  }

  private renderTies(box: HTMLElement, n: NodeData, detail: NodeDetail): void {
    const rows = [...detail.degree].sort((a, b) => b.count - a.count);
    if (!rows.length) return clear(box, h('p', { class: 'muted' }, 'No ties in the graph.'));
    const total = rows.reduce((s, r) => s + r.count, 0);
    clear(
      box,
      h('h3', {}, `Ties (${total})`),
      h(
        'table',
        { class: 'ties-table' },
        h(
          'tbody',
          {},
          rows.map((r) =>
            h(
              'tr',
              {},
              h(
                'td',
                {},
                h('span', { class: 'type-chip', style: `--chip:${typeColor(r.type)}` }),
                r.direction === 'out' ? `${TYPE_PHRASES[r.type]} →` : `← ${TYPE_PHRASES[r.type]}`,
              ),
              h('td', { class: 'num' }, String(r.count)),
              h(
                'td',
                {},
                button('+', () => this.bus.emit('node:expand', { id: n.id, types: [r.type as RelationshipType], direction: r.direction }), {
                  class: 'small',
                  'aria-label': `Show ${r.count} ${r.direction === 'out' ? 'outgoing' : 'incoming'} “${TYPE_PHRASES[r.type]}” ties`,
                  title: 'Bring these in',
                }),
              ),
            ),
          ),
        ),
      ),
    );
  }

  private async loadHolders(box: HTMLElement, post: NodeData, state: ViewState, signal: AbortSignal): Promise<void> {
    try {
      const g = await this.api.neighborhood(post.id, { types: ['HOLDS_POST'], direction: 'in', limit: 200, signal });
      this.cache.addNodes(g.nodes.map((x) => x.data));
      const rows = holdersInOrder(
        post.id,
        g.edges.map((e) => e.data),
      );
      if (!rows.length) return clear(box, h('h3', {}, 'Holders'), h('p', { class: 'muted' }, 'No holder is recorded.'));
      clear(
        box,
        h('h3', {}, 'Holders, in order'),
        h(
          'ol',
          { class: 'holders-list' },
          rows.map((e) => {
            const holder = this.cache.nodes.get(e.source);
            const span = formatSpan(e.validFrom, e.validTo) || 'dates not given';
            const current = validAt(e.validFrom, e.validTo, state.asOf) && state.asOf !== null;
            return h(
              'li',
              { class: current ? 'current' : '' },
              holder ? this.nodeLink(holder.id) : e.source,
              h('span', { class: 'muted' }, ` ${span}`),
              current ? h('span', { class: 'tag' }, `as of ${state.asOf}`) : null,
            );
          }),
        ),
      );
    } catch (err) {
      if (!(err instanceof AbortedError))
        clear(box, h('h3', {}, 'Holders'), h('p', { class: 'error-text' }, errorMessage(err, 'loading the holders')));
    }
  }

  private renderEdge(e: EdgeData, state: ViewState): void {
    const span = formatSpan(e.validFrom, e.validTo);
    const forum = e.forum ? this.cache.nodes.get(e.forum) : undefined;
    clear(
      this.element,
      h(
        'div',
        { class: 'badge-row' },
        h('span', { class: 'badge' }, h('span', { class: 'type-chip', style: `--chip:${typeColor(e.type)}` }), ' ', e.type),
        certaintyBadge(e.certainty, e.hedge),
      ),
      h(
        'h2',
        { class: 'details-title edge-title' },
        this.nodeLink(e.source),
        h('span', { class: 'phrase' }, ` ${TYPE_PHRASES[e.type]} `),
        this.nodeLink(e.target),
      ),
      e.type === 'REPRESENTS'
        ? h(
            'dl',
            { class: 'facts' },
            h('dt', {}, 'Forum'),
            h('dd', {}, forum ? this.nodeLink(forum.id) : (e.forum ?? 'not given')),
            h('dt', {}, 'Capacity'),
            h('dd', {}, e.capacity ? (CAPACITY_PHRASES[e.capacity] ?? e.capacity) : 'not given'),
          )
        : null,
      h(
        'p',
        { class: 'dates' },
        span ? `Valid ${span}` : 'No dates given',
        state.asOf
          ? validAt(e.validFrom, e.validTo, state.asOf)
            ? h('span', { class: 'ok' }, ` — valid as of ${state.asOf}`)
            : h('span', { class: 'warn' }, ` — not valid as of ${state.asOf}`)
          : null,
      ),
      propertiesTable(e, SHOWN_EDGE_KEYS, (k, v) =>
        k === 'principal' && typeof v === 'string' && this.cache.nodes.get(v) ? shortName(this.cache.nodes.get(v)!) : String(v),
      ),
      this.bundleList(e, state),
      provenance(e.sources, e.evidence, e.certainty, e.hedge, e.outsideKnowledge),
    );
  }

  /** The other ties drawn on the same line as this one (same type, same two nodes). */
  private bundleList(e: EdgeData, state: ViewState): HTMLElement | null {
    const shown = new Set(state.nodes);
    const key = bundleKey(e);
    const members = [...this.cache.edges.values()].filter((o) => shown.has(o.source) && shown.has(o.target) && bundleKey(o) === key);
    if (members.length < 2) return null;
    return h(
      'section',
      { class: 'bundle-list' },
      h('h3', {}, `${members.length} ties of this kind between them`),
      h(
        'ol',
        {},
        members.map((o) =>
          h(
            'li',
            {},
            o.id === e.id
              ? h('span', { class: 'current' }, tieSummary(o, this.cache), ' (shown)')
              : h(
                  'button',
                  {
                    type: 'button',
                    class: 'link tie-link',
                    onclick: (() => this.bus.emit('view:act', { type: 'select', ids: [o.id] })) as EventListener,
                  },
                  tieSummary(o, this.cache),
                ),
          ),
        ),
      ),
    );
  }
}

/** One line for a tie in a list: what it adds (forum, task) and when. */
function tieSummary(e: EdgeData, cache: ElementCache): string {
  const forum = e.forum ? (cache.nodes.get(e.forum)?.name ?? e.forum) : null;
  const what = [forum ? `in ${forum}` : null, e.capacity ? (CAPACITY_PHRASES[e.capacity] ?? e.capacity) : null, e.role, e.task ?? e.subject]
    .filter(Boolean)
    .join(', ');
  const span = formatSpan(e.validFrom, e.validTo);
  return [what || TYPE_PHRASES[e.type], span || 'no dates given'].join(' · ');
}

const CERTAINTY_TITLES: Record<string, string> = {
  stated: 'The source says so',
  hedged: 'The source says so with a hedge',
  inferred: 'Inferred: the source does not say so outright',
};

function certaintyBadge(certainty: string | undefined, hedge: string | undefined): HTMLElement | null {
  if (!certainty) return null;
  return h(
    'span',
    { class: `status status-${certainty}`, title: CERTAINTY_TITLES[certainty] ?? certainty },
    certainty === 'hedged' && hedge ? `hedged: ${hedge}` : certainty,
  );
}

function propertiesTable(
  data: Record<string, unknown>,
  skip: ReadonlySet<string>,
  show: (k: string, v: unknown) => string = (_k, v) => (Array.isArray(v) ? v.join(', ') : String(v)),
): HTMLElement | null {
  const rows = Object.entries(data).filter(([k, v]) => !skip.has(k) && v !== null && v !== undefined && v !== '');
  if (!rows.length) return null;
  return h(
    'dl',
    { class: 'facts' },
    rows.flatMap(([k, v]) => [h('dt', {}, humanKey(k)), h('dd', {}, show(k, v))]),
  );
}

function humanKey(k: string): string {
  return k.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

function provenance(
  sources: string[] | undefined,
  evidence: string | undefined,
  certainty: string | undefined,
  hedge: string | undefined,
  outsideKnowledge: string | undefined,
): HTMLElement {
  return h(
    'section',
    { class: 'provenance' },
    h('h3', {}, 'Provenance'),
    evidence ? h('blockquote', { class: 'evidence' }, evidence) : h('p', { class: 'muted' }, 'No paraphrase recorded.'),
    certainty === 'hedged' && hedge ? h('p', { class: 'muted' }, `Hedged in the source: ${hedge}.`) : null,
    certainty === 'inferred'
      ? h(
          'p',
          { class: 'muted' },
          'Inferred: the source does not say this outright.',
          outsideKnowledge ? ` Rests on ${outsideKnowledge}.` : '',
        )
      : null,
    sourceList(sources),
  );
}
