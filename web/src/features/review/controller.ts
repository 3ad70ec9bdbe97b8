// Source watch in the browser (issue 21), kept out of the curation controller: the Review tab's
// queue and Edit → New text. The curation controller creates it and hands it a host; main.ts
// only gives it the side panel's tab, whose label carries the count and which only editors see.
import type { ApiClient } from '../../api/client.ts';
import type { CurationApi } from '../../api/curation.ts';
import { t } from '../../i18n/index.ts';
import type { Feedback } from '../../ui/feedback.ts';
import type { SessionState } from '../session/state.ts';
import { ReviewApi } from './api.ts';
import { ReviewPanel } from './panel.ts';
import { UploadForm } from './upload.ts';

export interface ReviewControllerHost {
  /** Put these nodes on the canvas and select the element, then open the edit form on it. */
  editElement(show: string[], select: { factId: string } | { id: string }): Promise<void>;
  /** Read the view again after the graph changed. */
  reload(): Promise<void>;
  openReview(): void;
  sources(): Array<{ file: string; title?: string }>;
}

/** What the review needs of the side panel: its tab's label, or hidden (null). */
export interface ReviewTab {
  setTab(name: 'review', label: string | null): void;
}

export class ReviewController {
  readonly panel: ReviewPanel;
  readonly upload: UploadForm;
  private tab: ReviewTab | null = null;
  private count: number | null = null;

  constructor(api: ApiClient, cur: CurationApi, session: SessionState, feedback: Feedback, host: ReviewControllerHost) {
    const review = new ReviewApi(api);
    this.panel = new ReviewPanel(review, session, feedback, {
      edit: async (kind, id) => {
        if (kind === 'node') return host.editElement([id], { id });
        // A tie is selected by its fact id once both its ends are on the canvas; its history says which they are.
        const entries = (await cur.history(id).catch(() => ({ entries: [] }))).entries;
        const state = [...entries].reverse().find((e) => e.after ?? e.before);
        const s = state?.after ?? state?.before;
        const ends = [s?.from, s?.to].filter((x): x is string => typeof x === 'string');
        return host.editElement(ends, { factId: id });
      },
      setCount: (n) => {
        this.count = n;
        this.tab?.setTab('review', n === null ? null : n ? t.review.tabCount(n) : t.review.tab);
      },
      afterChange: () => host.reload(),
    });
    this.upload = new UploadForm(review, feedback, {
      sources: host.sources,
      afterUpload: async () => {
        await Promise.all([this.panel.load(), host.reload()]);
      },
      openReview: host.openReview,
    });
  }

  /** The side panel's tab: hidden until an editor is signed in. */
  attach(tab: ReviewTab): void {
    this.tab = tab;
    tab.setTab('review', this.count === null ? null : this.count ? t.review.tabCount(this.count) : t.review.tab);
  }
}
