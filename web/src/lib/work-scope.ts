// Which unit, report and period a page shows, from the URL and what the user may read.
// The unit is always one the user may read (GET /api/orgunits lists only those), so no
// page asks for another unit's data; the report is that unit's own or, for a division,
// the report its part belongs to (its department's); the period is the URL's, else the
// one the server says the user has work in (GET /api/periods `landing`), else the unit's
// latest report. Never an empty calendar month by default.
import { formatPeriod, parsePeriod, previousPeriod, tryParsePeriod } from '../../../src/core/period.ts';
import type { OrgUnit, PeriodsView, ReportSummary, ReportUnitView } from '../api/types.ts';

export interface WorkScope {
  /** The unit chosen in the picker (readable by the user). */
  readonly org: string | undefined;
  /** The unit whose report the page works on: `org` itself or the unit its part belongs to. */
  readonly reportOrg: string | undefined;
  readonly period: string;
  /** The report of `reportOrg` for `period`, when there is one. */
  readonly report: ReportSummary | null;
  /** The report unit as the server describes it (may the user create its next report?). */
  readonly reportUnit: ReportUnitView | null;
  /** `org` is a division's part of `reportOrg`'s report, not the report's own unit. */
  readonly isPart: boolean;
}

export interface ScopeInput {
  readonly units: readonly OrgUnit[];
  readonly periods: PeriodsView | undefined;
  readonly orgParam: string | null;
  readonly periodParam: string | null;
}

/** The report unit a unit's work goes into: itself, or its nearest ancestor that makes reports. */
export function reportUnitOf(org: string | undefined, units: readonly OrgUnit[], reportUnits: ReadonlySet<string>): string | undefined {
  const byCode = new Map(units.map((u) => [u.code, u]));
  let code = org;
  for (let guard = 0; code !== undefined && guard < 32; guard++) {
    if (reportUnits.has(code)) return code;
    code = byCode.get(code)?.parentCode ?? undefined;
  }
  // A division's parent is not in its own scope (it cannot list it) but is the report unit.
  const parent = org ? byCode.get(org)?.parentCode : undefined;
  return parent && reportUnits.has(parent) ? parent : undefined;
}

/** A readable unit whose work goes into `reportOrg`'s report (the user's own division). */
function contributorOf(reportOrg: string, units: readonly OrgUnit[], reportUnits: ReadonlySet<string>): string | undefined {
  return units.find((u) => reportUnitOf(u.code, units, reportUnits) === reportOrg)?.code;
}

function monthBefore(today: string | undefined): string {
  const date = today && /^\d{4}-\d{2}/.test(today) ? today.slice(0, 7) : new Date().toISOString().slice(0, 7);
  return formatPeriod(previousPeriod(parsePeriod(date)));
}

export function resolveScope({ units, periods, orgParam, periodParam }: ScopeInput): WorkScope {
  const reportUnits = new Set((periods?.units ?? []).map((u) => u.orgUnit));
  const readable = new Set(units.map((u) => u.code));
  const landing = periods?.landing ?? null;

  let org: string | undefined;
  if (orgParam && readable.has(orgParam)) org = orgParam;
  else if (orgParam && reportUnits.has(orgParam)) org = contributorOf(orgParam, units, reportUnits);
  if (!org && landing) org = readable.has(landing.orgUnit) ? landing.orgUnit : contributorOf(landing.orgUnit, units, reportUnits);
  if (!org) org = units.find((u) => reportUnitOf(u.code, units, reportUnits) !== undefined)?.code ?? units[0]?.code;

  const reportOrg = reportUnitOf(org, units, reportUnits);
  const reports = (periods?.reports ?? []).filter((r) => r.orgUnit === reportOrg);
  const parsed = periodParam ? tryParsePeriod(periodParam) : null;
  const period = parsed?.ok
    ? formatPeriod(parsed.period)
    : landing && landing.orgUnit === reportOrg ? landing.period : reports[0]?.period ?? monthBefore(periods?.today);
  return {
    org,
    reportOrg,
    period,
    report: reports.find((r) => r.period === period) ?? null,
    reportUnit: (periods?.units ?? []).find((u) => u.orgUnit === reportOrg) ?? null,
    isPart: org !== undefined && reportOrg !== undefined && org !== reportOrg,
  };
}

/** "tháng 5/2022" for a month (as the buttons say it), the long label otherwise. */
export function shortPeriodLabel(code: string): string {
  const parsed = tryParsePeriod(code);
  if (!parsed.ok) return code;
  const p = parsed.period;
  if (p.type === 'month') return `tháng ${p.index}/${p.year}`;
  if (p.type === 'quarter') return `quý ${p.index}/${p.year}`;
  if (p.type === 'half') return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
  return `năm ${p.year}`;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
