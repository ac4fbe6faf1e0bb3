// Indicator catalogue (chỉ tiêu) and disaggregations (phân tổ):
// indicator + indicator_disaggregation, disaggregation + disaggregation_option.
import type { Kysely, Selectable } from 'kysely';
import type { IndicatorRepository as IndicatorPort, UpsertCounts } from '../../app/ports.ts';
import { disaggKey, parseDisaggKey } from '../../core/indicator.ts';
import type { Disaggregation, Indicator, IndicatorKind, OptionCombo, OrgAggregation, TimeAggregation, ValueType } from '../../core/indicator.ts';
import type { Database, IndicatorTable } from '../database.ts';
import { chunks, inTransaction, lastByCode, nullable } from './in-transaction.ts';

type IndicatorRow = Omit<Selectable<IndicatorTable>, 'id'>;

const INDICATOR_COLUMNS = [
  'code', 'name', 'unit', 'kind', 'value_type', 'time_aggregation', 'org_aggregation',
  'expression', 'decimals', 'accumulates', 'part_of', 'description', 'uid', 'dhis2_code',
] as const;

/** DHIS2 identifiers written only when set, so an object without them reads as before. */
function dhis2Ids(row: { uid: string | null; dhis2_code: string | null }): { uid?: string; dhis2Code?: string } {
  return { ...(row.uid !== null ? { uid: row.uid } : {}), ...(row.dhis2_code !== null ? { dhis2Code: row.dhis2_code } : {}) };
}

function toRow(indicator: Indicator): IndicatorRow {
  return {
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    kind: indicator.kind,
    value_type: indicator.valueType,
    time_aggregation: indicator.aggregation.time,
    org_aggregation: indicator.aggregation.org,
    expression: nullable(indicator.expression),
    decimals: indicator.decimals,
    accumulates: nullable(indicator.accumulates),
    part_of: nullable(indicator.partOf),
    description: nullable(indicator.description),
    uid: nullable(indicator.uid),
    dhis2_code: nullable(indicator.dhis2Code),
  };
}

function toIndicator(row: IndicatorRow, disaggregations: readonly string[], attributes: readonly string[]): Indicator {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    kind: row.kind as IndicatorKind,
    valueType: row.value_type as ValueType,
    disaggregations: [...disaggregations],
    ...(attributes.length > 0 ? { attributes: [...attributes] } : {}),
    aggregation: { time: row.time_aggregation as TimeAggregation, org: row.org_aggregation as OrgAggregation },
    expression: row.expression,
    decimals: row.decimals,
    accumulates: row.accumulates,
    partOf: row.part_of,
    description: row.description,
    ...dhis2Ids(row),
  };
}

