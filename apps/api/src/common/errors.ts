import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { logger } from './logger';
import { errorsByCode } from './metrics';

/** Client errors pass through; anything unexpected becomes a generic message with the request id. */
export const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
]);

/**
 * Request errors graphql-js and Apollo raise without a code (Apollo then reports INTERNAL_SERVER_ERROR):
 * a persisted query whose hash does not match (HTTP 400) and "Too many errors processing variables".
 * They are the client's mistakes, not internal failures.
 */
export function uncodedClientError(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError) || error.extensions?.code !== undefined) return undefined;
  const status = (error.extensions?.http as { status?: number } | undefined)?.status;
  if (status && status >= 400 && status < 500) return 'BAD_REQUEST';
  if (error.message.startsWith('Too many errors processing variables')) return 'BAD_USER_INPUT';
  return undefined;
}

/**
 * PostgreSQL cancelled a statement that ran past statement_timeout (SQLSTATE 57014, "canceling statement
 * due to statement timeout"): found on the error or the errors it wraps (GraphQL → TypeORM → pg).
 */
export function isStatementTimeout(error: unknown): boolean {
  return causes(error).some(
    ({ code, message }) => code === '57014' && typeof message === 'string' && message.includes('statement timeout'),
  );
}

interface Cause {
  code?: unknown;
  message?: unknown;
  syscall?: unknown;
}

/** The error and the errors it wraps (GraphQL's originalError → TypeORM's driverError → cause), a few deep. */
function causes(error: unknown): Cause[] {
  const found: Cause[] = [];
  for (let e = error; e && typeof e === 'object' && found.length < 6;) {
    found.push(e as Cause);
    const next = e as { originalError?: unknown; driverError?: unknown; cause?: unknown };
    e = next.originalError ?? next.driverError ?? next.cause;
  }
  return found;
}

/** Seconds a client is told to wait (Retry-After) when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Connection failures (SQLSTATE class 08), a server shutting down or starting up (57P01–57P03), too many connections. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/**
 * The database could not be reached or is restarting: found on the error or the errors it wraps
 * (GraphQL → TypeORM → pg). Such requests are answered 503 with Retry-After, not as internal errors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(
    (cause) =>
      // TypeORM releases a transaction's runner when its connection fails between statements; the next
      // statement (through the runner or its manager) then reports only that, without the connection's error.
      cause instanceof QueryRunnerAlreadyReleasedError ||
      cause instanceof QueryRunnerProviderAlreadyReleasedError ||
      isUnavailableCause(cause),
  );
}

function isUnavailableCause({ code, message, syscall }: Cause): boolean {
  return (
    // A stopped server's Unix socket is gone.
    (code === 'ENOENT' && syscall === 'connect') ||
    (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) ||
    (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m)))
  );
}

export const databaseUnavailableMessage = (requestId: string | undefined) =>
  `The database is unavailable (restarting or unreachable); try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds. Request id ${requestId ?? 'unknown'}.`;

/** The error as a client sees it (see formatError), counted by code for /metrics. */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  signedIn = true,
): GraphQLFormattedError {
  const masked = formatError(formatted, error, requestId, signedIn);
  errorsByCode.inc({ code: String(masked.extensions?.code ?? 'UNKNOWN') });
  return masked;
}

function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  signedIn: boolean,
): GraphQLFormattedError {
  if (isStatementTimeout(error)) {
    logger.warn({ requestId, path: formatted.path }, 'statement timeout');
    return {
      message: `The database did not answer in time (statement timeout); try again later or ask for less. Request id ${requestId ?? 'unknown'}.`,
      path: formatted.path,
      extensions: { code: 'STATEMENT_TIMEOUT', requestId },
    };
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ requestId, path: formatted.path }, 'database unavailable');
    return {
      message: databaseUnavailableMessage(requestId),
      path: formatted.path,
      extensions: { code: 'DATABASE_UNAVAILABLE', requestId },
    };
  }
  const code = uncodedClientError(error) ?? (formatted.extensions?.code as string | undefined);
  if (code && CLIENT_ERROR_CODES.has(code)) {
    const { stacktrace: _s, ...rest } = formatted.extensions ?? {};
    const extensions = { ...rest, code };
    // Field suggestions would let an anonymous caller map the schema.
    const message = signedIn ? formatted.message : formatted.message.replace(/ Did you mean .+\?$/, '');
    return { ...formatted, message, extensions };
  }
  logger.error(
    { err: (error as { originalError?: unknown }).originalError ?? error, requestId, path: formatted.path },
    'unexpected error',
  );
  return {
    message: `Internal server error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

interface RequestOfError {
  requestId: string;
  signedIn: boolean;
}

/**
 * Which request an error belongs to, for formatError (which Apollo calls without the context): noted
 * in didEncounterErrors, which Apollo calls with the same error objects just before formatting them.
 * (No AsyncLocalStorage: on Node 20 it turns on promise hooks, a cost on every promise of every request.)
 */
const requestOfError = new WeakMap<object, RequestOfError>();

/** Notes the request of errors about to be formatted by maskRequestError. */
export function noteRequestOfErrors(errors: readonly object[], request: RequestOfError): void {
  for (const e of errors) requestOfError.set(e, request);
}

/** maskError for an error whose request was noted (anonymous and without a request id otherwise). */
export function maskRequestError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const request = typeof error === 'object' && error !== null ? requestOfError.get(error) : undefined;
  return maskError(formatted, error, request?.requestId, request?.signedIn ?? false);
}
