// The value rule of every write path (API, files of every format, the CLI, the XLSX
// form): a row's value must fit its indicator's value type. The rule itself is pure
// (core/value-type.ts); this names the indicator in its message.
import type { Indicator } from '../../core/indicator.ts';
import { checkValue, isNumericType, VALUE_TYPE_LABELS } from '../../core/value-type.ts';
import type { CheckedValue } from '../../core/value-type.ts';
import type { ValueRow } from './value-import.ts';

/**
 * The value and comment a row means. An ADX <annotation> is the value of a non-numeric
 * indicator (DHIS2 writes value="0" beside it; without one the row is refused, as DHIS2
 * does) and the comment of a numeric one.
 */
export function rowValueAndComment(indicator: Indicator, row: ValueRow, format: string | undefined): { value: string; comment: string | null } | string {
  const comment = row.comment ?? null;
  if (isNumericType(indicator.valueType)) {
    const note = row.annotation?.trim() ?? '';
    if (note === '') return { value: row.value, comment };
    if (comment !== null && comment !== note) return `Số liệu có cả comment "${comment}" và annotation "${note}" khác nhau; chỉ giữ được một ghi chú.`;
    return { value: row.value, comment: comment ?? note };
  }
  if (row.annotation !== undefined) return { value: row.annotation, comment };
  if (format === 'adx' && row.deleted !== true) {
    return `Chỉ tiêu "${indicator.code}" nhận ${VALUE_TYPE_LABELS[indicator.valueType]}: trong ADX giá trị này nằm trong phần tử <annotation> (DHIS2 ghi value="0" bên cạnh).`;
  }
  return { value: row.value, comment };
}

/** The value to store, or a Vietnamese message naming the value and the indicator. */
export function checkRowValue(indicator: Indicator, raw: string): CheckedValue | string {
  const checked = checkValue(indicator.valueType, raw);
  if (checked.ok) return checked;
  return `Giá trị "${raw}" ${checked.reason}; chỉ tiêu "${indicator.code}" (${indicator.name}) nhận ${VALUE_TYPE_LABELS[indicator.valueType]}.`;
}
