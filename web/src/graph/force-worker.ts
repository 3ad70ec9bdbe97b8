// The web worker that lays out large views (see force-job.ts): jobs in, positions out.
import { runForceJob, type ForceJob } from './force-job.ts';

self.onmessage = (ev: MessageEvent<{ id: number; job: ForceJob }>) => {
  const { id, job } = ev.data;
  try {
    self.postMessage({ id, positions: runForceJob(job) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
