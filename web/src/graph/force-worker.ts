// The web worker that lays out large views (see force-job.ts): one job in, positions out.
import { runForceJob, type ForceJob } from './force-job.ts';

self.onmessage = (ev: MessageEvent<ForceJob>) => {
  try {
    self.postMessage({ positions: runForceJob(ev.data) });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
