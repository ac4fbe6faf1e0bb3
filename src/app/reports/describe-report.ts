// What a reader sees of a report's state before doing any work: names, the deadline
// (Nghị định 09), who issued it and when, each division's part with its return reason,
// and, for this caller, which workflow buttons apply now and which parts and sections
// it may still edit (core edit-policy.ts, the rule the write paths enforce).
import { can } from '../../core/access.ts';
import { editLock, editLockMessage, partOfUnit } from '../../core/edit-policy.ts';
import { resolvedSectionTitles } from '../../core/build-report-model.ts';
import { PART_STATUS_LABELS } from '../../core/labels.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { dataWindow, parsePeriod, periodLabel, reportDeadline, tryParsePeriod } from '../../core/period.ts';
import type { IsoDate } from '../../core/period.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { applyWorkflowAction, permissionFor, timeliness } from '../../core/workflow.ts';
import type { Timeliness, WorkflowAction, WorkflowState } from '../../core/workflow.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import { ActorNames } from '../audit/actor-names.ts';
import type { Store } from '../ports.ts';
import type { WorkflowView } from './run-workflow-action.ts';
import type { StoredReport } from './report-ports.ts';
import { vietnamDate } from './run-workflow-action.ts';

export interface PartView {
  readonly division: string;
  readonly name: string;
  readonly status: 'draft' | 'submitted';
  readonly statusLabel: string;
  readonly submittedAt: string | null;
  /** Why the office returned it, for the division to read. */
  readonly reason: string | null;
  readonly returnedAt: string | null;
  readonly returnedBy: string | null;
  readonly returnedByName: string | null;
  readonly version: number;
  readonly timeliness: Timeliness;
  /** The caller may write this part's figures and items now. */
  readonly editable: boolean;
  /** Why not, in Vietnamese (null when editable). */
  readonly lockedReason: string | null;
  /** What the caller may do on this part now. */
  readonly actions: readonly ('submit' | 'return')[];
}

export interface SectionView {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly level: number;
  /** The unit that writes it (a section owner outside the report's unit counts as the unit itself). */
  readonly owner: string;
  readonly ownerName: string;
  readonly editable: boolean;
  readonly lockedReason: string | null;
}

export interface ReportStateView {
  readonly orgUnitName: string;
  readonly periodLabel: string;
  readonly deadline: IsoDate;
  readonly window: { readonly from: IsoDate; readonly to: IsoDate };
  readonly issuedAt: string | null;
  readonly issuedBy: { readonly username: string; readonly displayName: string } | null;
  /** Report-level actions the caller may take now (compile, approve, issue, reopen, return). */
  readonly actions: readonly WorkflowAction[];
  readonly parts: readonly PartView[];
  readonly sections: readonly SectionView[];
  /** May the caller write the document register, next period's plan, last period's plan review now. */
  readonly editable: { readonly documents: boolean; readonly plan: boolean; readonly planReview: boolean };
  readonly editableReason: { readonly documents: string | null; readonly plan: string | null; readonly planReview: string | null };
}

export interface Editability {
  readonly editable: boolean;
  /** Why not, in Vietnamese; null when editable. */
  readonly lockedReason: string | null;
}

/**
 * May the holder of `grants` write (values or items) on the unit at `path` of this
 * report now? Scope first, then the report's state (core edit-policy.ts), as the
 * write paths decide.
 */
export function editability({ grants, tree, report, parts, path, action }: {
  grants: Principal['grants']; tree: OrgTree; report: Pick<StoredReport, 'orgUnit' | 'period' | 'status'>;
  parts: readonly { readonly division: string; readonly path: string; readonly status: 'draft' | 'submitted' }[];
  path: string; action: 'write_values' | 'write_items';
}): Editability {
  if (!can(grants, action, path)) return { editable: false, lockedReason: 'Bạn chỉ được xem phần này.' };
  const part = partOfUnit(parts, path);
  const lock = editLock({ status: report.status, part: part ? { division: part.division, status: part.status } : null, writesForReportUnit: can(grants, action, tree.get(report.orgUnit)?.path ?? '') });
  if (!lock) return { editable: true, lockedReason: null };
  const period = tryParsePeriod(report.period);
  const name = (code: string) => tree.get(code)?.name ?? code;
  return { editable: false, lockedReason: editLockMessage(lock, { report: name(report.orgUnit), period: period.ok ? periodLabel(period.period) : report.period, part: part ? name(part.division) : null }) };
}

const REPORT_ACTIONS: readonly WorkflowAction[] = ['compile', 'approve', 'issue', 'return', 'reopen'];

