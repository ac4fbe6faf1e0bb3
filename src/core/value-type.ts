// Value types of indicators (DHIS2's valueType of a data element) and the one check every
// write path runs on a value: the API, value files of every format, the CLI and the XLSX
// form all reach the values use case, which calls checkValue per row.
//
// A stored value is a number (numbers, and booleans as 1/0 so that they count when
// aggregated) and, for types DHIS2 writes as text, its text: 'true'/'false' for booleans,
// the text itself for TEXT and LONG_TEXT, `YYYY-MM-DD` for DATE (no number).

export const VALUE_TYPES = [
  'NUMBER', 'INTEGER', 'INTEGER_POSITIVE', 'INTEGER_NEGATIVE', 'INTEGER_ZERO_OR_POSITIVE',
  'PERCENTAGE', 'UNIT_INTERVAL', 'BOOLEAN', 'TRUE_ONLY', 'TEXT', 'LONG_TEXT', 'DATE',
] as const;

export type ValueType = (typeof VALUE_TYPES)[number];

/** Names of the first metadata files, still read: integer, number, percent. */
export const LEGACY_VALUE_TYPES: Readonly<Record<string, ValueType>> = { integer: 'INTEGER', number: 'NUMBER', percent: 'PERCENTAGE' };

/** Vietnamese description of what a type accepts, for messages and forms. */
export const VALUE_TYPE_LABELS: Readonly<Record<ValueType, string>> = {
  NUMBER: 'số',
  INTEGER: 'số nguyên',
  INTEGER_POSITIVE: 'số nguyên dương (> 0)',
  INTEGER_NEGATIVE: 'số nguyên âm (< 0)',
  INTEGER_ZERO_OR_POSITIVE: 'số nguyên không âm (≥ 0)',
  PERCENTAGE: 'tỷ lệ phần trăm từ 0 đến 100',
  UNIT_INTERVAL: 'số từ 0 đến 1',
  BOOLEAN: 'đúng/sai (true hoặc false)',
  TRUE_ONLY: 'chỉ giá trị đúng (true)',
  TEXT: 'chữ (tối đa 50.000 ký tự)',
  LONG_TEXT: 'văn bản dài',
  DATE: 'ngày dạng YYYY-MM-DD',
};

const TEXT_LIMIT: Readonly<Partial<Record<ValueType, number>>> = { TEXT: 50_000, LONG_TEXT: 1_000_000 };

/** Reads a value type by DHIS2 name (any case) or legacy name; undefined when unknown. */
export function toValueType(name: string): ValueType | undefined {
  const legacy = LEGACY_VALUE_TYPES[name];
  if (legacy) return legacy;
  const upper = name.toUpperCase();
  return (VALUE_TYPES as readonly string[]).includes(upper) ? (upper as ValueType) : undefined;
}

/** DHIS2's numeric types: written as ADX values, summed and compared. */
export function isNumericType(type: ValueType): boolean {
  return type === 'NUMBER' || type === 'PERCENTAGE' || type === 'UNIT_INTERVAL' || isIntegerType(type);
}

export function isIntegerType(type: ValueType): boolean {
  return type === 'INTEGER' || type === 'INTEGER_POSITIVE' || type === 'INTEGER_NEGATIVE' || type === 'INTEGER_ZERO_OR_POSITIVE';
}

/** Types whose stored value has a number (numeric types and booleans, counted as 1/0). */
export function hasNumber(type: ValueType): boolean {
  return isNumericType(type) || type === 'BOOLEAN' || type === 'TRUE_ONLY';
}

export interface CheckedValue {
  /** The number kept (booleans 1/0); null for text and dates. */
  readonly value: number | null;
  /** The text kept for types DHIS2 writes as text; null for numbers. */
  readonly text: string | null;
}

