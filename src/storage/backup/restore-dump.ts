// Writes a dump into an empty database: the schema brought to the dump's migration,
// every table's rows inserted in one transaction (all or nothing), then the schema
// brought up to this version's latest, so a backup of an older baocao restores into
// a newer one.
import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { MIGRATIONS, migrationProvider } from '../migrations/index.ts';
import type { DatabaseDump } from './database-dump.ts';
import { BackupProblem, isMigrationTable } from './database-dump.ts';

/** SQLite allows 32,766 parameters per statement; stay well below. */
const PARAMETERS_PER_STATEMENT = 30_000;

export interface RestoreCounts {
  readonly tables: number;
  readonly rows: number;
}

/** Application tables that exist in the target (any, even empty, refuses a restore). */
async function existingTables(db: Kysely<unknown>): Promise<string[]> {
  return (await db.introspection.getTables()).map((t) => t.name).filter((name) => !isMigrationTable(name));
}

export async function restoreDump({ db, dump, afterLoad }: {
  /** The target, opened without migrating. */
  db: Kysely<unknown>;
  dump: DatabaseDump;
  /** Dialect fix-ups inside the transaction after the rows are in (PostgreSQL: identity sequences). */
  afterLoad?: (db: Kysely<unknown>) => Promise<void>;
}): Promise<RestoreCounts> {
  const present = await existingTables(db);
  if (present.length > 0) throw new BackupProblem(`cơ sở dữ liệu đích đã có dữ liệu hoặc cấu trúc (bảng ${present.slice(0, 3).join(', ')}…); chỉ khôi phục vào một cơ sở dữ liệu mới, trống`);
  const known = Object.keys(MIGRATIONS);
  const unknown = dump.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) throw new BackupProblem(`bản sao lưu từ phiên bản baocao mới hơn (cấu trúc ${unknown[0]} chưa biết); cập nhật baocao rồi khôi phục`);
  const migrator = new Migrator({ db, provider: migrationProvider });
  const last = dump.migrations.at(-1);
  if (last) {
    const result = await migrator.migrateTo(last);
    if (result.error) throw result.error;
  }

  const counts = await db.transaction().execute(async (trx) => {
    let tables = 0;
    let rows = 0;
    const targetTables = new Map((await trx.introspection.getTables()).map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
    for await (const table of dump.tables) {
      const columns = targetTables.get(table.name);
      if (!columns) throw new BackupProblem(`bảng ${table.name} của bản sao lưu không có trong cấu trúc đích`);
      const missing = table.columns.filter((c) => !columns.has(c));
      if (missing.length > 0) throw new BackupProblem(`cột ${table.name}.${missing[0]} của bản sao lưu không có trong cấu trúc đích`);
      tables++;
      const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / Math.max(1, table.columns.length)));
      for await (const batch of table.batches) {
        for (let start = 0; start < batch.length; start += perStatement) {
          const objects = batch.slice(start, start + perStatement).map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null])));
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- table names come from the dump, checked against the target above
          await (trx as Kysely<any>).insertInto(table.name).values(objects).execute();
        }
        rows += batch.length;
      }
    }
    await afterLoad?.(trx);
    return { tables, rows };
  });

  const latest = await migrator.migrateToLatest();
  if (latest.error) throw latest.error;
  return counts;
}
