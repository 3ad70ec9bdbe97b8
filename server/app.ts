// Builds the Express app; a separate entry (main.ts) listens, so tests drive the app directly.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { AppError, UnauthorizedError } from './errors.ts';
import { openApiDocument } from './api/openapi-registry.ts';
import { answerOtherMethods } from './api/route.ts';
import type { Services } from './api/services.ts';
import { AnswerCache } from './api/answer-cache.ts';
import { ReadLanes } from './api/read-lanes.ts';
import { EditorsFirst } from './api/editors-first.ts';
import { pastReadsStepAsideFor } from './curation/recorded.ts';
import { commitWithoutStacks } from './db/database.ts';
import type { Config } from './config.ts';
import { healthRoutes } from './api/routes/health.ts';
import { schemaRoutes } from './api/routes/schema.ts';
import { searchRoutes } from './api/routes/search.ts';
import { nodeRoutes } from './api/routes/nodes.ts';
import { pathRoutes } from './api/routes/paths.ts';
import { representationRoutes } from './api/routes/representation.ts';
import { askRoutes } from './api/routes/ask.ts';
import { sourceRoutes } from './api/routes/sources.ts';
import { exportRoutes } from './api/routes/export.ts';
import { figureRoutes } from './api/routes/figure.ts';
import { queryRoutes } from './api/routes/query.ts';
import { importRoutes } from './api/routes/import.ts';
import { sessionRoutes } from './api/routes/session.ts';
import { tokenRoutes } from './api/routes/tokens.ts';
import { changeRoutes } from './api/routes/changes.ts';
import { diffRoutes } from './api/routes/diffs.ts';
import { sourceWatchRoutes } from './api/routes/source-watch.ts';
import { bodyNotJson, bodyTooLarge, noSuchAddress, somethingWentWrong, tooManyRequests } from './refusal-words.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');
const DOCS_PAGE = join(ROOT, 'server', 'api', 'docs');
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/**
 * The readers' lanes, the past's apart (docs/curation.md, part 4, Fairness), both held while an
 * editor's write runs.
 */
function readersLanes(c: Config): NonNullable<Services['lanes']> {
  const editors = new EditorsFirst(c.EDITORS_FIRST_MS);
  const perClient = { perClient: c.READ_CONCURRENCY_PER_CLIENT, queuePerClient: c.READ_QUEUE_PER_CLIENT, queue: c.READ_QUEUE };
  return {
    editors,
    reads: new ReadLanes({ concurrency: c.READ_CONCURRENCY, ...perClient }, 'reads', editors),
    past: new ReadLanes({ concurrency: c.PAST_READ_CONCURRENCY, ...perClient }, 'reads of the past', editors),
  };
}

export function createApp(given: Services): Express {
  commitWithoutStacks();
  // One answer cache per app (docs/curation.md, part 4), unless the caller shares one.
  const c = given.config;
  const services: Services = {
    ...given,
    answers: given.answers ?? new AnswerCache(c.ANSWER_CACHE_BYTES, given.version),
    // And one set of readers' lanes (docs/curation.md, part 4, Fairness).
    lanes: given.lanes ?? readersLanes(c),
  };
  const { config, log } = services;
  // Reads of the past wait between their queries while an editor writes (same gate as the lanes).
  if (services.lanes?.editors) pastReadsStepAsideFor(services.db, services.lanes.editors);
  const app = express();
  app.disable('x-powered-by');
  // No ETag from Express: it hashes every JSON body (SHA-1), measurable on the large ones. The
  // graph's reads get theirs from the data version instead (server/api/answer-cache.ts).
  app.set('etag', false);
  // Behind a reverse proxy the client address comes from X-Forwarded-For (see README, Security).
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      // Keep tokens and cookies out of the logs.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Cytoscape and Swagger UI set inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  const origins =
    config.CORS_ORIGINS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  // Credentials (the session cookie) are never allowed cross-origin: another site's page may
  // read the graph where CORS_ORIGINS allows it, but not as a signed-in user.
  app.use(cors({ origin: origins.length ? origins : false, methods: ['GET', 'POST'], maxAge: 600 }));

  app.use(
    '/api',
    rateLimit({
      windowMs: 60_000,
      limit: config.RATE_LIMIT_PER_MINUTE,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, _res, next, options) => {
        const retryAfter = Math.ceil(options.windowMs / 1000);
        next(tooManyRequests(retryAfter));
      },
    }),
  );

  // Bodies are parsed per route (server/api/route.ts): only the routes that take one read it.

  const api = express.Router();
  for (const routes of [
    healthRoutes,
    schemaRoutes,
    searchRoutes,
    nodeRoutes,
    pathRoutes,
    representationRoutes,
    sourceRoutes,
    exportRoutes,
    figureRoutes,
    queryRoutes,
    importRoutes,
    sessionRoutes,
    tokenRoutes,
    changeRoutes,
    diffRoutes,
    sourceWatchRoutes,
    // After the routes it calls (callRoute).
    askRoutes,
  ]) {
    routes(api, services);
  }
  const document = openApiDocument(services.version);
  api.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  api.use('/api/docs', express.static(DOCS_PAGE, { index: 'index.html' }));
  api.use('/api/docs/swagger', express.static(SWAGGER_UI, { index: false }));
  answerOtherMethods(api);
  api.use('/api', (req, _res, next) => {
    next(
      noSuchAddress(
        new AppErrorNotFoundRoute('', [{ path: 'url', message: `no API endpoint ${req.method} ${req.originalUrl.split('?')[0]}` }]),
      ),
    );
  });
  app.use(api);

  if (config.SERVE_WEB && existsSync(WEB_DIST)) {
    app.use(express.static(WEB_DIST, { index: 'index.html', maxAge: '1h' }));
    // The web app keeps its state in the URL; any other path is the app itself.
    app.get(/^(?!\/api\/).*/, (_req, res) => {
      res.sendFile(join(WEB_DIST, 'index.html'));
    });
  }

  app.use(errorHandler);
  return app;
}

class AppErrorNotFoundRoute extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

/** Every error leaves as { error: { code, message, details } }; internals stay in the log. */
const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (err?.type === 'entity.too.large') appError = bodyTooLarge();
  else if (err?.type === 'entity.parse.failed') appError = bodyNotJson();
  else appError = somethingWentWrong();

  if (appError.status >= 500) req.log?.error({ err, code: appError.internalCode }, appError.message);
  if ('retryAfterSeconds' in appError) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
  if (appError instanceof UnauthorizedError) res.setHeader('WWW-Authenticate', appError.wwwAuthenticate);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // The reader's language when the request names one and the message is written in it.
  const asked = typeof req.query?.lang === 'string' ? req.query.lang : req.acceptsLanguages('en', 'sv');
  const message = (asked === 'sv' ? appError.words?.sv : appError.words?.en) ?? appError.message;
  res.status(appError.status).json({ error: { code: appError.code, message, details: appError.details } });
};
