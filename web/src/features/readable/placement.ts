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

/** Place `list` (absolutely positioned under `wrap`) by the room around `field`. */
export function placeList(wrap: HTMLElement, field: HTMLElement, list: HTMLElement): void {
  if (list.hidden) return;
  const rect = field.getBoundingClientRect();
  // The visual viewport shrinks when a phone's keyboard is up.
  const height = window.visualViewport?.height ?? window.innerHeight;
  list.style.maxHeight = '';
  const { up, maxHeight } = listPlacement(rect, height, list.scrollHeight);
  wrap.classList.toggle('opens-up', up);
  list.style.maxHeight = `${maxHeight}px`;
}
