// SQLite's side of backups: the online backup API for a native copy of a live file,
// and a read of every table inside one read transaction (WAL: a consistent snapshot
// while the server goes on writing) for the portable format and for restores.
import { openSqliteHandle } from './better-sqlite3.ts';
import { insertOrder, isBackedUpTable } from '../../backup/database-dump.ts';
import type { DatabaseDump, TableDump } from '../../backup/database-dump.ts';

const BATCH = 5_000;

/**
 * Copies the live database at `source` to `target` (a new file). All pages go in one
 * step, under one read lock: a copy in several steps restarts whenever another
 * connection writes in between, and under steady writes might never finish.
 */
export async function backupSqliteFile(source: string, target: string): Promise<void> {
  const handle = openSqliteHandle(source, { readonly: true, fileMustExist: true });
  try {
    await handle.backup(target, { progress: () => 0x7fffffff });
  } finally {
    handle.close();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every application table of the file at `file`, as of one snapshot. */
export function dumpSqliteFile(file: string): DatabaseDump {
  const handle = openSqliteHandle(file, { readonly: true, fileMustExist: true });
  handle.exec('BEGIN');
  const names = (handle.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]);
  const hasMigrations = names.includes('kysely_migration');
  const migrations = hasMigrations ? (handle.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[]) : [];
  const tableNames = names.filter(isBackedUpTable);
  const references = new Map(tableNames.map((name) => [name, (handle.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as { table: string }[]).map((fk) => fk.table)]));
  let open = true;
  const close = async () => {
    if (!open) return;
    open = false;
    handle.exec('COMMIT');
    handle.close();
  };
  async function* tables(): AsyncGenerator<TableDump> {
    for (const name of insertOrder(tableNames, references)) {
      const columns = (handle.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[]).map((c) => c.name);
      const statement = handle.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(name)}`).raw(true);
      async function* batches(): AsyncGenerator<unknown[][]> {
        let batch: unknown[][] = [];
        for (const row of statement.iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length === BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }
      yield { name, columns, batches: batches() };
    }
  }
  return { source: 'sqlite', migrations, tables: tables(), close };
}

/** "SQLite format 3\0": the first 16 bytes of every SQLite database file. */
export const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
