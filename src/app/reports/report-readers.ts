// Which stored reports a caller reads: those of units in its read scope, and the report
// its own part belongs to (a division reads its department's report because it owns a
// section of that very report, not the province's). Used to list reports; the report
// routes themselves check a reader with core access (issue 12 narrows that check the
// same way).
import { can, isWithinPath, roleAllows } from '../../core/access.ts';
import type { Grant } from '../../core/access.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { flattenSections } from '../../core/report-template.ts';
import type { ReportTemplate } from '../../core/report-template.ts';

/** Section owners of a template that lie in the report unit's subtree (the units with a part). */
export function sectionOwners(template: ReportTemplate | undefined, tree: OrgTree, reportUnit: string): string[] {
  const owners = flattenSections(template?.sections ?? []).map((s) => s.owner).filter((o): o is string => !!o);
  return [...new Set(owners)].filter((code) => code !== reportUnit && tree.isWithin(code, reportUnit));
}

export function readsReport(grants: readonly Grant[], tree: OrgTree, report: { readonly orgUnit: string }, template: ReportTemplate | undefined): boolean {
  const unit = tree.get(report.orgUnit);
  if (!unit) return false;
  if (can(grants, 'read', unit.path)) return true;
  const ownerPaths = sectionOwners(template, tree, report.orgUnit).map((code) => tree.get(code)?.path ?? '');
  // A grant on a section's owner, or inside it (a centre's own division), reads the report.
  return grants.some((g) => roleAllows(g.role, 'read') && ownerPaths.some((path) => path !== '' && (isWithinPath(g.path, path) || isWithinPath(path, g.path)) && isWithinPath(g.path, unit.path)));
}
