// What is known about the selected node or tie: names, dates, qualifiers, provenance, and
// the things one can do from there.
import type { ApiClient } from '../api/client.ts';
import { AbortedError } from '../api/client.ts';
import { errorMessage } from '../api/messages.ts';
import type { EdgeData, NodeData, NodeDetail, RelationshipType } from '../api/types.ts';
import type { EventBus } from '../events.ts';
import { bundleKey } from '../graph/apply.ts';
import { formatSpan, validAt } from '../graph/dates.ts';
import { sourceChangedMark } from '../features/review/mark.ts';
import { holdersInOrder, shortName } from '../graph/elements.ts';
import { LABEL_LOOK, typeColor } from '../graph/style.ts';
import type { ElementCache } from '../graph/view.ts';
import type { ViewState } from '../state/view-state.ts';
import { CAPACITY_PHRASES, LABEL_NAMES, TYPE_PHRASES } from '../vocabulary.ts';
import { certaintyBadge, timeStatusNote } from '../features/common/ui.ts';
import { formatNumber, lang, t } from '../i18n/index.ts';
import { button, clear, h, shapeIcon } from './dom.ts';
import { isTouch } from './keyboard.ts';
import { sourceList } from './sources.ts';
import { actionBar, repRole } from '../features/readable/actions.ts';
import { nodeAsOfTies, tieAsOfNote } from '../features/table/as-of-details.ts';
import { formOf, isFormKey, keyInWords, plainOf, propertyFormOf } from './text-forms.ts';
import { isWordy, TEXT_FIELDS, type TextField } from '../../../server/model/texts.ts';

/** Shown elsewhere in the panel, or internal. */
const SHOWN_NODE_KEYS = new Set([
  'id',
  'label',
  'name',
  'nameEn',
  'nameOriginal',
  'aliases',
  'certainty',
  'hedge',
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
  'certainty',
  'hedge',
  'timeStatus',
  'forum',
  'capacity',
]);

