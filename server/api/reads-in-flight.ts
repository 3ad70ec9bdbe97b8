// Identical reads in flight, answered once (docs/curation.md, part 4, "Identical reads in
// flight"). The readers of a shared link ask the same few questions at the same moment; when
// nobody holds the answer yet (right after a change set, or with no answer budget), each of them
// would run the same queries. A request that finds an identical read under way may take that
// read's answer instead, but only when the answer is as new as the data was when the request
// came: route.ts checks the version the read saw against a version read that began after the
// request arrived, and runs the request's own queries when they differ.
import type { AnswerKey, DataVersion } from './answer-cache.ts';

/** What a read produced, for the requests that wait on it: its JSON bytes and the version its reads saw. */
export interface SharedAnswer {
  body: Buffer;
  at: DataVersion;
  /** Its key at that version, so that the tag is hashed once for all of them. */
  key: AnswerKey;
}

export class ReadsInFlight {
  private readonly running = new Map<string, Promise<SharedAnswer | null>>();

  /** The identical read under way, if any. */
  find(key: string): Promise<SharedAnswer | null> | undefined {
    return this.running.get(key);
  }

  /**
   * Lets other requests wait on `read` under `key` until it ends. A read that fails, or whose
   * handler answered by itself, is shared as null: each waiting request then runs its own, so an
   * error never crosses from one request to another.
   */
  lead(key: string, read: Promise<SharedAnswer | null>): void {
    const shared = read.catch(() => null);
    this.running.set(key, shared);
    void shared.then(() => {
      if (this.running.get(key) === shared) this.running.delete(key);
    });
  }

  /** Reads under way now (for the tests). */
  get size(): number {
    return this.running.size;
  }
}

/**
 * Whether an answer read at `theirs` may answer a request whose own version read, begun after
 * it arrived, gave `mine`. Only the same version and moment will do: a version can be set back
 * (a restore that never completed is undone), so a higher number alone does not prove a newer graph.
 */
export function freshFor(theirs: DataVersion, mine: DataVersion): boolean {
  return theirs.version === mine.version && theirs.at === mine.at;
}
