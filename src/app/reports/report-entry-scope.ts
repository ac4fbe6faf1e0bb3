// Shared by the use cases on a report's entries (narrative items, document register,
// plan items) and by every reader of a report: which report, who may read it, who may
// write which entry, and whether the period is still open. The decisions themselves
// are core/access.ts's (canReadReport, canWriteReportEntry); this module gathers what
// they need (the unit's path, the paths of the section owners) from the store.
import { can, canReadReport, canWriteReportEntry, entryOwnerPath, isWithinPath } from '../../core/access.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { formatPeriod } from '../../core/period.ts';
import { flattenSections } from '../../core/report-template.ts';
import type { ReportTemplate, TemplateSection } from '../../core/report-template.ts';
import { AppError, forbidden, notFound } from '../app-error.ts';
import { parseReportPeriod } from './build-report.ts';
import { assertPeriodsUnlocked } from '../values/check-period-lock.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import type { StoredReport } from './report-ports.ts';

export const ENTRY_KINDS = ['items', 'documents', 'plan'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_LABELS: Readonly<Record<EntryKind, string>> = {
  items: 'nội dung',
  documents: 'văn bản',
  plan: 'kế hoạch',
};

export interface ReportScope {
  readonly report: StoredReport;
  readonly tree: OrgTree;
  readonly sections: readonly TemplateSection[];
}

/** The stored report of (unit, period), its org tree and template sections; not_found otherwise. */
export async function loadReportScope(store: Store, orgUnit: string, period: string): Promise<ReportScope> {
  const tree = await loadOrgTree(store);
  if (!tree.get(orgUnit)) throw new AppError('not_found', `Không có đơn vị "${orgUnit}".`, { field: 'params.org' });
  const code = formatPeriod(parseReportPeriod(period));
  const report = await store.reports.find(orgUnit, code);
  if (!report) throw notFound(`Chưa có báo cáo của đơn vị "${orgUnit}" cho kỳ ${code}.`);
  const template: ReportTemplate | undefined = await store.templates.get(report.template);
  return { report, tree, sections: flattenSections(template?.sections ?? []) };
}

/**
 * The unit that owns an entry: the owner of its section; for the plan (no section),
 * the owner of the section holding the plan block; the report's unit otherwise.
 */
export function ownerOf(scope: ReportScope, kind: EntryKind, section: string | null | undefined): string {
  const found = kind === 'plan'
    ? scope.sections.find((s) => s.blocks.some((b) => b.type === 'plan' || b.type === 'plan-review'))
    : section ? scope.sections.find((s) => s.id === section) : undefined;
  return found?.owner ?? scope.report.orgUnit;
}

/** bad_request when the section is not in the report's template. */
export function requireSection(scope: ReportScope, section: string, field: string): void {
  if (!scope.sections.some((s) => s.id === section)) {
    throw new AppError('bad_request', `Mục "${section}" không có trong đề cương "${scope.report.template}".`, { field });
  }
}

/**
 * forbidden unless the principal may write an entry owned by `owner` in this report:
 * write scope over the owner, the owner being under the report's unit (an owner
 * elsewhere, from a template reused by another unit, leaves the entry to the report's unit).
 */
export function requireEntryWriter(principal: Principal, scope: ReportScope, owner: string): void {
  const reportPath = scope.tree.get(scope.report.orgUnit)?.path;
  const ownerPath = scope.tree.get(owner)?.path;
  if (!reportPath || !canWriteReportEntry(principal.grants, reportPath, ownerPath)) {
    const effective = reportPath && ownerPath && entryOwnerPath(reportPath, ownerPath) === ownerPath ? owner : scope.report.orgUnit;
    throw forbidden(`Bạn không có quyền sửa phần báo cáo của "${effective}".`);
  }
}

/**
 * Throws unless the principal may read the report of (unit, period): not_found for an
 * unknown unit; forbidden without read scope over the unit unless it owns a section of
 * that very report. When there is no such report, not_found for whoever could read
 * it once made (judged on the form of the unit's latest report, which it would copy),
 * forbidden for anyone else: an outsider learns nothing about which reports exist.
 */
export async function requireReportReader({ store, principal, orgUnit, period }: {
  store: Store; principal: Principal; orgUnit: string; period: string;
}): Promise<void> {
  const tree = await loadOrgTree(store);
  const unit = tree.get(orgUnit);
  if (!unit) throw new AppError('not_found', `Không có đơn vị "${orgUnit}".`, { field: 'params.org' });
  if (can(principal.grants, 'read', unit.path)) return;
  const denied = forbidden(`Bạn không có quyền xem báo cáo của "${orgUnit}".`);
  const code = formatPeriod(parseReportPeriod(period));
  const ownerPathsOf = async (templateCode: string): Promise<string[]> => {
    const template = await store.templates.get(templateCode);
    return flattenSections(template?.sections ?? []).flatMap((section) => {
      const owner = section.owner ? tree.get(section.owner) : undefined;
      return owner ? [owner.path] : [];
    });
  };
  const report = await store.reports.find(orgUnit, code);
  if (report) {
    if (!canReadReport(principal.grants, { path: unit.path, sectionOwnerPaths: await ownerPathsOf(report.template) })) throw denied;
    return;
  }
  // No report yet: not_found (with what an empty state needs, see missing-report.ts) only
  // for whoever could read it once made, judged on the form it would copy; anyone else
  // learns nothing about which reports exist.
  const previous = (await store.reports.list({ orgUnit })).filter((r) => r.period < code).sort((a, b) => (a.period < b.period ? 1 : -1))[0];
  const couldRead = previous
    ? canReadReport(principal.grants, { path: unit.path, sectionOwnerPaths: await ownerPathsOf(previous.template) })
    // The unit's first report: no form yet to judge by; a unit inside it may well have a part.
    : principal.grants.some((grant) => isWithinPath(grant.path, unit.path));
  if (couldRead) throw notFound(`Chưa có báo cáo của đơn vị "${orgUnit}" cho kỳ ${code}.`);
  throw denied;
}

/** period_locked once the report (or one above it) is issued: the document must keep its text. */
export async function requireOpen(store: Store, scope: ReportScope): Promise<void> {
  await assertReportWritable({ store, tree: scope.tree, orgUnit: scope.report.orgUnit, period: scope.report.period });
}

/**
 * The lock every write of a report's text passes (its entries, an import that replaces
 * it), called inside the transaction that writes: period_locked when the report of
 * (unit, period) is issued, or when an issued report above it locks the period. Only
 * an admin's reopen, with a reason, opens it again; the command line obeys it too.
 */
export async function assertReportWritable({ store, tree, orgUnit, period }: {
  store: Store; tree?: OrgTree; orgUnit: string; period: string;
}): Promise<void> {
  const report = await store.reports.find(orgUnit, period);
  if (report?.status === 'issued') {
    throw new AppError('period_locked', `Báo cáo kỳ ${report.period} của "${report.orgUnit}" đã ban hành nên không sửa được. Cần quản trị mở lại (kèm lý do) trước khi sửa.`, { details: { orgUnit: report.orgUnit, period: report.period } });
  }
  await assertPeriodsUnlocked({ store, tree: tree ?? await loadOrgTree(store), targets: [{ orgUnit, period }] });
}
