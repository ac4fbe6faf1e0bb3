// The report's state where its entries are written (items, documents, plan lines):
// a division's submitted part, a compiled or an approved report refuse the write
// (409 period_locked, see core edit-policy.ts), the office may still correct a
// compiled report. Called by write-report-entry.ts inside its transaction.
import { can } from '../../core/access.ts';
import { editLock, partOfUnit } from '../../core/edit-policy.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import { lockError } from '../values/reporting-unit-policy.ts';
import { expectedParts } from './run-workflow-action.ts';
import type { ReportScope } from './report-entry-scope.ts';

export async function assertEntryWritable({ store, scope, principal, owners }: {
  store: Store; scope: ReportScope; principal: Principal; owners: readonly string[];
}): Promise<void> {
  const { report, tree } = scope;
  const reportPath = tree.get(report.orgUnit)?.path ?? '';
  const parts = (await expectedParts(store, report)).map((p) => ({ ...p, path: tree.get(p.division)?.path ?? `/?${p.division}` }));
  for (const owner of new Set(owners)) {
    const part = partOfUnit(parts, tree.get(owner)?.path ?? '');
    const lock = editLock({
      status: report.status,
      part: part ? { division: part.division, status: part.status } : null,
      writesForReportUnit: can(principal.grants, 'write_items', reportPath),
    });
    if (lock) throw lockError(lock, { tree, report, part: part?.division ?? null, orgUnit: owner });
  }
}
