// The baselines: the same rows written and summed with the bare drivers, no layers.
// SQLite: one prepared INSERT in one transaction. PostgreSQL: COPY FROM STDIN.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ValueRow } from '../src/app/values/value-import.ts';

const INSERT_COLUMNS = '(indicator_id, org_unit_id, period, disagg, value, comment, stored_by, updated_at)';

/** Codes to ids, as any importer must do; the period is converted the one way the bench files write it. */
function idMaps(indicators: { id: number; code: string }[], units: { id: number; code: string }[]) {
  return { indicators: new Map(indicators.map((r) => [r.code, r.id])), units: new Map(units.map((r) => [r.code, r.id])) };
}

function canonicalMonth(dhis2: string): string {
  return `${dhis2.slice(0, 4)}-${dhis2.slice(4, 6)}`;
}

function disaggOf(raw: string): string {
  return raw === 'default' ? '' : raw;
}

export function rawSqliteInsert(file: string, rows: readonly ValueRow[]): void {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  try {
    const maps = idMaps(
      db.prepare('SELECT id, code FROM indicator').all() as { id: number; code: string }[],
      db.prepare('SELECT id, code FROM org_unit').all() as { id: number; code: string }[],
    );
    const insert = db.prepare(`INSERT INTO data_value ${INSERT_COLUMNS} VALUES (?,?,?,?,?,?,?,?)`);
    const now = new Date().toISOString();
    db.transaction(() => {
      for (const row of rows) {
        insert.run(maps.indicators.get(row.indicator), maps.units.get(row.orgUnit), canonicalMonth(row.period), disaggOf(row.disagg), Number(row.value), null, null, now);
      }
    })();
  } finally {
    db.close();
  }
}

/** Totals by province and the time of the query alone (connection already open). */
export function sqliteGroupBy(file: string, indicator: string, month: string): { ms: number; totals: Map<string, number> } {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const start = performance.now();
    const result = db.prepare(SUM_BY_PROVINCE.replaceAll('$1', '?').replaceAll('$2', '?')).all(indicator, month) as { code: string; total: number }[];
    const totals = new Map(result.map((r) => [r.code, Number(r.total)]));
    return { ms: performance.now() - start, totals };
  } finally {
    db.close();
  }
}

/** The hand-written aggregation: communes' values summed by their province. */
const SUM_BY_PROVINCE = `
  SELECT p.code AS code, SUM(v.value) AS total
  FROM data_value v
  JOIN indicator i ON i.id = v.indicator_id
  JOIN org_unit o ON o.id = v.org_unit_id
  JOIN org_unit p ON p.code = o.parent_code
  WHERE i.code = $1 AND v.period = $2 AND v.disagg = '' AND p.level = 2
  GROUP BY p.code`;

function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export async function rawPostgresCopy(url: string, rows: readonly ValueRow[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const maps = idMaps((await client.query('SELECT id, code FROM indicator')).rows, (await client.query('SELECT id, code FROM org_unit')).rows);
    const now = new Date().toISOString();
    await client.query('BEGIN');
    const lines = function* () {
      const batch: string[] = [];
      for (const row of rows) {
        batch.push(`${maps.indicators.get(row.indicator)}\t${maps.units.get(row.orgUnit)}\t${canonicalMonth(row.period)}\t${copyText(disaggOf(row.disagg))}\t${Number(row.value)}\t\\N\t\\N\t${now}\n`);
        if (batch.length === 10_000) yield batch.splice(0).join('');
      }
      if (batch.length) yield batch.join('');
    };
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY data_value ${INSERT_COLUMNS} FROM STDIN`)));
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export async function postgresGroupBy(url: string, indicator: string, month: string): Promise<{ ms: number; totals: Map<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const start = performance.now();
    const result = await client.query<{ code: string; total: string }>(SUM_BY_PROVINCE, [indicator, month]);
    const totals = new Map(result.rows.map((r) => [r.code, Number(r.total)]));
    return { ms: performance.now() - start, totals };
  } finally {
    await client.end();
  }
}
