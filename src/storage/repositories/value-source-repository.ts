// Provenance of values taken from an imported report's text (data_value_source).
import type { Kysely } from 'kysely';
import type { ValueSource, ValueSourceRepository as ValueSourcePort } from '../../app/legacy-import/legacy-import-ports.ts';
import type { Database } from '../database.ts';
import { chunks } from './in-transaction.ts';

export class ValueSourceRepository implements ValueSourcePort {
  constructor(private readonly db: Kysely<Database>) {}

  async record(sources: readonly ValueSource[]): Promise<void> {
    // Last one wins for a key repeated in one call, as in the values import.
    const byKey = new Map(sources.map((s) => [`${s.indicator}\u0000${s.orgUnit}\u0000${s.period}\u0000${s.disagg}`, s]));
    for (const part of chunks([...byKey.values()], 500)) {
      await this.db
        .insertInto('data_value_source')
        .values(part.map((s) => ({
          indicator: s.indicator, org_unit: s.orgUnit, period: s.period, disagg: s.disagg,
          source: s.source, paragraph: s.paragraph, excerpt: s.excerpt, recorded_at: s.recordedAt,
        })))
        .onConflict((oc) => oc.columns(['indicator', 'org_unit', 'period', 'disagg']).doUpdateSet((eb) => ({
          source: eb.ref('excluded.source'), paragraph: eb.ref('excluded.paragraph'), excerpt: eb.ref('excluded.excerpt'), recorded_at: eb.ref('excluded.recorded_at'),
        })))
        .execute();
    }
  }

  async find(query: { orgUnit: string; period: string }): Promise<ValueSource[]> {
    const rows = await this.db.selectFrom('data_value_source').selectAll()
      .where('org_unit', '=', query.orgUnit).where('period', '=', query.period)
      .orderBy('indicator').orderBy('disagg').execute();
    return rows.map((r) => ({
      indicator: r.indicator, orgUnit: r.org_unit, period: r.period, disagg: r.disagg,
      source: r.source, paragraph: Number(r.paragraph), excerpt: r.excerpt, recordedAt: r.recorded_at,
    }));
  }
}
