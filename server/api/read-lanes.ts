// Fair to every reader (docs/curation.md, "History design v2", part 4, Fairness). The per-minute
// rate limit counts requests; it does not stop one client's burst of expensive reads (deep
// paths, whole-graph exports, reads of the past) from filling Neo4j while everyone else waits.
// Here each client may run a few reads at once and queue a few more; a free place goes to the
// clients in turn, so one client's queue never stands in front of another's request. Past its
// own queue a client gets 429, past the server's whole queue everyone gets 503, both with
// Retry-After. Change sets and other editor routes never enter: they have a lane of their own.
import { AppError, type ErrorDetail } from '../errors.ts';
import { ownQueueFull, serverQueueFull } from '../refusal-words.ts';
import type { WriteGate } from './editors-first.ts';

export interface LaneLimits {
  /** Reads running at once, all clients together. */
  concurrency: number;
  /** Reads one client may run at once. */
  perClient: number;
  /** Reads one client may have waiting besides those running. */
  queuePerClient: number;
  /** Reads waiting, all clients together. */
  queue: number;
}

/** The server's whole queue is full: nobody's read can wait here now. */
export class ServerBusyError extends AppError {
  readonly status = 503;
  readonly code = 'SERVER_BUSY';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    details: ErrorDetail[] = [],
  ) {
    super(message, details);
  }
}

interface Waiter {
  client: string;
  admit: () => void;
}

/** Who runs and who waits, per client: what the hostile tests look at. */
export interface LaneState {
  running: Record<string, number>;
  waiting: Record<string, number>;
}

export class ReadLanes {
  private readonly running = new Map<string, number>();
  /** Waiting reads per client, each client's in the order they came. */
  private readonly waiting = new Map<string, Waiter[]>();
  /** When each client present was last given a place: the least recent goes first. */
  private readonly served = new Map<string, number>();
  private tick = 0;
  private inFlight = 0;
  private queued = 0;
  /** A moving average of how long a read holds its place, for Retry-After. */
  private holdMs = 100;

  constructor(
    readonly limits: LaneLimits,
    /** What the lane holds, in the error messages: "reads", "reads of the past". */
    private readonly what = 'reads',
    /** While an editor's write runs, no new read starts (server/api/editors-first.ts). */
    private readonly gate?: WriteGate,
  ) {
    gate?.onRelease(() => this.dispatch());
  }

  /**
   * A place for one of `client`'s reads: `admitted` resolves when it may run, and `leave` frees
   * the place, or withdraws the read from the queue when its client went away while it waited.
   * Throws 429 past the client's queue and 503 past the server's.
   */
  enter(client: string): { admitted: Promise<void>; leave: () => void } {
    const started = { at: 0 };
    let state: 'waiting' | 'running' | 'left' = 'waiting';
    const leave = () => {
      if (state === 'running') {
        this.running.set(client, (this.running.get(client) ?? 1) - 1);
        if (this.running.get(client) === 0) this.running.delete(client);
        if (!this.running.has(client) && !this.waiting.has(client)) this.served.delete(client);
        this.inFlight--;
        this.holdMs = 0.8 * this.holdMs + 0.2 * (Date.now() - started.at);
      } else if (state === 'waiting') {
        const list = this.waiting.get(client) ?? [];
        const i = list.indexOf(waiter);
        if (i >= 0) {
          list.splice(i, 1);
          this.queued--;
          if (!list.length) this.waiting.delete(client);
        }
        if (!this.running.has(client) && !this.waiting.has(client)) this.served.delete(client);
      }
      state = 'left';
      this.dispatch();
    };
    const waiter: Waiter = {
      client,
      admit: () => {
        state = 'running';
        started.at = Date.now();
        this.running.set(client, (this.running.get(client) ?? 0) + 1);
        this.served.set(client, ++this.tick);
        this.inFlight++;
      },
    };
    if (
      !this.gate?.holds() &&
      !this.waiting.has(client) &&
      this.inFlight < this.limits.concurrency &&
      (this.running.get(client) ?? 0) < this.limits.perClient
    ) {
      waiter.admit();
      return { admitted: Promise.resolve(), leave };
    }
    const mine = this.waiting.get(client)?.length ?? 0;
    if (mine >= this.limits.queuePerClient) {
      state = 'left';
      const ahead = mine + (this.running.get(client) ?? 0);
      const err = ownQueueFull(this.seconds(ahead / this.limits.perClient));
      err.details.push({ path: 'client', message: `${ahead} ${this.what} running or waiting` });
      throw err;
    }
    if (this.queued >= this.limits.queue) {
      state = 'left';
      const wait = this.seconds(this.queued / this.limits.concurrency);
      throw serverQueueFull(new ServerBusyError('', wait, [{ path: 'server', message: `${this.queued} ${this.what} waiting` }]), wait);
    }
    const admitted = new Promise<void>((resolve) => {
      const admit = waiter.admit;
      waiter.admit = () => {
        admit();
        resolve();
      };
    });
    this.waiting.set(client, [...(this.waiting.get(client) ?? []), waiter]);
    this.queued++;
    return { admitted, leave };
  }

  state(): LaneState {
    return {
      running: Object.fromEntries(this.running),
      waiting: Object.fromEntries([...this.waiting].map(([c, l]) => [c, l.length])),
    };
  }

  /**
   * Gives free places to waiting reads: each to the client served least recently among those
   * below their own limit, so a long queue of one client takes turns with everyone else's.
   */
  private dispatch(): void {
    if (this.gate?.holds()) return;
    while (this.inFlight < this.limits.concurrency) {
      let next: string | undefined;
      for (const c of this.waiting.keys()) {
        if ((this.running.get(c) ?? 0) >= this.limits.perClient) continue;
        if (next === undefined || (this.served.get(c) ?? 0) < (this.served.get(next) ?? 0)) next = c;
      }
      if (next === undefined) return;
      const list = this.waiting.get(next)!;
      const waiter = list.shift()!;
      this.queued--;
      if (!list.length) this.waiting.delete(next);
      waiter.admit();
    }
  }

  /** Seconds until about `rounds` reads of average length have gone by; at least 1. */
  private seconds(rounds: number): number {
    return Math.max(1, Math.ceil((rounds * this.holdMs) / 1000));
  }
}
