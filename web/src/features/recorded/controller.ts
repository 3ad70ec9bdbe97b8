// "As recorded at": the control that sets it (in the changes tab), and the banner on the stage
// that says which version is shown, when it was recorded and how many later change sets are
// not shown, with the way back to now. The reads themselves carry the view state's
// `recordedAt` (api/client.ts); this only says so and resolves a moment to its version.
import type { CurationApi } from '../../api/curation.ts';
import type { ChangeSetSummary } from '../../api/curation-types.ts';
import type { EventBus } from '../../events.ts';
import { t } from '../../i18n/index.ts';
import { normaliseRecordedAt } from '../../state/url.ts';
import type { ViewState } from '../../state/view-state.ts';
import { button, clear, h } from '../../ui/dom.ts';
import { when } from '../history/entries.ts';
import { isVersion, laterChanges, versionAt } from './model.ts';

export interface ResolvedRecord {
  version: number;
  /** When that version's change set was recorded; null when the log does not have it. */
  at: string | null;
  later: number;
}

export class RecordedControl {
  /** The form: a version or a moment, and "show as recorded". */
  readonly control: HTMLElement;
  /** The stage's banner while the past is shown. */
  readonly banner: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly problem: HTMLElement;
  private readonly resolved = new Map<string, Promise<ResolvedRecord | null>>();
  private shown: string | null = null;

  constructor(
    private readonly cur: CurationApi,
    private readonly bus: EventBus,
  ) {
    this.input = h('input', {
      id: 'recorded-at',
      autocomplete: 'off',
      placeholder: t.recorded.hint,
      'aria-describedby': 'recorded-at-hint recorded-at-problem',
    });
    this.problem = h('p', { class: 'field-error', id: 'recorded-at-problem', role: 'alert' });
    const form = h(
      'form',
      { class: 'recorded-form' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'recorded-at', class: 'field-label' }, t.recorded.field),
        this.input,
        h('p', { class: 'field-hint', id: 'recorded-at-hint' }, t.recorded.hint),
      ),
      this.problem,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'recorded-show' }, t.recorded.show)),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const value = normaliseRecordedAt(this.input.value);
      this.problem.textContent = value ? '' : t.recorded.bad;
      if (!value) {
        this.input.focus();
        return;
      }
      this.bus.emit('view:act', { type: 'setRecordedAt', recordedAt: value });
    });
    this.control = h(
      'section',
      { class: 'tool recorded-tool', 'aria-labelledby': 'recorded-title' },
      h('h2', { id: 'recorded-title' }, t.recorded.title),
      h('p', { class: 'muted' }, t.recorded.intro),
      form,
    );
    this.banner = h('div', { class: 'stage-banner recorded-banner', role: 'status', hidden: true });
  }

  update(state: ViewState): void {
    if (state.recordedAt === this.shown) return;
    this.shown = state.recordedAt;
    this.banner.hidden = !state.recordedAt;
    if (!state.recordedAt) {
      clear(this.banner);
      return;
    }
    const value = state.recordedAt;
    if (document.activeElement !== this.input) this.input.value = value;
    this.render(value, undefined);
    void this.resolve(value).then((r) => {
      if (this.shown === value) this.render(value, r);
    });
  }

  /** The version a recordedAt means, when it was recorded and how many change sets came after. */
  resolve(value: string): Promise<ResolvedRecord | null> {
    let p = this.resolved.get(value);
    if (!p) {
      p = this.lookUp(value).catch(() => null);
      this.resolved.set(value, p);
    }
    return p;
  }

  /** Versions recorded since are new: ask again next time. */
  forget(): void {
    this.resolved.clear();
  }

  private async lookUp(value: string): Promise<ResolvedRecord | null> {
    const current = (await this.cur.currentVersion()).version;
    if (isVersion(value)) {
      const version = Number(value);
      const at = await this.cur.changeSet(`cs-${version}`).then(
        (c) => c.at,
        () => null,
      );
      return { version, at, later: laterChanges(current, version) };
    }
    // A moment: the log, newest first, a page at a time until a change set at or before it.
    let before: string | number | null = null;
    for (let page = 0; page < 20; page++) {
      const log: { changes: ChangeSetSummary[]; next: string | number | null } = await this.cur.changes({ limit: 200, before });
      const hit = versionAt(log.changes, value);
      if (hit) return { version: hit.version, at: hit.at, later: laterChanges(current, hit.version) };
      if (log.next === null || log.next === undefined) return null;
      before = log.next;
    }
    return null;
  }

  /** `r`: undefined while it is looked up, null when no version was recorded then. */
  private render(value: string, r: ResolvedRecord | null | undefined): void {
    const what = isVersion(value) ? t.recorded.versionWord(Number(value)) : when(value);
    const text = r
      ? t.recorded.banner(r.version, r.at ? when(r.at) : '—', r.later)
      : r === null
        ? t.recorded.noVersion(what)
        : t.recorded.bannerUnresolved(what);
    clear(
      this.banner,
      h('span', { class: 'stage-banner-text' }, text),
      button(t.recorded.backToNow, () => this.bus.emit('view:act', { type: 'setRecordedAt', recordedAt: null }), {
        class: 'small primary',
        id: 'recorded-back',
      }),
    );
  }
}
