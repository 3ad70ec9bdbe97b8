// The controller: builds the page, answers the bus, and renders every new view state onto
// the canvas, the panels and the URL. All fetching for the canvas happens here.
import { ApiClient } from './api/client.ts';
import { errorMessage, retryMessage } from './api/messages.ts';
import type {
  CommonResult,
  GraphElements,
  MandateChain,
  NodeLabel,
  PathsResult,
  RelationshipType,
  RepresentationResult,
} from './api/types.ts';
import { EventBus } from './events.ts';
import type { Highlight } from './graph/apply.ts';
import { ElementCache, GraphView } from './graph/view.ts';
import { ViewStore, type ChangeCause } from './state/store.ts';
import { decodeView, encodeView } from './state/url.ts';
import { EMPTY_VIEW, type Focus, type ViewState } from './state/view-state.ts';
import { TYPES } from './vocabulary.ts';
import { DetailsPanel } from './ui/details-panel.ts';
import { button, h } from './ui/dom.ts';
import { Feedback } from './ui/feedback.ts';
import { bindKeys } from './ui/keyboard.ts';
import { Legend, type CanvasCounts } from './ui/legend.ts';
import { SearchBox, searchesInFlight } from './ui/search-box.ts';
import { SidePanel } from './ui/side-panel.ts';
import { applyTheme, initialTheme } from './ui/theme.ts';
import { TimeSlider } from './ui/time-slider.ts';
import { ChainPanel, CommonPanel, PathsPanel, RepresentationPanel } from './ui/tool-panels.ts';
import { Toolbar } from './ui/toolbar.ts';

/** The two national bodies the first view is built around. */
const START_NODES = ['socialstyrelsen', 'finland-ministry-social-affairs-health'];
const START_LIMIT = 40;
const EXPAND_LIMIT = 150;

// ------------------------------------------------------------------------------ wiring

const bus = new EventBus();
const feedback = new Feedback();
const api = new ApiClient({
  onRetry: (n) => feedback.notify('error', retryMessage(n), 'retry'),
  // Success: the "retrying" notice has done its job. Failure: the caller says what failed.
  onRetryEnd: () => feedback.dismiss('retry'),
});
const cache = new ElementCache();
let theme = initialTheme();
applyTheme(theme, false);

const search = new SearchBox(api, {
  id: 'search',
  label: 'Search nodes',
  placeholder: 'Search a name, English name or abbreviation  ( / )',
  onPick: (hit) => bus.emit('node:show', { id: hit.id }),
});
const toolbar = new Toolbar(bus, { copyLink: () => void copyLink(), toggleTheme });
const legend = new Legend(bus);
const slider = new TimeSlider(bus);
const details = new DetailsPanel(api, bus, cache);
const pathsPanel = new PathsPanel(api, bus, cache);
const repPanel = new RepresentationPanel(api, bus);
const chainPanel = new ChainPanel(bus);
const commonPanel = new CommonPanel(api, bus);
/** The panel that shows each kind of question's answer. */
const questionPanels: Record<Focus['kind'], { error(message: string): void }> = {
  chain: chainPanel,
  paths: pathsPanel,
  representation: repPanel,
  common: commonPanel,
};
const panel = new SidePanel({
  details: details.element,
  representation: repPanel.element,
  paths: pathsPanel.element,
  chain: chainPanel.element,
  common: commonPanel.element,
});

const cyContainer = h('div', {
  id: 'cy',
  class: 'canvas',
  role: 'application',
  'aria-label': 'Network canvas: click to select, double-click to expand, drag to move',
});
const focusBar = h('div', { class: 'focus-bar', hidden: true, role: 'status' });
const hint = h('div', { class: 'hint', hidden: true, role: 'note' });
const emptyState = h('div', { class: 'empty-state', hidden: true });
const canvasBusy = h(
  'div',
  { class: 'canvas-busy', hidden: true },
  h('span', { class: 'spinner' }),
  h('span', { class: 'canvas-busy-text' }, 'Loading…'),
);
const legendToggle = button('Legend', () => document.body.classList.toggle('legend-open'), {
  class: 'tool-button narrow-only',
  'aria-controls': 'legend',
});
const panelToggle = button('Panel', () => document.body.classList.toggle('panel-hidden'), {
  class: 'tool-button narrow-only',
  'aria-controls': 'side',
});

