// Saved views: editors save the view the link holds under a name (pinned to the current
// version); anyone lists them and opens one. An opened view says on the stage how many change
// sets came since it was saved, with one click to the version diff (the compare feature's,
// marked on the canvas) and one to the graph as recorded when it was saved.
import { ApiError } from '../../api/client.ts';
import type { CurationApi } from '../../api/curation.ts';
import type { SavedViewWithChanges } from '../../api/curation-types.ts';
import { errorMessage } from '../../api/messages.ts';
import { t } from '../../i18n/index.ts';
import type { ViewState } from '../../state/view-state.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { showBusy } from '../common/ui.ts';
import { when } from '../history/entries.ts';
import type { SessionState } from '../session/state.ts';
import { viewOfLink, withViewId } from './model.ts';

export interface ViewsHost {
  /** The link of the view on screen (its fragment). */
  link(): string;
  /** Show this view state, as opening its link would. */
  load(state: ViewState): void;
  /** The diff from the view's version to now, on the canvas and in the changes tab. */
  showDiff(from: number, to: number): void;
  /** The graph as recorded at the view's version. */
  showAsSaved(version: number): void;
}

export class ViewsPanel {
  readonly element: HTMLElement;
  /** On the stage while a saved view is open. */
  readonly banner: HTMLElement;
  private readonly saveArea: HTMLElement;
  private readonly list: HTMLElement;
  private loaded = false;
  /** The version of the view whose banner is up; "Show as saved" hides while that version is read. */
  private bannerVersion: number | null = null;

  constructor(
    private readonly cur: CurationApi,
    private readonly session: SessionState,
    private readonly feedback: Feedback,
    private readonly host: ViewsHost,
  ) {
    this.saveArea = h('div', { class: 'views-save' });
    this.list = h('div', { class: 'views-list', 'aria-live': 'polite' });
    this.element = h(
      'section',
      { class: 'tool views-tool', 'aria-labelledby': 'views-title' },
      h('h2', { id: 'views-title' }, t.views.title),
      h('p', { class: 'muted' }, t.views.intro),
      this.saveArea,
      this.list,
    );
    this.banner = h('div', { class: 'stage-banner view-banner', role: 'status', hidden: true });
    session.subscribe(() => this.renderSave());
    this.renderSave();
  }

  /** The list, fetched when the tab is first opened and after each save. */
  async load(): Promise<void> {
    this.loaded = true;
    showBusy(this.list, t.views.loading);
    try {
      const { views } = await this.cur.views();
      clear(
        this.list,
        views.length
          ? h(
              'ul',
              { class: 'views-items' },
              views.map((v) => this.item(v)),
            )
          : h('p', { class: 'muted' }, t.views.none),
      );
    } catch (err) {
      clear(this.list, h('p', { class: 'error-text', role: 'alert' }, errorMessage(err, t.views.loading)));
    }
  }

  /** Open a saved view by id: its state, and the banner with the changes since. */
  async open(id: string): Promise<void> {
    let view: SavedViewWithChanges;
    try {
      view = await this.feedback.track(t.views.opening, this.cur.view(id));
    } catch (err) {
      const message = err instanceof ApiError && err.status === 404 ? t.views.notFound(id) : errorMessage(err, t.views.opening);
      this.feedback.notify('error', message, 'view');
      return;
    }
    const decoded = viewOfLink(view.link);
    if (!decoded) {
      this.feedback.notify('error', t.views.badLink, 'view');
      return;
    }
    history.replaceState(null, '', `${location.pathname}${withViewId(location.search, view.id)}${location.hash}`);
    this.host.load(decoded.state);
    this.showBanner(view);
  }

  /** The view state changed: "Show as saved" is offered only while another version is read. */
  update(state: ViewState): void {
    const asSaved = this.banner.querySelector<HTMLElement>('#view-as-saved');
    if (asSaved) asSaved.hidden = this.bannerVersion !== null && state.recordedAt === String(this.bannerVersion);
  }

  private showBanner(view: SavedViewWithChanges): void {
    const n = view.changesSince;
    this.bannerVersion = view.version;
    this.banner.hidden = false;
    clear(
      this.banner,
      h('span', { class: 'stage-banner-text' }, h('strong', {}, t.views.banner(view.name)), ' — ', t.views.sinceBanner(n)),
      n > 0
        ? button(t.views.showDiff, () => this.host.showDiff(view.version, view.currentVersion), { class: 'small', id: 'view-diff' })
        : null,
      n > 0 ? button(t.views.showAsSaved, () => this.host.showAsSaved(view.version), { class: 'small', id: 'view-as-saved' }) : null,
      button(t.views.close, () => this.closeBanner(), { class: 'small', id: 'view-close' }),
    );
  }

  private closeBanner(): void {
    this.bannerVersion = null;
    this.banner.hidden = true;
    clear(this.banner);
    history.replaceState(null, '', `${location.pathname}${withViewId(location.search, null)}${location.hash}`);
  }

  private item(v: SavedViewWithChanges): HTMLElement {
    const href = `${location.pathname}${withViewId(location.search, v.id)}`;
    const link = h('a', { href, class: 'view-name', 'data-id': v.id }, v.name);
    // Opened in place; the address is still the saved view's own, to copy or open in a new tab.
    link.addEventListener('click', (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
      ev.preventDefault();
      void this.open(v.id);
    });
    return h(
      'li',
      { class: 'view-item', 'data-id': v.id },
      link,
      h('span', { class: 'muted view-byline' }, t.views.byline(v.author, when(v.createdAt), v.version)),
      h('span', { class: 'view-since' }, t.views.since(v.changesSince)),
    );
  }

  private renderSave(): void {
    if (!this.session.canEdit) {
      clear(this.saveArea, h('p', { class: 'muted' }, t.views.signInToSave));
      return;
    }
    const name = h('input', { id: 'view-name', autocomplete: 'off', maxlength: '200', 'aria-describedby': 'view-save-status' });
    const status = h('p', { id: 'view-save-status', class: 'edit-status', role: 'status' });
    const submit = h('button', { type: 'submit', class: 'primary', id: 'view-save' }, t.views.save);
    const form = h(
      'form',
      { class: 'views-form' },
      h('div', { class: 'field' }, h('label', { for: 'view-name', class: 'field-label' }, t.views.name), name),
      h('div', { class: 'actions' }, submit),
      status,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void (async () => {
        const value = name.value.trim();
        if (!value) {
          status.className = 'field-error';
          status.textContent = t.views.nameNeeded;
          name.focus();
          return;
        }
        submit.disabled = true;
        try {
          const saved = await this.feedback.track(t.views.saving, this.cur.saveView(value, this.host.link()));
          status.className = 'ok-text';
          status.textContent = t.views.saved(saved.name, saved.version);
          name.value = '';
          await this.load();
        } catch (err) {
          status.className = 'error-text';
          status.textContent = errorMessage(err, t.views.saving);
        } finally {
          submit.disabled = false;
        }
      })();
    });
    clear(this.saveArea, form);
  }

  get isLoaded(): boolean {
    return this.loaded;
  }
}
