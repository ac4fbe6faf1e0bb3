// Kysely's SQLite driver prepares every statement it runs, every time; on a hot path
// preparing costs more than running (a value PUT runs about twenty short queries). The
// same SQL text gets the same prepared statement back, most recently used kept. Long
// statements (multi-row inserts, whose text varies with the row count) are not kept.
// Safe because better-sqlite3 runs a statement to completion before the next one starts;
// the project never streams a Kysely query on SQLite, which would hold a statement open.
import type { Database as SqliteHandle, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

const MAX_STATEMENTS = 500;
const MAX_CACHED_SQL_LENGTH = 4_000;

/** `onWrite` runs before any statement that is not a plain read (a write, BEGIN, COMMIT). */
export function withStatementCache(handle: SqliteHandle, onWrite: () => void): SqliteDatabase {
  const statements = new Map<string, Statement>();
  // Kysely prepares each statement right before running it: preparing is the moment to tell.
  const noticed = (statement: Statement): Statement => {
    if (!statement.reader) onWrite();
    return statement;
  };
  return {
    prepare(sql: string) {
      if (sql.length > MAX_CACHED_SQL_LENGTH) return noticed(handle.prepare(sql));
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = handle.prepare(sql);
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return noticed(statement);
    },
    close() {
      handle.close();
    },
  };
}
