// The changes feed: every change set, newest first, with its reason, sources and operations;
// editors can revert one (which is itself recorded as a new change set).
import { ApiError } from '../../api/client.ts';
import type { CurationApi, DiffQuery } from '../../api/curation.ts';
import type { ChangeSetSummary, ChangeWritten } from '../../api/curation-types.ts';
import { errorMessage } from '../../api/messages.ts';
import { t } from '../../i18n/index.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { showBusy } from '../common/ui.ts';
import { parseLines } from '../edit/model.ts';
import { conflictView } from '../edit/panel.ts';
import { parseSource } from '../../ui/sources.ts';
import type { SessionState } from '../session/state.ts';
import { changeSetLine, changeTable } from './entries.ts';
import { revertConflicts, revertConflictView } from './revert-conflict.ts';

const PAGE = 20;

export class ChangesFeed {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly more: HTMLElement;
  private next: string | number | null = null;
  private loaded = false;

  constructor(
    private readonly cur: CurationApi,
    private readonly session: SessionState,
    private readonly feedback: Feedback,
    private readonly compare: (q: DiffQuery) => void,
    private readonly afterRevert: (written: ChangeWritten) => Promise<void>,
    /** The version or moment the graph is read as recorded at, when it is; reverts wait for now. */
    private readonly recordedAt: () => string | null = () => null,
  ) {
    this.list = h('ol', { class: 'changes-list' });
    this.more = h('div', { class: 'changes-more' });
    this.element = h(
      'section',
      { class: 'changes-feed', 'aria-labelledby': 'changes-title' },
      h(
        'div',
        { class: 'changes-head' },
        h('h2', { id: 'changes-title' }, t.curation.changesTitle),
        button(t.curation.refresh, () => void this.load(), { class: 'small', id: 'changes-refresh' }),
      ),
      this.list,
      this.more,
    );
    // Revert buttons come and go with the session.
    session.subscribe(() => {
      if (this.loaded) void this.load();
    });
  }

  /** First page, newest first (again after a write). */
  async load(): Promise<void> {
    this.loaded = true;
    showBusy(this.list, t.curation.loadingChanges);
    clear(this.more);
    try {
      const log = await this.cur.changes({ limit: PAGE });
      clear(
        this.list,
        log.changes.map((c) => this.item(c)),
      );
      if (!log.changes.length) clear(this.list, h('li', { class: 'muted' }, t.curation.noChanges));
      this.setNext(log.next);
    } catch (err) {
      clear(this.list, h('li', { class: 'error-text', role: 'alert' }, errorMessage(err, t.curation.loadingChanges)));
    }
  }

  private setNext(next: string | number | null): void {
    this.next = next;
    clear(this.more, next !== null && next !== undefined ? button(t.curation.older, () => void this.loadMore(), { class: 'small' }) : null);
  }

  private async loadMore(): Promise<void> {
    try {
      const log = await this.feedback.track(t.curation.loadingChanges, this.cur.changes({ limit: PAGE, before: this.next }));
      this.list.append(...log.changes.map((c) => this.item(c)));
      this.setNext(log.next);
    } catch (err) {
      this.feedback.notify('error', errorMessage(err, t.curation.loadingChanges), 'changes');
    }
  }

  private item(c: ChangeSetSummary): HTMLElement {
    const details = h('div', { class: 'change-ops' });
    const revertBox = h('div', { class: 'revert-box' });
    // Named as the details panel names citations: the document, then its lines.
    const sources = c.sources.map((s) => {
      const span = typeof s === 'string' ? null : s.lines ? parseLines(s.lines) : null;
      const ref = parseSource(typeof s === 'string' ? s : span ? `${s.file}#L${span.from}-L${span.to}` : s.file);
      return `${ref.document}${span || typeof s === 'string' ? `, ${ref.lines}` : ''}`;
    });
    const open = h('details', { class: 'change-details' }, h('summary', {}, t.curation.operations(c.opCount)), details);
    open.addEventListener('toggle', () => {
      if (open.open && !details.childElementCount) void this.loadOps(c.id, details);
    });
    return h(
      'li',
      { class: 'change-item', 'data-version': c.version, 'data-id': c.id },
      changeSetLine(c),
      h('p', { class: 'change-reason' }, c.reason),
      sources.length ? h('p', { class: 'change-sources muted' }, `${t.curation.sources}: `, sources.join('; ')) : null,
      c.revertOf ? h('p', { class: 'muted' }, t.curation.revertOf(revertedWhat(c.revertOf))) : null,
      c.revertsAlso?.length ? h('p', { class: 'muted' }, t.revertConflict.revertsAlso(c.revertsAlso.map(revertedWhat).join(', '))) : null,
      open,
      h(
        'div',
        { class: 'actions' },
        c.version > 1
          ? button(t.curation.compareBefore, () => this.compare({ kind: 'versions', from: c.version - 1, to: c.version }), {
              class: 'small',
            })
          : null,
        this.session.canEdit && c.kind !== 'seed'
          ? button(t.curation.revert, () => this.revertForm(c, revertBox), { class: 'small danger', 'data-action': 'revert' })
          : null,
      ),
      revertBox,
    );
  }

