// Opens the configured database (BAOCAO_DB), applies pending migrations and
// returns the Store the use cases work with.
import type { Store } from '../app/ports.ts';
import { createStore } from './create-store.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { parseDatabaseUrl, resolveDatabaseUrl } from './database-url.ts';
import { describeMigrationFailure, isSchemaCurrent, migrateToLatest } from './migrate.ts';
import type { ConnectionSettings, OpenedDatabase } from './storage-dialect.ts';

export { DEFAULT_DATABASE_URL, parseDatabaseUrl, resolveDatabaseUrl } from './database-url.ts';
export type { DatabaseLocation } from './database-url.ts';

type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_CONNECTION_SETTINGS: Omit<ConnectionSettings, 'onConnectionError'> = {
  poolSize: 10,
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
};

function positiveInteger(env: Env, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} không hợp lệ: "${text}" (cần một số nguyên dương).`);
  return value;
}

/** BAOCAO_DB_POOL_SIZE, BAOCAO_DB_CONNECT_TIMEOUT_MS, BAOCAO_DB_STATEMENT_TIMEOUT_MS (docs/configuration.md). */
export function resolveConnectionSettings(env: Env, onConnectionError: (error: Error) => void = () => undefined): ConnectionSettings {
  return {
    poolSize: positiveInteger(env, 'BAOCAO_DB_POOL_SIZE', DEFAULT_CONNECTION_SETTINGS.poolSize),
    connectTimeoutMs: positiveInteger(env, 'BAOCAO_DB_CONNECT_TIMEOUT_MS', DEFAULT_CONNECTION_SETTINGS.connectTimeoutMs),
    statementTimeoutMs: positiveInteger(env, 'BAOCAO_DB_STATEMENT_TIMEOUT_MS', DEFAULT_CONNECTION_SETTINGS.statementTimeoutMs),
    onConnectionError,
  };
}

/**
 * The Kysely instance and dialect for a URL, without migrating (tests, tools). Only
 * the dialect in use is loaded: a command on SQLite does not load pg.
 */
export async function openDatabase(url: string, settings: ConnectionSettings = resolveConnectionSettings({})): Promise<OpenedDatabase> {
  const location = parseDatabaseUrl(url);
  if (location.kind === 'postgres') return (await import('./dialects/postgres/postgres-database.ts')).openPostgresDatabase(location.url, settings);
  return (await import('./dialects/sqlite/sqlite-database.ts')).openSqliteDatabase(location.file);
}

export interface OpenStoreOptions {
  /** Defaults to BAOCAO_DB from `env`. */
  readonly url?: string;
  readonly migrate?: boolean;
  /** Where settings are read (defaults to process.env). */
  readonly env?: Env;
  /** A connection was lost and replaced; for the log. */
  readonly onConnectionError?: (error: Error) => void;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const url = options.url ?? resolveDatabaseUrl(env);
  const { db, dialect } = await openDatabase(url, resolveConnectionSettings(env, options.onConnectionError));
  if ((options.migrate ?? true) && !(await isSchemaCurrent(db))) {
    const result = await migrateToLatest(db);
    const failure = describeMigrationFailure(result);
    if (failure) {
      await db.destroy();
      // An unreachable database is not a broken migration: keep the driver's error so
      // callers can tell the two apart (503 / exit 75 rather than a failure to fix).
      if (isDatabaseUnavailable(result.error)) throw result.error;
      throw new Error(failure);
    }
  }
  return createStore(db, dialect);
}
