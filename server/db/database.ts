// The one module that talks to Neo4j. Reads go through executeRead and writes through
// executeWrite so that a cluster (neo4j:// URIs) routes each to the right member; sessions
// are always closed; driver errors become the project's own error classes.
import neo4j, { type Driver, type ManagedTransaction, type Session, Transaction } from 'neo4j-driver';
import { loadQueries, loadSchemaStatements, type QueryName, type QueryTexts } from './cypher-registry.ts';
import { isUnreachable, mapDriverError, StreamBrokenError } from './driver-errors.ts';
import { toNeo4jParams, toPlain } from './values.ts';
import { QueryTimeoutError } from '../errors.ts';
import { databaseUnavailable } from '../refusal-words.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string | undefined;
  /** Default time limit of one transaction, in milliseconds. */
  queryTimeoutMs?: number;
  /** How long the driver keeps retrying a transaction on transient faults. */
  retryMs?: number;
}

export interface QueryOptions {
  timeoutMs?: number;
}

/** The part of a transaction that callers may use: named queries only. */
export interface NamedTransaction {
  run(name: QueryName, params?: Params): Promise<Row[]>;
}

/**
 * What a read of the graph needs: named read queries. The Database answers from the current
 * graph; the reader inside readRolledBack answers from that transaction's (uncommitted) graph,
 * so one read function serves both.
 */
export interface Reader {
  read(name: QueryName, params?: Params, options?: QueryOptions): Promise<Row[]>;
}

/** Carries the work's result out of executeWrite, whose throw makes the driver roll back. */
class RollBack<T> {
  constructor(readonly value: T) {}
}

/**
 * After Neo4j was found unreachable, requests in the next second answer 503 at once instead
 * of each spending the driver's retry time on a database that is not there; the first request
 * after that tries again, so the server recovers by itself.
 */
const FAIL_FAST_MS = 1_000;

/**
 * For this long after Neo4j was last found unreachable, a question that runs out of time meets a
 * database still warming up (an empty page cache, its plans made again), not a question too
 * wide: it gets 503 with Retry-After ("try again in a moment") rather than 408 ("ask a narrower one").
 */
const WARMING_MS = 60_000;

export class Database {
  readonly queries: QueryTexts;
  private unreachableUntil = 0;
  private unreachableAt = Number.NEGATIVE_INFINITY;
  private readonly driver: Driver;
  private readonly database: string | undefined;
  private readonly timeoutMs: number;
  /**
   * One bookmark manager for all of this process's sessions: in a cluster, a read that follows a
   * change set committed through this server waits until the follower it goes to has that change
   * set, so an editor never reads the graph from before their own edit. On one instance the
   * bookmarks are met at once. (Another API server's writes are not waited for: docs/curation.md §4.)
   * Dropped when Neo4j is found unreachable: a database started again (or restored from a backup)
   * may never reach a bookmark taken before, and every read would wait for it to its time limit.
   */
  private bookmarks = neo4j.bookmarkManager();

