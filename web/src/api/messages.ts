// Errors as a person reads them: what went wrong, and what to try.
import { AbortedError, ApiError, type RetryNotice } from './client.ts';

export function errorMessage(err: unknown, doing: string): string {
  if (err instanceof AbortedError) return '';
  if (!(err instanceof ApiError))
    return `${capitalise(doing)} failed: ${(err as Error)?.message ?? String(err)}. Reload the page and try again.`;
  switch (err.status) {
    case 0:
      return `${capitalise(doing)} failed: the server is not reachable. Check that Mandate Explorer is running, then try again.`;
    case 400: {
      const detail = err.details[0];
      return `${capitalise(doing)} failed: ${err.message}${detail ? ` (${detail.path}: ${detail.message})` : ''}`;
    }
    case 404:
      return `${capitalise(doing)} failed: ${err.message} It may have been removed from the graph; remove it from the view or search again.`;
    case 429:
      return `${capitalise(doing)} failed: too many requests in a short time. Wait a few seconds and try again.`;
    case 502:
    case 503:
    case 504:
      return `${capitalise(doing)} failed: the database is not reachable. Try again in a minute.`;
    default:
      return `${capitalise(doing)} failed: ${err.message}`;
  }
}

export function retryMessage(n: RetryNotice): string {
  const seconds = Math.max(1, Math.round(n.waitMs / 1000));
  const what =
    n.error.status === 0
      ? 'The server is not reachable'
      : n.error.status === 429
        ? 'The server asks us to slow down'
        : 'The database is not reachable';
  return `${what} — retrying in ${seconds} s (attempt ${n.attempt + 1} of ${n.of}).`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
