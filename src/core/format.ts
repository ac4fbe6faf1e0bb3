// Vietnamese formatting of numbers, percentages, changes and dates (vi-VN, Nghị định 30/2020).
// Pure and dependency-free so the web front end can reuse it. Rounding is done on the
// decimal digits of a number, never on binary floating point, so ties round the way a
// person checking the report by hand would (1,005 → 1,01).

import type { IsoDate } from './period.ts';

/** Most decimals printed when the caller does not fix them. */
export const MAX_AUTO_DECIMALS = 6;

/** A non-negative decimal split into its integer digits and fraction digits, plus the sign. */
interface DecimalDigits {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

/**
 * The decimal digits of a finite number as JavaScript prints it (the shortest string
 * that reads back to the same double), with any exponent expanded.
 */
function decimalDigits(value: number): DecimalDigits {
  if (!Number.isFinite(value)) throw new RangeError(`Không định dạng được giá trị không hữu hạn: ${value}`);
  const negative = value < 0 || Object.is(value, -0);
  const text = String(Math.abs(value));
  const [mantissa = '0', exponentText] = text.split('e');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return { negative, integer: '0', fraction: '0'.repeat(-point) + digits };
  if (point >= digits.length) return { negative, integer: digits + '0'.repeat(point - digits.length), fraction: '' };
  return { negative, integer: digits.slice(0, point), fraction: digits.slice(point) };
}

/** Rounds decimal digits half away from zero to exactly `decimals` fraction digits. */
function roundDigits(value: DecimalDigits, decimals: number): DecimalDigits {
  if (value.fraction.length <= decimals) return { ...value, fraction: value.fraction.padEnd(decimals, '0') };
  const kept = value.integer + value.fraction.slice(0, decimals);
  const roundsUp = (value.fraction[decimals] ?? '0') >= '5';
  const scaled = (BigInt(kept) + (roundsUp ? 1n : 0n)).toString().padStart(decimals + 1, '0');
  return {
    negative: value.negative,
    integer: scaled.slice(0, scaled.length - decimals),
    fraction: decimals === 0 ? '' : scaled.slice(scaled.length - decimals),
  };
}

function isZero(value: DecimalDigits): boolean {
  return /^0*$/.test(value.integer + value.fraction);
}

function groupThousands(integer: string): string {
  const trimmed = integer.replace(/^0+(?=\d)/, '');
  return trimmed.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function printDigits(value: DecimalDigits): string {
  const sign = value.negative && !isZero(value) ? '-' : '';
  const integer = groupThousands(value.integer);
  return value.fraction === '' ? `${sign}${integer}` : `${sign}${integer},${value.fraction}`;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new RangeError(`Số chữ số thập phân không hợp lệ: ${decimals}`);
}

/**
 * Rounds half away from zero at `decimals` places, judged on the number's decimal
 * digits: roundHalfUp(1.005, 2) = 1.01, where Math.round(1.005 * 100) / 100 gives 1
 * because 1.005 is stored as 1.00499999…. Negative ties go away from zero (-2.5 → -3),
 * as when rounding by hand.
 */
export function roundHalfUp(value: number, decimals: number): number {
  checkDecimals(decimals);
  const rounded = roundDigits(decimalDigits(value), decimals);
  const result = Number(`${rounded.negative ? '-' : ''}${rounded.integer}.${rounded.fraction || '0'}`);
  return result === 0 ? 0 : result;
}

/** `20601` → `20.601`; a fractional value is rounded half-up to an integer first. */
export function formatInteger(value: number): string {
  return printDigits(roundDigits(decimalDigits(value), 0));
}

/**
 * `1234567.5` → `1.234.567,5`. With `decimals` the fraction has exactly that many digits;
 * without, as many as needed up to MAX_AUTO_DECIMALS (trailing zeros dropped).
 */
export function formatNumber(value: number, decimals?: number): string {
  if (decimals !== undefined) {
    checkDecimals(decimals);
    return printDigits(roundDigits(decimalDigits(value), decimals));
  }
  const rounded = roundDigits(decimalDigits(value), MAX_AUTO_DECIMALS);
  return printDigits({ ...rounded, fraction: rounded.fraction.replace(/0+$/, '') });
}

/** `77.2052` → `77,21%` (no space before '%', as Vietnamese documents print it). */
export function formatPercentValue(percent: number, decimals = 2): string {
  return `${formatNumber(percent, decimals)}%`;
}

/**
 * numerator / denominator as a percentage: 15905/20601 → `77,20%`; a zero denominator → null.
 * Whole-number inputs are divided exactly (scaled integers), so a ratio lying exactly on a
 * tie, such as 1/8 = 12,5%, rounds up at any precision.
 */
export function formatPercent(numerator: number, denominator: number, decimals = 2): string | null {
  checkDecimals(decimals);
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return null;
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    return `${exactPercent(BigInt(numerator), BigInt(denominator), decimals)}%`;
  }
  return formatPercentValue((numerator / denominator) * 100, decimals);
}

/** Rounds 100·n/d half away from zero at `decimals` places using integers only. */
function exactPercent(numerator: bigint, denominator: bigint, decimals: number): string {
  const negative = (numerator < 0n) !== (denominator < 0n) && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scaledNumerator = n * 100n * 10n ** BigInt(decimals);
  const rounded = (2n * scaledNumerator + d) / (2n * d);
  const digits = rounded.toString().padStart(decimals + 1, '0');
  return printDigits({
    negative,
    integer: digits.slice(0, digits.length - decimals),
    fraction: decimals === 0 ? '' : digits.slice(digits.length - decimals),
  });
}

/** "tăng 105.400", "giảm 3", "không thay đổi"; `unit` is appended to a change ("tăng 855 lượt", "tăng 0,03%"). */
export function formatDelta(delta: number, unit?: string, decimals?: number): string {
  const magnitude = formatNumber(Math.abs(delta), decimals);
  if (/^0(,0*)?$/.test(magnitude)) return 'không thay đổi';
  // '%' follows the number with no space (RULES-VN.md), a word unit after a space.
  const suffix = !unit ? '' : unit === '%' ? '%' : ` ${unit}`;
  return `${delta > 0 ? 'tăng' : 'giảm'} ${magnitude}${suffix}`;
}

export function zeroPad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Document symbol `05/BC-STTTT`: the number is zero-padded below 10 (Nghị định 30). */
export function formatDocumentNumber(number: number, symbol: string): string {
  return `${zeroPad2(number)}/${symbol}`;
}

function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Ngày không đúng dạng YYYY-MM-DD: "${date}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Nghị định 30: a day below 10 and the months 1 and 2 are written with two digits. */
function dayAndMonth(date: IsoDate): { day: string; month: string; year: number } {
  const { year, month, day } = dateParts(date);
  return { day: zeroPad2(day), month: month <= 2 ? zeroPad2(month) : String(month), year };
}

/** `2022-01-05` → "ngày 05 tháng 01 năm 2022"; `2022-04-15` → "ngày 15 tháng 4 năm 2022". */
export function formatDateLong(date: IsoDate): string {
  const { day, month, year } = dayAndMonth(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** `2022-04-12` → "12/4/2022", `2022-04-06` → "06/4/2022", `2022-01-26` → "26/01/2022", as the seed writes them. */
export function formatDateShort(date: IsoDate): string {
  const { day, month, year } = dayAndMonth(date);
  return `${day}/${month}/${year}`;
}

/** `2022-05-15` → "15/05/2022": dd/mm/yyyy, as the app shows dates (documents keep the seed's short form). */
export function formatDateDmy(date: IsoDate): string {
  const [year = '', month = '', day = ''] = date.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** An ISO instant as read in Việt Nam (UTC+7, no daylight saving): "13/05/2022 09:00". */
export function formatInstantVietnam(instant: string): string {
  const local = new Date(Date.parse(instant) + 7 * 3_600_000).toISOString();
  return `${formatDateDmy(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** "Trà Vinh, ngày 15 tháng 4 năm 2022", the place-and-date line of the header. */
export function formatPlaceDate(place: string, date: IsoDate): string {
  return `${place}, ${formatDateLong(date)}`;
}

export type ParseNumberResult = { ok: true; value: number } | { ok: false; reason: string };

const PLAIN_NUMBER = /^\d+(,\d+)?$/;
const GROUPED_NUMBER = /^\d{1,3}(\.\d{3})+(,\d+)?$/;

/**
 * Reads a number as a Vietnamese user types it: '.' groups thousands, ',' marks decimals.
 * "20.601" → 20601, "77,2" → 77.2, "1.234,5" → 1234.5. A '.' not followed by groups of
 * three digits ("1.23") is refused rather than guessed, since it may be a foreign decimal point.
 */
export function parseVietnameseNumberResult(text: string): ParseNumberResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'Chưa nhập số.' };
  const negative = trimmed.startsWith('-');
  const body = negative ? trimmed.slice(1) : trimmed;
  if (PLAIN_NUMBER.test(body) || GROUPED_NUMBER.test(body)) {
    const value = Number(body.replaceAll('.', '').replace(',', '.'));
    if (!Number.isFinite(value)) return { ok: false, reason: `Số "${trimmed}" quá lớn.` };
    return { ok: true, value: negative && value !== 0 ? -value : value };
  }
  if (/^\d+(\.\d+)+$/.test(body)) {
    return { ok: false, reason: `Số "${trimmed}" không rõ nghĩa: dấu chấm dùng để phân cách hàng nghìn (nhóm 3 chữ số), phần thập phân dùng dấu phẩy (ví dụ 77,2).` };
  }
  if (/^[\d.,]+$/.test(body)) {
    return { ok: false, reason: `Số "${trimmed}" sai dạng: dấu chấm phân cách hàng nghìn, một dấu phẩy trước phần thập phân (ví dụ 1.234,5).` };
  }
  return { ok: false, reason: `"${trimmed}" không phải là số.` };
}

/** As parseVietnameseNumberResult, null when the text is not a clear number. */
export function parseVietnameseNumber(text: string): number | null {
  const result = parseVietnameseNumberResult(text);
  return result.ok ? result.value : null;
}
