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

export interface SliceOptions {
  /** Items per slice; the budget decides how many slices run before the page gets a turn. */
  slice?: number;
  budgetMs?: number;
  /** Called after each turn given back, with how many items are done. */
  onProgress?: (done: number, total: number) => void;
  /** Checked after every turn given back: true stops the work where it is. */
  cancelled?: () => boolean;
  now?: () => number;
  yieldFn?: () => Promise<void>;
}

/**
 * Runs `work` over `items` slice by slice, yielding to the page whenever the budget is spent.
 * Resolves true when every item was done, false when `cancelled` stopped it.
 */
export async function inSlices<T>(items: readonly T[], work: (slice: readonly T[]) => void, o: SliceOptions = {}): Promise<boolean> {
  const size = Math.max(1, o.slice ?? 200);
  const budget = o.budgetMs ?? SLICE_BUDGET_MS;
  const now = o.now ?? (() => performance.now());
  const yieldFn = o.yieldFn ?? yieldToPage;
  let turnStart = now();
  for (let i = 0; i < items.length; i += size) {
    work(items.slice(i, i + size));
    const done = Math.min(items.length, i + size);
    if (done < items.length && now() - turnStart >= budget) {
      o.onProgress?.(done, items.length);
      await yieldFn();
      if (o.cancelled?.()) return false;
      turnStart = now();
    }
  }
  o.onProgress?.(items.length, items.length);
  return true;
}