  constructor(options: DatabaseOptions, queries: QueryTexts = loadQueries()) {
    this.queries = queries;
    this.database = options.database;
    this.timeoutMs = options.queryTimeoutMs ?? 10_000;
    const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      // Fail fast when Neo4j is down so the API can answer 503 instead of hanging.
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: options.retryMs ?? 3_000,
      maxConnectionPoolSize: 64,
      userAgent: 'mandate-explorer',
      logging: { level: 'error', logger: () => {} },
    });
  }

  /**
   * The same connection with another default time limit per query, for work that is slow by
   * nature, such as preparing a store right after its Java started on a busy machine.
   */
  withQueryTimeout(ms: number): Database {
    const copy = Object.create(this) as Database;
    Object.defineProperty(copy, 'timeoutMs', { value: ms });
    return copy;
  }

  /**
   * Set by the answer cache just before it runs a read's handler (server/api/route.ts). Each read
   * or read transaction the handler starts before its first await reads the data version first,
   * in that transaction, instead of the request paying for a version read of its own; the answer
   * is keyed by the lowest version they saw, which every one of them read the graph at or after.
   * `seen` has one slot per transaction started, filled when its version is in.
   */
  versionProbe: { started: number; seen: Row[] } | null = null;

  read(name: QueryName, params: Params = {}, options: QueryOptions = {}): Promise<Row[]> {
    const probed = this.takeProbe();
    return this.withSession('READ', (s) =>
      s.executeRead(
        (tx) => (probed ? probed(tx, () => runIn(tx, this.queries[name], params)) : runIn(tx, this.queries[name], params)),
        this.txConfig(options),
      ),
    );
  }

  /**
   * When the version probe is on, a slot in it for one transaction, and the wrapper that reads the
   * version first in that transaction, pipelined before the work's own queries. A retried
   * transaction writes the same slot again, so the probe still counts one version per transaction.
   */
  private takeProbe(): (<T>(tx: ManagedTransaction, work: () => Promise<T>) => Promise<T>) | null {
    const probe = this.versionProbe;
    if (!probe) return null;
    const slot = probe.started++;
    return async (tx, work) => {
      const [version, result] = await Promise.all([runIn(tx, this.queries['curation/graph-version'], {}), work()]);
      probe.seen[slot] = version[0] ?? {};
      return result;
    };
  }

  write(name: QueryName, params: Params = {}, options: QueryOptions = {}): Promise<Row[]> {
    return this.withSession('WRITE', (s) => s.executeWrite((tx) => runIn(tx, this.queries[name], params), this.txConfig(options)));
  }

  /** Several named writes in one transaction: all of them land or none does. */
  writeTransaction<T>(work: (tx: NamedTransaction) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    return this.withSession('WRITE', (s) =>
      s.executeWrite((tx) => work({ run: (name, params = {}) => runIn(tx, this.queries[name], params) }), this.txConfig(options)),
    );
  }

  /**
   * Several named reads in one read transaction: a follower in a cluster, and no lock that a
   * change set or another reader waits for (a read as recorded at a version, docs/curation.md §3).
   * A request's reads of the graph now take one too (server/curation/recorded.ts): one BEGIN,
   * one COMMIT and one version read per request, not per query.
   */
  readTransaction<T>(work: (tx: NamedTransaction & Reader) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    const probed = this.takeProbe();
    return this.withSession('READ', (s) =>
      s.executeRead((tx) => {
        const run = (name: QueryName, params: Params = {}) => runIn(tx, this.queries[name], params);
        return probed ? probed(tx, () => work({ run, read: run })) : work({ run, read: run });
      }, this.txConfig(options)),
    );
  }

  /**
   * Runs `work` in a write transaction that is always rolled back, never committed: it may
   * change the graph to read it changed (the graph as recorded at a version) and nobody else
   * ever sees those changes. executeWrite rather than an explicit transaction, so the driver
   * still retries transient faults and routes to the cluster's leader; the work's result
   * leaves it in a thrown sentinel, which is what makes the driver roll back.
   */
  async readRolledBack<T>(work: (tx: NamedTransaction & Reader) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    try {
      await this.withSession('WRITE', (s) =>
        s.executeWrite(async (tx) => {
          const run = (name: QueryName, params: Params = {}) => runIn(tx, this.queries[name], params);
          throw new RollBack(await work({ run, read: run }));
        }, this.txConfig(options)),
      );
    } catch (err) {
      if (err instanceof RollBack) return err.value as T;
      throw err;
    }
    throw new Error('unreachable: the rolled-back work always throws');
  }

  /**
   * Streams rows to `onRow` as Neo4j produces them, awaiting it for back-pressure, so an
   * export never holds the whole result in memory. Once a row has gone out the work is not
   * retried, since the consumer has already seen part of it.
   */
  readStream(name: QueryName, params: Params, onRow: (row: Row) => void | Promise<void>, options: QueryOptions = {}): Promise<number> {
    return this.withSession('READ', (s) =>
      s.executeRead(async (tx) => {
        let count = 0;
        try {
          for await (const record of run(tx, this.queries[name], params)) {
            await onRow(toPlain(record.toObject()) as Row);
            count++;
          }
        } catch (err) {
          if (count > 0) throw new StreamBrokenError(err);
          throw err;
        }
        return count;
      }, this.txConfig(options)),
    );
  }

  /**
   * Runs a user's statement text in a READ transaction: the console's path. Neo4j itself
   * refuses writes in a read transaction; the caller checks the text before it gets here.
   */
  readText(cypher: string, params: Params, options: QueryOptions & { rowLimit: number }): Promise<{ rows: Row[]; truncated: boolean }> {
    return this.withSession('READ', (s) =>
      s.executeRead(async (tx) => {
        const rows: Row[] = [];
        let truncated = false;
        const result = run(tx, cypher, params);
        for await (const record of result) {
          if (rows.length >= options.rowLimit) {
            truncated = true;
            break;
          }
          rows.push(toPlain(record.toObject()) as Row);
        }
        // Leaving the loop early lets the driver discard the rest instead of streaming it.
        return { rows, truncated };
      }, this.txConfig(options)),
    );
  }

  /**
   * Asks Neo4j to plan a user's statement without running it and returns its query type:
   * 'r' read-only, 'rw' read-write, 'w' write-only, 's' schema.
   */
  explainText(cypher: string, params: Params): Promise<string> {
    return this.withSession('READ', (s) =>
      s.executeRead(
        async (tx) => {
          const result = await tx.run(`EXPLAIN ${cypher}`, toNeo4jParams(params));
          return String(result.summary.queryType);
        },
        { timeout: 5_000 },
      ),
    );
  }

  /**
   * The query type and every operator of the plan Neo4j would run, with its details (labels,
   * index seeks): the console reads them to refuse a statement before it runs.
   */
  explainPlan(cypher: string, params: Params): Promise<{ queryType: string; operators: Array<{ type: string; details: string }> }> {
    return this.withSession('READ', (s) =>
      s.executeRead(
        async (tx) => {
          const result = await tx.run(`EXPLAIN ${cypher}`, toNeo4jParams(params));
          const operators: Array<{ type: string; details: string }> = [];
          const walk = (plan: unknown) => {
            if (!plan || typeof plan !== 'object') return;
            const p = plan as { operatorType?: string; arguments?: Record<string, unknown>; children?: unknown[] };
            operators.push({ type: String(p.operatorType ?? '').replace(/@.*$/, ''), details: String(p.arguments?.Details ?? '') });
            for (const child of p.children ?? []) walk(child);
          };
          walk(result.summary.plan);
          return { queryType: String(result.summary.queryType), operators };
        },
        { timeout: 5_000 },
      ),
    );
  }

  /** Runs one statement from a trusted file (an export script, a backup) in a write transaction. */
  replayStatement(cypher: string): Promise<void> {
    return this.withSession('WRITE', (s) => s.executeWrite(async (tx) => void (await tx.run(cypher))));
  }

  /** Constraints and indexes from cypher/schema.cypher; every statement is idempotent. */
  async applySchema(): Promise<number> {
    const statements = loadSchemaStatements();
    for (const statement of statements) {
      await this.withSession('WRITE', (s) => s.executeWrite((tx) => tx.run(statement)));
    }
    await this.withSession('WRITE', (s) => s.run('CALL db.awaitIndexes(60)'));
    return statements.length;
  }

  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (err) {
      throw mapDriverError(err);
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** The bookmarks a read of this process waits for: the last change sets it committed. */
  async causalBookmarks(): Promise<Iterable<string>> {
    return this.bookmarks.getBookmarks();
  }

  private txConfig(options: QueryOptions) {
    return { timeout: options.timeoutMs ?? this.timeoutMs };
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    if (Date.now() < this.unreachableUntil) throw databaseUnavailable();
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await work(session);
    } catch (err) {
      if (err instanceof RollBack) throw err;
      if (isUnreachable(err)) {
        this.unreachableAt = Date.now();
        this.unreachableUntil = this.unreachableAt + FAIL_FAST_MS;
        this.bookmarks = neo4j.bookmarkManager();
      }
      const mapped = mapDriverError(err);
      if (mapped instanceof QueryTimeoutError && Date.now() - this.unreachableAt < WARMING_MS) throw databaseUnavailable('starting');
      throw mapped;
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}

async function runIn(tx: ManagedTransaction, text: string, params: Params): Promise<Row[]> {
  const result = await run(tx, text, params);
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

/**
 * tx.run without the stack trace neo4j-driver captures for every result (`new Error().stack`,
 * which tsx's source maps make dear: 4 % of a cold read's CPU, bench/README.md "Cold reads").
 * The driver only pastes that stack onto its own errors, and it would show this file and the
 * driver's internals, never the route that asked; mapDriverError turns those errors into ours anyway.
 */
function run(tx: ManagedTransaction, text: string, params: Params): ReturnType<ManagedTransaction['run']> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return tx.run(text, toNeo4jParams(params));
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * COMMIT without the stack trace neo4j-driver captures for it, as `run` does for each query: about
 * 0.2 ms a transaction through tsx's source maps (bench/README.md, "Cold reads, round robin").
 * The driver commits a managed transaction itself, from a promise callback, so that stack holds
 * only the driver's own frames; a failed commit becomes our error in mapDriverError all the same.
 * Called once by the API (server/app.ts), not on import: the bench's driver-alone loop, which
 * imports this module, keeps the driver exactly as it comes.
 */
export function commitWithoutStacks(): void {
  const proto = Transaction.prototype as Transaction & { commitWithStack?: Transaction['commit'] };
  if (proto.commitWithStack) return;
  const commit = proto.commit;
  proto.commitWithStack = commit;
  proto.commit = function (this: Transaction) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return commit.call(this);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
}
