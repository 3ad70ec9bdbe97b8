// The in-process answer cache on its own: keys by request and version, the byte budget, and the
// "now" answers of an older version dropped as soon as a newer version is seen.
import { describe, expect, it } from 'vitest';
import { AnswerCache, matchesTag } from '../../server/api/answer-cache.ts';
import type { Database } from '../../server/db/database.ts';

const v = (version: number, at = `2026-01-0${version}T00:00:00Z`) => ({ version, at });
const ask = (query: Record<string, unknown>, params: Record<string, unknown> = { id: 'who' }) => ({ query, params });

describe('answer cache', () => {
  it('keys an answer by route, parameters and version; a past version number by itself', () => {
    const cache = new AnswerCache(1024, 'r1');
    const now3 = cache.keyOf('/api/nodes/:id', ask({ lang: 'en' }), v(3));
    expect(cache.keyOf('/api/nodes/:id', ask({ lang: 'en' }), v(3)).etag).toBe(now3.etag);
    expect(cache.keyOf('/api/nodes/:id', ask({ lang: 'sv' }), v(3)).etag).not.toBe(now3.etag);
    expect(cache.keyOf('/api/nodes/:id', ask({ lang: 'en' }, { id: 'oecd' }), v(3)).etag).not.toBe(now3.etag);
    expect(cache.keyOf('/api/nodes/:id', ask({ lang: 'en' }), v(4)).etag).not.toBe(now3.etag);
    // A counter set back to 3 with another moment is another graph.
    expect(cache.keyOf('/api/nodes/:id', ask({ lang: 'en' }), v(3, '2027-01-01T00:00:00Z')).etag).not.toBe(now3.etag);
    expect(new AnswerCache(1024, 'r2').keyOf('/api/nodes/:id', ask({ lang: 'en' }), v(3)).etag).not.toBe(now3.etag);

    const past = cache.keyOf('/api/nodes/:id', ask({ recordedAt: '2' }), v(3));
    expect(past.past).toBe(true);
    expect(cache.keyOf('/api/nodes/:id', ask({ recordedAt: '2' }), v(9)).etag).toBe(past.etag);
    // A moment, or a version not made yet, is read "now".
    expect(cache.keyOf('/api/nodes/:id', ask({ recordedAt: '2026-01-01T00:00:00Z' }), v(3)).past).toBe(false);
    expect(cache.keyOf('/api/nodes/:id', ask({ recordedAt: '4' }), v(3)).past).toBe(false);
  });

  it('drops the "now" answers of an older version when a newer one is seen, and keeps past ones', () => {
    const cache = new AnswerCache(1024, 'r1');
    cache.observe(v(3));
    const now = cache.keyOf('/api/search', ask({ q: 'who' }), v(3));
    const past = cache.keyOf('/api/search', ask({ q: 'who', recordedAt: '1' }), v(3));
    cache.set(now, v(3), Buffer.from('{"now":3}'));
    cache.set(past, v(3), Buffer.from('{"past":1}'));
    expect(cache.get(now)?.body.toString()).toBe('{"now":3}');

    cache.observe(v(4));
    expect(cache.get(now)).toBeUndefined();
    expect(cache.get(past)?.body.toString()).toBe('{"past":1}');
    // A slow request that read version 3 does not put its answer back.
    cache.set(now, v(3), Buffer.from('{"now":3}'));
    expect(cache.get(now)).toBeUndefined();
    // Nor does an older version seen late drop the newer answers.
    const now4 = cache.keyOf('/api/search', ask({ q: 'who' }), v(4));
    cache.set(now4, v(4), Buffer.from('{"now":4}'));
    cache.observe(v(3));
    expect(cache.get(now4)?.body.toString()).toBe('{"now":4}');
  });

  it('holds no more bytes than its budget, letting the least recently used answers go', () => {
    const cache = new AnswerCache(250, 'r1');
    cache.observe(v(1));
    // Each answer counts its bytes and its tag's (about 36): two of these fit, three do not.
    const keys = ['a', 'b', 'c'].map((q) => cache.keyOf('/api/search', ask({ q }), v(1)));
    cache.set(keys[0]!, v(1), Buffer.alloc(80));
    cache.set(keys[1]!, v(1), Buffer.alloc(80));
    cache.get(keys[0]!);
    cache.set(keys[2]!, v(1), Buffer.alloc(80));
    expect(cache.bytes).toBeLessThanOrEqual(250);
    expect(cache.get(keys[1]!)).toBeUndefined();
    expect(cache.get(keys[0]!)).toBeDefined();
    // An answer larger than the whole budget is not kept at all.
    const big = cache.keyOf('/api/search', ask({ q: 'big' }), v(1));
    cache.set(big, v(1), Buffer.alloc(251));
    expect(cache.get(big)).toBeUndefined();
    // No budget: nothing is kept.
    const off = new AnswerCache(0, 'r1');
    off.observe(v(1));
    off.set(keys[0]!, v(1), Buffer.alloc(1));
    expect(off.get(keys[0]!)).toBeUndefined();
  });

  it('compares tags weakly and finds one among several', () => {
    expect(matchesTag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesTag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesTag('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesTag('*', 'W/"abc"')).toBe(true);
    expect(matchesTag('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesTag(undefined, 'W/"abc"')).toBe(false);
  });

  it('shares a version read among the requests that came while another ran, never the one already under way', async () => {
    // A database whose version reads see the version when they start and answer when the test says.
    let version = 1;
    const pending: Array<() => void> = [];
    const db = {
      read: () =>
        new Promise<Array<Record<string, unknown>>>((resolve) => {
          const seen = version;
          pending.push(() => resolve([{ version: seen, at: null }]));
        }),
    } as unknown as Database;
    const cache = new AnswerCache(0, 'r1');
    const first = cache.current(db);
    expect(pending).toHaveLength(1);
    // A change set commits while the first read is under way; then three requests come.
    version = 2;
    const later = [cache.current(db), cache.current(db), cache.current(db)];
    expect(pending).toHaveLength(1);
    pending.shift()!();
    // The first read may have passed the commit: the later requests wait for a read of their own.
    const firstSeen = await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(pending).toHaveLength(1);
    pending.shift()!();
    const seen = await Promise.all(later);
    expect(firstSeen.version).toBe(1);
    expect(seen.map((s) => s.version)).toEqual([2, 2, 2]);
    // With nothing under way, a request starts its own read at once.
    const alone = cache.current(db);
    expect(pending).toHaveLength(1);
    pending.shift()!();
    expect((await alone).version).toBe(2);
  });
});
