// Bulk upsert of data values on SQLite: prepared multi-row
// INSERT … ON CONFLICT DO UPDATE statements, run on the raw better-sqlite3 handle
// (the same connection Kysely's transaction holds, so they join that transaction).
import type { Database as SqliteHandle, Statement } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { UpsertCounts } from '../../../app/ports.ts';
import type { Database } from '../../database.ts';
import type { DataValueColumns, StorageDialect } from '../../storage-dialect.ts';
import type { SqliteChangeToken } from './sqlite-change-token.ts';

const COLUMNS = 11;
/** SQLite allows at most 32766 bound variables per statement. */
const ROWS_PER_STATEMENT = Math.floor(32766 / COLUMNS);
/** Writes of up to this many rows keep their prepared statement. */
const SMALL_CHUNK = 64;

function upsertSql(rows: number): string {
  const tuple = '(?,?,?,?,?,?,?,?,?,?,?)';
  return (
    'INSERT INTO data_value (indicator_id, org_unit_id, period, disagg, attr, value, text_value, comment, stored_by, updated_at, followup) VALUES ' +
    Array.from({ length: rows }, () => tuple).join(',') +
    ' ON CONFLICT (indicator_id, org_unit_id, period, disagg, attr) DO UPDATE SET' +
    ' value = excluded.value, text_value = excluded.text_value, comment = excluded.comment,' +
    ' stored_by = excluded.stored_by, updated_at = excluded.updated_at, followup = excluded.followup' +
    // Unchanged rows are not rewritten (and so not counted in changes()).
    ' WHERE data_value.value IS NOT excluded.value OR data_value.text_value IS NOT excluded.text_value' +
    ' OR data_value.comment IS NOT excluded.comment OR data_value.followup IS NOT excluded.followup'
  );
}

export class SqliteDataValueUpsert implements StorageDialect {
  readonly name = 'sqlite' as const;
  readonly #handle: SqliteHandle;
  /** The full-size statement is prepared once, and those of small writes by their size. */
  #fullChunk: Statement | undefined;
  readonly #small = new Map<number, Statement>();
  readonly #token: SqliteChangeToken;
  #maxRowid: Statement | undefined;
  #countAbove: Statement | undefined;

  constructor(handle: SqliteHandle, token: SqliteChangeToken) {
    this.#handle = handle;
    this.#token = token;
  }

  #statement(rows: number): Statement {
    if (rows === ROWS_PER_STATEMENT) return (this.#fullChunk ??= this.#handle.prepare(upsertSql(rows)));
    // A form's save writes a handful of values: those few sizes are kept, the rest (the
    // odd last chunk of a bulk import) prepared when needed.
    if (rows > SMALL_CHUNK) return this.#handle.prepare(upsertSql(rows));
    let statement = this.#small.get(rows);
    if (!statement) this.#small.set(rows, (statement = this.#handle.prepare(upsertSql(rows))));
    return statement;
  }

  async upsertDataValues(_db: Kysely<Database>, rows: DataValueColumns): Promise<UpsertCounts> {
    const total = rows.indicatorIds.length;
    if (total === 0) return { imported: 0, updated: 0, unchanged: 0 };
    // New rows get rowids above the current maximum: counting them afterwards tells
    // inserts from updates without reading anything per row.
    const before = (this.#maxRowid ??= this.#handle.prepare('SELECT coalesce(max(rowid), 0) AS m FROM data_value')).get() as { m: number };
    // Writes on the raw handle, past the statement cache that would otherwise tell.
    this.#token.forget();
    let changed = 0;
    const params: unknown[] = new Array(Math.min(total, ROWS_PER_STATEMENT) * COLUMNS);
    for (let start = 0; start < total; start += ROWS_PER_STATEMENT) {
      const count = Math.min(ROWS_PER_STATEMENT, total - start);
      if (params.length !== count * COLUMNS) params.length = count * COLUMNS;
      for (let i = 0, p = 0; i < count; i++) {
        const r = start + i;
        params[p++] = rows.indicatorIds[r];
        params[p++] = rows.orgUnitIds[r];
        params[p++] = rows.periods[r];
        params[p++] = rows.disaggs[r];
        params[p++] = rows.attrs[r];
        params[p++] = rows.values[r];
        params[p++] = rows.texts[r];
        params[p++] = rows.comments[r];
        params[p++] = rows.storedBy[r];
        params[p++] = rows.updatedAt[r];
        params[p++] = rows.followups[r];
      }
      changed += this.#statement(count).run(params).changes;
    }
    const inserted = (this.#countAbove ??= this.#handle.prepare('SELECT count(*) AS n FROM data_value WHERE rowid > ?')).get(before.m) as { n: number };
    return { imported: inserted.n, updated: changed - inserted.n, unchanged: total - changed };
  }

  /** See SqliteChangeToken: kept within a turn of the event loop, forgotten on any write. */
  changeToken(): Promise<string> {
    return Promise.resolve(this.#token.read());
  }
}
