// Opens the report of a unit for a period (draft): the header is taken from the unit's
// latest earlier report of the same kind of period (template, bodies, symbol,
// recipients, signer, and its cut-off dates moved on a period) unless given, and the
// previous period's plan for this period is carried into this report as plan-review
// entries (plan items whose forPeriod is this period), each to be given a status
// (done, in progress, not done, carried over) and links to the items that report its
// result. Only who may compile the unit's report opens it.
import { can } from '../../core/access.ts';
import { formatPeriod, previousPeriod, tryParsePeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { carriedPlanItems, carriedVariables } from '../../core/report-instance.ts';
import type { ReportInstance } from '../../core/report-instance.ts';
import type { Signer } from '../../core/report-model.ts';
import { AppError, forbidden } from '../app-error.ts';
import { parseReportPeriod } from './build-report.ts';
import { actorOf, loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import { loadWorkflow } from './run-workflow-action.ts';
import type { WorkflowView } from './run-workflow-action.ts';

export interface ReportHeaderInput {
  readonly template?: string;
  readonly place?: string;
  readonly governingBody?: string;
  readonly issuingBody?: string;
  readonly symbol?: string;
  readonly recipients?: readonly string[];
  readonly signer?: Signer;
}

export interface CreatedReport {
  readonly workflow: WorkflowView;
  /** How many plan lines of the previous report were carried in for review. */
  readonly carriedPlanItems: number;
}

/** `principal` null: the CLI, run by whoever holds the database. */
export async function createReport({ store, principal, actor = 'cli', orgUnit, period, header = {}, now = new Date() }: {
  store: Store; principal: Principal | null; actor?: string; orgUnit: string; period: string; header?: ReportHeaderInput; now?: Date;
}): Promise<CreatedReport> {
  const parsed = parseReportPeriod(period);
  const code = formatPeriod(parsed);
  return store.transaction(async (tx) => {
    const unit = (await loadOrgTree(tx)).get(orgUnit);
    if (!unit) throw new AppError('not_found', `Không có đơn vị "${orgUnit}".`, { field: 'params.org' });
    if (principal && !can(principal.grants, 'compile', unit.path)) throw forbidden(`Bạn không có quyền lập báo cáo của "${orgUnit}".`);
    if (await tx.reports.find(orgUnit, code, header.template)) {
      throw new AppError('conflict', `Đã có báo cáo của "${orgUnit}" cho kỳ ${code}.`, { field: 'params.period' });
    }
    const last = await latestEarlierReport(tx, orgUnit, parsed, header.template);
    const previous = last?.instance;
    const template = header.template ?? previous?.template;
    if (!template) throw new AppError('bad_request', 'Chưa có báo cáo kỳ trước để lấy mẫu: cần chọn đề cương (template).', { field: 'body.template' });
    if (!(await tx.templates.get(template))) throw new AppError('bad_request', `Không có đề cương "${template}".`, { field: 'body.template' });

    const created = await tx.reports.create({
      template, orgUnit, period: code, number: null, date: null,
      place: header.place ?? previous?.place ?? '',
      governingBody: header.governingBody ?? previous?.governingBody ?? '',
      issuingBody: header.issuingBody ?? previous?.issuingBody ?? unit.name.toUpperCase(),
      symbol: header.symbol ?? previous?.symbol ?? 'BC',
      recipients: header.recipients ?? previous?.recipients ?? [],
      signer: header.signer ?? previous?.signer ?? { authority: null, title: '', name: '' },
      variables: previous && last ? carriedVariables(previous.variables ?? {}, last.period, parsed) : {},
    });
    if (!created.ok) throw new AppError('conflict', `Đã có báo cáo của "${orgUnit}" cho kỳ ${code}.`, { field: 'params.period' });

    // The plan written last period for this one, carried in for review (status unset until reviewed).
    const carried = carriedPlanItems(previous?.plan ?? [], code);
    for (const item of carried) {
      const saved = await tx.reports.savePlanItem(created.value.id, item);
      if (!saved.ok) throw new AppError('conflict', 'Không chép được kế hoạch kỳ trước; thử lại.');
    }
    await tx.audit.record([{
      at: now.toISOString(), actor: principal ? actorOf(principal) : actor, action: 'report.create', entity: 'report',
      orgUnit, period: code, before: null, after: { template, carriedPlanItems: carried.length, from: previous?.period ?? null },
    }]);
    return { workflow: await loadWorkflow({ store: tx, orgUnit, period: code }), carriedPlanItems: carried.length };
  });
}

/**
 * The unit's report of the previous period, else its latest earlier report of the same
 * period type (a month after a gap still opens with the last month's header).
 */
async function latestEarlierReport(store: Store, orgUnit: string, period: Period, template: string | undefined): Promise<{ instance: ReportInstance; period: Period } | undefined> {
  const before = previousPeriod(period);
  const exact = await store.reports.loadInstance(orgUnit, formatPeriod(before), template);
  if (exact) return { instance: exact, period: before };
  const code = formatPeriod(period);
  const earlier = (await store.reports.list({ orgUnit, ...(template ? { template } : {}) }))
    .map((r) => ({ report: r, parsed: tryParsePeriod(r.period) }))
    .filter((r) => r.parsed.ok && r.parsed.period.type === period.type && r.report.period < code)
    .sort((a, b) => (a.report.period < b.report.period ? 1 : -1))[0];
  if (!earlier?.parsed.ok) return undefined;
  const instance = await store.reports.loadInstance(orgUnit, earlier.report.period, earlier.report.template);
  return instance ? { instance, period: earlier.parsed.period } : undefined;
}
