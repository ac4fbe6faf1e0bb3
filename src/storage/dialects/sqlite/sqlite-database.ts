// SQLite through better-sqlite3: the embedded default (a file under ./data).
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../database.ts';
import type { OpenedDatabase } from '../../storage-dialect.ts';
import { SqliteChangeToken } from './sqlite-change-token.ts';
import { SqliteDataValueUpsert } from './sqlite-data-value-upsert.ts';
import { withStatementCache } from './statement-cache.ts';

/**
 * The compiled addon's file, when it is where node-gyp puts it: handing it over spares
 * the `bindings` package's search of a dozen candidate paths at every command's start.
 */
function addonFile(): string | undefined {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

/** Opens (creating the file and its folder) `file`, or an in-memory database for ':memory:'. */
export function openSqliteDatabase(file: string): OpenedDatabase {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const nativeBinding = addonFile();
  const handle = new BetterSqlite3(inMemory ? ':memory:' : file, nativeBinding ? { nativeBinding } : {});
  // WAL lets readers (dashboards) run during a long import; NORMAL sync is safe with WAL.
  if (!inMemory) handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const token = new SqliteChangeToken(handle);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(handle, token.forget) }) });
  return { db, dialect: new SqliteDataValueUpsert(handle, token) };
}
