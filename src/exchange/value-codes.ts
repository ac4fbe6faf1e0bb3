// How exported values files name things and write values, shared by the JSON, CSV and
// ADX writers: identifiers by DHIS2's id schemes (see core/dhis2-ids.ts), periods in
// DHIS2's codes, values as DHIS2 writes them (text types as text, numbers in plain
// notation), and the form a group of values belongs to.
import type { DataValue } from '../core/data-value.ts';
import type { IdWriter } from '../core/dhis2-ids.ts';
import { formatPeriodDhis2, tryParsePeriod } from '../core/period.ts';
import { isNumericType, storedValueText } from '../core/value-type.ts';
import type { ValueType } from '../core/value-type.ts';

/** Our canonical period code (`2022-04`) in DHIS2 form (`202204`); unparsable codes pass through. */
export function dhis2Period(code: string): string {
  const parsed = tryParsePeriod(code);
  return parsed.ok ? formatPeriodDhis2(parsed.period) : code;
}

/** DHIS2 writes the total as the `default` category option combo; ours is the empty key. */
export function exportedDisagg(key: string): string {
  return key === '' ? 'default' : key;
}

/** Names as baocao stores them: our codes, and our keys for disaggregations. */
export const OWN_CODES: IdWriter = {
  indicator: (code) => code,
  orgUnit: (code) => code,
  combo: exportedDisagg,
  dimension: (code) => code,
  option: (_dimension, option) => option,
};

/** What a group of values (one unit, one period) belongs to: the form (DHIS2's data set) and when it was completed. */
export interface GroupHeader {
  readonly dataSet?: string | null;
  readonly completeDate?: string | null;
}

export interface ValueFileOptions {
  /** How identifiers are written; our codes by default. */
  readonly ids?: IdWriter;
  /** The value type of an indicator: text types are written as DHIS2 writes them (ADX: as an annotation). */
  readonly valueTypeOf?: (indicator: string) => ValueType | undefined;
  /** The form and completion of the values of one unit and period. */
  readonly header?: (orgUnit: string, period: string) => GroupHeader;
  /** ADX: the `exported` instant; now by default. */
  readonly exported?: string;
}

/** The value as a file writes it: text types as their text, numbers in plain notation. */
export function valueText(value: DataValue): string {
  return storedValueText(value);
}

/** True when the value is written as a number (ADX's value attribute); false for DHIS2's non-numeric types. */
export function isNumericValue(value: DataValue, options: ValueFileOptions): boolean {
  const type = options.valueTypeOf?.(value.indicator);
  return type ? isNumericType(type) : value.value !== null && (value.text === undefined || value.text === null);
}
