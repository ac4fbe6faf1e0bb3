// Applies and reverts the schema migrations. Kysely's Migrator reports a result
// set rather than throwing, and so do these: the caller decides what a failure means.
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import type { Kysely, MigrationResultSet } from 'kysely';
import { MIGRATIONS, migrationProvider } from './migrations/index.ts';
import type { Database } from './database.ts';

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

export function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  return migratorFor(db).migrateToLatest();
}

/**
 * Whether any migration is unapplied, in one query: the Migrator itself first creates
 * its tables and takes a lock, which every command would otherwise pay at start-up.
 */
export async function isSchemaCurrent(db: Kysely<Database>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return Object.keys(MIGRATIONS).every((name) => applied.has(name));
  } catch {
    return false; // no migration table yet: a new database
  }
}

/** Names of the migrations not yet applied. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  return (await migratorFor(db).getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Reverts the last migration, or all of them with `{ all: true }` (tests). */
export function migrateDown(db: Kysely<Database>, options: { all?: boolean } = {}): Promise<MigrationResultSet> {
  const migrator = migratorFor(db);
  return options.all ? migrator.migrateTo(NO_MIGRATIONS) : migrator.migrateDown();
}

/** A one-line description of a failed result set, for an infrastructure error. */
export function describeMigrationFailure(result: MigrationResultSet): string | null {
  if (!result.error) return null;
  const failed = result.results?.find((r) => r.status === 'Error');
  const cause = result.error instanceof Error ? result.error.message : String(result.error);
  return `Không áp dụng được cấu trúc cơ sở dữ liệu${failed ? ` (${failed.migrationName})` : ''}: ${cause}`;
}