function stateOf(view: WorkflowView): WorkflowState {
  const r = view.report;
  return {
    status: r.status, number: r.number, date: r.date, reason: r.reason,
    parts: Object.fromEntries(view.parts.map((p) => [p.division, { status: p.status, submittedAt: p.submittedAt, returnReason: p.reason }])),
  };
}

/** Would the state machine accept the action now? (A reason is assumed given: the form asks for it.) */
function applies(state: WorkflowState, action: WorkflowAction, part: string | null, now: Date): boolean {
  return applyWorkflowAction(state, { action, part, reason: 'lý do', at: now.toISOString(), today: vietnamDate(now), nextNumber: 1 }).ok;
}

export async function describeReport({ store, principal, view, template, tree: given, now = new Date() }: {
  store: Store; principal: Principal; view: WorkflowView; template?: ReportTemplate | undefined; tree?: OrgTree; now?: Date;
}): Promise<ReportStateView> {
  const tree = given ?? (await loadOrgTree(store));
  const report = view.report;
  const grants = principal.grants;
  const period = parsePeriod(report.period);
  const deadline = reportDeadline(period);
  const reportPath = tree.get(report.orgUnit)?.path ?? '';
  const state = stateOf(view);
  const names = new ActorNames(store);
  const nameOf = (code: string) => tree.get(code)?.name ?? code;
  const parts = view.parts.map((p) => ({ ...p, path: tree.get(p.division)?.path ?? `/?${p.division}` }));

  const editing = (path: string, action: 'write_values' | 'write_items') => editability({ grants, tree, report, parts, path, action });

  const partViews: PartView[] = [];
  for (const p of parts) {
    const actions = (['submit', 'return'] as const).filter((action) =>
      can(grants, permissionFor({ action, part: p.division }).action, p.path) && applies(state, action, p.division, now));
    const submittedAt = p.status === 'submitted' ? p.submittedAt : null;
    partViews.push({
      division: p.division, name: nameOf(p.division), status: p.status, statusLabel: PART_STATUS_LABELS[p.status],
      submittedAt, reason: p.reason, returnedAt: p.returnedAt, returnedBy: p.returnedBy, returnedByName: await names.name(p.returnedBy),
      version: p.version, timeliness: timeliness(submittedAt === null ? null : vietnamDate(new Date(submittedAt)), deadline),
      ...editing(p.path, 'write_values'), actions,
    });
  }

  const sections: SectionView[] = [];
  const titles = resolvedSectionTitles(template ?? { sections: [] }, period);
  const blockTypes = new Map<string, Set<string>>();
  const visit = (list: ReportTemplate['sections'], inherited: string | null): void => {
    for (const s of list) {
      const declared = s.owner ?? inherited;
      const owner = declared && tree.isWithin(declared, report.orgUnit) ? declared : report.orgUnit;
      sections.push({ id: s.id, number: s.number, title: titles.get(s.id) ?? s.title, level: s.level, owner, ownerName: nameOf(owner), ...editing(tree.get(owner)?.path ?? reportPath, 'write_items') });
      blockTypes.set(s.id, new Set(s.blocks.map((b) => b.type)));
      visit(s.sections, declared);
    }
  };
  visit(template?.sections ?? [], null);
  /** Editable when some section holding such a block is; else the first reason. */
  const forBlock = (type: string): Editability => {
    const holding = sections.filter((s) => blockTypes.get(s.id)?.has(type));
    const open = holding.find((s) => s.editable);
    if (open) return { editable: true, lockedReason: null };
    return { editable: false, lockedReason: holding[0]?.lockedReason ?? 'Đề cương không có phần này.' };
  };
  const documents = forBlock('documents');
  const plan = forBlock('plan');
  const planReview = forBlock('plan-review');

  const issuedByName = report.status === 'issued' ? await names.name(report.issuedBy) : null;
  return {
    orgUnitName: nameOf(report.orgUnit),
    periodLabel: periodLabel(period),
    deadline,
    window: dataWindow(period),
    issuedAt: report.status === 'issued' ? report.issuedAt : null,
    issuedBy: report.status === 'issued' && report.issuedBy ? { username: report.issuedBy, displayName: issuedByName ?? report.issuedBy } : null,
    actions: REPORT_ACTIONS.filter((action) => can(grants, permissionFor({ action, part: null }).action, reportPath) && applies(state, action, null, now)),
    parts: partViews,
    sections,
    editable: { documents: documents.editable, plan: plan.editable, planReview: planReview.editable },
    editableReason: { documents: documents.lockedReason, plan: plan.lockedReason, planReview: planReview.lockedReason },
  };
}
