// A values file of stored values, as `baocao values export` and GET /api/values/export
// write it: the unit's (or subtree's) values of the period and of every shorter period
// counting towards it, identifiers by DHIS2's id schemes (UID for JSON and CSV, CODE for
// ADX, as DHIS2 defaults; an object without a DHIS2 identifier keeps our code), each
// group with the form it was reported on (DHIS2's dataSet: the report's template) and,
// once the report is issued, its completion date.
import { exportValues } from '../app/values/export-values.ts';
import { loadCatalogue } from '../app/analysis/load-catalogue.ts';
import type { Store } from '../app/ports.ts';
import { loadOrgTree } from '../app/accounts/principal.ts';
import type { StoredReport } from '../app/reports/report-ports.ts';
import { governingReport } from '../core/reporting-units.ts';
import { Dhis2Identifiers } from '../core/dhis2-ids.ts';
import type { IdSchemes } from '../core/dhis2-ids.ts';
import type { Period } from '../core/period.ts';
import { invalidAdxNames } from './adx.ts';
import type { GroupHeader, ValueFileOptions } from './value-codes.ts';
import { serializeValues } from './values-file.ts';
import type { ValuesFormat } from './values-file.ts';

export type ValuesFileResult =
  | { readonly ok: true; readonly text: string; readonly count: number }
  | { readonly ok: false; readonly problem: string };

export async function exportValuesFile({ store, orgUnit, period, children = false, format, idSchemes = {}, exported }: {
  store: Store; orgUnit: string; period: Period; children?: boolean; format: ValuesFormat; idSchemes?: IdSchemes; exported?: string;
}): Promise<ValuesFileResult> {
  const result = await exportValues({ store, orgUnit, period, children });
  if (!result.ok) return result;
  const options = await valueFileOptions({ store, values: result.values, format, idSchemes, exported });
  if (format === 'adx') {
    const bad = invalidAdxNames(result.values, options);
    if (bad.length > 0) {
      return { ok: false, problem: `Không ghi được tệp ADX: phân tổ ${bad.map((name) => `"${name}"`).join(', ')} không dùng được làm tên thuộc tính XML; hãy đổi mã (hoặc khai báo mã DHIS2 dhis2Code) trong danh mục, hoặc xuất dạng JSON/CSV.` };
    }
  }
  return { ok: true, text: serializeValues(result.values, format, options), count: result.values.length };
}

/** Identifiers, value types and group headers for writing these values. */
export async function valueFileOptions({ store, values, format, idSchemes, exported }: {
  store: Store; values: readonly { readonly orgUnit: string; readonly period: string }[]; format: ValuesFormat; idSchemes: IdSchemes; exported?: string | undefined;
}): Promise<ValueFileOptions> {
  const { catalogue } = await loadCatalogue({ store });
  const ids = new Dhis2Identifiers(catalogue, await store.orgUnits.list()).writer(idSchemes, format === 'adx' ? 'CODE' : 'UID');
  const headers = new Map<string, GroupHeader>();
  const tree = await loadOrgTree(store);
  const reportsOf = new Map<string, StoredReport[]>();
  for (const key of new Set(values.map((v) => `${v.orgUnit}\u0000${v.period}`))) {
    const [orgUnit = '', period = ''] = key.split('\u0000');
    let reports = reportsOf.get(period);
    if (!reports) reportsOf.set(period, (reports = await store.reports.list({ period })));
    // The form a division's figures were reported on is its department's report of that
    // period (core reporting-units.ts): the unit's own report, else the nearest above it.
    const report = governingReport(reports, tree, orgUnit, period);
    if (!report) continue;
    const complete = report.status === 'issued' ? (report.issuedAt?.slice(0, 10) ?? report.date ?? null) : null;
    headers.set(key, { dataSet: report.template, completeDate: complete });
  }
  return {
    ids,
    valueTypeOf: (code) => catalogue.indicator(code)?.valueType,
    header: (orgUnit, period) => headers.get(`${orgUnit}\u0000${period}`) ?? {},
    ...(exported ? { exported } : {}),
  };
}
