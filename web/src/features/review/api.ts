// Source watch's endpoints over the one HTTP client (which adds the session's CSRF token to writes).
import { queryString, type ApiClient, type CallOptions } from '../../api/client.ts';
import type { ReviewAction, ReviewList, SourceVersionWritten } from './types.ts';

const enc = encodeURIComponent;

export class ReviewApi {
  constructor(private readonly api: ApiClient) {}

  /** The facts waiting for review, their titles in `lang`. */
  items(lang: string, opts?: CallOptions): Promise<ReviewList> {
    return this.api.call('GET', `/api/review${queryString({ lang })}`, undefined, opts);
  }

  /** Confirm a flagged fact with new lines, or retire it: 201, or 409 when someone was first. */
  resolve(kind: 'node' | 'tie', id: string, action: ReviewAction): Promise<unknown> {
    return this.api.call('POST', `/api/review/${enc(kind)}/${enc(id)}`, action);
  }

  /** A new text of a registered document. */
  newText(file: string, text: string, reason: string): Promise<SourceVersionWritten> {
    return this.api.call('POST', `/api/sources/${enc(file)}/versions`, { text, reason });
  }
}
