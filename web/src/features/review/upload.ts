// Edit → New text (issue 21, source watch): a new text of a registered document, with a reason.
// The server keeps the old text as a version, moves the citations whose lines only moved and
// puts up for review the facts whose cited lines changed or went; the form says what it did
// ("2 facts need review. 3 citations moved with the text.") with a way to the Review tab.
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/messages.ts';
import { t } from '../../i18n/index.ts';
import { button, clear, h } from '../../ui/dom.ts';
import type { Feedback } from '../../ui/feedback.ts';
import { FormFields, select, textarea } from '../edit/form.ts';
import type { ReviewApi } from './api.ts';
import { uploadSummary } from './model.ts';
import type { SourceVersionWritten } from './types.ts';

/** What addSource and a new text take as `text` (server/curation/schemas.ts). */
const MAX_TEXT = 2_000_000;

export interface UploadHost {
  sources(): Array<{ file: string; title?: string }>;
  /** After a new text: the review queue and the view read again. */
  afterUpload(written: SourceVersionWritten): Promise<void>;
  openReview(): void;
}

export class UploadForm {
  /** The last result, kept above the form when the edit tab draws it again. */
  private result: SourceVersionWritten | null = null;

  constructor(
    private readonly api: ReviewApi,
    private readonly feedback: Feedback,
    private readonly host: UploadHost,
  ) {}

  draw(body: HTMLElement): void {
    const f = new FormFields('source-upload');
    const docs = this.host.sources();
    const doc = select([['', t.review.uploadPick], ...docs.map((s) => [s.file, s.title ?? s.file] as [string, string])]);
    const file = h('input', { type: 'file', accept: '.txt,text/plain' });
    const status = h('div', { class: 'upload-status', role: 'status', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'primary' }, t.review.uploadSubmit);
    const form = h(
      'form',
      { class: 'edit-form upload-form', novalidate: true, 'aria-labelledby': 'upload-heading' },
      f.field('doc', t.review.uploadDoc, doc),
      f.field('text', t.review.uploadFile, file, t.review.uploadFileHint),
      f.field('reason', t.review.uploadReason, textarea(2), t.review.uploadReasonHint),
      h('div', { class: 'actions' }, submit),
      status,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void (async () => {
        const chosen = file.files?.[0];
        const reason = f.value('reason');
        const local: Array<{ path: string; message: string }> = [];
        if (!doc.value) local.push({ path: 'doc', message: t.review.uploadNeedsDoc });
        if (!chosen) local.push({ path: 'text', message: t.review.uploadNeedsFile });
        else if (chosen.size > MAX_TEXT) local.push({ path: 'text', message: t.sourceForm.tooBig((chosen.size / 1_000_000).toFixed(1)) });
        if (reason.length < 10) local.push({ path: 'reason', message: t.review.reasonShort });
        if (local.length || !chosen) {
          f.showErrors(local);
          return;
        }
        f.clearErrors();
        submit.disabled = true;
        form.setAttribute('aria-busy', 'true');
        clear(status, h('p', { class: 'muted' }, h('span', { class: 'spinner small' }), t.review.uploadingNow));
        try {
          const text = await chosen.text();
          const written = await this.feedback.track(t.review.uploading, this.api.newText(doc.value, text, reason));
          this.result = written;
          clear(status);
          form.reset();
          this.showResult(body);
          await this.host.afterUpload(written);
        } catch (err) {
          if (err instanceof ApiError && err.status === 400 && err.details.length) {
            const rest = f.showErrors(err.details.map((d) => ({ ...d, path: d.path.replace(/^body\.text.*/, 'text') })));
            clear(status, rest.length ? h('p', { class: 'error-text', role: 'alert' }, rest.map((d) => d.message).join(' ')) : null);
          } else clear(status, h('p', { class: 'error-text', role: 'alert' }, errorMessage(err, t.review.uploading)));
        } finally {
          submit.disabled = false;
          form.removeAttribute('aria-busy');
        }
      })();
    });
    clear(
      body,
      h('h3', { id: 'upload-heading' }, t.review.upload),
      h('p', { class: 'muted' }, t.review.uploadIntro),
      h('div', { class: 'upload-result-slot' }),
      form,
    );
    this.showResult(body, false);
  }

  /** The summary of the last new text, strongest first, with the way to the review. */
  private showResult(body: HTMLElement, focus = true): void {
    const slot = body.querySelector<HTMLElement>('.upload-result-slot');
    if (!slot) return;
    const r = this.result;
    if (!r) return void clear(slot);
    const box = h(
      'div',
      { class: 'upload-result', role: 'status', tabindex: '-1' },
      h(
        'ul',
        {},
        uploadSummary(r).map((s) => h('li', {}, s)),
      ),
      r.flagged
        ? button(t.review.openReview, () => this.host.openReview(), { class: 'small primary', 'data-action': 'open-review' })
        : null,
    );
    clear(slot, box);
    if (focus) box.focus();
  }
}
