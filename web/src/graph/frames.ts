// Fewer frames while a big view is being built (issue 22, part 5). Cytoscape redraws the whole
// canvas whenever anything changed, so while a view of thousands of elements arrives or settles
// into its layout a slice at a time, it drew every element again between every two slices:
// a frame of 0.2-0.4 s (10k elements, loaded machine) after each slice of a few milliseconds'
// work. While such work goes on, a frame is drawn at most every FRAME_GAP_MS; the picture still
// grows and moves in steps, and the last step is always drawn.
import type { Core } from 'cytoscape';

export const FRAME_GAP_MS = 500;
/** A hold ends by itself once no slice has asked for it for this long: the work has stopped. */
export const HOLD_IDLE_MS = 100;

/** Whether to skip the next frame: the last one was drawn less than `gapMs` ago. */
export function holdFrame(now: number, lastDrawn: number | undefined, gapMs = FRAME_GAP_MS): boolean {
  return lastDrawn !== undefined && now - lastDrawn < gapMs;
}

/**
 * The parts of Cytoscape's renderer the hold works with, none in its public types: its render
 * loop skips one animation frame for `skipFrame` (reset after each frame) and keeps the redraw
 * it owes for the next; `lastDrawTime` is when its last frame ended. `heldAt` and `holding`
 * are the hold's own.
 */
export interface HeldRenderer {
  skipFrame?: boolean;
  lastDrawTime?: number;
  getCachedZSortedEles?(): unknown;
  /** When a slice last asked to hold the frames; undefined once released. */
  heldAt?: number;
  /** True while the hold re-arms `skipFrame` every animation frame. */
  holding?: boolean;
}

export interface HoldClock {
  now(): number;
  frame(cb: () => void): void;
}

const pageClock: HoldClock = {
  now: () => performance.now(),
  frame: (cb) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : setTimeout(cb, 16)),
};

/**
 * Keeps `skipFrame` set in every animation frame while slices keep asking (`heldAt` recent).
 * A one-shot `skipFrame` held one frame only: when the browser ran two animation frames with
 * no slice between them (a busy page catching up), the second drew the whole canvas anyway,
 * unsorted (the 10k view's frames of 175-216 ms at the end of its arrival, 62 ms after the one
 * before). Cytoscape's loop checks the flag at the start of its frame callback and this one runs
 * after it in the same frame, so what it sets holds the next frame.
 */
export function keepHolding(r: HeldRenderer, clock: HoldClock = pageClock): void {
  if (r.holding) return;
  r.holding = true;
  const tick = () => {
    if (r.heldAt !== undefined && clock.now() - r.heldAt < HOLD_IDLE_MS) {
      r.skipFrame = true;
      clock.frame(tick);
    } else {
      r.holding = false;
      r.heldAt = undefined;
    }
  };
  clock.frame(tick);
}

/**
 * Call after a slice of work on `r` (Cytoscape's renderer): when the last frame was drawn less
 * than `gapMs` ago, frames are held until a slice finds the gap passed or the slices stop.
 * Returns true when a frame is due: the caller should then let it be drawn before adding more
 * (`inSlices` does, when its work returns this).
 */
export function spaceRendererFrames(r: HeldRenderer, gapMs = FRAME_GAP_MS, clock: HoldClock = pageClock): boolean {
  const now = clock.now();
  if (holdFrame(now, r.lastDrawTime, gapMs)) {
    r.skipFrame = true;
    r.heldAt = now;
    keepHolding(r, clock);
    return false;
  }
  r.heldAt = undefined;
  r.skipFrame = false;
  // The frame sorts every element by z-index when any was added (40-50 ms of a 10k frame):
  // sorted here, in the task that added them, the frame finds them sorted.
  r.getCachedZSortedEles?.();
  return true;
}

/**
 * Sorts the elements by z-index for the next frame, which otherwise does it when any was added
 * since: after an arrival's last slice, whose frame was held, that was 65 ms of a 221 ms frame
 * at 10k (quiet).
 */
export function sortForFrame(cy: Core): void {
  (cy as unknown as { renderer(): HeldRenderer | null }).renderer()?.getCachedZSortedEles?.();
}

/** `spaceRendererFrames` for the renderer of `cy`. */
export function spaceFrames(cy: Core, gapMs = FRAME_GAP_MS): boolean {
  const r = (cy as unknown as { renderer(): HeldRenderer | null }).renderer();
  return r ? spaceRendererFrames(r, gapMs) : false;
}