document.body.append(
  h(
    'header',
    { class: 'topbar' },
    h('h1', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Mandate Explorer'),
    h('div', { class: 'search-wrap', role: 'search' }, search.element),
    toolbar.element,
    legendToggle,
    panelToggle,
    feedback.busyElement,
  ),
  h(
    'main',
    { class: 'workspace' },
    h('aside', { id: 'legend', class: 'legend-pane', 'aria-label': 'Legend and filters' }, legend.element),
    h('section', { class: 'stage', 'aria-label': 'Network' }, cyContainer, focusBar, hint, emptyState, canvasBusy, slider.element),
    h('aside', { id: 'side', class: 'side-pane', 'aria-label': 'Details and questions' }, panel.element),
  ),
  feedback.toasts,
);

const decoded = decodeView(location.hash);
const view = new GraphView(cyContainer, bus, cache, { theme, webgl: decoded?.state.webgl ?? false });
const store = new ViewStore(EMPTY_VIEW);

// Work in flight, so tests (and the busy cursor) know when the page has settled.
let pending = 0;
async function work<T>(job: () => Promise<T>): Promise<T | undefined> {
  pending++;
  try {
    return await job();
  } catch (err) {
    const message = errorMessage(err, 'the request');
    if (message) feedback.notify('error', message);
    return undefined;
  } finally {
    pending--;
  }
}

declare global {
  interface Window {
    /** Read-only handles for browser tests and the curious. */
    mandateExplorer?: { cy: () => GraphView['cy']; state: () => ViewState; idle: () => boolean };
  }
}
window.mandateExplorer = {
  cy: () => view.cy,
  state: () => store.state,
  idle: () => pending === 0 && !feedback.isBusy && urlTimer === null && searchesInFlight() === 0,
};

// ------------------------------------------------------------------- loading the canvas

/** Node ids whose mutual ties are all in the cache. */
let covered = new Set<string>();

async function ensureLoaded(ids: string[]): Promise<void> {
  if (ids.every((id) => covered.has(id))) return;
  canvasBusy.hidden = ids.length < 80;
  try {
    const g = await feedback.track(`Loading ${ids.length} nodes and their ties…`, api.subgraph(ids));
    cache.add(g);
    covered = new Set(ids);
  } finally {
    canvasBusy.hidden = true;
  }
  const unknown = ids.filter((id) => !cache.nodes.has(id));
  if (unknown.length) {
    feedback.notify(
      'error',
      `${unknown.length === 1 ? `“${unknown[0]}” is` : `${unknown.length} nodes (${unknown.slice(0, 3).join(', ')}…) are`} no longer in the graph and left the view.`,
    );
    store.dispatch({ type: 'removeNodes', ids: unknown }, { record: false });
  }
}

interface FocusAnswer {
  key: string;
  highlight: Highlight;
  pairs: Array<[string, string]> | undefined;
  show: () => void;
}

const answers = new Map<string, FocusAnswer>();
/** Paths are kept as results: which path is highlighted changes without asking again. */
const pathResults = new Map<string, PathsResult>();

function focusKey(f: Focus, asOf: string | null): string {
  const { index: _index, ...rest } = f as Focus & { index?: number };
  return JSON.stringify([rest, asOf]);
}

function ids(g: GraphElements): Set<string> {
  return new Set(g.nodes.map((n) => n.data.id));
}

async function answerFor(f: Focus, asOf: string | null): Promise<FocusAnswer> {
  const key = focusKey(f, asOf);
  if (f.kind === 'paths') {
    let result = pathResults.get(key);
    if (!result) {
      pathsPanel.busy();
      result = await feedback.track(
        'Looking for paths…',
        api.paths(f.from, f.to, { directed: f.directed, types: f.types, asOf, maxDepth: 8 }),
      );
      cache.add(result.elements);
      pathResults.set(key, result);
    }
    return pathsAnswer(key, result, f, asOf);
  }
  const known = answers.get(key);
  if (known) return known;
  let answer: FocusAnswer;
  if (f.kind === 'chain') {
    chainPanel.busy();
    const chain = await feedback.track('Tracing the mandate chain…', api.mandateChain(f.id, f.direction, { asOf }));
    cache.add(chain.elements);
    answer = chainAnswer(key, chain, asOf);
  } else if (f.kind === 'common') {
    commonPanel.busy();
    const result = await feedback.track('Comparing…', api.common(f.a, f.b, { asOf }));
    cache.add(result.elements);
    answer = commonAnswer(key, result, asOf);
  } else {
    repPanel.busy();
    const result = await feedback.track('Asking who represents whom…', api.representation({ ...f, asOf }));
    cache.add(result.elements);
    answer = repAnswer(key, result, f, asOf);
  }
  answers.set(key, answer);
  return answer;
}

function emptyHighlight(): Highlight {
  return { kind: 'focus', nodes: new Set(), edges: new Set(), root: null };
}

function chainAnswer(key: string, chain: MandateChain, asOf: string | null): FocusAnswer {
  const up = chain.direction === 'up';
  return {
    key,
    highlight: {
      kind: 'focus',
      nodes: new Set([chain.root.id, ...chain.hops.map((h) => h.node.id)]),
      edges: new Set(chain.hops.map((h) => h.relationship.id)),
      root: chain.root.id,
    },
    // Authority above: each hop's far end sits higher; below: lower.
    pairs: chain.hops.map((h) => (up ? [h.to, h.from] : [h.from, h.to])),
    show: () => chainPanel.show(chain, asOf, cache.lookup),
  };
}

function pathsAnswer(key: string, result: PathsResult, f: Extract<Focus, { kind: 'paths' }>, asOf: string | null): FocusAnswer {
  const path = result.paths[Math.min(f.index, result.paths.length - 1)];
  return {
    key,
    highlight: path
      ? { kind: 'path', nodes: new Set(path.nodes.map((n) => n.id)), edges: new Set(path.relationships.map((r) => r.id)), root: null }
      : emptyHighlight(),
    pairs: undefined,
    show: () => pathsPanel.show(result, f, asOf),
  };
}

function repAnswer(
  key: string,
  result: RepresentationResult,
  f: Extract<Focus, { kind: 'representation' }>,
  asOf: string | null,
): FocusAnswer {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const pairs: Array<[string, string]> = [];
  for (const r of result.representations) {
    nodes.add(r.agent.id);
    nodes.add(r.principal.id);
    edges.add(r.relationship.id);
    pairs.push([r.principal.id, r.agent.id]);
    if (r.forum) {
      nodes.add(r.forum.id);
      pairs.push([r.agent.id, r.forum.id]);
    }
  }
  // The agent's own tie to the forum belongs to the answer too.
  for (const e of result.elements.edges)
    if (nodes.has(e.data.source) && nodes.has(e.data.target) && e.data.type !== 'REPRESENTS') edges.add(e.data.id);
  return { key, highlight: { kind: 'focus', nodes, edges, root: null }, pairs, show: () => repPanel.show(result, f, asOf, cache.lookup) };
}

function commonAnswer(key: string, result: CommonResult, asOf: string | null): FocusAnswer {
  const nodes = new Set([result.a.id, result.b.id]);
  const edges = new Set<string>();
  // The two compared sit above what they share, in a layered layout.
  const pairs: Array<[string, string]> = [];
  for (const s of result.shared) {
    nodes.add(s.node.id);
    for (const e of [...s.fromA, ...s.fromB]) edges.add(e.id);
    pairs.push([result.a.id, s.node.id], [result.b.id, s.node.id]);
  }
  return { key, highlight: { kind: 'focus', nodes, edges, root: null }, pairs, show: () => commonPanel.show(result, asOf) };
}

// The starting hint has done its job once the person does something of their own.
for (const type of ['pointerdown', 'keydown'] as const) {
  document.addEventListener(type, (ev) => {
    if (!hint.hidden && !hint.contains(ev.target as Node)) hint.hidden = true;
  });
}

// -------------------------------------------------------------------------- rendering

let renderSeq = 0;
let rendering: Promise<void> = Promise.resolve();
let urlTimer: ReturnType<typeof setTimeout> | null = null;
let lastFocusKey = '';

store.subscribe((state, previous, cause, action) => {
  rendering = render(state, previous, cause, action?.type === 'addNodes' ? (action.near ?? null) : null);
});

async function render(state: ViewState, previous: ViewState, cause: ChangeCause, near: string | null): Promise<void> {
  const seq = ++renderSeq;
  scheduleUrl(state);
  slider.update(state);
  toolbar.update(state, store.canUndo, store.canRedo);
  await work(async () => {
    await ensureLoaded(state.nodes);
    if (seq !== renderSeq) return;
    let answer: FocusAnswer | null = null;
    if (state.focus) {
      try {
        answer = await answerFor(state.focus, state.asOf);
      } catch (err) {
        const message = errorMessage(err, 'answering the question');
        questionPanels[state.focus.kind].error(message);
        throw err;
      }
      if (seq !== renderSeq) return;
      if (answer.key !== lastFocusKey || cause !== 'action' || previous.focus !== state.focus) answer.show();
      if (cause === 'load') panel.open(state.focus.kind);
    } else if (previous.focus?.kind === 'chain') chainPanel.idle();
    lastFocusKey = answer?.key ?? '';
    if (state.webgl !== view.webgl) view.setRenderer(state.webgl);
    const { unplaced } = view.render(state, answer?.highlight ?? null, { animate: cause !== 'load' });
    // An opened link: frame the picture for this window (its size may differ from the sender's).
    if (cause === 'load' && !unplaced.length) view.fit(undefined, false);
    updateChrome(state);
    const newAnswer = answer && (previous.focus !== state.focus || cause !== 'action');
    if (unplaced.length) {
      const total = view.cy.nodes().length;
      if (unplaced.length >= total * 0.6) {
        const positions = await feedback.track(
          'Laying out…',
          view.runLayout(state.layout, { root: state.layoutRoot, pairs: state.layout === 'hierarchy' ? answer?.pairs : undefined }),
        );
        if (seq === renderSeq) store.dispatch({ type: 'setLayout', layout: state.layout, positions }, { record: false });
      } else {
        const positions = view.placeNew(unplaced, near);
        if (seq === renderSeq) store.dispatch({ type: 'movePositions', positions }, { record: false });
      }
    }
    if (newAnswer && answer && state.focus?.kind === 'paths' && seq === renderSeq) view.reveal(answer.highlight.nodes);
  });
}

function updateChrome(state: ViewState): void {
  toolbar.update(state, store.canUndo, store.canRedo);
  details.update(state);
  const counts: CanvasCounts = { labels: new Map(), types: new Map() };
  for (const id of state.nodes) {
    const label = cache.nodes.get(id)?.label as NodeLabel | undefined;
    if (label) counts.labels.set(label, (counts.labels.get(label) ?? 0) + 1);
  }
  view.cy.edges().forEach((e) => {
    const t = e.data('type') as RelationshipType;
    counts.types.set(t, (counts.types.get(t) ?? 0) + 1);
  });
  legend.update(state, counts, state.webgl);
  emptyState.hidden = state.nodes.length > 0;
  if (!state.nodes.length)
    emptyState.replaceChildren(
      h('p', {}, 'The canvas is empty. Search for a name above (press /), or '),
      button('start again', () => void startingView()),
    );
  renderFocusBar(state);
}

function renderFocusBar(state: ViewState): void {
  const f = state.focus;
  if (!f) {
    focusBar.hidden = true;
    return;
  }
  const name = (id: string | null) => (id ? (cache.nodes.get(id)?.name ?? id) : 'anyone');
  const text =
    f.kind === 'chain'
      ? `Mandate chain ${f.direction === 'up' ? 'above' : 'below'} ${name(f.id)}`
      : f.kind === 'paths'
        ? `Paths from ${name(f.from)} to ${name(f.to)}`
        : f.kind === 'common'
          ? `What ${name(f.a)} and ${name(f.b)} share`
          : `Representation${f.principal ? ` of ${name(f.principal)}` : ''}${f.forum ? ` in ${name(f.forum)}` : ''}${f.agent ? ` by ${name(f.agent)}` : ''}`;
  focusBar.hidden = false;
  focusBar.replaceChildren(
    h('span', { class: 'focus-text' }, text, state.asOf ? ` · as of ${state.asOf}` : ''),
    button('Open', () => panel.open(f.kind), { class: 'small', title: 'Show the answer in the side panel' }),
    button('Clear', () => store.dispatch({ type: 'setFocus', focus: null }), { class: 'small', title: 'Clear the highlight (Escape)' }),
  );
}

function scheduleUrl(state: ViewState): void {
  if (urlTimer) clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    urlTimer = null;
    const hash = encodeView(state);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }, 80);
}

