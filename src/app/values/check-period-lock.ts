// Refuses a write to a unit's period once a report covering it has been issued
// (409 period_locked): the issued document must keep saying what the data says.
import { findLockingReport } from '../../core/workflow.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { cachedRead } from '../read-cache.ts';

/** Throws period_locked for the first (unit, period) pair an issued report locks. */
export async function assertPeriodsUnlocked({ store, tree, targets }: {
  store: Store; tree: OrgTree; targets: readonly { orgUnit: string; period: string }[];
}): Promise<void> {
  const reports = store.reports;
  const periods = [...new Set(targets.map((t) => t.period))];
  for (const period of periods) {
    // Issued reports change rarely; every value write asks (read-cache.ts).
    const issued = (await cachedRead(store, `issued-reports:${period}`, () => reports.listIssued(period))).map((r) => ({ orgUnit: r.orgUnit, path: tree.get(r.orgUnit)?.path ?? `/?${r.orgUnit}`, period: r.period, status: r.status, number: r.number, symbol: r.symbol }));
    if (issued.length === 0) continue;
    for (const target of targets.filter((t) => t.period === period)) {
      const path = tree.get(target.orgUnit)?.path;
      if (!path) continue;
      const lock = findLockingReport(issued, path, period);
      if (lock) {
        const found = issued.find((r) => r.orgUnit === lock.orgUnit);
        const number = found?.number ? ` số ${String(found.number).padStart(2, '0')}/${found.symbol}` : '';
        throw new AppError('period_locked', `Kỳ ${period} của đơn vị "${target.orgUnit}" đã khóa: báo cáo${number} của "${lock.orgUnit}" đã ban hành. Cần quản trị mở lại (kèm lý do) trước khi sửa.`, { details: { orgUnit: target.orgUnit, period, lockedBy: lock.orgUnit } });
      }
    }
  }
}
