// `baocao db restore`: a backup file into the configured database, which must be new
// and empty (a restore never merges into or overwrites live data). The file's kind is
// recognised by its first bytes: a SQLite file and the portable format restore into
// either database (table by table, in one transaction); pg_dump's format into
// PostgreSQL through pg_restore (in one transaction). The schema then moves up to this
// version's latest migration.
import { open } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { SQLITE_MAGIC, dumpSqliteFile } from '../dialects/sqlite/sqlite-backup.ts';
import { migrateToLatest } from '../migrate.ts';
import { openDatabase, parseDatabaseUrl } from '../open-store.ts';
import type { DatabaseDump } from './database-dump.ts';
import { BackupProblem, isMigrationTable } from './database-dump.ts';
import { readPortableDump } from './portable-dump.ts';
import { restoreDump } from './restore-dump.ts';
import type { BackupFormat } from './backup-database.ts';

export interface RestoreResult {
  readonly format: BackupFormat;
  /** Counted for table-by-table restores; pg_restore does not say. */
  readonly tables?: number;
  readonly rows?: number;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const PG_DUMP_MAGIC = Buffer.from('PGDMP', 'latin1');

async function formatOf(file: string): Promise<BackupFormat> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      head = Buffer.alloc(16);
      await handle.read(head, 0, 16, 0);
    } finally {
      await handle.close();
    }
  } catch {
    throw new BackupProblem(`không đọc được tệp "${file}"`);
  }
  if (head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return 'sqlite';
  if (head.subarray(0, PG_DUMP_MAGIC.length).equals(PG_DUMP_MAGIC)) return 'pg_dump';
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'portable';
  throw new BackupProblem(`"${file}" không phải bản sao lưu của baocao (tệp SQLite, pg_dump hoặc dạng portable)`);
}

export async function restoreDatabase({ url, file }: { url: string; file: string }): Promise<RestoreResult> {
  const format = await formatOf(file);
  const location = parseDatabaseUrl(url);
  const { db } = await openDatabase(url);
  const target = db as unknown as Kysely<unknown>;
  try {
    if (format === 'pg_dump') {
      if (location.kind !== 'postgres') throw new BackupProblem('bản sao pg_dump chỉ khôi phục vào PostgreSQL; để chuyển sang SQLite, sao lưu bằng --portable');
      const present = (await target.introspection.getTables()).filter((t) => !isMigrationTable(t.name));
      if (present.length > 0) throw new BackupProblem('cơ sở dữ liệu đích đã có dữ liệu hoặc cấu trúc; chỉ khôi phục vào một cơ sở dữ liệu mới, trống');
      const postgres = await import('../dialects/postgres/postgres-backup.ts');
      await postgres.pgRestore(location.url, file);
      const migrated = await migrateToLatest(db);
      if (migrated.error) throw migrated.error;
      return { format };
    }
    const dump: DatabaseDump = format === 'sqlite' ? dumpSqliteFile(file) : await readPortableDump(file);
    try {
      const afterLoad = location.kind === 'postgres' ? (await import('../dialects/postgres/postgres-backup.ts')).resetIdentitySequences : undefined;
      const counts = await restoreDump({ db: target, dump, ...(afterLoad ? { afterLoad } : {}) });
      return { format, ...counts };
    } finally {
      await dump.close();
    }
  } finally {
    await db.destroy();
  }
}