// A link pasted into this tab (or the fragment edited by hand) is a new view.
window.addEventListener('hashchange', () => {
  const next = decodeView(location.hash);
  if (next && location.hash !== encodeView(store.state)) store.load(next.state);
});

// ------------------------------------------------------------------------ the actions

bus.on('view:act', (action) => store.dispatch(action));
bus.on('history:undo', () => {
  if (!store.undo()) feedback.notify('info', 'Nothing to undo.', 'history');
});
bus.on('history:redo', () => {
  if (!store.redo()) feedback.notify('info', 'Nothing to redo.', 'history');
});
bus.on('view:fit', () => view.fit());
bus.on('panel:open', ({ panel: p }) => {
  panel.open(p);
  document.body.classList.remove('panel-hidden');
});
bus.on('paths:prefill', (p) => pathsPanel.prefill(p));
bus.on('representation:prefill', ({ role, node }) => repPanel.prefill(role, node));
bus.on('common:prefill', (p) => commonPanel.prefill(p));
bus.on('renderer:set', ({ webgl }) => store.dispatch({ type: 'setWebgl', webgl }));

bus.on(
  'node:show',
  ({ id }) =>
    void work(async () => {
      if (!store.state.nodes.includes(id)) {
        if (!cache.nodes.has(id)) cache.add(await feedback.track('Loading…', api.subgraph([id])));
        store.dispatch({ type: 'addNodes', ids: [id] });
      }
      store.dispatch({ type: 'select', ids: [id] });
      panel.open('details');
      await rendering;
      view.centreOn(id);
    }),
);

