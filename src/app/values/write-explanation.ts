// Writes (or, with an empty text, removes) the explanation of one figure (giải trình):
// the writer needs write scope on the unit, the figure must be one that unit enters,
// and the report's state must still allow writing it (as for the value itself). The
// change is audited with before and after. A finding stays: the approver reads the
// explanation beside it and decides.
import type { Principal } from '../accounts/principal.ts';
import { actorOf, loadOrgTree, requireAccess } from '../accounts/principal.ts';
import { loadCatalogue } from '../analysis/load-catalogue.ts';
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { formatPeriod, tryParsePeriod } from '../../core/period.ts';
import { assertPeriodsUnlocked } from './check-period-lock.ts';
import { importedDisaggKey } from './explanation-keys.ts';
import type { ValueExplanation } from './explanation-ports.ts';
import { ReportingUnitPolicy } from './reporting-unit-policy.ts';

export const MAX_EXPLANATION_LENGTH = 2000;

export async function writeExplanation({ store, principal, orgUnit, period, indicator, categoryOptionCombo, text, now = new Date() }: {
  store: Store; principal: Principal; orgUnit: string; period: string; indicator: string; categoryOptionCombo?: string | null; text: string; now?: Date;
}): Promise<ValueExplanation | null> {
  const parsed = tryParsePeriod(period);
  if (!parsed.ok) throw new AppError('bad_request', `Kỳ báo cáo "${period}" không hợp lệ (dùng 2022-04, 202204, 2022-Q2, 2022-H1 hoặc 2022).`, { field: 'body.period' });
  const code = formatPeriod(parsed.period);
  const trimmed = text.trim();
  if (trimmed.length > MAX_EXPLANATION_LENGTH) throw new AppError('bad_request', `Giải trình dài quá ${MAX_EXPLANATION_LENGTH} ký tự.`, { field: 'body.text' });
  return store.transaction(async (tx) => {
    const tree = await loadOrgTree(tx);
    requireAccess(principal, tree, 'write_values', orgUnit);
    const { catalogue } = await loadCatalogue({ store: tx });
    const found = catalogue.indicator(indicator);
    if (!found) throw new AppError('bad_request', `Chỉ tiêu "${indicator}" chưa được khai báo.`, { field: 'body.dataElement' });
    if (found.kind === 'derived') throw new AppError('bad_request', `Chỉ tiêu «${found.name}» là chỉ tiêu tính toán: giải trình cho các số liệu nhập để tính nó.`, { field: 'body.dataElement' });
    const disagg = importedDisaggKey(categoryOptionCombo);
    if (disagg === null) throw new AppError('bad_request', `Phân tổ "${categoryOptionCombo ?? ''}" không đúng dạng "phân_tổ=mục;phân_tổ_2=mục_2" (hoặc "default" cho tổng số).`, { field: 'body.categoryOptionCombo' });
    const problem = catalogue.checkDisaggKey(found.code, disagg);
    if (problem) throw new AppError('bad_request', problem, { field: 'body.categoryOptionCombo' });
    const key = { indicator: found.code, orgUnit, period: code, disagg };

    // The figure's own unit explains it, under the same state rules as the figure.
    const policy = await ReportingUnitPolicy.load({ store: tx, tree, catalogue, rows: [{ orgUnit, period: code }] });
    const [misplaced] = policy.conflicts([{ index: 1, indicator: found.code, orgUnit, period: code, disagg, value: '0' }]);
    if (misplaced) throw new AppError('bad_request', misplaced.message, { field: 'body.orgUnit', details: { reportingUnit: misplaced.reportingUnit } });
    await assertPeriodsUnlocked({ store: tx, tree, targets: [{ orgUnit, period: code }] });
    await policy.assertWritable({ store: tx, values: [key], principal });

    const before = await tx.explanations.get(key);
    const after: ValueExplanation | null = trimmed === '' ? null : { ...key, text: trimmed, author: actorOf(principal), at: now.toISOString() };
    if (after) await tx.explanations.save(after);
    else if (before) await tx.explanations.remove(key);
    else return null;
    await tx.audit.record([{
      at: now.toISOString(), actor: actorOf(principal), action: after ? 'value_explanation.set' : 'value_explanation.delete', entity: 'value_explanation',
      orgUnit, period: code, before: before ?? null, after,
    }]);
    return after;
  });
}
