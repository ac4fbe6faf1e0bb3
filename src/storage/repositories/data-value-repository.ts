// Data values (số liệu): the big table. Reads join codes back; writes resolve
// codes to ids in memory and hand columns to the dialect's bulk upsert.
import type { Kysely } from 'kysely';
import type { DataValueQuery, DataValueRepository as DataValuePort, UpsertCounts } from '../../app/ports.ts';
import type { DataValue, DataValueKey } from '../../core/data-value.ts';
import type { Database } from '../database.ts';
import type { DataValueColumns, StorageDialect } from '../storage-dialect.ts';
import { chunks, inTransaction } from './in-transaction.ts';
import { runTemplate } from './query-template.ts';

/** Thrown when values name units or indicators that are not stored: the caller should have checked (a programmer error). */
export class UnknownReferenceError extends Error {
  readonly code = 'unknown_reference';
  constructor(readonly indicators: readonly string[], readonly orgUnits: readonly string[]) {
    const parts = [
      indicators.length ? `chỉ tiêu chưa có: ${indicators.slice(0, 10).join(', ')}` : '',
      orgUnits.length ? `đơn vị chưa có: ${orgUnits.slice(0, 10).join(', ')}` : '',
    ].filter(Boolean);
    super(`Không lưu được số liệu (${parts.join('; ')})`);
    this.name = 'UnknownReferenceError';
  }
}

interface IdMaps {
  readonly indicators: Map<string, number>;
  readonly orgUnits: Map<string, number>;
}

/** Codes few enough to look up by name; more, and reading the whole table is cheaper. */
const CODES_BY_NAME = 200;

/**
 * Ids of the codes `keys` name. Both catalogues are small (hundreds of indicators,
 * thousands of units): a bulk import reads each once, then O(1) per row; a write of a
 * few values (a form's save) reads only their rows.
 */
async function loadIdMaps(db: Kysely<Database>, keys: readonly DataValueKey[]): Promise<IdMaps> {
  const indicatorCodes = [...new Set(keys.map((k) => k.indicator))];
  const unitCodes = [...new Set(keys.map((k) => k.orgUnit))];
  const idsOf = (table: 'indicator' | 'org_unit', codes: readonly string[]) =>
    codes.length <= CODES_BY_NAME
      ? runTemplate(db, `ids:${table}:${Math.max(codes.length, 1)}`, codes.length > 0 ? codes : [''], (q, list) => q.selectFrom(table).select(['id', 'code']).where('code', 'in', list as string[]))
      : db.selectFrom(table).select(['id', 'code']).execute();
  const [indicators, orgUnits] = await Promise.all([idsOf('indicator', indicatorCodes), idsOf('org_unit', unitCodes)]);
  return {
    indicators: new Map(indicators.map((row) => [row.code, row.id])),
    orgUnits: new Map(orgUnits.map((row) => [row.code, row.id])),
  };
}

/** A key with ids; undefined when a code is unknown (such a key cannot be stored). */
function keyIds(maps: IdMaps, key: DataValueKey): [number, number, string, string, string] | undefined {
  const indicatorId = maps.indicators.get(key.indicator);
  const orgUnitId = maps.orgUnits.get(key.orgUnit);
  return indicatorId === undefined || orgUnitId === undefined ? undefined : [indicatorId, orgUnitId, key.period, key.disagg, key.attr ?? ''];
}

interface ValueRow {
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly disagg: string;
  readonly attr: string;
  readonly value: number | string | null;
  readonly text: string | null;
  readonly comment: string | null;
  readonly storedBy: string | null;
  readonly updatedAt: string | null;
  readonly followup: number | string | null;
}

/** A row as a domain value, one object of one shape (dashboards read many): PostgreSQL may hand numbers back as text. */
function toDataValue(row: ValueRow): DataValue {
  return {
    indicator: row.indicator, orgUnit: row.orgUnit, period: row.period, disagg: row.disagg, attr: row.attr,
    value: row.value === null ? null : Number(row.value), text: row.text,
    comment: row.comment, storedBy: row.storedBy, updatedAt: row.updatedAt, followup: Number(row.followup) === 1,
  };
}

