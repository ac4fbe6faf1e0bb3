// DHIS2 data value CSV. DHIS2 reads its columns by position, in this order:
//   dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted
// and writes this header. Read here:
// - a header in DHIS2's order, whatever its names (DHIS2's own files say catoptcombo,
//   categoryoptioncombo, timestamp, strby, cmt…): by position, as DHIS2 does;
// - a header naming known columns in another order: by name;
// - no header (the first row is data): by position.
// An empty value, or `deleted` true, deletes the stored value (DHIS2's semantics).
import type { DataValue } from '../core/data-value.ts';
import type { ImportConflict, ParsedValues, ValueRow } from '../app/values/value-import.ts';
import { csvLine, parseCsv } from './csv.ts';
import { dhis2Period, OWN_CODES, valueText } from './value-codes.ts';
import type { ValueFileOptions } from './value-codes.ts';

export const DHIS2_CSV_COLUMNS = [
  'dataelement', 'period', 'orgunit', 'categoryoptioncombo', 'attributeoptioncombo',
  'value', 'storedby', 'lastupdated', 'comment', 'followup', 'deleted',
] as const;

type Column = (typeof DHIS2_CSV_COLUMNS)[number];

/** Every spelling of a column seen in DHIS2's files and documentation. */
const ALIASES: Readonly<Record<string, Column>> = {
  dataelement: 'dataelement', period: 'period', orgunit: 'orgunit',
  categoryoptioncombo: 'categoryoptioncombo', catoptcombo: 'categoryoptioncombo',
  attributeoptioncombo: 'attributeoptioncombo', attroptcombo: 'attributeoptioncombo',
  value: 'value', storedby: 'storedby', strby: 'storedby',
  lastupdated: 'lastupdated', timestamp: 'lastupdated', lstupd: 'lastupdated',
  comment: 'comment', cmt: 'comment', followup: 'followup', deleted: 'deleted',
};

const REQUIRED = ['dataelement', 'period', 'orgunit'] as const;

const FIELD_LABEL: Record<(typeof REQUIRED)[number], string> = {
  dataelement: 'mã chỉ tiêu (dataelement)',
  period: 'kỳ báo cáo (period)',
  orgunit: 'mã đơn vị (orgunit)',
};

/** How the columns of a file are found, from its first record. */
function layoutOf(first: readonly string[]): { header: boolean; column: (name: Column) => number } | { problem: string } {
  const names = first.map((name) => ALIASES[name.trim().toLowerCase()]);
  const known = names.filter((name) => name !== undefined).length;
  // A data row never holds two column names; a header holds them all (or nearly: DHIS2's own has a typo).
  if (known < 2) return { header: false, column: (name) => DHIS2_CSV_COLUMNS.indexOf(name) };
  const inDhis2Order = names.every((name, i) => name === undefined || DHIS2_CSV_COLUMNS[i] === name);
  if (inDhis2Order) return { header: true, column: (name) => DHIS2_CSV_COLUMNS.indexOf(name) };
  const byName = new Map<Column, number>();
  names.forEach((name, i) => { if (name !== undefined && !byName.has(name)) byName.set(name, i); });
  const missing = [...REQUIRED, 'value' as const].filter((name) => !byName.has(name));
  if (missing.length > 0) return { problem: `Dòng tiêu đề CSV thiếu cột ${missing.join(', ')}; cần: ${DHIS2_CSV_COLUMNS.join(',')}.` };
  return { header: true, column: (name) => byName.get(name) ?? -1 };
}

export function parseDhis2Csv(text: string): ParsedValues {
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    return fatal({ object: 'csv', value: `dòng ${parsed.line}`, indexes: [parsed.line], message: `Tệp CSV sai cú pháp ở ${parsed.message}.` });
  }
  const [first] = parsed.records;
  if (!first) return fatal({ object: 'csv', value: '', indexes: [], message: 'Tệp CSV trống: cần các dòng số liệu (dòng tiêu đề nếu có theo thứ tự của DHIS2).' });
  const layout = layoutOf(first.fields);
  if ('problem' in layout) return fatal({ object: 'csv', value: first.fields.join(','), indexes: [first.line], message: layout.problem });
  const [iElement, iPeriod, iOrg, iCombo, iAttr, iValue, iStoredBy, , iComment, iFollowup, iDeleted] = DHIS2_CSV_COLUMNS.map(layout.column) as number[] as [number, number, number, number, number, number, number, number, number, number, number];
  const rows: ValueRow[] = [];
  const conflicts: ImportConflict[] = [];
  for (const record of layout.header ? parsed.records.slice(1) : parsed.records) {
    const f = record.fields;
    const get = (i: number): string => (i >= 0 ? (f[i] ?? '').trim() : '');
    const row: ValueRow = {
      index: record.line,
      indicator: get(iElement),
      period: get(iPeriod),
      orgUnit: get(iOrg),
      disagg: get(iCombo),
      attr: get(iAttr),
      // A text value keeps its spaces; an empty one asks for deletion.
      value: iValue >= 0 && (f[iValue] ?? '').trim() !== '' ? (f[iValue] ?? '') : '',
      comment: iComment >= 0 ? (f[iComment] ?? null) || null : null,
      storedBy: get(iStoredBy) || null,
      ...(get(iFollowup).toLowerCase() === 'true' ? { followup: true } : {}),
      ...(get(iDeleted).toLowerCase() === 'true' ? { deleted: true } : {}),
    };
    const empty = REQUIRED.find((name) => get(layout.column(name)) === '');
    if (empty) {
      conflicts.push({ object: empty, value: '', indexes: [record.line], message: `Thiếu ${FIELD_LABEL[empty]}.` });
      continue;
    }
    rows.push(row);
  }
  return { format: 'csv', rows, conflicts, fatal: false, defaultIdScheme: 'UID' };
}

function fatal(conflict: ImportConflict): ParsedValues {
  return { format: 'csv', rows: [], conflicts: [conflict], fatal: true };
}

/** Writes values as DHIS2 CSV (DHIS2's current header first, periods in DHIS2 form, CRLF line ends). */
export function serializeDhis2Csv(values: readonly DataValue[], options: ValueFileOptions = {}): string {
  const ids = options.ids ?? OWN_CODES;
  const lines = [csvLine(DHIS2_CSV_COLUMNS)];
  for (const v of values) {
    lines.push(csvLine([
      ids.indicator(v.indicator), dhis2Period(v.period), ids.orgUnit(v.orgUnit), ids.combo(v.disagg), v.attr ? ids.combo(v.attr) : '',
      valueText(v), v.storedBy ?? '', v.updatedAt ?? '', v.comment ?? '', v.followup ? 'true' : 'false', 'false',
    ]));
  }
  return lines.join('');
}
