// Global setup for browser tests: the built web app and the API served on a free port.
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { Database } from '../../server/db/database.ts';
import { ensureWebBuilt } from '../../server/web-build.ts';
import { TEST_QUERY_TIMEOUT_MS } from '../helpers/time-limit.ts';

export default async function setup(project: TestProject) {
  await ensureWebBuilt();
  const config = loadConfig({ ...process.env, PORT: '3000', RATE_LIMIT_PER_MINUTE: '100000', SERVE_WEB: '1' });
  const db = new Database({
    uri: project.getProvidedContext().neo4jUri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    queryTimeoutMs: TEST_QUERY_TIMEOUT_MS,
  });
  const app = createApp({ db, config, log: pino({ level: 'silent' }), version: 'test' });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  project.provide('appUrl', `http://127.0.0.1:${port}`);
  return async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await db.close();
  };
}
