// The bench's clients all come from 127.0.0.1, one address, which the readers' lanes would take
// for one client (server/api/read-lanes.ts): they measure many clients, so each client's share
// stands wide open. The gate for all readers together is production's (READ_CONCURRENCY, 16 by
// default): on two cores, 32 cold reads let into Neo4j at once served fewer a second than 8 or
// 16 did (bench/README.md, "Cold reads, round robin"); BENCH_READ_CONCURRENCY sets another, to
// measure it. Answers are not kept in memory unless a bench asks (BENCH_ANSWER_CACHE_BYTES): the
// cold path is what the figures before the answer cache measured.
export const BENCH_READ_LIMITS = {
  ...(process.env.BENCH_READ_CONCURRENCY ? { READ_CONCURRENCY: process.env.BENCH_READ_CONCURRENCY } : {}),
  READ_CONCURRENCY_PER_CLIENT: '1000',
  READ_QUEUE_PER_CLIENT: '100000',
  READ_QUEUE: '100000',
  PAST_READ_CONCURRENCY: '100',
  ANSWER_CACHE_BYTES: process.env.BENCH_ANSWER_CACHE_BYTES ?? '0',
};
