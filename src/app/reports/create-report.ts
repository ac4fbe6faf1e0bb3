// Opens the report of a unit for a period (draft): the header is taken from the
// previous period's report (template, bodies, symbol, recipients, signer) unless
// given, and the previous report's plan for this period is carried into this report
// as plan-review entries (plan items whose forPeriod is this period), each to be given
// a status (done, in progress, not done, carried over) and links to the items that
// report its result. Only who may compile the unit's report opens it.
import { can } from '../../core/access.ts';
import { formatPeriod, previousPeriod } from '../../core/period.ts';
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
    const previous: ReportInstance | undefined = await tx.reports.loadInstance(orgUnit, formatPeriod(previousPeriod(parsed)), header.template);
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
      variables: {},
    });
    if (!created.ok) throw new AppError('conflict', `Đã có báo cáo của "${orgUnit}" cho kỳ ${code}.`, { field: 'params.period' });

    // The plan written last period for this one, carried in for review (status unset until reviewed).
    const carried = (previous?.plan ?? []).filter((item) => item.forPeriod === code).sort((a, b) => a.order - b.order);
    for (const item of carried) {
      const saved = await tx.reports.savePlanItem(created.value.id, { id: `review-${item.id}`, order: item.order, text: item.text, forPeriod: code, status: null, resultItemIds: [] });
      if (!saved.ok) throw new AppError('conflict', 'Không chép được kế hoạch kỳ trước; thử lại.');
    }
    await tx.audit.record([{
      at: now.toISOString(), actor: principal ? actorOf(principal) : actor, action: 'report.create', entity: 'report',
      orgUnit, period: code, before: null, after: { template, carriedPlanItems: carried.length, from: previous?.period ?? null },
    }]);
    return { workflow: await loadWorkflow({ store: tx, orgUnit, period: code }), carriedPlanItems: carried.length };
  });
}
