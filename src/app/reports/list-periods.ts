// The periods a user can open, and the one it lands on after logging in: every report
// it reads (a division reads its department's), with its state, for the period picker;
// the landing report is the open one (not yet issued) whose deadline (Nghị định 09, core
// reportDeadline) is nearest today, else the latest report, so the first screen is never
// an empty month. Per report unit, whether the caller may open the next period.
import { can } from '../../core/access.ts';
import { formatPeriod, nextPeriod, periodLabel, reportDeadline, tryParsePeriod } from '../../core/period.ts';
import type { IsoDate } from '../../core/period.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { formatReportNumber, REPORT_STATUS_LABELS } from '../../core/workflow.ts';
import type { ReportStatus } from '../../core/workflow.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import { readsReport } from './report-readers.ts';
import type { StoredReport } from './report-ports.ts';
import { vietnamDate } from './run-workflow-action.ts';

export interface PeriodReport {
  readonly orgUnit: string;
  readonly orgUnitName: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly template: string;
  readonly status: ReportStatus;
  readonly statusLabel: string;
  readonly numberText: string | null;
  readonly date: IsoDate | null;
  readonly deadline: IsoDate;
  readonly issuedAt: string | null;
  /** Not issued yet: work remains. */
  readonly isOpen: boolean;
}

export interface ReportUnit {
  readonly orgUnit: string;
  readonly name: string;
  readonly shortName: string | null;
  /** The caller may open the next period's report of this unit now. */
  readonly canCreate: boolean;
  /** The period after the unit's latest report. */
  readonly nextPeriod: { readonly period: string; readonly label: string } | null;
}

export interface PeriodsView {
  /** Today in Việt Nam. */
  readonly today: IsoDate;
  readonly landing: { readonly orgUnit: string; readonly period: string } | null;
  readonly units: readonly ReportUnit[];
  /** Newest period first. */
  readonly reports: readonly PeriodReport[];
}

function days(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export async function listPeriods({ store, principal, orgUnit, now = new Date() }: {
  store: Store; principal: Principal; orgUnit?: string; now?: Date;
}): Promise<PeriodsView> {
  const tree = await loadOrgTree(store);
  const today = vietnamDate(now);
  const templates = new Map<string, ReportTemplate | undefined>();
  const templateOf = async (code: string) => {
    if (!templates.has(code)) templates.set(code, await store.templates.get(code));
    return templates.get(code);
  };
  const readable: StoredReport[] = [];
  for (const report of await store.reports.list(orgUnit === undefined ? {} : { orgUnit })) {
    if (readsReport(principal.grants, tree, report, await templateOf(report.template))) readable.push(report);
  }

  const reports: PeriodReport[] = readable.flatMap((r) => {
    const parsed = tryParsePeriod(r.period);
    if (!parsed.ok) return [];
    return [{
      orgUnit: r.orgUnit, orgUnitName: tree.get(r.orgUnit)?.name ?? r.orgUnit, period: r.period, periodLabel: periodLabel(parsed.period),
      template: r.template, status: r.status, statusLabel: REPORT_STATUS_LABELS[r.status],
      numberText: r.status === 'issued' && r.number !== null ? formatReportNumber(r.number, r.symbol) : null,
      date: r.status === 'issued' ? r.date : null, deadline: reportDeadline(parsed.period),
      issuedAt: r.status === 'issued' ? r.issuedAt : null, isOpen: r.status !== 'issued',
    }];
  }).sort((a, b) => (a.period === b.period ? (a.orgUnit < b.orgUnit ? -1 : 1) : a.period < b.period ? 1 : -1));

  const open = reports.filter((r) => r.isOpen);
  const nearest = [...open].sort((a, b) => Math.abs(days(a.deadline) - days(today)) - Math.abs(days(b.deadline) - days(today)) || (a.deadline < b.deadline ? -1 : 1))[0];
  const landingReport = nearest ?? reports[0];

  // The units with reports the caller reads, and the units it compiles (which may open a first one).
  const unitCodes = [...new Set([...reports.map((r) => r.orgUnit), ...principal.grants.filter((g) => g.role === 'compiler').map((g) => g.orgUnit)])]
    .filter((code) => orgUnit === undefined || code === orgUnit);
  const units: ReportUnit[] = unitCodes.flatMap((code) => {
    const unit = tree.get(code);
    if (!unit) return [];
    const latest = reports.find((r) => r.orgUnit === code);
    const parsed = latest ? tryParsePeriod(latest.period) : undefined;
    const next = parsed?.ok ? nextPeriod(parsed.period) : null;
    return [{
      orgUnit: code, name: unit.name, shortName: unit.shortName ?? null,
      canCreate: next !== null && can(principal.grants, 'compile', unit.path),
      nextPeriod: next ? { period: formatPeriod(next), label: periodLabel(next) } : null,
    }];
  });
  return { today, landing: landingReport ? { orgUnit: landingReport.orgUnit, period: landingReport.period } : null, units, reports };
}
