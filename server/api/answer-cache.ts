// Read answers cached by data version (docs/curation.md, "History design v2", part 4). The graph
// changes only when a change set commits and moves the version, so an answer is keyed by its
// request and the version it was read at: an answer as recorded at a past version never changes,
// and one for "now" holds until the version moves. Each request learns the current version with
// one small read, so a change set committed through another API server on the same Neo4j is seen
// by the next request here, and no answer outlives the version it was read at.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database.ts';
import { ReadsInFlight } from './reads-in-flight.ts';

/** The data version as Neo4j has it; `at` tells a counter that was set back from one that moved. */
export interface DataVersion {
  version: number;
  at: string | null;
}

export interface AnswerKey {
  /** The cache's own key: what was asked and at which version. */
  key: string;
  /** A weak entity tag, a hash of the key: equal tags mean the same answer. Hashed when first asked for. */
  readonly etag: string;
  /** A past version's answer never changes; "now" changes when the version moves. */
  past: boolean;
}

/** A kept answer: its JSON bytes and its tag, so that a warm request neither serialises nor hashes. */
export interface KeptAnswer {
  body: Buffer;
  etag: string;
}

const PAST_VERSION = /^\d+$/;

export class AnswerCache {
  private readonly lru: LRUCache<string, KeptAnswer> | null;
  /** The newest version a request has seen, and the keys of the "now" answers cached at it. */
  private latest: DataVersion | null = null;
  private nowKeys = new Set<string>();
  /** Reads under way that an identical request may wait on (server/api/reads-in-flight.ts). */
  readonly inFlight = new ReadsInFlight();

  constructor(
    maxBytes: number,
    /** The server's release: a new release may shape answers differently, so its tags differ. */
    private readonly release: string,
  ) {
    // No budget, no cache: answers still carry tags and 304s, from a read each time.
    this.lru =
      maxBytes > 0
        ? new LRUCache<string, KeptAnswer>({ maxSize: maxBytes, sizeCalculation: (a) => Math.max(1, a.body.length + a.etag.length) })
        : null;
  }

  /** The version read under way, and the one that starts when it ends (for requests that came meanwhile). */
  private running: Promise<DataVersion> | null = null;
  private queued: Promise<DataVersion> | null = null;

  /**
   * The current version, read from Neo4j (never remembered: another server may have moved it).
   * A request shares a read that began after it arrived, never one already under way: that
   * one may have passed a change set committed just before the request. So while a read runs,
   * every request that comes waits for one more read, which they all share; under load one
   * read answers many requests instead of each paying for its own.
   */
  current(db: Database): Promise<DataVersion> {
    if (!this.running) return this.start(db);
    this.queued ??= this.running.then(settled, settled).then(() => {
      this.queued = null;
      return this.start(db);
    });
    return this.queued;
  }

  private start(db: Database): Promise<DataVersion> {
    const read = db.read('curation/graph-version').then(([row]) => this.observeRow(row));
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }

  /** Routes whose handler did not take the version probe (server/db/database.ts): they read the version first. */
  private readonly unfolded = new Set<string>();

  /** The version as a row of curation/graph-version gives it, noted. */
  observeRow(row: Record<string, unknown> | undefined): DataVersion {
    return this.observe({ version: Number(row?.version ?? 0), at: typeof row?.at === 'string' ? row.at : null });
  }

  /**
   * Whether a request may skip the version read before its handler and read the version in its
   * first query's transaction instead: when no copy could answer it anyway. That is a read of
   * "now" (a past version's key does not depend on the current one), with no tag to check,
   * nothing kept under the newest version seen, and a route whose handler took the probe before.
   */
  foldable(
    route: string,
    input: { query: unknown; params: unknown },
    ifNoneMatch: string | undefined,
    asked = this.requestKey(route, input),
  ): boolean {
    if (ifNoneMatch || this.unfolded.has(route)) return false;
    if ((input.query as { recordedAt?: unknown } | undefined)?.recordedAt !== undefined) return false;
    return !this.latest || !this.get(this.keyOf(route, input, this.latest, asked));
  }

  /** A route whose handler awaited something before its first read: from now on it reads the version first. */
  unfold(route: string): void {
    this.unfolded.add(route);
  }

  /** Takes note of a version a request read; a newer one than before drops the older "now" answers. */
  observe(seen: DataVersion): DataVersion {
    if (!this.latest || seen.version > this.latest.version || (seen.version === this.latest.version && seen.at !== this.latest.at)) {
      // A newer version: no request will ask for the older "now" answers again.
      for (const key of this.nowKeys) this.lru?.delete(key);
      this.nowKeys = new Set();
      this.latest = seen;
    }
    return seen;
  }

  /**
   * The key of a request: what was asked (requestKey: its route and its validated parameters,
   * language and `recordedAt` among them) and the version it reads. A `recordedAt` given as a
   * version number up to the current one names a past that never changes; anything else is read
   * "now". Both parts are JSON, so the key is the one string joined, serialised once per request.
   */
  keyOf(route: string, input: { query: unknown; params: unknown }, at: DataVersion, asked = this.requestKey(route, input)): AnswerKey {
    const recordedAt = (input.query as { recordedAt?: unknown } | undefined)?.recordedAt;
    const past = typeof recordedAt === 'string' && PAST_VERSION.test(recordedAt) && Number(recordedAt) <= at.version;
    const key = asked + (past ? '"past"' : JSON.stringify([at.version, at.at]));
    let etag: string | undefined;
    return {
      key,
      past,
      get etag() {
        return (etag ??= tagOf(key));
      },
    };
  }

  /** What was asked, whatever the version: the read under way that an identical request may wait on. */
  requestKey(route: string, input: { query: unknown; params: unknown }): string {
    return JSON.stringify([this.release, route, input.query ?? null, input.params ?? null]);
  }

  get(key: AnswerKey): KeptAnswer | undefined {
    return this.lru?.get(key.key);
  }

  /** Keeps an answer, unless it was read at a version older than one already seen. */
  set(key: AnswerKey, at: DataVersion, body: Buffer): void {
    if (!this.lru) return;
    if (!key.past) {
      if (!this.latest || at.version !== this.latest.version || at.at !== this.latest.at) return;
      this.nowKeys.add(key.key);
    }
    this.lru.set(key.key, { body, etag: key.etag });
  }

  /** Bytes held now, for the bench and the tests. */
  get bytes(): number {
    return this.lru?.calculatedSize ?? 0;
  }
}

const settled = () => undefined;

const tagOf = (key: string) => `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;

/** Whether an If-None-Match header names this tag (weak comparison, RFC 9110 13.1.2). */
export function matchesTag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => opaque(t) === opaque(etag));
}