  private async loadOps(id: string, box: HTMLElement): Promise<void> {
    showBusy(box, t.curation.loadingChanges);
    try {
      const detail = await this.cur.changeSet(id);
      clear(
        box,
        h(
          'ol',
          { class: 'ops-list' },
          detail.ops.map((op) =>
            h(
              'li',
              {},
              h(
                'p',
                {},
                h('strong', {}, t.curation.actions[op.action as keyof typeof t.curation.actions] ?? op.action),
                ` ${op.elementId}`,
              ),
              changeTable(op.before, op.after),
            ),
          ),
        ),
      );
    } catch (err) {
      clear(box, h('p', { class: 'error-text' }, errorMessage(err, t.curation.loadingChanges)));
    }
  }

  private revertForm(c: ChangeSetSummary, box: HTMLElement): void {
    const past = this.recordedAt();
    if (past !== null) {
      const what = /^\d+$/.test(past) ? t.recorded.versionWord(Number(past)) : past;
      clear(box, h('p', { class: 'edit-off', role: 'note' }, t.recorded.editingOff(what)));
      return;
    }
    const id = `revert-reason-${c.version}`;
    const reason = h('textarea', { id, rows: 2, 'aria-describedby': `${id}-error` });
    const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
    const form = h(
      'form',
      { class: 'revert-form' },
      h('label', { for: id, class: 'field-label' }, t.curation.revertWhy(c.version)),
      reason,
      error,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'danger' }, t.curation.revertConfirm),
        button(t.curation.cancel, () => clear(box)),
      ),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void (async () => {
        if (reason.value.trim().length < 10) {
          error.textContent = t.curation.reasonShort;
          reason.setAttribute('aria-invalid', 'true');
          reason.focus();
          return;
        }
        await this.runRevert(c, reason.value.trim(), false, box, error);
      })();
    });
    clear(box, form);
    reason.focus();
  }

  /** Sends a revert; a later change in the way is named, with "undo together" as the way out. */
  private async runRevert(c: ChangeSetSummary, reason: string, withLater: boolean, box: HTMLElement, error: HTMLElement): Promise<void> {
    try {
      const written = await this.feedback.track(t.curation.reverting, this.cur.revert(c.id, reason, withLater));
      const also = written.changeSet.revertsAlso ?? [];
      this.feedback.notify(
        'info',
        also.length
          ? t.revertConflict.undoneTogether([c.version, ...also.map((id) => Number(id.slice(3)))], written.changeSet.version)
          : t.curation.reverted(c.version, written.changeSet.version),
        'edit',
      );
      clear(box);
      await this.afterRevert(written);
      await this.load();
    } catch (err) {
      const conflicts = err instanceof ApiError && err.status === 409 ? revertConflicts(err) : [];
      if (conflicts.length) {
        const view = revertConflictView(c.version, conflicts, () => void this.runRevert(c, reason, true, box, error));
        clear(box, view);
        view.focus();
      } else if (err instanceof ApiError && err.status === 409 && !err.details.length)
        clear(box, h('p', { class: 'error-text', role: 'alert' }, t.revertConflict.nothingLeft(c.version)));
      else if (err instanceof ApiError && err.status === 409)
        clear(
          box,
          conflictView(err, () => void this.load()),
        );
      else if (err instanceof ApiError && err.status === 400 && err.details.length)
        error.textContent = err.details.map((d) => d.message).join(' ');
      else error.textContent = errorMessage(err, t.curation.reverting);
    }
  }
}

/** Change set ids are `cs-<version>`: a reader knows versions, so name that. */
function revertedWhat(id: string): string {
  const m = /^cs-(\d+)$/.exec(id);
  return m ? t.curation.versionLower(Number(m[1])) : id;
}
