// Runs one workflow action on a stored report (submit, return, compile, approve,
// issue, reopen): checks the caller's role on the right unit (the division for a
// part, the report's unit otherwise), applies the pure state machine, writes the new
// state under optimistic concurrency and audits before and after.
import { can } from '../../core/access.ts';
import { formatPeriod } from '../../core/period.ts';
import { flattenSections } from '../../core/report-template.ts';
import { applyWorkflowAction, formatReportNumber, permissionFor } from '../../core/workflow.ts';
import type { WorkflowAction, WorkflowState } from '../../core/workflow.ts';
import { AppError, forbidden, notFound } from '../app-error.ts';
import { parseReportPeriod } from './build-report.ts';
import { actorOf, loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import type { StoredPart, StoredReport } from './report-ports.ts';

export interface WorkflowView {
  readonly report: StoredReport;
  readonly parts: readonly StoredPart[];
  /** `06/BC-STTTT` once issued. */
  readonly numberText: string | null;
}

/** The calendar date in Việt Nam (UTC+7, no daylight saving): an issue date is local. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The divisions expected to write a part: owners of the template's sections that
 * lie under the report's unit. Created on first use, so templates can change.
 */
export async function expectedParts(store: Store, report: StoredReport): Promise<StoredPart[]> {
  const existing = await store.reports.listParts(report.id);
  if (existing.length > 0) return existing;
  const template = await store.templates.get(report.template);
  const tree = await loadOrgTree(store);
  const owners = [...new Set(flattenSections(template?.sections ?? []).map((s) => s.owner).filter((o): o is string => !!o))]
    .filter((code) => code !== report.orgUnit && tree.isWithin(code, report.orgUnit));
  return owners.length > 0 ? store.reports.ensureParts(report.id, owners) : [];
}

export async function loadWorkflow({ store, orgUnit, period }: { store: Store; orgUnit: string; period: string }): Promise<WorkflowView> {
  const code = formatPeriod(parseReportPeriod(period));
  const report = await store.reports.find(orgUnit, code);
  if (!report) throw notFound(`Chưa có báo cáo của đơn vị "${orgUnit}" cho kỳ ${code}.`);
  const parts = await expectedParts(store, report);
  return { report, parts, numberText: report.number === null ? null : formatReportNumber(report.number, report.symbol) };
}

export async function runWorkflowAction({ store, principal, orgUnit, period, action, part, reason, expectedVersion, now = new Date() }: {
  store: Store; principal: Principal; orgUnit: string; period: string; action: WorkflowAction;
  part?: string | null; reason?: string | null; expectedVersion?: number; now?: Date;
}): Promise<WorkflowView> {
  return store.transaction(async (tx) => {
    const tree = await loadOrgTree(tx);
    const reportUnit = tree.get(orgUnit);
    if (!reportUnit) throw notFound(`Không có đơn vị "${orgUnit}".`);
    const { report, parts } = await loadWorkflow({ store: tx, orgUnit, period });
    const permission = permissionFor({ action, part: part ?? null });
    const target = permission.on === 'part' ? tree.get(part ?? '') : reportUnit;
    if (permission.on === 'part' && !part) throw new AppError('bad_request', 'Cần chỉ rõ đơn vị (phòng) của phần báo cáo.', { field: 'body.part' });
    // A part is a division's share of THIS report: a division outside the report's unit has none here.
    const isOutside = permission.on === 'part' && target !== undefined && !tree.isWithin(target.code, orgUnit);
    if (!target || isOutside || !can(principal.grants, permission.action, target.path)) throw forbidden();
    if (expectedVersion !== undefined && expectedVersion !== report.version) {
      throw new AppError('conflict', 'Báo cáo vừa được người khác thay đổi; tải lại rồi thực hiện lại.', { details: { version: report.version } });
    }

    const before: WorkflowState = {
      status: report.status,
      parts: Object.fromEntries(parts.map((p) => [p.division, { status: p.status, submittedAt: p.submittedAt, returnReason: p.reason }])),
      number: report.number, date: report.date, reason: report.reason,
    };
    const today = vietnamDate(now);
    const nextNumber = action === 'issue' && report.number === null ? await tx.reports.nextNumber(report.issuingBody, report.symbol, Number(today.slice(0, 4))) : undefined;
    const result = applyWorkflowAction(before, { action, part: part ?? null, reason: reason ?? null, at: now.toISOString(), today, ...(nextNumber !== undefined ? { nextNumber } : {}) });
    if (!result.ok) {
      if (result.code === 'reason_required') throw new AppError('bad_request', result.message, { field: 'body.reason' });
      if (result.code === 'unknown_part') throw new AppError('bad_request', result.message, { field: 'body.part' });
      // The core names divisions by code; the user reads their names.
      const named = parts.reduce((text, p) => text.replaceAll(p.division, tree.get(p.division)?.name ?? p.division), result.message);
      throw new AppError('invalid_transition', named);
    }
    const after = result.state;

    if (part && after.parts[part] && after.parts[part] !== before.parts[part]) {
      const stored = parts.find((p) => p.division === part);
      const change = after.parts[part];
      const written = await tx.reports.updatePart(report.id, part, stored?.version ?? 0, {
        status: change.status, submittedAt: change.submittedAt ?? null, reason: change.returnReason ?? null,
        // The division reads who returned its part and when, beside the reason.
        ...(action === 'return' ? { returnedAt: now.toISOString(), returnedBy: actorOf(principal) } : {}),
      });
      if (!written.ok) throw new AppError('conflict', 'Phần báo cáo vừa được người khác thay đổi; tải lại rồi thực hiện lại.');
    }
    if (after.status !== before.status || after.number !== before.number || after.date !== before.date || (after.reason ?? null) !== (before.reason ?? null)) {
      const written = await tx.reports.updateState(report.id, report.version, {
        status: after.status, number: after.number, date: after.date, reason: after.reason ?? null,
        ...(action === 'issue' ? { issuedAt: now.toISOString(), issuedBy: actorOf(principal) } : {}),
      });
      if (!written.ok) throw new AppError('conflict', 'Báo cáo vừa được người khác thay đổi; tải lại rồi thực hiện lại.');
    }
    await tx.audit.record([{
      at: now.toISOString(), actor: actorOf(principal), action: `report.${action}`, entity: part ? 'report_part' : 'report',
      orgUnit, period: report.period,
      before: part ? { part, ...before.parts[part] } : { status: before.status, number: before.number, date: before.date },
      after: part ? { part, ...after.parts[part], reason: reason ?? null } : { status: after.status, number: after.number, date: after.date, reason: reason ?? null },
    }]);
    return loadWorkflow({ store: tx, orgUnit, period });
  });
}