/** A filter's list as SQL can take it: an empty list matches nothing (`IN ('')`). */
function nonEmpty(list: readonly string[] | undefined): string[] | undefined {
  return list === undefined ? undefined : list.length > 0 ? [...list] : [''];
}

/** Whole years as runs of consecutive years, [first, last]: none for no years, which matches nothing. */
function yearRanges(years: readonly number[]): [number, number][] {
  const sorted = [...new Set(years)].filter(Number.isInteger).sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const year of sorted) {
    const last = ranges.at(-1);
    if (last && year === last[1] + 1) last[1] = year;
    else ranges.push([year, year]);
  }
  return ranges.length > 0 ? ranges : [[0, -1]];
}

/** Five bound variables per key: stays far below SQLite's 32766. */
const KEYS_PER_QUERY = 1000;

export class DataValueRepository implements DataValuePort {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StorageDialect,
  ) {}

  #selectValues(db: Kysely<Database>) {
    return db
      .selectFrom('data_value as v')
      .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
      .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
      .select(['i.code as indicator', 'o.code as orgUnit', 'v.period', 'v.disagg', 'v.attr', 'v.value', 'v.text_value as text', 'v.comment', 'v.stored_by as storedBy', 'v.updated_at as updatedAt', 'v.followup']);
  }

  async find(query: DataValueQuery): Promise<DataValue[]> {
    const lists = { orgUnits: nonEmpty(query.orgUnits), periods: nonEmpty(query.periods), indicators: nonEmpty(query.indicators) };
    if (query.underPath === undefined && query.years === undefined) {
      // The form's save and the dashboards ask in a few shapes: each built once (query-template.ts).
      const shape = `values.find:${lists.orgUnits?.length ?? '-'}:${lists.periods?.length ?? '-'}:${lists.indicators?.length ?? '-'}`;
      const values = [...(lists.orgUnits ?? []), ...(lists.periods ?? []), ...(lists.indicators ?? [])];
      const rows = await runTemplate(this.db, shape, values, (db, all) => {
        // The lists back from the flat values, by their lengths.
        const units = lists.orgUnits?.length ?? 0, periods = lists.periods?.length ?? 0;
        return this.#filtered(db, {
          orgUnits: lists.orgUnits && (all.slice(0, units) as string[]),
          periods: lists.periods && (all.slice(units, units + periods) as string[]),
          indicators: lists.indicators && (all.slice(units + periods) as string[]),
        });
      });
      return rows.map(toDataValue);
    }
    const rows = await this.#filtered(this.db, { ...lists, underPath: query.underPath, years: query.years }).execute();
    return rows.map(toDataValue);
  }

  #filtered(db: Kysely<Database>, query: { orgUnits?: string[] | undefined; periods?: string[] | undefined; indicators?: string[] | undefined; underPath?: string | undefined; years?: readonly number[] | undefined }) {
    let select = this.#selectValues(db);
    if (query.orgUnits) select = select.where('o.code', 'in', query.orgUnits);
    if (query.underPath !== undefined) {
      const prefix = query.underPath.replace(/\/+$/, '');
      // Whole path segments only (`/vn/tv` must not match `/vn/tvx`); substr keeps it
      // portable and free of LIKE wildcards in codes. org_unit is small, so no index is needed.
      select = select.where((eb) =>
        eb.or([eb('o.path', '=', prefix), eb(eb.fn('substr', ['o.path', eb.val(1), eb.val(prefix.length + 1)]), '=', `${prefix}/`)]),
      );
    }
    if (query.periods) select = select.where('v.period', 'in', query.periods);
    if (query.years) {
      // A canonical code begins with its year's four digits (period.ts): the codes of
      // years a..b are those from "a" up to, not including, "b+1", a range of the index.
      const ranges = yearRanges(query.years);
      select = select.where((eb) => eb.or(ranges.map(([from, to]) => eb.and([eb('v.period', '>=', String(from)), eb('v.period', '<', String(to + 1))]))));
    }
    if (query.indicators) select = select.where('i.code', 'in', query.indicators);
    return select.orderBy('i.code').orderBy('o.code').orderBy('v.period').orderBy('v.disagg').orderBy('v.attr');
  }

  findExisting(keys: readonly DataValueKey[]): Promise<DataValue[]> {
    return inTransaction(this.db, async (trx) => {
      const maps = await loadIdMaps(trx, keys);
      const tuples = keys.map((key) => keyIds(maps, key)).filter((ids) => ids !== undefined);
      const found: DataValue[] = [];
      for (const part of chunks(tuples, KEYS_PER_QUERY)) {
        const rows = await this.#selectValues(trx)
          .where((eb) =>
            eb(eb.refTuple('v.indicator_id', 'v.org_unit_id', 'v.period', 'v.disagg', 'v.attr'), 'in', part.map(([a, b, c, d, e]) => eb.tuple(a, b, c, d, e))),
          )
          .execute();
        for (const row of rows) found.push(toDataValue(row));
      }
      return found;
    });
  }

  upsertMany(values: readonly DataValue[]): Promise<UpsertCounts> {
    if (values.length === 0) return Promise.resolve({ imported: 0, updated: 0, unchanged: 0 });
    return inTransaction(this.db, async (trx) => {
      const maps = await loadIdMaps(trx, values);
      const now = new Date().toISOString();
      const rows: DataValueColumns = {
        indicatorIds: [], orgUnitIds: [], periods: [], disaggs: [], attrs: [], values: [], texts: [], comments: [], storedBy: [], updatedAt: [], followups: [],
      };
      // No per-row map or object beyond these arrays: this loop runs a million times
      // on a national import. A repeated key is left to the dialect (see StorageDialect).
      const unknownIndicators = new Set<string>();
      const unknownOrgUnits = new Set<string>();
      for (const value of values) {
        const indicatorId = maps.indicators.get(value.indicator);
        const orgUnitId = maps.orgUnits.get(value.orgUnit);
        if (indicatorId === undefined || orgUnitId === undefined) {
          if (indicatorId === undefined) unknownIndicators.add(value.indicator);
          if (orgUnitId === undefined) unknownOrgUnits.add(value.orgUnit);
          continue;
        }
        rows.indicatorIds.push(indicatorId);
        rows.orgUnitIds.push(orgUnitId);
        rows.periods.push(value.period);
        rows.disaggs.push(value.disagg);
        rows.attrs.push(value.attr ?? '');
        rows.values.push(value.value);
        rows.texts.push(value.text ?? null);
        rows.comments.push(value.comment ?? null);
        rows.storedBy.push(value.storedBy ?? null);
        rows.updatedAt.push(value.updatedAt ?? now);
        rows.followups.push(value.followup ? 1 : 0);
      }
      if (unknownIndicators.size || unknownOrgUnits.size) throw new UnknownReferenceError([...unknownIndicators], [...unknownOrgUnits]);
      return this.dialect.upsertDataValues(trx, rows);
    });
  }

  deleteMany(keys: readonly DataValueKey[]): Promise<number> {
    return inTransaction(this.db, async (trx) => {
      const maps = await loadIdMaps(trx, keys);
      const tuples = keys.map((key) => keyIds(maps, key)).filter((ids) => ids !== undefined);
      let deleted = 0;
      for (const part of chunks(tuples, KEYS_PER_QUERY)) {
        const result = await trx
          .deleteFrom('data_value')
          .where((eb) => eb(eb.refTuple('indicator_id', 'org_unit_id', 'period', 'disagg', 'attr'), 'in', part.map(([a, b, c, d, e]) => eb.tuple(a, b, c, d, e))))
          .executeTakeFirst();
        deleted += Number(result.numDeletedRows);
      }
      return deleted;
    });
  }
}
