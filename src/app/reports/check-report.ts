// Checks a stored report: the instance's own checks (duplicate items and documents,
// documents outside the period, repeated plan lines) plus what building its model
// found (template errors, unknown indicators, missing values).
import type { Finding } from '../../core/finding.ts';
import { checkReportInstance } from '../../core/report-checks.ts';
import { flattenSections, sectionNumbers } from '../../core/report-template.ts';
import { buildReport } from './build-report.ts';
import type { Store } from '../ports.ts';

export async function checkReport({ store, orgUnit, period }: { store: Store; orgUnit: string; period: string }): Promise<Finding[]> {
  const { instance, findings, context, template } = await buildReport({ store, orgUnit, period });
  const numbers = sectionNumbers(template.sections);
  const sectionNames = new Map(flattenSections(template.sections).map((s) => [s.id, `Mục ${numbers.get(s.id) ?? s.number} «${s.title.replace(/:\s*$/, '')}»`]));
  // The unit itself and its divisions issue "own" documents; others' are cited.
  const ownIssuers = new Set<string>();
  for (const unit of context.tree.subtree(orgUnit)) {
    ownIssuers.add(unit.code);
    ownIssuers.add(unit.name);
  }
  return [...checkReportInstance({ instance, ownIssuers, sectionNames }), ...findings];
}
