// Errors as a person reads them: what went wrong, and what to try, in the reader's language.
import { t } from '../i18n/index.ts';
import { AbortedError, ApiError, type RetryNotice } from './client.ts';

export function errorMessage(err: unknown, doing: string): string {
  if (err instanceof AbortedError) return '';
  const what = capitalise(doing);
  if (!(err instanceof ApiError)) return t.errors.failed(what, t.errors.reload((err as Error)?.message ?? String(err)));
  switch (err.status) {
    case 0:
      return t.errors.failed(what, t.errors.unreachable);
    // The server says what is wrong in people's words, in the reader's language; the field paths stay in `details` for programs.
    case 400:
      return t.errors.failed(what, err.message);
    case 404:
      return t.errors.failed(what, t.errors.notFound(err.message));
    case 429:
      return t.errors.failed(what, t.errors.tooMany);
    case 502:
    case 503:
    case 504:
      return t.errors.failed(what, t.errors.dbDown);
    default:
      return t.errors.failed(what, err.message);
  }
}

export function retryMessage(n: RetryNotice): string {
  const seconds = Math.max(1, Math.round(n.waitMs / 1000));
  const what = n.error.status === 0 ? t.errors.retryServer : n.error.status === 429 ? t.errors.retrySlow : t.errors.retryDb;
  return t.errors.retrying(what, seconds, n.attempt + 1, n.of);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
