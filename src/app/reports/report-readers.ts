// Which stored reports a caller reads: those of units in its read scope, and the report
// its own part belongs to (a division reads its department's report because it owns a
// section of that very report, not the province's). Used to list reports (periods,
// notifications) by the same rule the report routes apply.
import { canReadReport } from '../../core/access.ts';
import type { Grant } from '../../core/access.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { flattenSections } from '../../core/report-template.ts';
import type { ReportTemplate } from '../../core/report-template.ts';

/** Section owners of a template that lie in the report unit's subtree (the units with a part). */
export function sectionOwners(template: ReportTemplate | undefined, tree: OrgTree, reportUnit: string): string[] {
  const owners = flattenSections(template?.sections ?? []).map((s) => s.owner).filter((o): o is string => !!o);
  return [...new Set(owners)].filter((code) => code !== reportUnit && tree.isWithin(code, reportUnit));
}

/**
 * The same rule as the report routes (core canReadReport): read scope over the report's
 * unit, or a grant over a unit that owns one of its sections. A division reads its own
 * department's report, never the province's, even though it lies inside a department
 * that owns a section of the province's report.
 */
export function readsReport(grants: readonly Grant[], tree: OrgTree, report: { readonly orgUnit: string }, template: ReportTemplate | undefined): boolean {
  const unit = tree.get(report.orgUnit);
  if (!unit) return false;
  const sectionOwnerPaths = sectionOwners(template, tree, report.orgUnit).flatMap((code) => {
    const owner = tree.get(code);
    return owner ? [owner.path] : [];
  });
  return canReadReport(grants, { path: unit.path, sectionOwnerPaths });
}
