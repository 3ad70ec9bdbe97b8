// Neo4j's error codes mapped to the project's error classes, so nothing above server/db
// needs to know the driver's vocabulary.
import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../errors.ts';
import { databaseUnavailable, queryTimedOut, queryTooLarge, statementRefused, unexpectedDatabaseError } from '../refusal-words.ts';

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
      return databaseUnavailable();
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
      return queryTimedOut();
    }
    // Neo4j's memory guard stopped this one transaction (a sort of millions of rows, say); the
    // database is fine and other requests go on.
    if (MEMORY_LIMIT.has(code)) {
      return queryTooLarge();
    }
    if (code === 'Neo.ClientError.Statement.AccessMode' || code === 'Neo.ClientError.General.ForbiddenOnReadOnlyDatabase') {
      return statementRefused('writes', [{ path: 'cypher', message: 'the statement tries to write' }]);
    }
    if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
      return statementRefused('rejected', [{ path: 'cypher', message: firstLine(err.message) }], code);
    }
    // Neo4j's own word that trying again can succeed (a transaction terminated while the
    // database shuts down, a leader switch): the caller gets 503 and a retry hint.
    if (code.startsWith('Neo.TransientError.')) {
      return databaseUnavailable('transient');
    }
    return unexpectedDatabaseError(code);
  }
  if (isUnreachable(err)) {
    return databaseUnavailable();
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
