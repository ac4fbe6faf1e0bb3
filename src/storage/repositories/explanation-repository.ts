// Explanations of figures (giải trình), keyed like data values but by codes.
import type { Kysely, Selectable } from 'kysely';
import type { ExplanationRepository as ExplanationPort, ValueExplanation } from '../../app/values/explanation-ports.ts';
import type { DataValueKey } from '../../core/data-value.ts';
import type { Database } from '../database.ts';
import type { ValueExplanationTable } from '../report-tables.ts';
import { inTransaction } from './in-transaction.ts';

function toExplanation(row: Selectable<ValueExplanationTable>): ValueExplanation {
  return { orgUnit: row.org_unit, period: row.period, indicator: row.indicator, disagg: row.disagg, text: row.text, author: row.author, at: row.at };
}

export class ExplanationRepository implements ExplanationPort {
  constructor(private readonly db: Kysely<Database>) {}

  async list(query: { readonly period: string; readonly orgUnits?: readonly string[] }): Promise<ValueExplanation[]> {
    let select = this.db.selectFrom('value_explanation').selectAll().where('period', '=', query.period);
    if (query.orgUnits) select = select.where('org_unit', 'in', query.orgUnits.length > 0 ? [...query.orgUnits] : ['']);
    const rows = await select.orderBy('org_unit').orderBy('indicator').orderBy('disagg').execute();
    return rows.map(toExplanation);
  }

  async get(key: DataValueKey): Promise<ValueExplanation | undefined> {
    const row = await this.db.selectFrom('value_explanation').selectAll()
      .where('org_unit', '=', key.orgUnit).where('period', '=', key.period).where('indicator', '=', key.indicator).where('disagg', '=', key.disagg)
      .executeTakeFirst();
    return row ? toExplanation(row) : undefined;
  }

  save(explanation: ValueExplanation): Promise<void> {
    return inTransaction(this.db, async (trx) => {
      // Delete then insert: one portable statement pair instead of two upsert dialects.
      await trx.deleteFrom('value_explanation')
        .where('org_unit', '=', explanation.orgUnit).where('period', '=', explanation.period)
        .where('indicator', '=', explanation.indicator).where('disagg', '=', explanation.disagg)
        .execute();
      await trx.insertInto('value_explanation').values({
        org_unit: explanation.orgUnit, period: explanation.period, indicator: explanation.indicator, disagg: explanation.disagg,
        text: explanation.text, author: explanation.author, at: explanation.at,
      }).execute();
    });
  }

  async remove(key: DataValueKey): Promise<boolean> {
    const result = await this.db.deleteFrom('value_explanation')
      .where('org_unit', '=', key.orgUnit).where('period', '=', key.period).where('indicator', '=', key.indicator).where('disagg', '=', key.disagg)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
