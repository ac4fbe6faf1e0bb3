// The entry form of a report (biểu nhập): every figure its template quotes, with the one
// unit that enters it (core reporting-units.ts), the section it belongs to, and whether
// the caller may write it now. A division's entry screen shows its own cells; the
// office sees them all and writes to the division's unit (audited as a correction).
import { formatPeriod } from '../../core/period.ts';
import { reportForm } from '../../core/reporting-units.ts';
import { sectionNumbers } from '../../core/report-template.ts';
import { loadCatalogue } from '../analysis/load-catalogue.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import { notFound } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { parseReportPeriod } from './build-report.ts';
import { editability } from './describe-report.ts';
import { expectedParts } from './run-workflow-action.ts';

export interface FormCell {
  readonly indicator: string;
  readonly name: string;
  readonly unit: string;
  readonly valueType: string;
  readonly disaggregations: readonly string[];
  /** The section whose text quotes it, and its number as cited ("I.4.a"); null when only named by the template. */
  readonly section: string | null;
  readonly sectionNumber: string | null;
  readonly reportingUnit: string;
  readonly reportingUnitName: string;
  readonly editable: boolean;
  readonly lockedReason: string | null;
}

export interface FormUnit {
  readonly orgUnit: string;
  readonly name: string;
  readonly indicators: number;
  readonly editable: boolean;
  readonly lockedReason: string | null;
}

export interface ReportFormView {
  readonly orgUnit: string;
  readonly period: string;
  readonly cells: readonly FormCell[];
  /** The reporting units in form order, with how many figures each enters. */
  readonly units: readonly FormUnit[];
  /** Figures the template gives two owners (the first in reading order is used); empty in a sound template. */
  readonly conflicts: readonly { readonly indicator: string; readonly units: readonly string[]; readonly sections: readonly string[] }[];
}

export async function loadReportForm({ store, principal, orgUnit, period }: {
  store: Store; principal: Principal; orgUnit: string; period: string;
}): Promise<ReportFormView> {
  const code = formatPeriod(parseReportPeriod(period));
  const tree = await loadOrgTree(store);
  const report = await store.reports.find(orgUnit, code);
  if (!report) throw notFound(`Chưa có báo cáo của đơn vị "${orgUnit}" cho kỳ ${code}.`);
  const template = await store.templates.get(report.template);
  if (!template) throw notFound(`Không tìm thấy đề cương "${report.template}" của báo cáo.`);
  const { catalogue } = await loadCatalogue({ store });
  const form = reportForm({ template, catalogue, tree, reportUnit: orgUnit });
  const numbers = sectionNumbers(template.sections);
  const parts = (await expectedParts(store, report)).map((p) => ({ division: p.division, status: p.status, path: tree.get(p.division)?.path ?? `/?${p.division}` }));
  const editableFor = new Map<string, ReturnType<typeof editability>>();
  const access = (unit: string) => {
    let found = editableFor.get(unit);
    if (!found) editableFor.set(unit, (found = editability({ grants: principal.grants, tree, report, parts, path: tree.get(unit)?.path ?? '', action: 'write_values' })));
    return found;
  };

  const cells: FormCell[] = [];
  for (const assignment of form.assignments.values()) {
    const indicator = catalogue.indicator(assignment.indicator);
    if (!indicator) continue;
    cells.push({
      indicator: indicator.code, name: indicator.name, unit: indicator.unit, valueType: indicator.valueType,
      disaggregations: [...indicator.disaggregations],
      section: assignment.section, sectionNumber: assignment.section ? numbers.get(assignment.section) ?? null : null,
      reportingUnit: assignment.reportingUnit, reportingUnitName: tree.get(assignment.reportingUnit)?.name ?? assignment.reportingUnit,
      ...access(assignment.reportingUnit),
    });
  }
  const counts = new Map<string, number>();
  for (const cell of cells) counts.set(cell.reportingUnit, (counts.get(cell.reportingUnit) ?? 0) + 1);
  const units: FormUnit[] = [...counts].map(([unit, indicators]) => ({ orgUnit: unit, name: tree.get(unit)?.name ?? unit, indicators, ...access(unit) }));
  return { orgUnit, period: code, cells, units, conflicts: form.conflicts };
}
