// Which PostgreSQL failures mean "the database cannot be reached right now" (a
// restart, a dropped connection, a timeout) rather than a fault of the request.
// Only this file knows pg's error codes and messages.

/** SQLSTATE classes and codes of a server that is going away, coming up or overloaded. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, pg_ctl stop/restart -m fast
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting up or shutting down
  '57014', // query_canceled: statement_timeout
  '53300', // too_many_connections
  '25P03', // idle_in_transaction_session_timeout
]);

const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

// pg reports a lost socket or a pool wait past connectionTimeoutMillis as plain Errors.
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Client was closed and is not queryable',
  'Query read timeout',
  'connection timeout',
];

export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_ERRNOS.has(code)) return true;
  }
  if (UNAVAILABLE_MESSAGES.some((m) => error.message.includes(m))) return true;
  // Node reports a refused connection to a host with several addresses as an AggregateError.
  if (error instanceof AggregateError && error.errors.some(isPostgresUnavailable)) return true;
  return error.cause !== undefined && error.cause !== error && isPostgresUnavailable(error.cause);
}
