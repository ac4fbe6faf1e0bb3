// Bulk upsert of data values on PostgreSQL: each column goes as one array
// parameter and `unnest` turns them back into rows, so a chunk of 100,000 values
// is one statement and one round trip.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { UpsertCounts } from '../../../app/ports.ts';
import type { Database } from '../../database.ts';
import type { DataValueColumns, StorageDialect } from '../../storage-dialect.ts';

/** Bounds the size of one statement's parameters (array literals are built in memory). */
const ROWS_PER_STATEMENT = 100_000;

/** "ON CONFLICT DO UPDATE command cannot affect row a second time": a key repeated in one statement. */
const CARDINALITY_VIOLATION = '21000';

function slice(rows: DataValueColumns, start: number, end: number): DataValueColumns {
  if (start === 0 && end === rows.indicatorIds.length) return rows;
  return {
    indicatorIds: rows.indicatorIds.slice(start, end),
    orgUnitIds: rows.orgUnitIds.slice(start, end),
    periods: rows.periods.slice(start, end),
    disaggs: rows.disaggs.slice(start, end),
    attrs: rows.attrs.slice(start, end),
    values: rows.values.slice(start, end),
    texts: rows.texts.slice(start, end),
    comments: rows.comments.slice(start, end),
    storedBy: rows.storedBy.slice(start, end),
    updatedAt: rows.updatedAt.slice(start, end),
    followups: rows.followups.slice(start, end),
  };
}

/**
 * Splits rows so that no part repeats a key: the first occurrence of each key goes
 * to part 0, the second to part 1, and so on. Run in order, the parts give the same
 * result and counts as applying the rows one by one. Only used when a repeat is found.
 */
function partsWithoutRepeats(rows: DataValueColumns): DataValueColumns[] {
  const seen = new Map<string, number>();
  const indexes: number[][] = [];
  for (let r = 0; r < rows.indicatorIds.length; r++) {
    const key = `${rows.indicatorIds[r]}\u0000${rows.orgUnitIds[r]}\u0000${rows.periods[r]}\u0000${rows.disaggs[r]}\u0000${rows.attrs[r]}`;
    const part = seen.get(key) ?? 0;
    seen.set(key, part + 1);
    (indexes[part] ??= []).push(r);
  }
  const pick = <T>(column: T[], at: number[]): T[] => at.map((r) => column[r] as T);
  return indexes.map((at) => ({
    indicatorIds: pick(rows.indicatorIds, at),
    orgUnitIds: pick(rows.orgUnitIds, at),
    periods: pick(rows.periods, at),
    disaggs: pick(rows.disaggs, at),
    attrs: pick(rows.attrs, at),
    values: pick(rows.values, at),
    texts: pick(rows.texts, at),
    comments: pick(rows.comments, at),
    storedBy: pick(rows.storedBy, at),
    updatedAt: pick(rows.updatedAt, at),
    followups: pick(rows.followups, at),
  }));
}

async function upsertStatement(db: Kysely<Database>, rows: DataValueColumns): Promise<{ imported: number; updated: number }> {
  // `xmax = 0` marks a row this statement inserted (not updated); rows the WHERE
  // leaves alone are not returned, which makes them the unchanged ones.
  const result = await sql<{ imported: number; updated: number }>`
    WITH written AS (
      INSERT INTO data_value (indicator_id, org_unit_id, period, disagg, attr, value, text_value, comment, stored_by, updated_at, followup)
      SELECT * FROM unnest(
        ${rows.indicatorIds}::int4[], ${rows.orgUnitIds}::int4[], ${rows.periods}::text[],
        ${rows.disaggs}::text[], ${rows.attrs}::text[], ${rows.values}::float8[], ${rows.texts}::text[],
        ${rows.comments}::text[], ${rows.storedBy}::text[], ${rows.updatedAt}::text[], ${rows.followups}::int4[])
      ON CONFLICT (indicator_id, org_unit_id, period, disagg, attr) DO UPDATE SET
        value = excluded.value, text_value = excluded.text_value, comment = excluded.comment,
        stored_by = excluded.stored_by, updated_at = excluded.updated_at, followup = excluded.followup
      WHERE data_value.value IS DISTINCT FROM excluded.value
         OR data_value.text_value IS DISTINCT FROM excluded.text_value
         OR data_value.comment IS DISTINCT FROM excluded.comment
         OR data_value.followup IS DISTINCT FROM excluded.followup
      RETURNING (xmax = 0) AS inserted
    )
    SELECT (count(*) FILTER (WHERE inserted))::int4 AS imported,
           (count(*) FILTER (WHERE NOT inserted))::int4 AS updated
    FROM written`.execute(db);
  return result.rows[0] ?? { imported: 0, updated: 0 };
}

export class PostgresDataValueUpsert implements StorageDialect {
  readonly name = 'postgres' as const;

  async upsertDataValues(db: Kysely<Database>, rows: DataValueColumns): Promise<UpsertCounts> {
    const total = rows.indicatorIds.length;
    let imported = 0;
    let updated = 0;
    for (let start = 0; start < total; start += ROWS_PER_STATEMENT) {
      const chunk = slice(rows, start, Math.min(total, start + ROWS_PER_STATEMENT));
      // Repeated keys are rare; rather than look for them in every row up front, try
      // the fast statement and fall back when PostgreSQL reports one.
      await sql`SAVEPOINT data_value_upsert`.execute(db);
      try {
        const counts = await upsertStatement(db, chunk);
        await sql`RELEASE SAVEPOINT data_value_upsert`.execute(db);
        imported += counts.imported;
        updated += counts.updated;
      } catch (error) {
        if ((error as { code?: string }).code !== CARDINALITY_VIOLATION) throw error;
        await sql`ROLLBACK TO SAVEPOINT data_value_upsert`.execute(db);
        for (const part of partsWithoutRepeats(chunk)) {
          const counts = await upsertStatement(db, part);
          imported += counts.imported;
          updated += counts.updated;
        }
      }
    }
    return { imported, updated, unchanged: total - imported - updated };
  }

  /**
   * The position of the write-ahead log: every commit, from any process on the
   * cluster, moves it (other databases' writes too: a spurious change, harmless).
   * A standby reports how far it has replayed instead.
   */
  async changeToken(db: Kysely<Database>): Promise<string> {
    const { rows } = await sql<{ lsn: string }>`SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_insert_lsn() END)::text AS lsn`.execute(db);
    return rows[0]?.lsn ?? '';
  }
}
