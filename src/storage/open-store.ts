// Opens the configured database (BAOCAO_DB), applies pending migrations and
// returns the Store the use cases work with.
import type { Store } from '../app/ports.ts';
import { createStore } from './create-store.ts';
import { openPostgresDatabase } from './dialects/postgres/postgres-database.ts';
import { openSqliteDatabase } from './dialects/sqlite/sqlite-database.ts';
import { describeMigrationFailure, migrateToLatest } from './migrate.ts';
import type { OpenedDatabase } from './storage-dialect.ts';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/baocao.db';

/** The database URL from the environment (`BAOCAO_DB`), or the embedded default. */
export function resolveDatabaseUrl(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env['BAOCAO_DB']?.trim();
  return configured ? configured : DEFAULT_DATABASE_URL;
}

export type DatabaseLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** `postgres://…`/`postgresql://…`, `sqlite:path` or `sqlite::memory:`; throws for anything else (a configuration fault). */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw new Error(`BAOCAO_DB không hợp lệ: "${url}" thiếu đường dẫn tệp SQLite (ví dụ sqlite:./data/baocao.db)`);
    return { kind: 'sqlite', file };
  }
  throw new Error(`BAOCAO_DB không hợp lệ: "${url}". Dùng postgres://…, postgresql://…, sqlite:đường-dẫn hoặc sqlite::memory:`);
}

/** The Kysely instance and dialect for a URL, without migrating (tests, tools). */
export function openDatabase(url: string): OpenedDatabase {
  const location = parseDatabaseUrl(url);
  return location.kind === 'postgres' ? openPostgresDatabase(location.url) : openSqliteDatabase(location.file);
}

export async function openStore(options: { url?: string; migrate?: boolean } = {}): Promise<Store> {
  const url = options.url ?? resolveDatabaseUrl(process.env);
  const { db, dialect } = openDatabase(url);
  if (options.migrate ?? true) {
    const failure = describeMigrationFailure(await migrateToLatest(db));
    if (failure) {
      await db.destroy();
      throw new Error(failure);
    }
  }
  return createStore(db, dialect);
}
