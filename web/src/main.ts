// The wiring: builds the page from its parts, answers the bus, and renders every new view
// state onto the canvas, the panels, the table and the URL. Each question (chain,
// representation, paths, shared) and the table live in features/<mode>/ with their panel and
// their answer; this file only connects them.
import { ApiClient } from './api/client.ts';
import { errorMessage, retryMessage } from './api/messages.ts';
import type { NodeLabel, PathsResult, RelationshipType } from './api/types.ts';
import { EventBus } from './events.ts';
import { focusKey, type FocusAnswer } from './features/answer.ts';
import { AskBox } from './features/ask/box.ts';
import { chainAnswer } from './features/chain/answer.ts';
import { ChainPanel } from './features/chain/panel.ts';
import { pathsAnswer } from './features/paths/answer.ts';
import { PathsPanel } from './features/paths/panel.ts';
import { repAnswer } from './features/representation/answer.ts';
import { RepresentationPanel } from './features/representation/panel.ts';
import { commonAnswer } from './features/shared/answer.ts';
import { CommonPanel } from './features/shared/panel.ts';
import { Curation } from './features/curation/controller.ts';
import type { FigureExport } from './features/figure/export.ts';
import { SessionState } from './features/session/state.ts';
import { viewIdOf } from './features/views/model.ts';
import { TableView } from './features/table/table-view.ts';
import { yieldToPage } from './graph/slices.ts';
import { ArrivalProgress } from './features/bigview/progress.ts';
import { HubChooser } from './features/hub/chooser.ts';
import { HUB_THRESHOLD } from './features/hub/kinds.ts';
import { focusAnswer, focusSoon } from './features/readable/focus.ts';
import { ElementCache } from './graph/cache.ts';
import type { GraphView } from './graph/view.ts';
import { announceLang, lang, localiseNames, t } from './i18n/index.ts';
import { exportStem } from './state/export-name.ts';
import { ViewStore, type ChangeCause } from './state/store.ts';
import { decodeView, encodeView } from './state/url.ts';
import { EMPTY_VIEW, type Focus, type ViewState } from './state/view-state.ts';
import { TYPES } from './vocabulary.ts';
import { DetailsPanel } from './ui/details-panel.ts';
import { button, h } from './ui/dom.ts';
import { Feedback } from './ui/feedback.ts';
import { bindKeys, isTouch } from './ui/keyboard.ts';
import { Legend, type CanvasCounts } from './ui/legend.ts';
import { SearchBox, searchesInFlight } from './ui/search-box.ts';
import { SidePanel } from './ui/side-panel.ts';
import { applyTheme, initialTheme } from './ui/theme.ts';
import { TimeSlider } from './ui/time-slider.ts';
import { Toolbar } from './ui/toolbar.ts';
import { settledView } from './features/readable/settled.ts';

/** The two national bodies the first view is built around. */
const START_NODES = ['socialstyrelsen', 'finland-ministry-social-affairs-health'];
const START_LIMIT = 40;
const EXPAND_LIMIT = 150;

// ------------------------------------------------------------------------------ wiring

// The canvas (Cytoscape and the view) is a chunk of its own, fetched while the page is built and
// run in a task of its own: with it, the page's first task parsed and ran 0.9 MB (issue 22, part 5).
const canvasChunk = import('./graph/view.ts');
announceLang();
document.title = t.app.title;
const bus = new EventBus();
const feedback = new Feedback();
let statedOnly = false;
/** What the canvas and every answer were read at ("as recorded at"); null: the graph now. */
let readAt: string | null = null;
const session = new SessionState();
const api = new ApiClient({
  csrfToken: () => session.csrfToken,
  onRetry: (n) => feedback.notify('error', retryMessage(n), 'retry'),
  // Success: the "retrying" notice has done its job. Failure: the caller says what failed.
  onRetryEnd: () => feedback.dismiss('retry'),
  transform: (body) => localiseNames(body),
  answerParams: () => ({ lang, certainty: statedOnly ? 'stated' : undefined }),
  recordedAt: () => readAt,
});
const cache = new ElementCache();
let theme = initialTheme();
applyTheme(theme, false);