bus.on(
  'node:expand',
  ({ id, types, direction }) =>
    void work(async () => {
      const name = cache.nodes.get(id)?.name ?? id;
      const g = await feedback.track(`Loading the neighbours of ${name}…`, api.neighborhood(id, { types, direction, limit: EXPAND_LIMIT }));
      cache.add(g);
      const fresh = g.nodes.map((n) => n.data.id).filter((n) => !store.state.nodes.includes(n));
      const what = types?.length ? ` through “${types.map((t) => t.toLowerCase().replace(/_/g, ' ')).join(', ')}” ties` : '';
      if (!fresh.length) feedback.notify('info', `All neighbours of ${name}${what} are already on the canvas.`);
      else store.dispatch({ type: 'addNodes', ids: fresh, near: id });
      if (g.truncated) {
        feedback.notify(
          'info',
          `${name} has more ties than a view can take at once: ${g.omitted.relationships} were left out. Use “+” beside a type in the Details panel to bring them in by type.`,
        );
      }
    }),
);

bus.on('node:collapse', ({ id }) => {
  const n = view.cy.getElementById(id);
  if (n.empty()) return;
  const leaves = n
    .neighborhood('node')
    .filter((m) => m.neighborhood('node').difference(n).empty())
    .map((m) => m.id());
  if (!leaves.length) {
    feedback.notify('info', `Nothing to collapse: each neighbour of ${n.data('name')} is tied to other nodes on the canvas too.`);
    return;
  }
  store.dispatch({ type: 'removeNodes', ids: leaves });
});

