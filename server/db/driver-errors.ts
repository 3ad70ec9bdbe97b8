// Neo4j's error codes mapped to the project's error classes, so nothing above server/db
// needs to know the driver's vocabulary.
import { Neo4jError } from 'neo4j-driver';
import { AppError, DatabaseUnavailableError, InternalError, QueryRejectedError, QueryTimeoutError, QueryTooLargeError } from '../errors.ts';

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Cluster.NotALeader',
  'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase',
  'Neo.TransientError.General.OutOfMemoryError',
]);

const MEMORY_LIMIT = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
]);

/** The database process cannot be reached at all (down, restarting, network), as opposed to one query failing. */
export function isUnreachable(err: unknown): boolean {
  if (err instanceof Neo4jError) {
    return err.code === 'ServiceUnavailable' || err.code === 'SessionExpired' || CONNECTION_LOST.test(err.message);
  }
  return err instanceof Error && CONNECTION_LOST.test(err.message);
}

const CONNECTION_LOST = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|connection.*(closed|refused|lost)/i;

export function mapDriverError(err: unknown): Error {
  if (err instanceof AppError || err instanceof StreamBrokenError) return err;
  if (err instanceof Neo4jError) {
    const code = err.code;
    if (UNAVAILABLE.has(code) || CONNECTION_LOST.test(err.message)) {
      return new DatabaseUnavailableError('The database is not reachable right now; retry in a moment.');
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
      return new QueryTimeoutError('The query ran past its time limit and was stopped.');
    }
    // Neo4j's memory guard stopped this one transaction (a sort of millions of rows, say); the
    // database is fine and other requests go on.
    if (MEMORY_LIMIT.has(code)) {
      return new QueryTooLargeError(
        'The query needs more memory than the database allows one query: narrow it (filter earlier, add LIMIT).',
      );
    }
    if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase') {
      return new QueryRejectedError('Writes are not allowed here: this statement runs in a read-only transaction.', [
        { path: 'cypher', message: 'the statement tries to write' },
      ]);
    }
    if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
      return new QueryRejectedError('Neo4j rejected the statement.', [{ path: 'cypher', message: firstLine(err.message) }], code);
    }
    // Neo4j's own word that trying again can succeed (a transaction terminated while the
    // database shuts down, a leader switch): the caller gets 503 and a retry hint.
    if (code.startsWith('Neo.TransientError.')) {
      return new DatabaseUnavailableError('The database could not answer just now; retry in a moment.');
    }
    return new InternalError('The database answered with an unexpected error.', [], code);
  }
  if (isUnreachable(err)) {
    return new DatabaseUnavailableError('The database is not reachable right now; retry in a moment.');
  }
  return err instanceof Error ? err : new Error(String(err));
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.slice(0, 300);
}

/** Raised when a stream fails after some rows were sent; never retried. */
export class StreamBrokenError extends Error {
  override name = 'StreamBrokenError';
  constructor(readonly original: unknown) {
    super('the result stream broke after it had started');
  }
}