const search = new SearchBox(api, {
  id: 'search',
  label: t.app.search,
  placeholder: t.app.searchPlaceholder,
  onPick: (hit) => bus.emit('node:show', { id: hit.id }),
});
const askBox = new AskBox(api, bus, feedback);
const toolbar = new Toolbar(bus, { copyLink: () => void copyLink(), toggleTheme, theme: () => theme });
const legend = new Legend(bus);
const slider = new TimeSlider(bus, (message) => feedback.announce(message));
const details = new DetailsPanel(api, bus, cache);
const pathsPanel = new PathsPanel(api, bus, cache);
const repPanel = new RepresentationPanel(api, bus);
const chainPanel = new ChainPanel(bus);
const commonPanel = new CommonPanel(api, bus);
const table = new TableView(bus, cache, (csv) =>
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${exportStem(store.state, cache, 'table')}.csv`),
);
/** The panel that shows each kind of question's answer. */
const questionPanels: Record<Focus['kind'], { error(message: string): void; result: HTMLElement }> = {
  chain: chainPanel,
  paths: pathsPanel,
  representation: repPanel,
  common: commonPanel,
};
// Building the page's parts took 95-130 ms in one task (quiet): the curation's tabs and the rest in the next.
await yieldToPage();
const curation = new Curation(api, session, bus, cache, feedback, {
  reload: (show, select) => reloadAfterChange(show, select),
  loadNodes: async (ids) => {
    const wanted = [...new Set([...store.state.nodes, ...ids])];
    if (ids.every((id) => cache.nodes.has(id))) return;
    cache.add(await feedback.track(t.app.loading, api.subgraph(wanted)));
  },
  showNodes: (ids, near) =>
    void work(async () => {
      const fresh = ids.filter((id) => cache.nodes.has(id) && !store.state.nodes.includes(id));
      if (fresh.length) store.dispatch({ type: 'addNodes', ids: fresh, near: near ?? undefined });
      else rerender();
      await rendering;
      // The comparison framed, so its ties can be read where they are.
      const wanted = new Set(ids);
      const shown = view.cy.nodes().filter((n) => wanted.has(n.id()));
      if (shown.length > 1) view.fit(shown.union(shown.edgesWith(shown)));
    }),
  openPanel: (p) => bus.emit('panel:open', { panel: p }),
  link: () => encodeView(store.state),
  loadView: (state) => store.load(state),
});
const panel = new SidePanel(
  {
    details: details.element,
    history: curation.history.element,
    edit: curation.edit.element,
    changes: curation.changesTab,
    review: curation.review.panel.element,
    representation: repPanel.element,
    paths: pathsPanel.element,
    chain: chainPanel.element,
    common: commonPanel.element,
    table: table.element,
  },
  (name) => {
    curation.onTabOpen(name);
    if (name === 'table') table.shown();
  },
);
curation.review.attach(panel);

const hubChooser = new HubChooser(
  (ids, near) => store.dispatch({ type: 'addNodes', ids: ids.filter((id) => !store.state.nodes.includes(id)), near }),
  (id) => store.state.nodes.includes(id),
);
const arrival = new ArrivalProgress((message) => feedback.announce(message));
const touch = isTouch();
const cyContainer = h('div', {
  id: 'cy',
  class: 'canvas',
  role: 'application',
  'aria-roledescription': t.app.graph,
  'aria-label': touch ? t.app.canvasTouch : t.app.canvasPointer,
});
const focusBar = h('div', { class: 'focus-bar', hidden: true });
const hint = h('div', { class: 'hint', hidden: true, role: 'note' });
const emptyState = h('div', { class: 'empty-state', hidden: true });
const canvasBusy = h(
  'div',
  { class: 'canvas-busy', hidden: true },
  h('span', { class: 'spinner' }),
  h('span', { class: 'canvas-busy-text' }, t.app.loading),
);
const legendToggle = button(t.app.legendToggle, () => document.body.classList.toggle('legend-open'), {
  class: 'tool-button narrow-only',
  'aria-controls': 'legend',
});
const panelToggle = button(t.app.panelToggle, () => document.body.classList.toggle('panel-hidden'), {
  class: 'tool-button narrow-only',
  'aria-controls': 'side',
});

// Reading and Tab order: search, tools, the canvas, the questions, and the legend last (the
// grid puts the legend on the left on wide screens).
document.body.append(
  h(
    'div',
    { class: 'skip-links' },
    h('a', { href: '#side', class: 'skip-link' }, t.app.skipToQuestions),
    h(
      'a',
      { href: '#view-table', class: 'skip-link', onclick: (() => bus.emit('panel:open', { panel: 'table' })) as EventListener },
      t.app.skipToTable,
    ),
  ),
  h(
    'header',
    { class: 'topbar' },
    h('h1', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), t.app.title),
    h('div', { class: 'search-wrap', role: 'search' }, search.element),
    h('div', { class: 'ask-wrap' }, askBox.element),
    toolbar.element,
    curation.session.element,
    legendToggle,
    panelToggle,
    feedback.busyElement,
  ),
  h(
    'main',
    { class: 'workspace' },
    h(
      'section',
      { class: 'stage', 'aria-label': t.app.networkRegion },
      curation.banners,
      cyContainer,
      focusBar,
      hint,
      hubChooser.element,
      emptyState,
      canvasBusy,
      arrival.element,
      curation.canvasLegend,
      slider.element,
    ),
    h('aside', { id: 'side', class: 'side-pane', 'aria-label': t.app.sideRegion, tabindex: '-1' }, askBox.reading, panel.element),
    h('aside', { id: 'legend', class: 'legend-pane', 'aria-label': t.app.legendRegion }, legend.element),
  ),
  feedback.toasts,
  feedback.announcer,
);

const decoded = decodeView(location.hash);
// The page's first task ends here and the canvas is made in the next: parsing the bundle,
// building the page and making the canvas took 0.27 s in one task (issue 22, part 5).
await yieldToPage();
const view = new (await canvasChunk).GraphView(cyContainer, bus, cache, { theme, webgl: decoded?.state.webgl ?? false });
const store = new ViewStore(EMPTY_VIEW);
/** The figure export's chunk comes with the first image exported (its progress notice shows meanwhile). */
let figures: Promise<FigureExport> | null = null;
const figureExport = () => (figures ??= import('./features/figure/export.ts').then((m) => new m.FigureExport(api, view)));

// Work in flight, so tests (and the busy cursor) know when the page has settled.
let pending = 0;
async function work<T>(job: () => Promise<T>): Promise<T | undefined> {
  pending++;
  try {
    return await job();
  } catch (err) {
    const message = errorMessage(err, t.doing.request);
    if (message) feedback.notify('error', message);
    return undefined;
  } finally {
    pending--;
  }
}

declare global {
  interface Window {
    /** Read-only handles for browser tests and the curious. */
    mandateExplorer?: { cy: () => GraphView['cy']; state: () => ViewState; idle: () => boolean; settled: () => Promise<void> };
  }
}
window.mandateExplorer = {
  cy: () => view.cy,
  state: () => store.state,
  idle: () => pending === 0 && !feedback.isBusy && urlTimer === null && searchesInFlight() === 0 && !view.labelsPending && !askBox.busy,
  settled: () =>
    settledView(() => pending === 0 && !feedback.isBusy && urlTimer === null && searchesInFlight() === 0 && !askBox.busy, view),
};

// ------------------------------------------------------------------- loading the canvas

/** Node ids whose mutual ties are all in the cache. */
let covered = new Set<string>();

async function ensureLoaded(ids: string[]): Promise<void> {
  if (ids.every((id) => covered.has(id))) return;
  canvasBusy.hidden = ids.length < 80;
  try {
    const g = await feedback.track(t.notices.loadingNodes(ids.length), api.subgraph(ids));
    cache.add(g);
    covered = new Set(ids);
  } finally {
    canvasBusy.hidden = true;
  }
  const unknown = ids.filter((id) => !cache.nodes.has(id));
  if (!unknown.length) return;
  // Read as recorded at an earlier version, a node added since is simply not drawn: it stays in
  // the view, so "Back to now" brings it back.
  if (readAt !== null) feedback.notify('info', t.notices.notRecordedThen(unknown.length), 'not-found');
  else {
    feedback.notify('error', t.notices.notFound(unknown), 'not-found');
    store.dispatch({ type: 'removeNodes', ids: unknown }, { record: false });
  }
}

const answers = new Map<string, FocusAnswer>();
/** Paths are kept as results: which path is highlighted changes without asking again. */
const pathResults = new Map<string, PathsResult>();

async function answerFor(f: Focus, asOf: string | null): Promise<FocusAnswer> {
  const key = focusKey(f, asOf, statedOnly);
  if (f.kind === 'paths') {
    let result = pathResults.get(key);
    if (!result) {
      pathsPanel.busy();
      result = await feedback.track(
        t.tools.lookingForPaths,
        api.paths(f.from, f.to, { directed: f.directed, types: f.types, asOf, maxDepth: 8 }),
      );
      cache.add(result.elements);
      pathResults.set(key, result);
    }
    const r = result;
    return pathsAnswer(key, r, f, () => pathsPanel.show(r, f, asOf));
  }
  const known = answers.get(key);
  if (known) return known;
  let answer: FocusAnswer;
  if (f.kind === 'chain') {
    chainPanel.busy();
    const chain = await feedback.track(t.notices.tracingChain, api.mandateChain(f.id, f.direction, { asOf }));
    cache.add(chain.elements);
    answer = chainAnswer(key, chain, () => chainPanel.show(chain, asOf, cache.lookup));
  } else if (f.kind === 'common') {
    commonPanel.busy();
    const result = await feedback.track(t.notices.comparing, api.common(f.a, f.b, { asOf }));
    cache.add(result.elements);
    answer = commonAnswer(key, result, () => commonPanel.show(result, asOf));
  } else {
    repPanel.busy();
    const result = await feedback.track(t.notices.askingRep, api.representation({ ...f, asOf }));
    cache.add(result.elements);
    answer = repAnswer(key, result, () => repPanel.show(result, f, asOf, cache.lookup));
  }
  answers.set(key, answer);
  return answer;
}

/** After a person's action: the answer is read out, and the keyboard lands on it. */
function presentAnswer(kind: Focus['kind']): void {
  hint.hidden = true;
  panel.open(kind);
  document.body.classList.remove('panel-hidden');
  focusAnswer(questionPanels[kind].result, (message) => feedback.announce(message));
}

// The starting hint stays until the person dismisses it or does something with the graph
// (a key press alone, like Tab, does not count).
bus.on('view:act', () => (hint.hidden = true));
cyContainer.addEventListener('pointerdown', () => (hint.hidden = true));

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
  statedOnly = state.statedOnly;
  if (state.recordedAt !== readAt) forgetReads(state.recordedAt);
  curation.recorded.update(state);
  scheduleUrl(state);
  slider.update(state);
  toolbar.update(state, store.canUndo, store.canRedo);
  document.body.classList.toggle('view-table', state.view === 'table');
  if (state.view === 'table' && (previous.view !== 'table' || cause === 'load')) panel.open('table');
  await work(async () => {
    await ensureLoaded(state.nodes);
    if (seq !== renderSeq) return;
    let answer: FocusAnswer | null = null;
    if (state.focus) {
      try {
        answer = await answerFor(state.focus, state.asOf);
      } catch (err) {
        questionPanels[state.focus.kind].error(errorMessage(err, t.doing.answering));
        throw err;
      }
      if (seq !== renderSeq) return;
      if (answer.key !== lastFocusKey || cause !== 'action' || previous.focus !== state.focus) answer.show();
      if (cause === 'load' && state.view !== 'table') panel.open(state.focus.kind);
    } else if (previous.focus?.kind === 'chain') chainPanel.idle();
    lastFocusKey = answer?.key ?? '';
    if (state.webgl !== view.webgl) view.setRenderer(state.webgl);
    // A comparison shown marks the canvas over the question's own highlight.
    const { unplaced } = await view
      .render(state, curation.highlight() ?? answer?.highlight ?? null, {
        animate: cause !== 'load',
        onProgress: (done, total) => arrival.update(done, total),
      })
      .finally(() => arrival.hide());
    if (seq !== renderSeq) return;
    // An opened link: frame the picture for this window (its size may differ from the sender's).
    if (cause === 'load' && !unplaced.length) view.fit(undefined, false, { keepPositions: true });
    updateChrome(state);
    const newAnswer = answer && (previous.focus !== state.focus || cause !== 'action');
    if (unplaced.length) {
      const total = view.cy.nodes().length;
      if (unplaced.length >= total * 0.6) {
        const positions = await feedback.track(
          t.notices.layingOut,
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
  curation.update(state);
  table.update(state);
  const counts: CanvasCounts = { labels: new Map(), types: new Map() };
  for (const id of state.nodes) {
    const label = cache.nodes.get(id)?.label as NodeLabel | undefined;
    if (label) counts.labels.set(label, (counts.labels.get(label) ?? 0) + 1);
  }
  view.cy.edges().forEach((e) => {
    const ty = e.data('type') as RelationshipType;
    counts.types.set(ty, (counts.types.get(ty) ?? 0) + 1);
  });
  legend.update(state, counts, state.webgl);
  emptyState.hidden = state.nodes.length > 0;
  if (!state.nodes.length)
    emptyState.replaceChildren(
      h('p', {}, t.hint.emptyCanvas),
      button(t.hint.startAgain, () => void startingView()),
    );
  renderFocusBar(state);
}

function renderFocusBar(state: ViewState): void {
  const f = state.focus;
  if (!f) {
    focusBar.hidden = true;
    return;
  }
  const name = (id: string | null) => (id ? (cache.nodes.get(id)?.name ?? id) : t.focus.anyone);
  const opt = (id: string | null) => (id ? name(id) : null);
  const text =
    f.kind === 'chain'
      ? t.focus.chain(f.direction === 'up', name(f.id))
      : f.kind === 'paths'
        ? t.focus.paths(name(f.from), name(f.to))
        : f.kind === 'common'
          ? t.focus.common(name(f.a), name(f.b))
          : t.focus.representation(opt(f.principal), opt(f.forum), opt(f.agent));
  focusBar.hidden = false;
  focusBar.replaceChildren(
    h('span', { class: 'focus-text' }, text, state.asOf ? t.dates.asOfSuffix(state.asOf) : ''),
    button(t.focus.open, () => presentAnswer(f.kind), { class: 'small', title: t.focus.openTitle }),
    button(t.focus.clear, () => store.dispatch({ type: 'setFocus', focus: null }), { class: 'small', title: t.focus.clearTitle }),
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
bus.on('view:spread', ({ positions }) => store.dispatch({ type: 'movePositions', positions }, { record: false }));
bus.on('history:undo', () => {
  if (!store.undo()) feedback.notify('info', t.notices.nothingToUndo, 'history');
});
bus.on('history:redo', () => {
  if (!store.redo()) feedback.notify('info', t.notices.nothingToRedo, 'history');
});
bus.on('view:fit', () => view.fit());
bus.on('panel:open', ({ panel: p }) => {
  panel.open(p);
  document.body.classList.remove('panel-hidden');
});
bus.on('paths:prefill', (p) => pathsPanel.prefill(p));
bus.on('representation:prefill', ({ role, node }) => {
  repPanel.prefill(role, node);
  // Filled in: Enter asks.
  focusSoon(repPanel.element, 'button[type="submit"]');
});
bus.on('common:prefill', (p) => commonPanel.prefill(p));
bus.on('renderer:set', ({ webgl }) => store.dispatch({ type: 'setWebgl', webgl }));

bus.on(
  'node:show',
  ({ id }) =>
    void work(async () => {
      if (!store.state.nodes.includes(id)) {
        if (!cache.nodes.has(id)) cache.add(await feedback.track(t.app.loading, api.subgraph([id])));
        store.dispatch({ type: 'addNodes', ids: [id] });
      }
      store.dispatch({ type: 'select', ids: [id] });
      if (store.state.view !== 'table') panel.open('details');
      await rendering;
      view.centreOn(id);
      // The keyboard lands on what was picked: its name, with its actions one Tab away.
      if (store.state.view !== 'table') details.focusTitle();
    }),
);

bus.on(
  'node:expand',
  ({ id, types, direction }) =>
    void work(async () => {
      const name = cache.nodes.get(id)?.name ?? id;
      const g = await feedback.track(t.notices.loadingNeighbours(name), api.neighborhood(id, { types, direction, limit: EXPAND_LIMIT }));
      cache.add(g);
      const fresh = g.nodes.map((n) => n.data.id).filter((n) => !store.state.nodes.includes(n));
      const what = types?.length ? t.notices.through(types.map((ty) => t.types[ty]).join(', ')) : '';
      if (!fresh.length) feedback.notify('info', t.notices.allOnCanvas(name, what), 'expand');
      // A hub: its neighbours come in one kind of tie at a time (features/hub).
      else if (!types?.length && fresh.length > HUB_THRESHOLD)
        hubChooser.offer(
          id,
          name,
          fresh,
          g.edges.map((e) => e.data),
        );
      else store.dispatch({ type: 'addNodes', ids: fresh, near: id });
      if (g.truncated) feedback.notify('info', t.notices.truncated(name, g.omitted.relationships), 'truncated');
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
    feedback.notify('info', t.notices.nothingToCollapse(String(n.data('name'))), 'collapse');
    return;
  }
  store.dispatch({ type: 'removeNodes', ids: leaves });
});

bus.on('selection:remove', ({ ids: selected }) => {
  const nodes = selected.filter((id) => store.state.nodes.includes(id));
  if (!nodes.length) {
    if (selected.length) feedback.notify('info', t.notices.tiesComeAndGo, 'removed');
    return;
  }
  store.dispatch({ type: 'removeNodes', ids: nodes });
  const one = nodes.length === 1;
  feedback.notify(
    'info',
    t.notices.removed(one ? (cache.nodes.get(nodes[0]!)?.name ?? nodes[0]!) : t.notices.nNodes(nodes.length), one),
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
    presentAnswer(focus.kind);
    return;
  }
  answer.show();
  presentAnswer(focus.kind);
  if (!answer.highlight.nodes.size) return;
  store.dispatch({ type: 'replaceNodes', ids: [...answer.highlight.nodes], focus, layout: 'hierarchy', layoutRoot: null });
  await keepOnAnswer(focus.kind);
}

/** The canvas's render draws the answer again: the keyboard stays on it (read out once already). */
async function keepOnAnswer(kind: Focus['kind']): Promise<void> {
  await rendering;
  const result = questionPanels[kind].result;
  if (!result.contains(document.activeElement)) focusAnswer(result, () => undefined);
}

bus.on('chain:trace', ({ id, direction }) => {
  panel.open('chain');
  void work(() => askAndShow({ kind: 'chain', id, direction }, t.doing.tracing));
});

bus.on(
  'paths:find',
  ({ from, to, directed, types }) =>
    void work(async () => {
      const focus: Focus = { kind: 'paths', from, to, directed, types, index: 0 };
      let result: PathsResult;
      try {
        await answerFor(focus, store.state.asOf);
        result = pathResults.get(focusKey(focus, store.state.asOf, statedOnly))!;
      } catch (err) {
        pathsPanel.error(errorMessage(err, t.doing.paths));
        presentAnswer('paths');
        return;
      }
      pathsPanel.show(result, focus, store.state.asOf);
      presentAnswer('paths');
      if (!result.paths.length) return;
      store.dispatch({ type: 'addNodes', ids: result.elements.nodes.map((n) => n.data.id), focus, near: from });
      await keepOnAnswer('paths');
    }),
);

bus.on('paths:step', ({ index }) => {
  const f = store.state.focus;
  if (f?.kind === 'paths') store.dispatch({ type: 'setFocus', focus: { ...f, index } }, { record: false });
});

bus.on('representation:show', (ask) => void work(() => askAndShow({ kind: 'representation', ...ask }, t.doing.rep)));
bus.on('common:find', ({ a, b }) => void work(() => askAndShow({ kind: 'common', a, b }, t.doing.comparing)));

bus.on(
  'layout:run',
  ({ name, root }) =>
    void work(async () => {
      const state = store.state;
      const layoutRoot =
        name === 'concentric'
          ? (root ?? state.selected.find((id) => state.nodes.includes(id)) ?? state.layoutRoot ?? state.nodes[0] ?? null)
          : state.layoutRoot;
      const answer = state.focus ? answers.get(focusKey(state.focus, state.asOf, statedOnly)) : undefined;
      const positions = await feedback.track(
        t.notices.layingOut,
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
        feedback.notify('error', scope === 'selection' ? t.notices.selectFirst : t.notices.viewEmpty, 'export');
        return;
      }
      const hiddenTypes = new Set<string>(store.state.hiddenTypes);
      const types = hiddenTypes.size ? TYPES.filter((ty) => !hiddenTypes.has(ty)) : undefined;
      const file = await feedback.track(
        t.notices.preparing(format.toUpperCase()),
        api.exportFile({ format, ids, types, asOf: store.state.asOf }),
      );
      // The server names the file by date only; our name says what the view holds.
      const ext = /\.[a-z.]+$/.exec(file.filename)?.[0] ?? `.${format}`;
      const filename = `${exportStem(store.state, cache, scope)}${ext}`;
      download(file.blob, filename);
      feedback.notify('info', t.notices.downloaded(filename, ids.length, store.state.asOf), 'export');
    }),
);

bus.on(
  'export:image',
  ({ format, scope, caption }) =>
    void work(async () => {
      const ids = exportIds(scope);
      if (!ids.length) {
        feedback.notify('error', scope === 'selection' ? t.notices.selectFirst : t.notices.viewEmpty, 'export');
        return;
      }
      const hiddenTypes = new Set<string>(store.state.hiddenTypes);
      const types = hiddenTypes.size ? TYPES.filter((ty) => !hiddenTypes.has(ty)) : undefined;
      const filename = `${exportStem(store.state, cache, scope)}.${format}`;
      const label = format === 'png' ? t.notices.drawingPng : format === 'pdf' ? t.figure.drawingPdf : t.notices.preparing('SVG');
      const blob = await feedback.track(
        label,
        figureExport().then((f) => f.file({ format, scope, caption, ids, types, state: store.state })),
      );
      download(blob, filename);
      feedback.notify('info', t.notices.downloadedFile(filename), 'export');
    }),
);

// ---------------------------------------------------------------------------- the rest

function toggleTheme(): void {
  theme = theme === 'dark' ? 'light' : 'dark';
  applyTheme(theme, true);
  view.setTheme(theme);
  toolbar.update(store.state, store.canUndo, store.canRedo);
}

async function copyLink(): Promise<void> {
  if (urlTimer) {
    clearTimeout(urlTimer);
    urlTimer = null;
    history.replaceState(null, '', encodeView(store.state));
  }
  try {
    await navigator.clipboard.writeText(location.href);
    feedback.notify('info', t.notices.linkCopied, 'link');
  } catch {
    feedback.notify('info', t.notices.copyThis(location.href), 'link');
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
 * enough to read at a glance; everything else is an Expand away.
 */
async function startingView(): Promise<void> {
  await work(async () => {
    const [a, b] = START_NODES as [string, string];
    const authority: RelationshipType[] = ['MANDATES', 'APPOINTS', 'DIRECTS'];
    const load = () =>
      Promise.all([
        api.common(a, b).then((c) => c.elements),
        ...START_NODES.map((id) => api.neighborhood(id, { types: ['UNDER', 'PART_OF'], direction: 'out', depth: 2 })),
        ...START_NODES.map((id) => api.neighborhood(id, { types: authority, limit: START_LIMIT })),
      ]);
    // A database that has just started can run past its time limit on the first questions;
    // asked again, warm, it answers. A second failure is reported.
    const graphs = await feedback.track(
      t.notices.loadingStart,
      load().catch(() => load()),
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
        h('strong', {}, t.hint.start),
        t.hint.body(names),
        t.hint.searchWith,
        h('kbd', {}, '/'),
        touch ? t.hint.touch : t.hint.pointer,
        button(t.hint.whoRepresents, () => bus.emit('panel:open', { panel: 'representation' }), { class: 'link' }),
        '.',
      ),
      button('×', () => (hint.hidden = true), { class: 'hint-close', 'aria-label': t.hint.dismiss }),
    );
  });
  if (!store.state.nodes.length) {
    emptyState.hidden = false;
    emptyState.replaceChildren(
      h('p', {}, t.hint.startFailed),
      button(t.hint.tryAgain, () => void startingView(), { class: 'primary' }),
    );
  }
}

void work(async () => {
  const schema = await api.schema();
  curation.setRules(schema);
  legend.setDescriptions(
    new Map<string, string>([
      ...schema.labels.map((l) => [l.label, l.description] as const),
      ...schema.relationshipTypes.map((ty) => [ty.type, ty.description] as const),
    ]),
  );
  updateChrome(store.state);
});

void work(() => curation.start(null));

/**
 * Another time of record: what the cache holds was read at the other one, so the canvas and
 * the answers are read again (the reads carry `readAt`).
 */
function forgetReads(recordedAt: string | null): void {
  readAt = recordedAt;
  covered = new Set();
  answers.clear();
  pathResults.clear();
  cache.nodes.clear();
  cache.edges.clear();
  view.clear();
}

// The canvas gives up the room the stage's banners take, and the notices on it move below them.
new ResizeObserver(() => {
  document.documentElement.style.setProperty('--banner-h', `${curation.banners.offsetHeight}px`);
}).observe(curation.banners);

/** Render the current state again (new data for the same view, or a comparison shown). */
function rerender(): void {
  rendering = render(store.state, store.state, 'action', null);
}

/**
 * After a change set: the canvas's nodes and ties are fetched afresh (a retired tie is gone,
 * a corrected one may be stored under a new key), answers asked again, `show` added and
 * `select` selected.
 */
async function reloadAfterChange(show: string[], select?: { factId: string } | { id: string }): Promise<void> {
  await work(async () => {
    const ids = [...new Set([...store.state.nodes, ...show])];
    const wanted = new Set(ids);
    const g = await feedback.track(t.app.loading, api.subgraph(ids));
    for (const [id, e] of cache.edges) if (wanted.has(e.source) && wanted.has(e.target)) cache.edges.delete(id);
    const found = new Set(g.nodes.map((n) => n.data.id));
    for (const id of ids) if (!found.has(id)) cache.nodes.delete(id);
    cache.add(g);
    covered = new Set(ids.filter((id) => found.has(id)));
    answers.clear();
    pathResults.clear();
    // Elements are drawn from the cache when added: take them off so they come back with the new data.
    view.clear();
    const gone = store.state.nodes.filter((id) => !found.has(id));
    if (gone.length) store.dispatch({ type: 'removeNodes', ids: gone }, { record: false });
    const fresh = show.filter((id) => found.has(id) && !store.state.nodes.includes(id));
    if (fresh.length) store.dispatch({ type: 'addNodes', ids: fresh, near: show[0] });
    const target =
      select && 'factId' in select
        ? [...cache.edges.values()].find((e) => e.factId === select.factId)?.id
        : select && found.has(select.id)
          ? select.id
          : undefined;
    if (target) store.dispatch({ type: 'select', ids: [target] });
    else if (!gone.length && !fresh.length) rerender();
    await rendering;
  });
}

// The canvas is made in one task and the opened view's first render starts in the next: the two
// together took 0.19 s at page start (issue 22, part 5).
await yieldToPage();
const savedView = viewIdOf(location.search);
if (savedView) {
  // A saved view's link: its state, and how much has changed since it was saved.
  void work(() => curation.views.open(savedView)).then(() => {
    if (!store.state.nodes.length) void startingView();
  });
} else if (decoded) {
  if (decoded.problems.length) feedback.notify('error', t.notices.linkProblems(decoded.problems.slice(0, 3).join('; ')), 'link');
  statedOnly = decoded.state.statedOnly;
  store.load(decoded.state);
} else void startingView().then(() => askBox.start());
