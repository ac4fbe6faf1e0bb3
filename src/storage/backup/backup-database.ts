// `baocao db backup`: a consistent copy of the configured database while it is in use.
// SQLite: the online backup API (a SQLite file). PostgreSQL: pg_dump's custom format
// when pg_dump is installed and not older than the server, else the portable format
// (every table through one snapshot). `portable` asks for the portable format on
// either database: it restores into the other kind too. The file is written under a
// temporary name and renamed when complete, so a half-written backup never looks whole.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { backupSqliteFile, dumpSqliteFile } from '../dialects/sqlite/sqlite-backup.ts';
import { parseDatabaseUrl } from '../open-store.ts';
import { BackupProblem } from './database-dump.ts';
import type { DatabaseDump } from './database-dump.ts';
import { writePortableDump } from './portable-dump.ts';

export type BackupFormat = 'sqlite' | 'pg_dump' | 'portable';

export interface BackupResult {
  readonly format: BackupFormat;
  readonly file: string;
  readonly bytes: number;
  /** Tables and rows copied, when the format lets us count them (portable). */
  readonly tables?: number;
  readonly rows?: number;
  /** Why the native format was not used, when it was asked for but not possible. */
  readonly fallbackReason?: string;
}

export async function backupDatabase({ url, file, portable = false }: { url: string; file: string; portable?: boolean }): Promise<BackupResult> {
  if (existsSync(file)) throw new BackupProblem(`tệp "${file}" đã có; chọn tên khác (không ghi đè bản sao lưu cũ)`);
  const location = parseDatabaseUrl(url);
  const partial = `${file}.partial-${process.pid}`;
  try {
    let result: Omit<BackupResult, 'file' | 'bytes'>;
    if (location.kind === 'sqlite') {
      if (location.file === ':memory:' || !existsSync(location.file)) throw new BackupProblem(`không có cơ sở dữ liệu SQLite tại "${location.file}"`);
      if (portable) {
        result = { format: 'portable', ...(await writeDump(dumpSqliteFile(location.file), partial)) };
      } else {
        await backupSqliteFile(location.file, partial);
        result = { format: 'sqlite' };
      }
    } else {
      // pg is loaded only for PostgreSQL.
      const postgres = await import('../dialects/postgres/postgres-backup.ts');
      const native = portable ? { reason: 'đã yêu cầu dạng portable' } : await postgres.usablePgDump(location.url);
      if ('tool' in native) {
        await postgres.pgDump(native.tool, location.url, partial);
        result = { format: 'pg_dump' };
      } else {
        result = { format: 'portable', ...(await writeDump(await postgres.dumpPostgres(location.url), partial)), ...(portable ? {} : { fallbackReason: native.reason }) };
      }
    }
    renameSync(partial, file);
    return { ...result, file, bytes: statSync(file).size };
  } finally {
    rmSync(partial, { force: true });
  }
}

async function writeDump(dump: DatabaseDump, file: string): Promise<{ tables: number; rows: number }> {
  try {
    return await writePortableDump(dump, file);
  } finally {
    await dump.close();
  }
}
