// Who enters what, where values are written (import-values.ts calls this for the API,
// value files and the CLI alike):
// - a value of an indicator on a report form is stored only on the unit that reports
//   it for that report (core reporting-units.ts); any other unit's row is a conflict
//   naming the unit that does, so a figure can never be stored twice in one subtree;
// - the report's state decides who may still write (core edit-policy.ts): a division's
//   submitted part, a compiled or approved report refuse the write (409 period_locked);
// - a write from above the reporting unit (the office correcting a division's figure)
//   is audited as a correction.
import { can, isWithinPath, roleAllows } from '../../core/access.ts';
import type { DataValueKey } from '../../core/data-value.ts';
import { editLock, editLockMessage, partOfUnit } from '../../core/edit-policy.ts';
import type { EditLock } from '../../core/edit-policy.ts';
import type { Catalogue, Indicator } from '../../core/indicator.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { formatPeriod, periodLabel, tryParsePeriod } from '../../core/period.ts';
import { governingReports, reportForm, takesPart } from '../../core/reporting-units.ts';
import type { ReportForm } from '../../core/reporting-units.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import type { Principal } from '../accounts/principal.ts';
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';
import type { StoredReport } from '../reports/report-ports.ts';
import type { ValueRow } from './value-import.ts';
import { cachedRead } from '../read-cache.ts';

/** A row refused because another unit reports its indicator. */
export interface ReportingUnitConflict {
  readonly index: number;
  readonly orgUnit: string;
  readonly reportingUnit: string;
  readonly message: string;
}

interface Governed {
  readonly report: StoredReport;
  readonly form: ReportForm;
}

/** The reports and forms that govern the (unit, period) pairs of one write. */
export class ReportingUnitPolicy {
  private readonly governed = new Map<string, readonly Governed[]>();

  private constructor(
    private readonly tree: OrgTree,
    private readonly catalogue: Catalogue,
    private readonly reports: readonly StoredReport[],
    private readonly templates: ReadonlyMap<string, ReportTemplate>,
  ) {}

  /**
   * Reads the reports of the periods the rows name (and, where a unit has none for a
   * period, the earlier reports whose form the next one copies) and their templates.
   */
  static async load({ store, tree, catalogue, rows }: {
    store: Store; tree: OrgTree; catalogue: Catalogue; rows: readonly Pick<ValueRow, 'orgUnit' | 'period'>[];
  }): Promise<ReportingUnitPolicy> {
    const periods = new Set<string>();
    const parsedPeriods = new Map<string, string | null>();
    for (const row of rows) {
      if (parsedPeriods.has(row.period)) continue;
      const parsed = tryParsePeriod(row.period);
      const code = parsed.ok ? formatPeriod(parsed.period) : null;
      parsedPeriods.set(row.period, code);
      if (code) periods.add(code);
    }
    if (periods.size === 0) return new ReportingUnitPolicy(tree, catalogue, [], new Map());
    // One policy (with the forms it works out as it goes) per set of periods, while nothing
    // is written (read-cache.ts): every value write asks, and forms rarely change.
    return cachedRead(store, `reporting-policy:${[...periods].sort().join(',')}`, () => ReportingUnitPolicy.build(store, tree, catalogue, periods));
  }

  private static async build(store: Store, tree: OrgTree, catalogue: Catalogue, periods: ReadonlySet<string>): Promise<ReportingUnitPolicy> {
    const all = await store.reports.list();
    // Reports of other period types or of later periods never govern: keep the list short.
    const reports = all.filter((r) => [...periods].some((p) => r.period <= p));
    const templates = new Map<string, ReportTemplate>();
    for (const code of new Set(reports.map((r) => r.template))) {
      const template = await store.templates.get(code);
      if (template) templates.set(code, template);
    }
    return new ReportingUnitPolicy(tree, catalogue, reports, templates);
  }

  /**
   * The reports whose forms decide for (unit, period), nearest first: the unit's own (or
   * its nearest ancestor's) and every report above it that the unit takes part in
   * (core takesPart). A division that opens a report of its own stays bound to its
   * department's form and state.
   */
  governingChain(orgUnit: string, period: string): readonly Governed[] {
    const key = `${orgUnit}\u0000${period}`;
    const known = this.governed.get(key);
    if (known) return known;
    const found: Governed[] = [];
    for (const report of governingReports(this.reports, this.tree, orgUnit, period)) {
      const template = this.templates.get(report.template);
      if (!template) continue;
      const form = this.formOf(report, template);
      if (found.length === 0 || takesPart(form, report.orgUnit, orgUnit, this.tree)) found.push({ report, form });
    }
    this.governed.set(key, found);
    return found;
  }

  private readonly forms = new Map<number, ReportForm>();
  private formOf(report: StoredReport, template: ReportTemplate): ReportForm {
    let form = this.forms.get(report.id);
    if (!form) this.forms.set(report.id, (form = reportForm({ template, catalogue: this.catalogue, tree: this.tree, reportUnit: report.orgUnit })));
    return form;
  }

  /** The unit that reports `indicator` for a value of `orgUnit` in `period`, if a form says. */
  reportingUnitOf(indicator: string, orgUnit: string, period: string): string | null {
    // Outermost first: the report that gathers the others names the unit.
    for (const { form } of [...this.governingChain(orgUnit, period)].reverse()) {
      const unit = form.assignments.get(indicator)?.reportingUnit;
      if (unit) return unit;
    }
    return null;
  }