bus.on('selection:remove', ({ ids: selected }) => {
  const nodes = selected.filter((id) => store.state.nodes.includes(id));
  if (!nodes.length) {
    if (selected.length)
      feedback.notify('info', 'Ties come and go with their nodes: hide a kind of tie from the legend, or remove one of its nodes.');
    return;
  }
  store.dispatch({ type: 'removeNodes', ids: nodes });
  feedback.notify(
    'info',
    `Removed ${nodes.length === 1 ? (cache.nodes.get(nodes[0]!)?.name ?? nodes[0]) : `${nodes.length} nodes`} from the view. Ctrl+Z brings ${nodes.length === 1 ? 'it' : 'them'} back.`,
    'removed',
  );
});

/**
 * A question whose answer replaces the canvas, laid out in layers: ask, show the answer in its
 * panel (or what went wrong), then put the answer's nodes on the canvas.
 */
async function askAndShow(focus: Focus, doing: string): Promise<void> {
  let answer: FocusAnswer;
  try {
    answer = await answerFor(focus, store.state.asOf);
  } catch (err) {
    questionPanels[focus.kind].error(errorMessage(err, doing));
    return;
  }
  answer.show();
  if (!answer.highlight.nodes.size) return;
  store.dispatch({ type: 'replaceNodes', ids: [...answer.highlight.nodes], focus, layout: 'hierarchy', layoutRoot: null });
}