export class DetailsPanel {
  readonly element: HTMLElement;
  private shownKey = '';
  private shownRecord: unknown;
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
    // A correction brings a new record for the same selection: drawn again with it.
    const [first] = state.selected;
    const record = first ? (this.cache.nodes.get(first) ?? this.cache.edges.get(first)) : undefined;
    if (key === this.shownKey && record === this.shownRecord) return;
    this.shownKey = key;
    this.shownRecord = record;
    this.controller?.abort();
    // Drawn again (new nodes on the canvas, say): the keyboard stays where it was.
    const active = document.activeElement as HTMLElement | null;
    const had = active && this.element.contains(active) ? (active.dataset.action ?? '') : null;
    this.render(state);
    if (had === null || this.element.contains(document.activeElement)) return;
    (
      this.element.querySelector<HTMLElement>(`[data-action="${had}"]`) ?? this.element.querySelector<HTMLElement>('.details-title')
    )?.focus();
  }

  /** Put the focus on what is shown: the node's or tie's name. */
  focusTitle(): void {
    this.element.querySelector<HTMLElement>('.details-title')?.focus();
  }

  private render(state: ViewState): void {
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
        state.nodes.length ? (isTouch() ? t.details.pickSomethingTouch : t.details.pickSomething) : t.details.empty,
      ),
      // Help that fits the device: no double-click, Delete or Ctrl+Z on a touch screen.
      isTouch()
        ? h(
            'ul',
            { class: 'tips' },
            h('li', {}, t.details.tipTouchTap),
            h('li', {}, t.details.tipTouchPinch),
            h('li', {}, t.details.tipTouchUndo),
          )
        : h(
            'ul',
            { class: 'tips' },
            h('li', {}, h('kbd', {}, '/'), t.details.tipSearch),
            h('li', {}, t.details.tipExpand),
            h('li', {}, t.details.tipDrag),
            h('li', {}, h('kbd', {}, 'Delete'), t.details.tipRemove, h('kbd', {}, 'Ctrl'), '+', h('kbd', {}, 'Z'), t.details.tipUndo),
            h('li', {}, t.details.tipTable),
          ),
    );
  }

  private renderMany(state: ViewState): void {
    const nodes = state.selected.map((id) => this.cache.nodes.get(id)).filter((n): n is NodeData => !!n);
    const edges = state.selected.length - nodes.length;
    const [a, b] = nodes;
    clear(
      this.element,
      h('h2', { class: 'details-title', tabindex: '-1' }, t.details.selected(nodes.length, edges)),
      h(
        'ul',
        { class: 'plain-list' },
        nodes.slice(0, 30).map((n) => h('li', {}, this.nodeLink(n.id))),
      ),
      h(
        'div',
        { class: 'actions' },
        button(t.details.removeFromView, () => this.bus.emit('selection:remove', { ids: state.selected }), { class: 'danger' }),
        nodes.length === 2 && a && b
          ? button(t.details.pathsBetween, () => {
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
        title: t.details.select(n.name),
        onclick: (() => this.bus.emit('node:show', { id })) as EventListener,
      },
      shapeIcon(look.shape, look.color, look.border, 12),
      ' ',
      n.name,
    );
  }

  private renderNode(n: NodeData, state: ViewState): void {
    const look = LABEL_LOOK[n.label];
    const aliases = (n.aliases ?? []).filter((a) => a !== n.name && a !== n.nameEn && a !== n.nameOriginal);
    const span = formatSpan(n.validFrom, n.validTo, n.planned);
    const ties = h('div', { class: 'ties' }, h('p', { class: 'muted' }, h('span', { class: 'spinner small' }), t.details.countingTies));
    const holders =
      n.label === 'Post'
        ? h('section', { class: 'holders' }, h('h3', {}, t.details.holders), h('p', { class: 'muted' }, t.app.loading))
        : null;
    const onCanvas = state.nodes.includes(n.id);
    clear(
      this.element,
      h(
        'div',
        { class: 'badge-row' },
        h('span', { class: 'badge' }, shapeIcon(look.shape, look.color, look.border, 14), ' ', LABEL_NAMES[n.label]),
        certaintyBadge(n),
        sourceChangedMark(n),
      ),
      h('h2', { class: 'details-title', tabindex: '-1' }, n.name),
      // The name in the other language says so (read out in that language; not the page's words).
      secondName(n) ? h('p', { class: 'name-en', lang: otherLang }, secondName(n)) : null,
      aliases.length
        ? h(
            'p',
            { class: 'aliases' },
            t.details.also,
            aliases.flatMap((a, i) => [
              i ? ' · ' : '',
              h('span', secondName(n)?.includes(a) && !n.name.includes(a) ? { lang: otherLang } : {}, a),
            ]),
          )
        : null,
      formOf(n, 'description') ? h('p', { class: 'description' }, formOf(n, 'description')) : null,
      span
        ? h(
            'p',
            { class: 'dates' },
            datesLine(span, n.planned),
            !validAt(n.validFrom, n.validTo, state.asOf) ? h('span', { class: 'warn' }, t.details.notAsOf(state.asOf ?? '')) : null,
          )
        : null,
      // One toolbar, one Tab stop (arrow keys inside): the questions first, so the keyboard
      // reaches "Who represents…" at once (features/readable).
      actionBar(
        t.table.actionsFor(n.name),
        h(
          'div',
          { class: 'actions' },
          button(
            t.details.whoRepresents,
            () => {
              this.bus.emit('representation:prefill', { role: repRole(n.label), node: { id: n.id, name: n.name } });
              this.bus.emit('panel:open', { panel: 'representation' });
            },
            { 'data-action': 'who-represents' },
          ),
          button(
            t.details.pathsFromHere,
            () => {
              this.bus.emit('paths:prefill', { from: { id: n.id, name: n.name } });
              this.bus.emit('panel:open', { panel: 'paths' });
            },
            { 'data-action': 'paths-from' },
          ),
          button(
            t.details.compareWith,
            () => {
              this.bus.emit('common:prefill', { a: { id: n.id, name: n.name } });
              this.bus.emit('panel:open', { panel: 'common' });
            },
            { title: t.details.compareTitle, 'data-action': 'compare-with' },
          ),
          button(t.details.concentric, () => this.bus.emit('layout:run', { name: 'concentric', root: n.id }), {
            title: t.details.concentricTitle,
            'data-action': 'concentric',
          }),
        ),
        h(
          'div',
          { class: 'actions' },
          button(t.details.traceUp, () => this.bus.emit('chain:trace', { id: n.id, direction: 'up' }), {
            title: t.details.traceUpTitle,
            'data-action': 'trace-up',
          }),
          button(t.details.traceDown, () => this.bus.emit('chain:trace', { id: n.id, direction: 'down' }), {
            title: t.details.traceDownTitle,
            'data-action': 'trace-down',
          }),
        ),
        h(
          'div',
          { class: 'actions' },
          onCanvas
            ? button(t.details.expand, () => this.bus.emit('node:expand', { id: n.id }), {
                title: isTouch() ? t.details.expandTitleTouch : t.details.expandTitle,
                'data-action': 'expand',
              })
            : null,
          onCanvas
            ? button(t.details.collapse, () => this.bus.emit('node:collapse', { id: n.id }), {
                title: t.details.collapseTitle,
                'data-action': 'collapse',
              })
            : null,
          onCanvas
            ? button(t.details.remove, () => this.bus.emit('selection:remove', { ids: [n.id] }), {
                class: 'danger',
                title: t.details.removeTitle,
                'data-action': 'remove',
              })
            : null,
        ),
      ),
      ties,
      nodeAsOfTies(n, state.nodes, state.asOf, this.cache, (id) => this.bus.emit('view:act', { type: 'select', ids: [id] })),
      holders,
      propertiesTable(n, SHOWN_NODE_KEYS),
      provenance(n),
    );
    const controller = new AbortController();
    this.controller = controller;
    void this.api.node(n.id, { signal: controller.signal }).then(
      (detail) => this.renderTies(ties, n, detail),
      (err) => {
        if (!(err instanceof AbortedError)) clear(ties, h('p', { class: 'error-text' }, errorMessage(err, t.details.countingTiesDoing)));
      },
    );
    if (holders) void this.loadHolders(holders, n, state, controller.signal);
  }

  private renderTies(box: HTMLElement, n: NodeData, detail: NodeDetail): void {
    const rows = [...detail.degree].sort((a, b) => b.count - a.count);
    if (!rows.length) return clear(box, h('p', { class: 'muted' }, t.details.noTies));
    const total = rows.reduce((s, r) => s + r.count, 0);
    clear(
      box,
      h('h3', {}, t.details.ties(formatNumber(total))),
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
              h('td', { class: 'num' }, formatNumber(r.count)),
              h(
                'td',
                {},
                button('+', () => this.bus.emit('node:expand', { id: n.id, types: [r.type as RelationshipType], direction: r.direction }), {
                  class: 'small',
                  'aria-label': t.details.showTies(r.count, r.direction === 'out', TYPE_PHRASES[r.type]),
                  title: t.details.bringIn,
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
      if (!rows.length) return clear(box, h('h3', {}, t.details.holders), h('p', { class: 'muted' }, t.details.noHolder));
      clear(
        box,
        h('h3', {}, t.details.holdersInOrder),
        h(
          'ol',
          { class: 'holders-list' },
          rows.map((e) => {
            const holder = this.cache.nodes.get(e.source);
            const span = formatSpan(e.validFrom, e.validTo, e.planned) || t.details.datesNotGiven;
            const current = validAt(e.validFrom, e.validTo, state.asOf) && state.asOf !== null;
            return h(
              'li',
              { class: current ? 'current' : '' },
              holder ? this.nodeLink(holder.id) : e.source,
              h('span', { class: 'muted' }, ` ${span}`),
              current ? h('span', { class: 'tag' }, t.details.asOfTag(state.asOf ?? '')) : null,
            );
          }),
        ),
      );
    } catch (err) {
      if (!(err instanceof AbortedError))
        clear(box, h('h3', {}, t.details.holders), h('p', { class: 'error-text' }, errorMessage(err, t.details.loadingHolders)));
    }
  }

  private renderEdge(e: EdgeData, state: ViewState): void {
    const span = formatSpan(e.validFrom, e.validTo, e.planned);
    const forum = e.forum ? this.cache.nodes.get(e.forum) : undefined;
    clear(
      this.element,
      h(
        'div',
        { class: 'badge-row' },
        h('span', { class: 'badge' }, h('span', { class: 'type-chip', style: `--chip:${typeColor(e.type)}` }), ' ', TYPE_PHRASES[e.type]),
        certaintyBadge(e),
        timeStatusNote(e),
        sourceChangedMark(e),
      ),
      h(
        'h2',
        { class: 'details-title edge-title', tabindex: '-1' },
        this.nodeLink(e.source),
        h('span', { class: 'phrase' }, ` ${TYPE_PHRASES[e.type]} `),
        this.nodeLink(e.target),
      ),
      e.type === 'REPRESENTS'
        ? h(
            'dl',
            { class: 'facts' },
            h('dt', {}, t.details.forum),
            h('dd', {}, forum ? this.nodeLink(forum.id) : (e.forum ?? t.details.notGiven)),
            h('dt', {}, t.details.capacity),
            h('dd', {}, e.capacity ? (CAPACITY_PHRASES[e.capacity] ?? e.capacity) : t.details.notGiven),
          )
        : null,
      h('p', { class: 'dates' }, span ? datesLine(span, e.planned) : t.details.noDates, tieAsOfNote(e, state.asOf)),
      propertiesTable(e, SHOWN_EDGE_KEYS, (k, v) =>
        k === 'principal' && typeof v === 'string' && this.cache.nodes.get(v) ? shortName(this.cache.nodes.get(v)!) : String(v),
      ),
      this.bundleList(e, state),
      provenance(e),
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
      h('h3', {}, t.details.tiesOfKind(members.length)),
      h(
        'ol',
        {},
        members.map((o) =>
          h(
            'li',
            {},
            o.id === e.id
              ? h('span', { class: 'current' }, tieSummary(o, this.cache), t.details.shown)
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
  const what = [
    forum ? t.details.inForum(forum) : null,
    e.capacity ? (CAPACITY_PHRASES[e.capacity] ?? e.capacity) : null,
    plainOf(e, 'role'),
    plainOf(e, 'task') ?? plainOf(e, 'subject'),
  ]
    .filter(Boolean)
    .join(', ');
  const span = formatSpan(e.validFrom, e.validTo, e.planned);
  return [what || TYPE_PHRASES[e.type], span || t.dates.noDates].join(' · ');
}

const otherLang = lang === 'sv' ? 'en' : 'sv';

/** The name in the other language, under the title: the original in English, the English in Swedish. */
function secondName(n: NodeData): string | null {
  const other = typeof n.nameOriginal === 'string' ? n.nameOriginal : n.nameEn;
  return other && other !== n.name ? other : null;
}

function propertiesTable(
  data: Record<string, unknown>,
  skip: ReadonlySet<string>,
  show: (k: string, v: unknown) => string = (_k, v) => (Array.isArray(v) ? v.join(', ') : String(v)),
): HTMLElement | null {
  // A text's Swedish and English forms are one row, in the reader's language.
  const rows = Object.entries(data).filter(([k, v]) => !skip.has(k) && !isFormKey(data, k) && v !== null && v !== undefined && v !== '');
  if (!rows.length) return null;
  const value = (k: string, v: unknown): HTMLElement | string =>
    ((TEXT_FIELDS as readonly string[]).includes(k)
      ? formOf(data, k as TextField)
      : isWordy(v) && (`${k}Sv` in data || `${k}En` in data)
        ? propertyFormOf(data, k)
        : null) ?? show(k, v);
  return h(
    'dl',
    { class: 'facts' },
    rows.flatMap(([k, v]) => [h('dt', {}, keyInWords(k)), h('dd', {}, value(k, v))]),
  );
}

function provenance(record: NodeData | EdgeData): HTMLElement {
  const { sources, evidence, certainty } = record;
  const paraphrase = formOf(record, 'evidence');
  const hedge = formOf(record, 'hedge');
  const outside = plainOf(record, 'outsideKnowledge');
  return h(
    'section',
    { class: 'provenance' },
    h('h3', {}, t.details.provenance),
    paraphrase ? h('blockquote', { class: 'evidence' }, paraphrase) : h('p', { class: 'muted' }, t.details.noParaphrase),
    certainty === 'hedged' && hedge ? h('p', { class: 'muted' }, `${t.certainty.hedgedTitle}: `, hedge) : null,
    certainty === 'inferred'
      ? h('p', { class: 'muted' }, t.details.inferredNote, outside ? ` (${t.certainty.restsOn} ${outside})` : '')
      : null,
    sourceList(sources, evidence),
  );
}

/** "Valid 2015–2018"; a planned fact never reads as valid: "Planned from 2027". */
function datesLine(span: string, planned: unknown): string {
  return planned === true ? span.charAt(0).toUpperCase() + span.slice(1) : t.details.valid(span);
}
