// Identical reads in flight on their own: a read is found while it runs and forgotten when it
// ends, a failed one is shared as nothing, and only an answer read at the very version a later
// request found may answer it.
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../server/api/answer-cache.ts';
import { freshFor, ReadsInFlight, type SharedAnswer } from '../../server/api/reads-in-flight.ts';

const v = (version: number, at = `2026-01-0${version}T00:00:00Z`) => ({ version, at });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const answer = (version: number): SharedAnswer => ({
  body: Buffer.from(`{"v":${version}}`),
  at: v(version),
  key: new AnswerCache(0, 'r').keyOf('/api/search', { query: { q: 'x' }, params: {} }, v(version)),
});

describe('reads in flight', () => {
  it('finds a read while it runs, gives its answer to whoever waits, and forgets it when it ends', async () => {
    const reads = new ReadsInFlight();
    const read = deferred<SharedAnswer | null>();
    expect(reads.find('a')).toBeUndefined();
    reads.lead('a', read.promise);
    const waiting = reads.find('a');
    expect(waiting).toBeDefined();
    expect(reads.find('b')).toBeUndefined();
    read.resolve(answer(3));
    expect((await waiting)?.body.toString()).toBe('{"v":3}');
    expect(reads.find('a')).toBeUndefined();
    expect(reads.size).toBe(0);
  });

  it('shares a failed read as nothing, so that each waiting request runs its own', async () => {
    const reads = new ReadsInFlight();
    const read = deferred<SharedAnswer | null>();
    reads.lead('a', read.promise);
    const waiting = reads.find('a');
    read.reject(new Error('timed out'));
    await expect(read.promise).rejects.toThrow('timed out');
    expect(await waiting).toBeNull();
    expect(reads.size).toBe(0);
  });

  it('a read that ends does not forget a newer one under the same key', async () => {
    const reads = new ReadsInFlight();
    const older = deferred<SharedAnswer | null>();
    const newer = deferred<SharedAnswer | null>();
    reads.lead('a', older.promise);
    reads.lead('a', newer.promise);
    older.resolve(answer(3));
    await older.promise;
    await Promise.resolve();
    expect(reads.find('a')).toBeDefined();
    newer.resolve(answer(4));
    expect((await reads.find('a'))?.at.version).toBe(4);
  });

  it('an answer is fresh for a request only at the very version and moment that request found', () => {
    expect(freshFor(v(3), v(3))).toBe(true);
    // Read before a change set that the request's own version read has seen.
    expect(freshFor(v(3), v(4))).toBe(false);
    // A counter set back (an unfinished restore undone) and moved on again is another graph.
    expect(freshFor(v(3), v(3, '2027-01-01T00:00:00Z'))).toBe(false);
    // A higher number alone proves nothing: the counter may have been set back since.
    expect(freshFor(v(5), v(4))).toBe(false);
  });
});
