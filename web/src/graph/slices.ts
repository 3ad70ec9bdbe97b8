// Long work on the main thread in slices: a big view is added to Cytoscape, and its laid-out
// positions placed, a few hundred elements at a time, giving the page back between slices so a
// click, a key or a frame never waits behind seconds of work (issue 22, part 5).

/** Work done before the page gets the thread back; well under the 50 ms of a long task. */
export const SLICE_BUDGET_MS = 30;

/**
 * Gives the event loop a turn: input, frames, network answers, the layout worker's message.
 * A plain task, not `scheduler.yield`, whose continuation runs ahead of other queued work:
 * with it a 10k-element arrival held back everything but input until it was done.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Gives the page a turn that lets the next frame be drawn before the work goes on. */
export function yieldToFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return yieldToPage();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export interface SliceOptions<T = unknown> {
  /** Items per slice; the budget decides how many slices run before the page gets a turn. */
  slice?: number;
  /**
   * What an item weighs against `slice` (1 when not given): a slice takes items while their
   * weights add up to no more than `slice`, and always at least one. A node moved by a layout
   * weighs its ties too, since each of them is measured again with it.
   */
  weight?: (item: T) => number;
  /**
   * When given, `slice` is only the first slice's size: each next one is sized from how long
   * the last took, to take about this long (never more than double the last, and at most
   * `maxSlice`). The first slices of an arrival cost several times the later ones (styles met
   * for the first time, code not yet optimised): 200 elements took 0.19 s at first, quiet.
   */
  targetMs?: number;
  maxSlice?: number;
  budgetMs?: number;
  /** Called after each turn given back, with how many items are done. */
  onProgress?: (done: number, total: number) => void;
  /** Checked after every turn given back: true stops the work where it is. */
  cancelled?: () => boolean;
  now?: () => number;
  yieldFn?: () => Promise<void>;
  /** The turn given when `work` says a frame is due (returns true): by default, up to the next frame. */
  frameYieldFn?: () => Promise<void>;
}

/**
 * Runs `work` over `items` slice by slice, yielding to the page whenever the budget is spent,
 * or at once, up to the next frame, when `work` returns true (a frame is due: it is then drawn
 * before more is added, so what the slice prepared for it is still valid).
 * Resolves true when every item was done, false when `cancelled` stopped it.
 */
export async function inSlices<T>(
  items: readonly T[],
  work: (slice: readonly T[]) => boolean | void,
  o: SliceOptions<T> = {},
): Promise<boolean> {
  let size = Math.max(1, o.slice ?? 200);
  const maxSlice = o.maxSlice ?? 4 * size;
  const budget = o.budgetMs ?? SLICE_BUDGET_MS;
  const now = o.now ?? (() => performance.now());
  const yieldFn = o.yieldFn ?? yieldToPage;
  let turnStart = now();
  for (let i = 0; i < items.length;) {
    const done = sliceEnd(items, i, size, o.weight);
    const sliceStart = o.targetMs === undefined ? 0 : now();
    const frameDue = work(items.slice(i, done)) === true;
    i = done;
    if (o.targetMs !== undefined) size = nextSliceSize(size, now() - sliceStart, o.targetMs, maxSlice);
    if (done < items.length && (frameDue || now() - turnStart >= budget)) {
      o.onProgress?.(done, items.length);
      await (frameDue ? (o.frameYieldFn ?? yieldToFrame) : yieldFn)();
      if (o.cancelled?.()) return false;
      turnStart = now();
    }
  }
  o.onProgress?.(items.length, items.length);
  return true;
}

/** The next slice's size, for a slice of `size` that took `tookMs`, aiming at `targetMs`. */
export function nextSliceSize(size: number, tookMs: number, targetMs: number, maxSlice: number): number {
  const aimed = tookMs > 0 ? Math.floor((size * targetMs) / tookMs) : 2 * size;
  return Math.max(1, Math.min(aimed, 2 * size, maxSlice));
}

/** Where the slice starting at `start` ends (exclusive): `size` items, or as many as `size` can weigh. */
export function sliceEnd<T>(items: readonly T[], start: number, size: number, weight?: (item: T) => number): number {
  if (!weight) return Math.min(items.length, start + size);
  let end = start + 1;
  let total = weight(items[start]!);
  while (end < items.length) {
    const w = weight(items[end]!);
    if (total + w > size) break;
    total += w;
    end++;
  }
  return end;
}
