// DHIS2 data value CSV:
//   dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup
// The header is required; columns are found by name, so their order may differ.
import type { DataValue } from '../core/data-value.ts';
import type { ImportConflict, ParsedValues, ValueRow } from '../app/values/value-import.ts';
import { csvLine, parseCsv } from './csv.ts';
import { dhis2Period, exportedDisagg } from './value-codes.ts';

export const DHIS2_CSV_COLUMNS = [
  'dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo',
  'value', 'storedby', 'lastupdated', 'comment', 'followup',
] as const;

const REQUIRED = ['dataelement', 'period', 'orgunit', 'value'] as const;

const FIELD_LABEL: Record<(typeof REQUIRED)[number], string> = {
  dataelement: 'mã chỉ tiêu (dataelement)',
  period: 'kỳ báo cáo (period)',
  orgunit: 'mã đơn vị (orgunit)',
  value: 'giá trị (value)',
};

export function parseDhis2Csv(text: string): ParsedValues {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return fatal({ object: 'csv', value: `dòng ${parsed.line}`, indexes: [parsed.line], message: `Tệp CSV sai cú pháp ở ${parsed.message}.` });
  }
  const [header, ...records] = parsed.records;
  if (!header) return fatal({ object: 'csv', value: '', indexes: [], message: 'Tệp CSV trống: cần dòng tiêu đề và số liệu.' });
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const column = new Map<string, number>();
  names.forEach((name, i) => column.set(name, i));
  const missing = REQUIRED.filter((name) => !column.has(name));
  if (missing.length > 0) {
    return fatal({
      object: 'csv',
      value: header.fields.join(','),
      indexes: [header.line],
      message: `Dòng tiêu đề CSV thiếu cột ${missing.join(', ')}; cần: ${DHIS2_CSV_COLUMNS.join(',')}.`,
    });
  }
  const at = (name: string): number => column.get(name) ?? -1;
  const [iElement, iPeriod, iOrg, iCombo, iValue, iStoredBy, iComment] =
    ['dataelement', 'period', 'orgunit', 'catoptcombo', 'value', 'storedby', 'comment'].map(at) as [number, number, number, number, number, number, number];
  const rows: ValueRow[] = [];
  const conflicts: ImportConflict[] = [];
  for (const record of records) {
    const f = record.fields;
    const get = (i: number): string => (i >= 0 ? (f[i] ?? '').trim() : '');
    const row: ValueRow = {
      index: record.line,
      indicator: get(iElement),
      period: get(iPeriod),
      orgUnit: get(iOrg),
      disagg: get(iCombo),
      value: get(iValue),
      comment: iComment >= 0 ? (f[iComment] ?? null) || null : null,
      storedBy: get(iStoredBy) || null,
    };
    const empty = REQUIRED.find((name) => get(at(name)) === '');
    if (empty) {
      conflicts.push({ object: empty, value: '', indexes: [record.line], message: `Thiếu ${FIELD_LABEL[empty]}.` });
      continue;
    }
    rows.push(row);
  }
  return { format: 'csv', rows, conflicts, fatal: false };
}

function fatal(conflict: ImportConflict): ParsedValues {
  return { format: 'csv', rows: [], conflicts: [conflict], fatal: true };
}

/** Writes values as DHIS2 CSV (header first, periods in DHIS2 form, CRLF line ends). */
export function serializeDhis2Csv(values: readonly DataValue[]): string {
  const lines = [csvLine(DHIS2_CSV_COLUMNS)];
  for (const v of values) {
    lines.push(csvLine([
      v.indicator, dhis2Period(v.period), v.orgUnit, exportedDisagg(v.disagg), '',
      String(v.value), v.storedBy ?? '', v.updatedAt ?? '', v.comment ?? '', 'false',
    ]));
  }
  return lines.join('');
}
