// Tells the API and the CLI whether a failure means the database is unreachable for
// now (answer 503 and retry later) rather than a fault of the request (a 500 to fix).
import { isPostgresUnavailable } from './dialects/postgres/postgres-errors.ts';
import { isSqliteUnavailable } from './dialects/sqlite/sqlite-errors.ts';

export function isDatabaseUnavailable(error: unknown): boolean {
  return isPostgresUnavailable(error) || isSqliteUnavailable(error);
}

/** The sentence users read while the database is away. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'Cơ sở dữ liệu tạm thời không truy cập được';
