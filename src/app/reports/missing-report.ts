// A period without a report is not an error the user cannot act on: the refusal says
// what is missing and whether the caller may open it (the office) or must wait for
// the office, with the earlier report the new one would copy, for an empty state with
// the action ("Tạo báo cáo tháng 5 năm 2022").
import { can } from '../../core/access.ts';
import { formatPeriod, periodLabel, tryParsePeriod } from '../../core/period.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';

/**
 * `error` unchanged unless it is a not_found for a report that indeed does not exist
 * for a known unit and a valid period; then a not_found with `details.reason:
 * 'no_report'`, `canCreate` and `createFrom`.
 */
export async function explainMissingReport({ store, principal, orgUnit, period, error }: {
  store: Store; principal: Principal; orgUnit: string; period: string; error: unknown;
}): Promise<unknown> {
  if (!(error instanceof AppError) || error.code !== 'not_found') return error;
  const parsed = tryParsePeriod(period);
  const unit = (await loadOrgTree(store)).get(orgUnit);
  if (!parsed.ok || !unit) return error;
  const code = formatPeriod(parsed.period);
  if (await store.reports.find(orgUnit, code)) return error;
  const earlier = (await store.reports.list({ orgUnit })).filter((r) => r.period < code).map((r) => r.period).sort().at(-1) ?? null;
  const canCreate = can(principal.grants, 'compile', unit.path) && earlier !== null;
  const label = periodLabel(parsed.period);
  const message = `Chưa có báo cáo ${label} của ${unit.name}. ${canCreate ? 'Bạn có thể lập báo cáo này (lấy mẫu và kế hoạch từ kỳ trước).' : 'Đơn vị tổng hợp sẽ lập báo cáo này; khi đó bạn sẽ thấy phần việc của mình.'}`;
  return new AppError('not_found', message, { details: { reason: 'no_report', orgUnit, period: code, periodLabel: label, canCreate, createFrom: earlier ? { period: earlier } : null } });
}