  /**
   * Rows whose unit does not report their indicator. Rows with an unknown code or a bad
   * period are left to the import's own checks, and a blank value (a deletion) is never
   * refused here: clearing a figure stored on the wrong unit must stay possible.
   */
  conflicts(rows: readonly ValueRow[]): ReportingUnitConflict[] {
    const out: ReportingUnitConflict[] = [];
    // Without any report no form governs: a national bulk import costs nothing here.
    if (this.reports.length === 0) return out;
    for (const row of rows) {
      if (!this.tree.has(row.orgUnit) || row.value.trim() === '') continue;
      const parsed = tryParsePeriod(row.period);
      const indicator = this.catalogue.indicator(row.indicator);
      if (!parsed.ok || !indicator) continue;
      const refusal = this.refusal(indicator, row.orgUnit, formatPeriod(parsed.period));
      if (refusal) out.push({ index: row.index, orgUnit: row.orgUnit, ...refusal });
    }
    return out;
  }

  /**
   * Why a value of `indicator` may not be stored on `orgUnit` for `period` (canonical
   * code), naming the unit that reports it; null when it may (or no form says).
   */
  refusal(indicator: Pick<Indicator, 'code' | 'name' | 'kind'>, orgUnit: string, period: string): { reportingUnit: string; message: string } | null {
    if (this.reports.length === 0 || indicator.kind === 'derived') return null;
    // Every form the unit takes part in must agree that it enters the figure.
    for (const governed of [...this.governingChain(orgUnit, period)].reverse()) {
      const reportingUnit = governed.form.assignments.get(indicator.code)?.reportingUnit;
      if (reportingUnit && reportingUnit !== orgUnit) return { reportingUnit, message: this.message(indicator.name, orgUnit, reportingUnit, governed.report) };
    }
    return null;
  }

  private message(indicatorName: string, orgUnit: string, reportingUnit: string, report: StoredReport): string {
    const name = (code: string) => this.tree.get(code)?.name ?? code;
    const parsed = tryParsePeriod(report.period);
    const which = `báo cáo ${parsed.ok ? periodLabel(parsed.period) : report.period} của ${name(report.orgUnit)}`;
    return `Chỉ tiêu «${indicatorName}» của ${which} do ${name(reportingUnit)} (${reportingUnit}) nhập; ${name(orgUnit)} (${orgUnit}) không nhập chỉ tiêu này. Ghi số liệu vào đơn vị ${reportingUnit} để không tính trùng.`;
  }

  /**
   * Refuses (409 period_locked) a write the report's state no longer allows, reading the
   * state inside the write's transaction. `principal` null: the command line, run by
   * whoever holds the database, writes as the office does.
   */
  async assertWritable({ store, values, principal }: { store: Store; values: readonly DataValueKey[]; principal: Principal | null }): Promise<void> {
    if (this.reports.length === 0) return;
    const checked = new Set<string>();
    for (const value of values) {
      const key = `${value.orgUnit}\u0000${value.period}`;
      if (checked.has(key)) continue;
      checked.add(key);
      // Every report of this very period the unit takes part in has a state to respect
      // (an earlier one only lends its form).
      for (const governed of this.governingChain(value.orgUnit, value.period)) {
        if (governed.report.period !== value.period) continue;
        const current = await store.reports.get(governed.report.id);
        if (!current) continue;
        const reportPath = this.tree.get(current.orgUnit)?.path ?? '';
        const unitPath = this.tree.get(value.orgUnit)?.path ?? '';
        const parts = (await store.reports.listParts(current.id)).map((p) => ({ ...p, path: this.tree.get(p.division)?.path ?? `/?${p.division}` }));
        const part = partOfUnit(parts, unitPath);
        const lock = editLock({
          status: current.status,
          part: part ? { division: part.division, status: part.status } : null,
          writesForReportUnit: principal === null || can(principal.grants, 'write_values', reportPath),
        });
        if (lock) throw lockError(lock, { tree: this.tree, report: current, part: part?.division ?? null, orgUnit: value.orgUnit });
      }
    }
  }

  /**
   * A write from above the unit that reports the figure: the writer holds no write
   * grant on that unit or below it (the office, an admin). The command line is not.
   */
  isCorrection(value: DataValueKey, principal: Principal | null): boolean {
    if (principal === null) return false;
    const path = this.tree.get(value.orgUnit)?.path;
    if (!path) return false;
    return !principal.grants.some((g) => roleAllows(g.role, 'write_values') && isWithinPath(g.path, path));
  }
}

/** The refusal of a locked write, in the user's words, with the lock in `details.reason`. */
export function lockError(lock: EditLock, { tree, report, part, orgUnit }: { tree: OrgTree; report: StoredReport; part: string | null; orgUnit: string }): AppError {
  const parsed = tryParsePeriod(report.period);
  const message = editLockMessage(lock, {
    report: tree.get(report.orgUnit)?.name ?? report.orgUnit,
    period: parsed.ok ? periodLabel(parsed.period) : report.period,
    part: part ? tree.get(part)?.name ?? part : null,
  });
  return new AppError('period_locked', message, { details: { reason: lock, orgUnit, period: report.period, report: report.orgUnit, ...(part ? { part } : {}) } });
}
