// Curation's wiring, kept out of main.ts: the session control, the edit, history and changes
// tabs, the compare control and the comparison drawn on the canvas, "as recorded at" and the
// saved views (both in the changes tab, with their banners on the stage). main.ts hands it a host
// (reload the view, put nodes on the canvas, render) and asks it for the canvas highlight.
import type { ApiClient } from '../../api/client.ts';
import { CurationApi, type DiffQuery } from '../../api/curation.ts';
import type { GraphSchema } from '../../api/types.ts';
import type { EventBus, ToolPanel } from '../../events.ts';
import type { Highlight } from '../../graph/apply.ts';
import { DIFF_COLOR, DIFF_MARKS } from '../../graph/style.ts';
import type { ElementCache } from '../../graph/view.ts';
import { t } from '../../i18n/index.ts';
import type { ViewState } from '../../state/view-state.ts';
import { button, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { ComparePanel } from '../compare/panel.ts';
import type { CanvasDiff } from '../compare/model.ts';
import { EditPanel } from '../edit/panel.ts';
import { ChangesFeed } from '../history/feed.ts';
import { HistoryPanel } from '../history/panel.ts';
import { RecordedControl } from '../recorded/controller.ts';
import { ReviewController } from '../review/controller.ts';
import { SessionControl } from '../session/control.ts';
import type { SessionState } from '../session/state.ts';
import { ViewsPanel } from '../views/panel.ts';

export interface CurationHost {
  /** Fetch the view again after the graph changed: `show` joins the canvas, `select` is selected. */
  reload(show: string[], select?: { factId: string } | { id: string }): Promise<void>;
  /** Fetch nodes and their ties to the canvas into the cache. */
  loadNodes(ids: string[]): Promise<void>;
  /** Put nodes on the canvas (near `near`), or render again when they are there. */
  showNodes(ids: string[], near: string | null): void;
  openPanel(panel: ToolPanel): void;
  /** The link of the view on screen, and showing a view state (a saved view opened). */
  link(): string;
  loadView(state: ViewState): void;
}

export class Curation {
  readonly session: SessionControl;
  readonly edit: EditPanel;
  readonly history: HistoryPanel;
  readonly compare: ComparePanel;
  readonly feed: ChangesFeed;
  readonly changesTab: HTMLElement;
  readonly recorded: RecordedControl;
  readonly views: ViewsPanel;
  readonly review: ReviewController;
  /** The stage's notices: the past being shown, a saved view opened. */
  readonly banners: HTMLElement;
  /** The comparison's legend, on the canvas while one is shown. */
  readonly canvasLegend: HTMLElement;
  private readonly cur: CurationApi;
  private diff: { data: CanvasDiff; around: string | null } | null = null;
  private ghosts: string[] = [];
  private feedLoaded = false;
  private state: ViewState | null = null;

  constructor(
    api: ApiClient,
    sessionState: SessionState,
    bus: EventBus,
    private readonly cache: ElementCache,
    feedback: Feedback,
    private readonly host: CurationHost,
  ) {
    this.cur = new CurationApi(api);
    this.session = new SessionControl(this.cur, sessionState, feedback);
    const compareAt = (q: DiffQuery) => {
      host.openPanel('changes');
      void this.compare.run(q);
    };
    this.edit = new EditPanel(api, this.cur, sessionState, bus, cache, feedback, async (_written, what) => {
      await host.reload(what.show, what.select);
      this.afterChange();
    });
    this.history = new HistoryPanel(this.cur, cache, compareAt);
    this.compare = new ComparePanel(api, this.cur, bus, cache, feedback, (ids) => host.loadNodes(ids));
    this.feed = new ChangesFeed(
      this.cur,
      sessionState,
      feedback,
      compareAt,
      async () => {
        await host.reload([]);
        this.afterChange();
      },
      () => this.state?.recordedAt ?? null,
    );
    this.recorded = new RecordedControl(this.cur, bus);
    this.review = new ReviewController(api, this.cur, sessionState, feedback, {
      editElement: async (show, select) => {
        await host.reload(show, select);
        this.edit.setMode('correct');
        host.openPanel('edit');
      },
      reload: async () => {
        await host.reload([]);
        this.afterChange();
      },
      openReview: () => host.openPanel('review'),
      sources: () => this.edit.registeredSources,
    });
    this.edit.setUploadForm((body) => this.review.upload.draw(body));
    this.views = new ViewsPanel(this.cur, sessionState, feedback, {
      link: host.link,
      load: host.loadView,
      showDiff: (from, to) => compareAt({ kind: 'versions', from, to }),
      showAsSaved: (version) => {
        // The diff's marks describe the graph now; on the graph as it was they would mislead.
        this.compare.clear();
        bus.emit('view:act', { type: 'setRecordedAt', recordedAt: String(version) });
      },
    });
    this.changesTab = h(
      'div',
      { class: 'changes-tab' },
      this.compare.element,
      this.recorded.control,
      this.views.element,
      this.feed.element,
    );
    this.banners = h('div', { class: 'stage-banners' }, this.recorded.banner, this.views.banner);
    this.canvasLegend = h('div', { class: 'diff-canvas-legend', hidden: true, role: 'note', 'aria-label': t.curation.canvasLegend });
    bus.on('compare:show', ({ diff, around }) => this.showDiff(diff, around));
    bus.on('curation:reload', () => void host.reload([]).then(() => this.afterChange()));
  }

  async start(schema: GraphSchema | null): Promise<void> {
    if (schema) this.edit.setRules(schema.relationshipTypes);
    await this.session.load();
    await this.edit.loadSources();
  }

  setRules(schema: GraphSchema): void {
    this.edit.setRules(schema.relationshipTypes);
  }

  onTabOpen(name: ToolPanel): void {
    if (name === 'changes' && !this.feedLoaded) {
      this.feedLoaded = true;
      void this.feed.load();
    }
    if (name === 'changes' && !this.views.isLoaded) void this.views.load();
    if (name === 'review') void this.review.panel.load();
  }

  update(state: ViewState): void {
    this.state = state;
    this.recorded.update(state);
    this.views.update(state);
    this.edit.update(state);
    this.history.update(state);
    const [first] = state.selected;
    const node = first ? this.cache.nodes.get(first) : undefined;
    if (node) this.compare.prefillAround({ id: node.id, name: node.name });
  }

  /** What the canvas highlights for a comparison; null when none is shown. */
  highlight(): Highlight | null {
    if (!this.diff) return null;
    const { data, around } = this.diff;
    return { kind: 'focus', nodes: new Set(data.nodes), edges: new Set(data.marks.keys()), root: around, marks: data.marks };
  }

  private afterChange(): void {
    this.recorded.forget();
    this.edit.redraw();
    if (this.state) this.history.update(this.state, true);
    if (this.feedLoaded) void this.feed.load();
  }

  private showDiff(diff: CanvasDiff | null, around: string | null): void {
    for (const id of this.ghosts) this.cache.edges.delete(id);
    this.ghosts = [];
    this.diff = diff ? { data: diff, around } : null;
    this.canvasLegend.hidden = !diff;
    if (diff) {
      for (const g of diff.ghosts) {
        this.cache.edges.set(g.id, g);
        this.ghosts.push(g.id);
      }
      const dates = this.compare.element.querySelector<HTMLInputElement>('#compare-dates')?.checked ?? true;
      const names = t.curation.marks(dates);
      this.canvasLegend.replaceChildren(
        h('strong', {}, t.curation.canvasLegend),
        h(
          'ul',
          {},
          DIFF_MARKS.filter((m) => !dates || m !== 'changed').map((m) =>
            h('li', {}, h('span', { class: `diff-swatch diff-${m}`, style: `--mark:${DIFF_COLOR[m]}` }), names[m]),
          ),
        ),
        button(t.curation.clearCompare, () => this.compare.clear(), { class: 'small' }),
      );
    }
    this.host.showNodes(diff?.nodes ?? [], around);
  }
}
