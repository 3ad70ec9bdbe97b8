// `npm start`: configuration, database (the embedded Neo4j unless NEO4J_URI is set), schema
// and seed, the web app, then the HTTP server on PORT. Ctrl-C or SIGTERM stops what it started.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app.ts';
import { connect, prepareDatabase, type Connection } from './bootstrap.ts';
import { ConfigError, loadConfig, withDevSources, type Config } from './config.ts';
import { progress } from './cli/progress.ts';
import { ensureWebBuilt } from './web-build.ts';
import { REPO_ROOT } from '../neo4j-local/launcher.ts';

const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  let config: Config;
  // In development the source documents sit beside the repository; citations can then show
  // their lines. An explicit SOURCES_DIR (or an empty one, to turn it off) wins.
  const env = withDevSources(process.env, REPO_ROOT);
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // The request serializer (server/app.ts) already logs no headers or bodies; this catches a
  // secret that a later log line might carry by mistake.
  const log = pino({
    level: config.LOG_LEVEL,
    redact: [
      'req.headers.authorization',
      'req.headers.cookie',
      'req.headers["x-csrf-token"]',
      'res.headers["set-cookie"]',
      'NEO4J_PASSWORD',
      'WRITE_TOKEN',
      'password',
      'token',
      'csrfToken',
      '*.password',
      '*.token',
      '*.csrfToken',
    ],
  });

  const dbStep = progress(config.NEO4J_URI ? `Connecting to ${config.NEO4J_URI}` : 'Starting the local Neo4j');
  let connection: Connection;
  try {
    connection = await connect(config, (line) => dbStep.text(line));
    dbStep.succeed(
      connection.local
        ? `Local Neo4j ${connection.local.startedHere ? 'started' : 'already running'} at ${connection.uri}`
        : `Using ${connection.uri}`,
    );
  } catch (err) {
    dbStep.fail(`Neo4j could not be started: ${(err as Error).message}`);
    process.exit(1);
  }
  const { db, local } = connection;

  const seedStep = progress('Applying the schema and checking the seed graph');
  const ready = prepareWithRetry(db, config, (done, total, phase) => seedStep.count(done, total, phase)).then(
    (outcome) =>
      seedStep.succeed(
        outcome.loaded
          ? `Seed graph loaded: ${outcome.nodes} nodes, ${outcome.relationships} relationships`
          : 'Database ready (graph already present, seed not reloaded)',
      ),
    (err) => seedStep.fail(`Database preparation failed: ${(err as Error).message}`),
  );
  await ready;

  if (config.SERVE_WEB) {
    const webStep = progress('Building the web app');
    try {
      const built = await ensureWebBuilt();
      webStep.succeed(built ? 'Web app built' : 'Web app up to date');
    } catch (err) {
      webStep.fail(`The web app could not be built: ${(err as Error).message}`);
    }
  }

  const app = createApp({ db, config, log, version });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    process.stderr.write(
      `\nMandate Explorer is running at http://${host}:${config.PORT}\n  API reference: http://${host}:${config.PORT}/api/docs\n  Stop with Ctrl-C.\n`,
    );
  });
  server.on('error', (err) => {
    process.stderr.write(`The server could not listen on ${config.HOST}:${config.PORT}: ${err.message}\n`);
    void shutdown(1);
  });

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('\nStopping: finishing requests in flight…\n');
    // Stop accepting, let requests in flight finish, then close idle keep-alive sockets.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, 10_000).unref();
    });
    await db.close().catch(() => undefined);
    if (local?.startedHere) {
      process.stderr.write('Stopping the local Neo4j this run started…\n');
      await local.stop().catch(() => undefined);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

const PREPARE_QUERY_TIMEOUT_MS = 180_000;

/** Neo4j may still be coming up (or be remote and restarting): keep trying for a while. */
async function prepareWithRetry(db: Connection['db'], config: Config, onProgress: (done: number, total: number, phase: string) => void) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      // The API's per-query limit is for readers; loading the seed into a newly started Neo4j
      // on a busy machine can take longer than that and must not leave an empty product.
      return await prepareDatabase(db.withQueryTimeout(Math.max(config.QUERY_TIMEOUT_MS, PREPARE_QUERY_TIMEOUT_MS)), {
        seed: config.SEED_ON_START,
        onProgress,
      });
    } catch (err) {
      if (Date.now() > deadline || (err as { code?: string }).code !== 'DATABASE_UNAVAILABLE') throw err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

void main();
