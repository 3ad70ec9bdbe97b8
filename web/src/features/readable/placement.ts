// Suggestion lists open where they can be seen: below their field when there is room, above
// it when below would run off the screen (a field low on a phone, the keyboard up).

/** The height a list may take on the side it opens to, and which side. */
export function listPlacement(
  field: { top: number; bottom: number },
  viewportHeight: number,
  wanted: number,
): { up: boolean; maxHeight: number } {
  const margin = 8;
  const below = viewportHeight - field.bottom - margin;
  const above = field.top - margin;
  const up = below < Math.min(wanted, 240) && above > below;
  return { up, maxHeight: Math.max(80, Math.floor(Math.min(up ? above : below, viewportHeight * 0.6))) };
}

/** The part of the screen a list under `el` can be seen in: the window, cut by every scrolling box around it. */
function visibleBand(el: HTMLElement): { top: number; bottom: number } {
  // The visual viewport shrinks when a phone's keyboard is up.
  let top = 0;
  let bottom = window.visualViewport?.height ?? window.innerHeight;
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'visible' || overflow === 'clip') continue;
    const r = p.getBoundingClientRect();
    top = Math.max(top, r.top);
    bottom = Math.min(bottom, r.bottom);
  }
  return { top, bottom };
}

/** Place `list` (absolutely positioned under `wrap`) by the room around `field`. */
export function placeList(wrap: HTMLElement, field: HTMLElement, list: HTMLElement): void {
  if (list.hidden) return;
  const rect = field.getBoundingClientRect();
  const band = visibleBand(wrap);
  list.style.maxHeight = '';
  const { up, maxHeight } = listPlacement(
    { top: rect.top - band.top, bottom: rect.bottom - band.top },
    band.bottom - band.top,
    list.scrollHeight,
  );
  wrap.classList.toggle('opens-up', up);
  list.style.maxHeight = `${maxHeight}px`;
}