bus.on('chain:trace', ({ id, direction }) => {
  panel.open('chain');
  void work(() => askAndShow({ kind: 'chain', id, direction }, 'tracing the mandate chain'));
});

bus.on(
  'paths:find',
  ({ from, to, directed, types }) =>
    void work(async () => {
      const focus: Focus = { kind: 'paths', from, to, directed, types, index: 0 };
      let result: PathsResult;
      try {
        await answerFor(focus, store.state.asOf);
        result = pathResults.get(focusKey(focus, store.state.asOf))!;
      } catch (err) {
        pathsPanel.error(errorMessage(err, 'finding paths'));
        return;
      }
      pathsPanel.show(result, focus, store.state.asOf);
      if (!result.paths.length) return;
      store.dispatch({ type: 'addNodes', ids: [...ids(result.elements)], focus, near: from });
    }),
);

bus.on('paths:step', ({ index }) => {
  const f = store.state.focus;
  if (f?.kind === 'paths') store.dispatch({ type: 'setFocus', focus: { ...f, index } }, { record: false });
});

bus.on('representation:show', (ask) => void work(() => askAndShow({ kind: 'representation', ...ask }, 'asking who represents whom')));
bus.on('common:find', ({ a, b }) => void work(() => askAndShow({ kind: 'common', a, b }, 'comparing the two')));

bus.on(
  'layout:run',
  ({ name, root }) =>
    void work(async () => {
      const state = store.state;
      const layoutRoot =
        name === 'concentric'
          ? (root ?? state.selected.find((id) => state.nodes.includes(id)) ?? state.layoutRoot ?? state.nodes[0] ?? null)
          : state.layoutRoot;
      const answer = state.focus ? answers.get(focusKey(state.focus, state.asOf)) : undefined;
      const positions = await feedback.track(
        'Laying out…',
        view.runLayout(name, { root: layoutRoot, pairs: name === 'hierarchy' ? answer?.pairs : undefined }),
      );
      store.dispatch({ type: 'setLayout', layout: name, root: layoutRoot, positions });
    }),
);

// ------------------------------------------------------------------------------ export

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function fileStem(scope: 'view' | 'selection'): string {
  const day = new Date().toISOString().slice(0, 10);
  return `mandate-explorer-${scope}${store.state.asOf ? `-asof-${store.state.asOf}` : ''}-${day}`;
}

/** What "the view" means for an export: the nodes on the canvas that the filters let through. */
function exportIds(scope: 'view' | 'selection'): string[] {
  const hidden = new Set<string>(store.state.hiddenLabels);
  const wanted = scope === 'selection' ? store.state.selected : store.state.nodes;
  return wanted.filter((id) => store.state.nodes.includes(id) && !hidden.has(cache.nodes.get(id)?.label ?? ''));
}

bus.on(
  'export:data',
  ({ format, scope }) =>
    void work(async () => {
      const ids = exportIds(scope);
      if (!ids.length) {
        feedback.notify(
          'error',
          scope === 'selection'
            ? 'Select some nodes first (click, or shift-drag a box), then export the selection.'
            : 'The view is empty: nothing to export.',
        );
        return;
      }
      const hiddenTypes = new Set<string>(store.state.hiddenTypes);
      const types = hiddenTypes.size ? TYPES.filter((t) => !hiddenTypes.has(t)) : undefined;
      const file = await feedback.track(
        `Preparing the ${format.toUpperCase()} file…`,
        api.exportFile({ format, ids, types, asOf: store.state.asOf }),
      );
      download(file.blob, file.filename);
      feedback.notify('info', `Downloaded ${file.filename} (${ids.length} nodes${store.state.asOf ? `, as of ${store.state.asOf}` : ''}).`);
    }),
);

