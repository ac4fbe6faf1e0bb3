// Takes in an existing report uploaded through the API (already read into paragraphs
// by src/exchange/legacy-report) for one unit and period. The preview (dry run) and
// the save both need the right to write the report's items on that unit; the rest
// (the unit the report names, its figures, the period lock, the loss check, the
// audit) is importLegacyReport's, the same as for the CLI.
import { can } from '../../core/access.ts';
import type { SourceParagraph } from '../../core/legacy-report/legacy-report.ts';
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import { AppError, forbidden } from '../app-error.ts';
import { importLegacyReport } from './import-legacy-report.ts';
import type { LegacyImportResult } from './import-legacy-report.ts';
import { actorOf, loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';

export async function importUploadedReport({ store, principal, paragraphs, fileName, orgUnit, period: periodText, template = null, dryRun, allowLoss = false, now = new Date() }: {
  store: Store; principal: Principal; paragraphs: readonly SourceParagraph[]; fileName: string; orgUnit: string; period: string;
  template?: string | null; dryRun: boolean; allowLoss?: boolean; now?: Date;
}): Promise<LegacyImportResult> {
  const parsedPeriod = tryParsePeriod(periodText);
  if (!parsedPeriod.ok) throw new AppError('bad_request', `Kỳ báo cáo "${periodText}" không hợp lệ (dùng 2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022).`, { field: 'params.period' });
  const tree = await loadOrgTree(store);
  const unit = tree.get(orgUnit);
  if (!unit) throw new AppError('not_found', `Không có đơn vị "${orgUnit}".`, { field: 'params.org' });
  if (!can(principal.grants, 'write_items', unit.path)) throw forbidden(`Bạn không có quyền nhập báo cáo của "${orgUnit}".`);
  if (template !== null && !(await store.templates.get(template))) throw new AppError('bad_request', `Không có đề cương báo cáo mã "${template}".`, { field: 'querystring.template' });
  return importLegacyReport({
    store, paragraphs, fileName, orgUnit, period: formatPeriod(parsedPeriod.period), template, dryRun, allowLoss, actor: actorOf(principal), principal, now,
  });
}
