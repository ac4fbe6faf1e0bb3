// The one policy every write of data values passes, called by importValues inside the
// transaction that writes (so no issue can slip in between the check and the write):
// scope, then locks. The API's callers write only the units of their write scope; the
// command line's operator holds the database and writes anywhere; for both, a period
// that an issued report covers is closed until an admin reopens it with a reason.
// Every path that writes values (PUT /api/values, file uploads, `baocao values import`,
// the legacy report import) goes through importValues, hence through this.
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import { loadOrgTree, requireAccess } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import { assertPeriodsUnlocked } from './check-period-lock.ts';

/** One (unit, period) a write touches, as written (codes not resolved yet). */
export interface ValueWriteTarget {
  readonly orgUnit: string;
  readonly period: string;
}

/** The distinct (unit, period) pairs of some rows (a million on a national file: no key strings). */
export function valueWriteTargets(rows: readonly ValueWriteTarget[]): ValueWriteTarget[] {
  const periodsByUnit = new Map<string, Set<string>>();
  for (const row of rows) {
    let periods = periodsByUnit.get(row.orgUnit);
    if (!periods) periodsByUnit.set(row.orgUnit, (periods = new Set()));
    periods.add(row.period);
  }
  return [...periodsByUnit].flatMap(([orgUnit, periods]) => [...periods].map((period) => ({ orgUnit, period })));
}

/**
 * Throws forbidden when `principal` (null: the command line's operator, full scope)
 * may not write values of one of the known units, then period_locked when an issued
 * report locks one of the (unit, period) pairs. Unknown units and bad periods are left
 * to the import, which reports them per row; scope comes first, so a caller out of
 * scope learns nothing about the state of others' reports.
 */
export async function enforceValueWritePolicy({ store, principal, targets }: {
  store: Store; principal: Principal | null; targets: readonly ValueWriteTarget[];
}): Promise<void> {
  if (targets.length === 0) return;
  const tree = await loadOrgTree(store);
  const known = targets.filter((t) => tree.has(t.orgUnit));
  if (principal) for (const orgUnit of new Set(known.map((t) => t.orgUnit))) requireAccess(principal, tree, 'write_values', orgUnit);
  const locks = known.flatMap((t) => {
    const parsed = tryParsePeriod(t.period);
    return parsed.ok ? [{ orgUnit: t.orgUnit, period: formatPeriod(parsed.period) }] : [];
  });
  await assertPeriodsUnlocked({ store, tree, targets: valueWriteTargets(locks) });
}
