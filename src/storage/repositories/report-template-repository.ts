// Report templates (đề cương): one row per template, its section tree as JSON.
import type { Kysely } from 'kysely';
import type { UpsertCounts } from '../../app/ports.ts';
import type { ReportTemplateRepository as ReportTemplatePort } from '../../app/reports/report-ports.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import type { Database } from '../database.ts';
import { inTransaction, lastByCode } from './in-transaction.ts';

export class ReportTemplateRepository implements ReportTemplatePort {
  constructor(private readonly db: Kysely<Database>) {}

  async get(code: string): Promise<ReportTemplate | undefined> {
    const row = await this.db.selectFrom('report_template').select('body_json').where('code', '=', code).executeTakeFirst();
    return row ? (JSON.parse(row.body_json) as ReportTemplate) : undefined;
  }

  async list(): Promise<ReportTemplate[]> {
    const rows = await this.db.selectFrom('report_template').select('body_json').orderBy('code').execute();
    return rows.map((row) => JSON.parse(row.body_json) as ReportTemplate);
  }

  upsertMany(templates: readonly ReportTemplate[]): Promise<UpsertCounts> {
    return inTransaction(this.db, async (trx) => {
      const stored = new Map((await trx.selectFrom('report_template').select(['code', 'body_json']).execute()).map((r) => [r.code, r.body_json]));
      const counts = { imported: 0, updated: 0, unchanged: 0 };
      for (const template of lastByCode(templates)) {
        const body = JSON.stringify(template);
        const current = stored.get(template.code);
        if (current === body) {
          counts.unchanged++;
          continue;
        }
        if (current === undefined) {
          counts.imported++;
          await trx.insertInto('report_template').values({ code: template.code, name: template.name, body_json: body }).execute();
        } else {
          counts.updated++;
          await trx.updateTable('report_template').set({ name: template.name, body_json: body }).where('code', '=', template.code).execute();
        }
      }
      return counts;
    });
  }
}
