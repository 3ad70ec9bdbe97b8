// A bench run's results with nothing measured, for the tests of the report: each test gives
// the parts it is about (sizes, the browser stage, the reads of the past).
import type { BenchResults } from '../../bench/report.ts';

export function benchResults(parts: Partial<Omit<BenchResults, 'targets'>> = {}): Omit<BenchResults, 'targets'> {
  return {
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    seconds: 60,
    mode: 'custom',
    machine: { cpus: 2, memoryGiB: 24, node: '20', loadAverageAtStart: [0, 0, 0] },
    options: {},
    sizes: [],
    browser: null,
    past: null,
    notes: [],
    ...parts,
  };
}
