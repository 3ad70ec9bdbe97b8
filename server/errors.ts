// The few errors the API speaks. The error middleware matches on class, never on message
// text, and always answers { error: { code, message, details } }.

export interface ErrorDetail {
  /** Where the problem is: "query.depth", "body.cypher", "record 12" … */
  path: string;
  message: string;
  /** On a conflict: the element's current state, so the client can show it and edit again. */
  current?: unknown;
  /** On a refused revert: the later change sets in the way (who, when, what), for programs and the web app's own words. */
  later?: unknown;
  /** On a refused revert: the element in plain words (its name, never its id) and what is wrong with it. */
  element?: unknown;
  /** What is wrong, as a code and its values, so a client can say it in its reader's language. */
  problem?: unknown;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** The message in both languages a reader may ask for (`lang`), where it is written in both (server/api/error-words.ts). */
  words?: { en: string; sv: string };
  constructor(
    message: string,
    readonly details: ErrorDetail[] = [],
    /** A code for the logs (e.g. Neo4j's), never sent to clients. */
    readonly internalCode?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'BAD_REQUEST';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'NOT_FOUND';
}

/** The server has no folder of source texts (SOURCES_DIR), or not this file. */
export class SourceTextUnavailableError extends AppError {
  readonly status = 404;
  readonly code = 'SOURCE_TEXT_UNAVAILABLE';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'CONFLICT';
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly code = 'UNAUTHORIZED';
  /** RFC 9110 asks a 401 to say how to authenticate. */
  readonly wwwAuthenticate = 'Bearer realm="mandate-explorer"';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'FORBIDDEN';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'PAYLOAD_TOO_LARGE';
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Neo4j cannot be reached or is restarting; the caller should retry shortly. */
export class DatabaseUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'DATABASE_UNAVAILABLE';
  readonly retryAfterSeconds = 2;
}

/** A query ran past its time limit. */
export class QueryTimeoutError extends AppError {
  readonly status = 408;
  readonly code = 'QUERY_TIMEOUT';
}

/** A query needed more memory than Neo4j allows one transaction: it was stopped, nothing else was. */
export class QueryTooLargeError extends AppError {
  readonly status = 400;
  readonly code = 'QUERY_TOO_LARGE';
}

/** Neo4j rejected a statement (syntax, or a write in a read transaction). */
export class QueryRejectedError extends AppError {
  readonly status = 400;
  readonly code = 'QUERY_REJECTED';
}

/** Anything we did not foresee: logged in full, shown to clients without internals. */
export class InternalError extends AppError {
  readonly status = 500;
  readonly code = 'INTERNAL';
}

/** A cookie-authenticated write without the session's CSRF token in X-CSRF-Token. */
export class CsrfError extends AppError {
  readonly status = 403;
  readonly code = 'CSRF_FAILED';
}
