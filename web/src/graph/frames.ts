// Fewer frames while a big view is being built (issue 22, part 5). Cytoscape redraws the whole
// canvas whenever anything changed, so while a view of thousands of elements arrives or settles
// into its layout a slice at a time, it drew every element again between every two slices:
// a frame of 0.2-0.4 s (10k elements, loaded machine) after each slice of a few milliseconds'
// work. While such work goes on, a frame is drawn at most every FRAME_GAP_MS; the picture still
// grows and moves in steps, and the last step is always drawn.
import type { Core } from 'cytoscape';

export const FRAME_GAP_MS = 500;

/** Whether to skip the next frame: the last one was drawn less than `gapMs` ago. */
export function holdFrame(now: number, lastDrawn: number | undefined, gapMs = FRAME_GAP_MS): boolean {
  return lastDrawn !== undefined && now - lastDrawn < gapMs;
}

/**
 * Call after a slice of work: Cytoscape's next frame is skipped when one was drawn lately. Its
 * render loop skips one frame for `skipFrame` (reset after each animation frame) and keeps the
 * redraw it owes for the next; `lastDrawTime` is when its last frame ended. Neither is in its
 * public types. Returns true when a frame is due: the caller should then let it be drawn
 * before adding more (`inSlices` does, when its work returns this).
 */
export function spaceFrames(cy: Core, gapMs = FRAME_GAP_MS): boolean {
  const r = (
    cy as unknown as { renderer(): { skipFrame?: boolean; lastDrawTime?: number; getCachedZSortedEles?(): unknown } | null }
  ).renderer();
  if (!r) return false;
  if (holdFrame(performance.now(), r.lastDrawTime, gapMs)) {
    r.skipFrame = true;
    return false;
  }
  // The frame sorts every element by z-index when any was added (40-50 ms of a 10k frame):
  // sorted here, in the task that added them, the frame finds them sorted.
  r.getCachedZSortedEles?.();
  return true;
}
