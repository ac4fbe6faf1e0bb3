// Takes in an existing report uploaded through the API (already read into paragraphs
// by src/exchange/legacy-report) for one unit and period. The preview (dry run) and
// the save both need the right to write the report's items on that unit; saving also
// needs the period open (not locked by an issued report). The save and its audit
// event are one transaction: the report is replaced as a whole or not at all.
import { can } from '../../core/access.ts';
import type { SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import { AppError, forbidden } from '../app-error.ts';
import { assertReportWritable } from '../reports/report-entry-scope.ts';
import { chooseReportTemplate } from './choose-report-template.ts';
import { importLegacyReport } from './import-legacy-report.ts';
import type { LegacyImportResult } from './import-legacy-report.ts';
import { actorOf, loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';

export async function importUploadedReport({ store, principal, paragraphs, orgUnit, period: periodText, template: templateCode = null, dryRun, now = new Date() }: {
  store: Store; principal: Principal; paragraphs: readonly SourceParagraph[]; orgUnit: string; period: string;
  template?: string | null; dryRun: boolean; now?: Date;
}): Promise<LegacyImportResult> {
  const parsedPeriod = tryParsePeriod(periodText);
  if (!parsedPeriod.ok) throw new AppError('bad_request', `Kỳ báo cáo "${periodText}" không hợp lệ (dùng 2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022).`, { field: 'params.period' });
  const period = formatPeriod(parsedPeriod.period);
  const tree = await loadOrgTree(store);
  const unit = tree.get(orgUnit);
  if (!unit) throw new AppError('not_found', `Không có đơn vị "${orgUnit}".`, { field: 'params.org' });
  if (!can(principal.grants, 'write_items', unit.path)) throw forbidden(`Bạn không có quyền nhập báo cáo của "${orgUnit}".`);

  const chosen = await chooseReportTemplate({ store, code: templateCode, orgUnit, period });
  if (!chosen.ok) throw new AppError('bad_request', chosen.problem, { field: 'querystring.template' });
  const options = { paragraphs, orgUnit, period, template: chosen.template };
  if (dryRun) return importLegacyReport({ ...options, dryRun: true });

  return store.transaction(async (tx) => {
    // The lock, inside the transaction that replaces the report (report-entry-scope.ts).
    await assertReportWritable({ store: tx, tree, orgUnit, period });
    const existing = await tx.reports.find(orgUnit, period);
    const result = await importLegacyReport({ ...options, dryRun: false, reports: tx.reports });
    if (result.saved) {
      await tx.audit.record([{
        at: now.toISOString(), actor: actorOf(principal), action: 'report.import', entity: 'report', orgUnit, period,
        before: existing ? { template: existing.template, version: existing.version } : null,
        after: {
          template: result.instance?.template ?? null, coverage: result.coverage, saved: result.saved,
          items: result.instance?.items.length ?? 0, documents: result.instance?.documents.length ?? 0, plan: result.instance?.plan.length ?? 0,
        },
      }]);
    }
    return result;
  });
}
