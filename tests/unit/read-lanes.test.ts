// Readers' lanes on their own: one client's burst never stands in front of another client's
// read, a client past its queue gets 429 and the server past its queue 503, both with
// Retry-After, and a client that goes away gives its place back.
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../server/errors.ts';
import { ReadLanes, ServerBusyError } from '../../server/api/read-lanes.ts';

const limits = { concurrency: 2, perClient: 1, queuePerClient: 3, queue: 5 };
/** Enters a read and notes when it is admitted, in `order`. */
function reader(lanes: ReadLanes, client: string, order: string[]) {
  const place = lanes.enter(client);
  void place.admitted.then(() => order.push(client));
  return place;
}
const settle = () => new Promise((r) => setImmediate(r));

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
});
