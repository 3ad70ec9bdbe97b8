// Saved views as pure steps: the view state a saved link holds, and the address that opens a
// saved view by its id.
import { decodeView, type DecodedView } from '../../state/url.ts';

export const VIEW_ID = /^view-[0-9a-f]{12}$/;

/** The view a saved link holds: its fragment (a whole URL or the fragment alone). */
export function viewOfLink(link: string): DecodedView | null {
  const hash = link.includes('#') ? link.slice(link.indexOf('#')) : link;
  return decodeView(hash);
}

/** The saved view an address names (`?view=view-…`), or null. */
export function viewIdOf(search: string): string | null {
  const id = new URLSearchParams(search).get('view');
  return id && VIEW_ID.test(id) ? id : null;
}

/** The same address with `?view=` set to `id`, or taken off (null); other parameters kept. */
export function withViewId(search: string, id: string | null): string {
  const params = new URLSearchParams(search);
  if (id) params.set('view', id);
  else params.delete('view');
  const s = params.toString();
  return s ? `?${s}` : '';
}
