// Editors first (docs/curation.md, part 4, Fairness). Reads take no lock that a change set
// waits for, but on a small machine they still take its cores: sixteen readers of the past made
// an editor's change set 25 times slower at p95 (bench/README.md). So while an editor's write
// runs, the readers' lanes start no new read: the write shares Neo4j only with the reads that
// were already running (at most the lanes' width), and the reads that wait start the moment it
// ends. One write holds the lanes for at most `maxHoldMs`, so a long import or a stream of
// overlapping change sets cannot starve the readers.

/** What a readers' lane asks before it starts a read. */
export interface WriteGate {
  /** True while a write asks the lanes to start nothing new. */
  holds(): boolean;
  /** `wake` runs each time the gate stops holding. */
  onRelease(wake: () => void): void;
  /** While the gate holds, a promise of its release; otherwise null. */
  released(): Promise<void> | null;
}

export class EditorsFirst implements WriteGate {
  private running = 0;
  /** Set when the hold's time is up: a timer may fire a millisecond before Date.now() says so. */
  private expired = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly wakers: Array<() => void> = [];
  private release$: { promise: Promise<void>; resolve: () => void } | null = null;

  /** `maxHoldMs` 0 turns the gate off: writes then never hold the lanes. */
  constructor(private readonly maxHoldMs: number) {}

  holds(): boolean {
    return this.running > 0 && this.maxHoldMs > 0 && !this.expired;
  }

  onRelease(wake: () => void): void {
    this.wakers.push(wake);
  }

  released(): Promise<void> | null {
    if (!this.holds()) return null;
    if (!this.release$) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.release$ = { promise, resolve };
    }
    return this.release$.promise;
  }

  /** Runs an editor's write with the lanes held. */
  async during<T>(write: () => Promise<T>): Promise<T> {
    if (this.running++ === 0 && this.maxHoldMs > 0) {
      this.expired = false;
      // Past the hold the readers go on even though the write has not ended.
      this.timer = setTimeout(() => {
        this.expired = true;
        this.release();
      }, this.maxHoldMs);
      this.timer.unref();
    }
    try {
      return await write();
    } finally {
      if (--this.running === 0) {
        clearTimeout(this.timer);
        this.release();
      }
    }
  }

  private release(): void {
    const waiting = this.release$;
    this.release$ = null;
    waiting?.resolve();
    for (const wake of this.wakers) wake();
  }
}
