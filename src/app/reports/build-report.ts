// Builds the ReportModel of one org unit's report for a period from what is stored:
// its template and instance, the catalogue, the org tree and the values the
// aggregator reaches (the unit's subtree, this year and last: previous month, same
// month last year, year to date), and the previous period's plan for plan-review.
import { buildReportModel } from '../../core/build-report-model.ts';
import type { Finding } from '../../core/finding.ts';
import { formatPeriod, periodLabel, previousPeriod, tryParsePeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import type { ReportInstance } from '../../core/report-instance.ts';
import type { ReportModel } from '../../core/report-model.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { loadAnalysisContext } from '../analysis/analysis-context.ts';
import type { AnalysisContext } from '../analysis/analysis-context.ts';
import { AppError, notFound } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { cachedRead } from '../read-cache.ts';

export interface BuiltReport {
  readonly model: ReportModel;
  /** Problems of the template or the data met while building (also in model.findings). */
  readonly findings: readonly Finding[];
  readonly instance: ReportInstance;
  readonly template: ReportTemplate;
  readonly context: AnalysisContext;
}

export function parseReportPeriod(period: string): Period {
  const parsed = tryParsePeriod(period);
  if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo không hợp lệ: "${period}".`, { field: 'period' });
  return parsed.period;
}

/**
 * The report's model, from memory while nothing has been written since it was built
 * (read-cache.ts): every write path, in any process, moves the store's change token.
 */
export async function buildReport({ store, orgUnit, period }: { store: Store; orgUnit: string; period: string }): Promise<BuiltReport> {
  const code = formatPeriod(parseReportPeriod(period));
  return cachedRead(store, `report-model:${orgUnit}:${code}`, () => computeReport(store, orgUnit, period));
}

async function computeReport(store: Store, orgUnit: string, period: string): Promise<BuiltReport> {
  const parsed = parseReportPeriod(period);
  const code = formatPeriod(parsed);
  const instance = await store.reports.loadInstance(orgUnit, code);
  const stored = instance ? await store.reports.find(orgUnit, code, instance.template) : undefined;
  if (!instance || !stored) throw notFound(`Chưa có báo cáo của đơn vị "${orgUnit}" cho ${periodLabel(parsed)}.`);
  const template = await store.templates.get(instance.template);
  if (!template) throw notFound(`Không tìm thấy đề cương "${instance.template}" của báo cáo.`);
  const context = await loadAnalysisContext({ store, orgUnit, period: parsed });
  if (!context) throw notFound(`Đơn vị "${orgUnit}" chưa được khai báo.`);

  // Last period's plan: carried into this report for review (plan items for this very
  // period, with their statuses, see create-report.ts), else as last report planned it.
  const reviewed = instance.plan.filter((item) => item.forPeriod === code);
  const previous = reviewed.length > 0 ? undefined : await store.reports.loadInstance(orgUnit, formatPeriod(previousPeriod(parsed)), instance.template);
  const previousPlan = reviewed.length > 0 ? reviewed : previous?.plan.filter((item) => item.forPeriod === code);

  const model = buildReportModel({
    template, instance, catalogue: context.catalogue, source: context.aggregator,
    ...(previousPlan && previousPlan.length > 0 && { previousPlan }),
    // Number and date belong to the issued document; until then it is a draft.
    draft: stored.status !== 'issued',
  });
  return { model, findings: model.findings, instance, template, context };
}
