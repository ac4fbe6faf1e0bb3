// SQLite through better-sqlite3: the embedded default (a file under ./data).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../database.ts';
import type { OpenedDatabase } from '../../storage-dialect.ts';
import { openSqliteHandle } from './better-sqlite3.ts';
import { SqliteChangeToken } from './sqlite-change-token.ts';
import { SqliteDataValueUpsert } from './sqlite-data-value-upsert.ts';
import { withStatementCache } from './statement-cache.ts';

/** Opens (creating the file and its folder) `file`, or an in-memory database for ':memory:'. */
export function openSqliteDatabase(file: string): OpenedDatabase {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const handle = openSqliteHandle(inMemory ? ':memory:' : file);
  // WAL lets readers (dashboards) run during a long import; NORMAL sync is safe with WAL.
  if (!inMemory) handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const token = new SqliteChangeToken(handle);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(handle, token.forget) }) });
  return { db, dialect: new SqliteDataValueUpsert(handle, token) };
}
