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

export function mapDriverError(err: unknown): Error {
  if (err instanceof AppError || err instanceof StreamBrokenError) return err;
  if (err instanceof Neo4jError) {
    const code = err.code;
    if (UNAVAILABLE.has(code) || /ECONNREFUSED|ECONNRESET|connection.*(closed|refused|lost)/i.test(err.message)) {
      return new DatabaseUnavailableError('The database is not reachable right now; retry in a moment.');
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
      return new QueryTimeoutError('The query ran past its time limit and was stopped.');
    }
    // Neo4j's memory guard stopped this one transaction (a sort of millions of rows, say); the
    // database is fine and other requests go on.
    if (MEMORY_LIMIT.has(code)) {
      return new QueryTooLargeError('The query needs more memory than the database allows one query: narrow it (filter earlier, add LIMIT).');
    }
    if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase') {
      return new QueryRejectedError('Writes are not allowed here: this statement runs in a read-only transaction.', [
        { path: 'cypher', message: 'the statement tries to write' },
      ]);
    }
    if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
      return new QueryRejectedError('Neo4j rejected the statement.', [{ path: 'cypher', message: firstLine(err.message) }], code);
    }
    return new InternalError('The database answered with an unexpected error.', [], code);
  }
  if (err instanceof Error && /ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up/i.test(err.message)) {
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
