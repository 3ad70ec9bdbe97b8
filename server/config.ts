// Configuration comes from the environment once, at boot, through one schema: a wrong value
// stops the process with a line that names the variable and what was expected.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

export const ConfigSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'expected a Bolt URI such as bolt://localhost:7687 or neo4j+s://host')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'expected a Neo4j database name')
    .optional(),
  /** Port of the embedded local Neo4j started when NEO4J_URI is unset. */
  NEO4J_LOCAL_PORT: port.default(7687),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Milliseconds a single query may run before Neo4j stops it. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Most rows the Cypher console returns. */
  CONSOLE_ROW_LIMIT: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Token that unlocks write endpoints (import); unset means they are off. */
  WRITE_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  /**
   * Reading needs a session or an API token too; only health, the session endpoints and the
   * OpenAPI document stay open (docs/curation.md, "Who may do what").
   */
  READ_REQUIRES_SIGN_IN: flag.default(false),
  /** Failed sign-ins per name and client in a minute before 429. */
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  /** How long a sign-in lasts before the browser must sign in again. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /** Comma-separated origins allowed by CORS; unset means same-origin only. */
  CORS_ORIGINS: z.string().optional(),
  /** Requests per minute per client before 429. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * Bytes of serialised read answers kept in memory, keyed by request and data version
   * (docs/curation.md, part 4); 0 turns the in-process cache off (tags and 304s stay).
   */
  ANSWER_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  /** Reads running at once, all clients together; more wait their turn (server/api/read-lanes.ts). */
  READ_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  /** Reads one client (an account, else an address) may run at once. */
  READ_CONCURRENCY_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(4),
  /** Reads one client may have waiting besides those running; more get 429 with Retry-After. */
  READ_QUEUE_PER_CLIENT: z.coerce.number().int().min(0).max(100_000).default(16),
  /** Reads waiting, all clients together; more get 503 with Retry-After. */
  READ_QUEUE: z.coerce.number().int().min(0).max(1_000_000).default(256),
  /**
   * Reads "as recorded at" running at once, all clients together, in a lane apart from the reads
   * of now (so a burst of them never takes those places); each client may run
   * READ_CONCURRENCY_PER_CLIENT of them. They take no lock (docs/curation.md §3) and step aside
   * between their queries while an editor writes, so a change set shares Neo4j with at most one
   * query of each. The default is this machine's cores: on two cores an editor's p95 with sixteen
   * readers of the past was ×0.8–×1.35 of its p95 alone at 1, 2 or 4 at once, ×1.46 at 16, while
   * the readers got about 12, 19, 36 and 96 answers a second (bench/README.md). Where Neo4j has cores
   * of its own, set as many as those.
   */
  PAST_READ_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(Math.max(1, availableParallelism())),
  /**
   * While an editor's write runs, the readers' lanes start no new read, for at most this many
   * milliseconds per write (server/api/editors-first.ts); 0 turns it off.
   */
  EDITORS_FIRST_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
  /** Serve the built web app from web/dist. */
  SERVE_WEB: flag.default(true),
  /** Load the seed graph into an empty database at start. */
  SEED_ON_START: flag.default(true),
  /**
   * Folder of the source documents the facts cite (FILE.txt). With it, GET
   * /api/sources/{file}/lines shows cited lines in context; without it that endpoint answers
   * 404 SOURCE_TEXT_UNAVAILABLE. `npm start` sets it to ../shared/seeds beside the repository
   * when that folder exists. The texts are read, never copied into the repository.
   */
  SOURCES_DIR: z
    .string()
    .refine((d) => isDirectory(d), 'expected an existing folder of source documents')
    .optional(),
});

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as shells and compose files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment');
      const value = name in cleaned && !/PASSWORD|TOKEN/.test(name) ? ` (got "${cleaned[name]}")` : '';
      return `${name}: ${i.message}${value}`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  return parsed.data;
}

/**
 * The environment with SOURCES_DIR defaulting to the source documents beside the repository
 * (`../shared/seeds`), as in development: the server and the command-line tools then read the
 * same texts. An explicit SOURCES_DIR (or an empty one, to turn it off) wins.
 */
export function withDevSources(env: NodeJS.ProcessEnv, repoRoot: string): NodeJS.ProcessEnv {
  const devSources = resolvePath(repoRoot, '../shared/seeds');
  return env.SOURCES_DIR === undefined && existsSync(devSources) ? { ...env, SOURCES_DIR: devSources } : env;
}