bus.on(
  'export:image',
  ({ format, scope }) =>
    void work(async () => {
      if (scope === 'selection' && !store.state.selected.length) {
        feedback.notify('error', 'Select some nodes first, then export the selection.');
        return;
      }
      const filename = `${fileStem(scope)}.${format}`;
      if (format === 'png') {
        download(await feedback.track('Drawing the PNG…', view.png(scope)), filename);
      } else {
        const title = `Mandate Explorer${store.state.asOf ? ` — as of ${store.state.asOf}` : ''}`;
        const svg = view.svg(scope, { title, asOf: store.state.asOf });
        download(new Blob([svg], { type: 'image/svg+xml' }), filename);
      }
      feedback.notify('info', `Downloaded ${filename}.`);
    }),
);

// ---------------------------------------------------------------------------- the rest

function toggleTheme(): void {
  theme = theme === 'dark' ? 'light' : 'dark';
  applyTheme(theme, true);
  view.setTheme(theme);
}

async function copyLink(): Promise<void> {
  if (urlTimer) {
    clearTimeout(urlTimer);
    urlTimer = null;
    history.replaceState(null, '', encodeView(store.state));
  }
  try {
    await navigator.clipboard.writeText(location.href);
    feedback.notify('info', 'Link copied: it opens this exact view, as-of date and selection included.', 'link');
  } catch {
    feedback.notify('info', `Copy this link: ${location.href}`, 'link');
  }
}

bindKeys({
  focusSearch: () => search.focus(),
  removeSelection: () => bus.emit('selection:remove', { ids: store.state.selected }),
  undo: () => bus.emit('history:undo', {}),
  redo: () => bus.emit('history:redo', {}),
  escape: () => {
    if (toolbar.closeMenu()) return;
    if (store.state.selected.length) store.dispatch({ type: 'clearSelection' });
    else if (store.state.focus) store.dispatch({ type: 'setFocus', focus: null });
    else hint.hidden = true;
  },
});

/**
 * The first picture: the two national bodies, the ministries and governments above them,
 * the forums both work in, and whom Socialstyrelsen appoints and is directed by. Small
 * enough to read at a glance; everything else is a double-click away.
 */
async function startingView(): Promise<void> {
  await work(async () => {
    const [a, b] = START_NODES as [string, string];
    const authority: RelationshipType[] = ['MANDATES', 'APPOINTS', 'DIRECTS'];
    const graphs = await feedback.track(
      'Loading the starting view…',
      Promise.all([
        api.common(a, b).then((c) => c.elements),
        ...START_NODES.map((id) => api.neighborhood(id, { types: ['UNDER', 'PART_OF'], direction: 'out', depth: 2 })),
        ...START_NODES.map((id) => api.neighborhood(id, { types: authority, limit: START_LIMIT })),
      ]),
    );
    for (const g of graphs) cache.add(g);
    const nodes = [...new Set(graphs.flatMap((g) => g.nodes.map((n) => n.data.id)))];
    store.load({ ...EMPTY_VIEW, nodes });
    const names = START_NODES.map((id) => cache.nodes.get(id)?.name ?? id);
    hint.hidden = false;
    hint.replaceChildren(
      h(
        'div',
        { class: 'hint-text' },
        h('strong', {}, 'Start here: '),
        `${names.join(' and ')}, the governments above them and the forums both work in. `,
        'Search any name with ',
        h('kbd', {}, '/'),
        ', double-click a node to bring in its neighbours, click one to read its sources, or ask ',
        button('who represents whom', () => bus.emit('panel:open', { panel: 'representation' }), { class: 'link' }),
        '.',
      ),
      button('×', () => (hint.hidden = true), { class: 'hint-close', 'aria-label': 'Dismiss the hint' }),
    );
  });
  if (!store.state.nodes.length) {
    emptyState.hidden = false;
    emptyState.replaceChildren(
      h('p', {}, 'The starting view could not be loaded.'),
      button('Try again', () => void startingView(), { class: 'primary' }),
    );
  }
}

void work(async () => {
  const schema = await api.schema();
  legend.setDescriptions(
    new Map<string, string>([
      ...schema.labels.map((l) => [l.label, l.description] as const),
      ...schema.relationshipTypes.map((t) => [t.type, t.description] as const),
    ]),
  );
  updateChrome(store.state);
});

if (decoded) {
  if (decoded.problems.length)
    feedback.notify('error', `Part of this link could not be read and was left out: ${decoded.problems.slice(0, 3).join('; ')}.`);
  store.load(decoded.state);
} else void startingView();

// Labels for screen readers that Cytoscape's canvas cannot give.
cyContainer.setAttribute('aria-roledescription', 'graph');
