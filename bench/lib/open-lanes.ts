// The bench's clients all come from 127.0.0.1, one address, which the readers' lanes would take
// for one client (server/api/read-lanes.ts): they measure many clients, so the lanes stand wide
// open. Answers are not kept in memory unless a bench asks (BENCH_ANSWER_CACHE_BYTES): the cold
// path is what the figures before the answer cache measured.
export const BENCH_READ_LIMITS = {
  // BENCH_READ_CONCURRENCY: the server's gate for all readers together, to measure a narrower one.
  READ_CONCURRENCY: process.env.BENCH_READ_CONCURRENCY ?? '1000',
  READ_CONCURRENCY_PER_CLIENT: '1000',
  READ_QUEUE_PER_CLIENT: '100000',
  READ_QUEUE: '100000',
  PAST_READ_CONCURRENCY: '100',
  ANSWER_CACHE_BYTES: process.env.BENCH_ANSWER_CACHE_BYTES ?? '0',
};