function optionText(option: Disaggregation['options'][number]): string {
  return `${option.code}\u0000${option.name}\u0000${option.uid ?? ''}\u0000${option.dhis2Code ?? ''}`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export class IndicatorRepository implements IndicatorPort {
  constructor(private readonly db: Kysely<Database>) {}

  async listIndicators(): Promise<Indicator[]> {
    return this.#indicatorsOf(this.db);
  }

  async listDisaggregations(): Promise<Disaggregation[]> {
    return this.#disaggregationsOf(this.db);
  }

  async #indicatorsOf(db: Kysely<Database>): Promise<Indicator[]> {
    const rows = await db.selectFrom('indicator').select(['id', ...INDICATOR_COLUMNS]).orderBy('code').execute();
    const links = await db.selectFrom('indicator_disaggregation').select(['indicator_id', 'disaggregation_code']).orderBy('indicator_id').orderBy('position').execute();
    const attributeLinks = await db.selectFrom('indicator_attribute').select(['indicator_id', 'disaggregation_code']).orderBy('indicator_id').orderBy('position').execute();
    const byIndicator = groupBy(links, (link) => link.indicator_id);
    const attributesByIndicator = groupBy(attributeLinks, (link) => link.indicator_id);
    return rows.map((row) => toIndicator(
      row,
      (byIndicator.get(row.id) ?? []).map((link) => link.disaggregation_code),
      (attributesByIndicator.get(row.id) ?? []).map((link) => link.disaggregation_code),
    ));
  }

  async #disaggregationsOf(db: Kysely<Database>): Promise<Disaggregation[]> {
    const rows = await db.selectFrom('disaggregation').select(['code', 'name', 'uid', 'dhis2_code']).orderBy('code').execute();
    const options = await db.selectFrom('disaggregation_option').select(['disaggregation_code', 'code', 'name', 'uid', 'dhis2_code']).orderBy('disaggregation_code').orderBy('position').execute();
    const byDisaggregation = groupBy(options, (option) => option.disaggregation_code);
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      ...dhis2Ids(row),
      options: (byDisaggregation.get(row.code) ?? []).map((option) => ({ code: option.code, name: option.name, ...dhis2Ids(option) })),
    }));
  }

  async listOptionCombos(): Promise<OptionCombo[]> {
    const rows = await this.db.selectFrom('option_combo').select(['uid', 'code', 'name', 'option_key']).orderBy('position').execute();
    return rows.map((row) => ({ uid: row.uid, ...(row.code !== null ? { code: row.code } : {}), name: row.name, options: parseDisaggKey(row.option_key) }));
  }

  /** Inserts or updates by uid; combinations not given are kept (a file may carry a part of them). */
  upsertOptionCombos(items: readonly OptionCombo[]): Promise<UpsertCounts> {
    return inTransaction(this.db, async (trx) => {
      const stored = new Map((await trx.selectFrom('option_combo').select(['uid', 'code', 'name', 'option_key', 'position']).execute()).map((row) => [row.uid, row]));
      let next = Math.max(-1, ...[...stored.values()].map((row) => row.position)) + 1;
      let imported = 0;
      let unchanged = 0;
      const writes: { uid: string; code: string | null; name: string; option_key: string; position: number }[] = [];
      const latest = new Map(items.map((item) => [item.uid, item]));
      for (const item of latest.values()) {
        const row = { uid: item.uid, code: item.code ?? null, name: item.name, option_key: disaggKey(item.options) };
        const current = stored.get(item.uid);
        if (!current) imported++;
        else if (current.code === row.code && current.name === row.name && current.option_key === row.option_key) {
          unchanged++;
          continue;
        }
        writes.push({ ...row, position: current?.position ?? next++ });
      }
      for (const part of chunks(writes, 1000)) {
        await trx
          .insertInto('option_combo')
          .values(part)
          .onConflict((oc) => oc.column('uid').doUpdateSet((eb) => ({ code: eb.ref('excluded.code'), name: eb.ref('excluded.name'), option_key: eb.ref('excluded.option_key') })))
          .execute();
      }
      return { imported, updated: writes.length - imported, unchanged };
    });
  }

  upsertDisaggregations(items: readonly Disaggregation[]): Promise<UpsertCounts> {
    return inTransaction(this.db, async (trx) => {
      const stored = new Map((await this.#disaggregationsOf(trx)).map((d) => [d.code, d]));
      let imported = 0;
      let unchanged = 0;
      const writes: Disaggregation[] = [];
      for (const item of lastByCode(items)) {
        const current = stored.get(item.code);
        if (!current) imported++;
        else if (
          current.name === item.name && (current.uid ?? null) === (item.uid ?? null) && (current.dhis2Code ?? null) === (item.dhis2Code ?? null) &&
          sameList(current.options.map(optionText), item.options.map(optionText))
        ) {
          unchanged++;
          continue;
        }
        writes.push(item);
      }
      for (const part of chunks(writes, 1000)) {
        await trx
          .insertInto('disaggregation')
          .values(part.map((d) => ({ code: d.code, name: d.name, uid: nullable(d.uid), dhis2_code: nullable(d.dhis2Code) })))
          .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), uid: eb.ref('excluded.uid'), dhis2_code: eb.ref('excluded.dhis2_code') })))
          .execute();
        // Options are replaced as a list: their order is part of the definition.
        await trx.deleteFrom('disaggregation_option').where('disaggregation_code', 'in', part.map((d) => d.code)).execute();
        const options = part.flatMap((d) => d.options.map((o, position) => ({ disaggregation_code: d.code, code: o.code, name: o.name, position, uid: nullable(o.uid), dhis2_code: nullable(o.dhis2Code) })));
        for (const optionPart of chunks(options, 1000)) await trx.insertInto('disaggregation_option').values(optionPart).execute();
      }
      return { imported, updated: writes.length - imported, unchanged };
    });
  }

  upsertIndicators(items: readonly Indicator[]): Promise<UpsertCounts> {
    return inTransaction(this.db, async (trx) => {
      const stored = new Map((await this.#indicatorsOf(trx)).map((indicator) => [indicator.code, indicator]));
      let imported = 0;
      let unchanged = 0;
      const writes: Indicator[] = [];
      for (const item of lastByCode(items)) {
        const current = stored.get(item.code);
        if (!current) imported++;
        else {
          const [a, b] = [toRow(current), toRow(item)];
          if (INDICATOR_COLUMNS.every((column) => a[column] === b[column]) && sameList(current.disaggregations, item.disaggregations) && sameList(current.attributes ?? [], item.attributes ?? [])) {
            unchanged++;
            continue;
          }
        }
        writes.push(item);
      }
      for (const part of chunks(writes, 500)) {
        const ids = await trx
          .insertInto('indicator')
          .values(part.map(toRow))
          .onConflict((oc) =>
            oc.column('code').doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              unit: eb.ref('excluded.unit'),
              kind: eb.ref('excluded.kind'),
              value_type: eb.ref('excluded.value_type'),
              time_aggregation: eb.ref('excluded.time_aggregation'),
              org_aggregation: eb.ref('excluded.org_aggregation'),
              expression: eb.ref('excluded.expression'),
              decimals: eb.ref('excluded.decimals'),
              accumulates: eb.ref('excluded.accumulates'),
              part_of: eb.ref('excluded.part_of'),
              description: eb.ref('excluded.description'),
              uid: eb.ref('excluded.uid'),
              dhis2_code: eb.ref('excluded.dhis2_code'),
            })),
          )
          .returning(['id', 'code'])
          .execute();
        const idByCode = new Map(ids.map((row) => [row.code, row.id]));
        await trx.deleteFrom('indicator_disaggregation').where('indicator_id', 'in', ids.map((row) => row.id)).execute();
        const links = part.flatMap((indicator) =>
          indicator.disaggregations.map((code, position) => ({ indicator_id: idByCode.get(indicator.code) as number, disaggregation_code: code, position })),
        );
        for (const linkPart of chunks(links, 1000)) await trx.insertInto('indicator_disaggregation').values(linkPart).execute();
        await trx.deleteFrom('indicator_attribute').where('indicator_id', 'in', ids.map((row) => row.id)).execute();
        const attributeLinks = part.flatMap((indicator) =>
          (indicator.attributes ?? []).map((code, position) => ({ indicator_id: idByCode.get(indicator.code) as number, disaggregation_code: code, position })),
        );
        for (const linkPart of chunks(attributeLinks, 1000)) await trx.insertInto('indicator_attribute').values(linkPart).execute();
      }
      return { imported, updated: writes.length - imported, unchanged };
    });
  }
}
