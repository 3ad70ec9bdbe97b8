// Readers' lanes on their own: one client's burst never stands in front of another client's
// read, a client past its queue gets 429 and the server past its queue 503, both with
// Retry-After, and a client that goes away gives its place back.
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../server/errors.ts';
import { ReadLanes, ServerBusyError } from '../../server/api/read-lanes.ts';
import { EditorsFirst } from '../../server/api/editors-first.ts';

const limits = { concurrency: 2, perClient: 1, queuePerClient: 3, queue: 5 };
/** Enters a read and notes when it is admitted, in `order`. */
function reader(lanes: ReadLanes, client: string, order: string[]) {
  const place = lanes.enter(client);
  void place.admitted.then(() => order.push(client));
  return place;
}
const settle = () => new Promise((r) => setImmediate(r));
/** Lanes behind an editors-first gate that holds for `holdMs`. */
const gated = (holdMs: number) => {
  const editors = new EditorsFirst(holdMs);
  return { editors, lanes: new ReadLanes(limits, 'reads', editors), order: [] as string[] };
};
/** An editor's write that runs until the test calls `finish`. */
function openWrite(editors: EditorsFirst) {
  let finish = () => {};
  const write = editors.during(() => new Promise<void>((r) => (finish = r)));
  return { write, finish: () => finish() };
}

describe('readers’ lanes', () => {
  it('gives a burst’s client one place while another client’s read goes straight in', async () => {
    const lanes = new ReadLanes(limits);
    const order: string[] = [];
    const burst = [1, 2, 3, 4].map(() => reader(lanes, 'a', order));
    const other = reader(lanes, 'b', order);
    await settle();
    expect(order).toEqual(['a', 'b']);
    expect(lanes.state()).toEqual({ running: { a: 1, b: 1 }, waiting: { a: 3 } });

    // Past its queue, the burst's client is refused; the other client is not.
    expect(() => lanes.enter('a')).toThrow(RateLimitedError);
    const refused = (() => {
      try {
        lanes.enter('a');
      } catch (err) {
        return err as RateLimitedError;
      }
      return null;
    })();
    expect(refused?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const third = reader(lanes, 'c', order);

    // A free place goes to the clients in turn: c, which waited behind a's queue, comes first.
    burst[0]!.leave();
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    other.leave();
    await settle();
    expect(order).toEqual(['a', 'b', 'c', 'a']);
    third.leave();
    burst[1]!.leave();
    await settle();
    expect(order).toEqual(['a', 'b', 'c', 'a', 'a']);
    expect(lanes.state()).toEqual({ running: { a: 1 }, waiting: { a: 1 } });
  });

  it('answers 503 past the server’s whole queue, for every client', () => {
    const lanes = new ReadLanes({ concurrency: 1, perClient: 1, queuePerClient: 2, queue: 3 });
    lanes.enter('a');
    lanes.enter('a');
    lanes.enter('a');
    lanes.enter('b');
    let busy: unknown = null;
    try {
      lanes.enter('c');
    } catch (err) {
      busy = err;
    }
    expect(busy).toBeInstanceOf(ServerBusyError);
    expect((busy as ServerBusyError).status).toBe(503);
    expect((busy as ServerBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('takes a read that left while waiting out of the queue, and frees a place once only', async () => {
    const lanes = new ReadLanes(limits);
    const order: string[] = [];
    const first = reader(lanes, 'a', order);
    const gone = reader(lanes, 'a', order);
    gone.leave();
    expect(lanes.state()).toEqual({ running: { a: 1 }, waiting: {} });
    first.leave();
    first.leave();
    await settle();
    expect(order).toEqual(['a']);
    expect(lanes.state()).toEqual({ running: {}, waiting: {} });
    // Both places are free again.
    reader(lanes, 'a', order);
    reader(lanes, 'b', order);
    await settle();
    expect(lanes.state().running).toEqual({ a: 1, b: 1 });
  });

  it('starts no new read while an editor writes, keeps the running one, and lets the waiting in after', async () => {
    const { editors, lanes, order } = gated(60_000);
    const before = reader(lanes, 'a', order);
    const { write, finish } = openWrite(editors);
    const during = [reader(lanes, 'b', order), reader(lanes, 'c', order)];
    await settle();
    expect(order).toEqual(['a']);
    expect(lanes.state()).toEqual({ running: { a: 1 }, waiting: { b: 1, c: 1 } });
    // A place freed during the write stays free until the write ends.
    before.leave();
    await settle();
    expect(lanes.state()).toEqual({ running: {}, waiting: { b: 1, c: 1 } });
    finish();
    await write;
    await settle();
    expect(order).toEqual(['a', 'b', 'c']);
    for (const place of during) place.leave();
  });

  it('holds the readers for a limited time only, however long the write runs', async () => {
    const { editors, lanes, order } = gated(30);
    const { write, finish } = openWrite(editors);
    reader(lanes, 'a', order);
    await settle();
    expect(order).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    await settle();
    expect(order).toEqual(['a']);
    // And a read that comes later in the same write goes straight in.
    reader(lanes, 'b', order);
    await settle();
    expect(order).toEqual(['a', 'b']);
    finish();
    await write;
  });

  it('is off at 0: a write never holds the readers', async () => {
    const { editors, lanes, order } = gated(0);
    const { write, finish } = openWrite(editors);
    reader(lanes, 'a', order);
    await settle();
    expect(order).toEqual(['a']);
    finish();
    await write;
  });

  it('tells a running read of the past when its next step may go: at once, after the write, or when the hold is up', async () => {
    const { editors } = gated(60_000);
    expect(editors.released()).toBeNull();
    const { write, finish } = openWrite(editors);
    const steps: string[] = [];
    void editors.released()!.then(() => steps.push('first'));
    void editors.released()!.then(() => steps.push('second'));
    await settle();
    expect(steps).toEqual([]);
    finish();
    await write;
    await settle();
    expect(steps).toEqual(['first', 'second']);
    expect(editors.released()).toBeNull();

    const short = gated(30).editors;
    const long = openWrite(short);
    const waited = short.released();
    expect(waited).not.toBeNull();
    await waited;
    // The write still runs, but its hold is over: the next step goes at once.
    expect(short.released()).toBeNull();
    long.finish();
    await long.write;
  });
});