export type ValueCheck =
  | ({ readonly ok: true } & CheckedValue)
  | { readonly ok: false; readonly message: string; readonly reason: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const WHOLE = /^[+-]?\d+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRUE_WORDS = new Set(['true', '1', 't']);
const FALSE_WORDS = new Set(['false', '0', 'f']);

/**
 * Checks a value as written (file cell, JSON string) against a type. The message names
 * the value and what the type accepts; the caller adds the row and the indicator.
 */
export function checkValue(type: ValueType, raw: string): ValueCheck {
  // This runs once per row of a national file: no closure and one result object per call.
  const text = raw.trim();
  switch (type) {
    case 'BOOLEAN': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: 1, text: 'true' };
      if (FALSE_WORDS.has(word)) return { ok: true, value: 0, text: 'false' };
      return refuse(type, raw, 'không phải đúng/sai (viết true/false, 1/0 hoặc t/f)');
    }
    case 'TRUE_ONLY':
      if (TRUE_WORDS.has(text.toLowerCase())) return { ok: true, value: 1, text: 'true' };
      return refuse(type, raw, FALSE_WORDS.has(text.toLowerCase()) ? 'là giá trị sai, kiểu này không lưu (muốn bỏ thì xóa giá trị)' : 'không hợp lệ');
    case 'TEXT':
    case 'LONG_TEXT': {
      const limit = TEXT_LIMIT[type] ?? Infinity;
      if (raw.length > limit) return refuse(type, raw, `dài ${raw.length.toLocaleString('vi-VN')} ký tự, quá giới hạn`);
      return { ok: true, value: null, text: raw };
    }
    case 'DATE': {
      const match = ISO_DATE.exec(text);
      if (!match) return refuse(type, raw, 'không phải ngày dạng YYYY-MM-DD');
      if (!isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return refuse(type, raw, 'không có trên lịch');
      return { ok: true, value: null, text };
    }
    default:
      return checkNumber(type, raw, text);
  }
}

function refuse(type: ValueType, raw: string, why: string): ValueCheck {
  return { ok: false, reason: why, message: `Giá trị "${raw}" ${why}; cần ${VALUE_TYPE_LABELS[type]}.` };
}

function checkNumber(type: ValueType, raw: string, text: string): ValueCheck {
  if (isIntegerType(type)) {
    // "1e20" and "5.0" are refused: a count is written as digits.
    if (!WHOLE.test(text)) return refuse(type, raw, DECIMAL.test(text) ? 'không phải là số nguyên (viết bằng chữ số, không có phần thập phân hay số mũ)' : 'không phải là số');
    const number = Number(text);
    if (!Number.isSafeInteger(number)) return refuse(type, raw, 'quá lớn');
    if (type === 'INTEGER_POSITIVE' && number <= 0) return refuse(type, raw, 'không lớn hơn 0');
    if (type === 'INTEGER_NEGATIVE' && number >= 0) return refuse(type, raw, 'không nhỏ hơn 0');
    if (type === 'INTEGER_ZERO_OR_POSITIVE' && number < 0) return refuse(type, raw, 'là số âm');
    return { ok: true, value: number === 0 ? 0 : number, text: null };
  }
  if (!DECIMAL.test(text)) return refuse(type, raw, 'không phải là số (dùng dấu chấm cho phần thập phân, không dùng dấu phân cách hàng nghìn)');
  const number = Number(text);
  if (!Number.isFinite(number)) return refuse(type, raw, 'quá lớn');
  if (type === 'PERCENTAGE' && (number < 0 || number > 100)) return refuse(type, raw, 'nằm ngoài khoảng 0–100');
  if (type === 'UNIT_INTERVAL' && (number < 0 || number > 1)) return refuse(type, raw, 'nằm ngoài khoảng 0–1');
  return { ok: true, value: number === 0 ? 0 : number, text: null };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/**
 * A number in plain decimal notation, never exponent form (`1e-7` → `0.0000001`,
 * `1e+21` → `1000000000000000000000`): XML Schema's xs:decimal, which ADX's value
 * attribute is, has no exponent, and DHIS2 reads plain numbers. The digits are the
 * shortest ones that read back as the same number.
 */
export function plainNumber(value: number): string {
  const shortest = String(value);
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!exponent) return shortest;
  const [, sign = '', whole = '', fraction = '', power = '0'] = exponent;
  const digits = whole + fraction;
  const point = whole.length + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A stored value as DHIS2 writes it in files: its text, else its number in plain notation. */
export function storedValueText(stored: { readonly value: number | null; readonly text?: string | null }): string {
  if (stored.text !== undefined && stored.text !== null) return stored.text;
  return stored.value === null ? '' : plainNumber(stored.value);
}
