// Reporting periods (kỳ báo cáo): month, quarter, half-year, year.
// Periods are plain values; all date arithmetic is on civil dates (no Date, no time zone).

export type PeriodType = 'month' | 'quarter' | 'half' | 'year';

/** A reporting period. `index` is the month (1-12), quarter (1-4), half (1-2) or 1 for a year. */
export interface Period {
  readonly type: PeriodType;
  readonly year: number;
  readonly index: number;
}

/** An ISO calendar date, `YYYY-MM-DD`; dates are civil dates, never instants. */
export type IsoDate = string;

export class InvalidPeriodError extends Error {
  readonly code = 'invalid_period';
  constructor(readonly input: string, readonly reason: string) {
    super(`Kỳ báo cáo không hợp lệ: "${input}" (${reason})`);
    this.name = 'InvalidPeriodError';
  }
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Periods of each type in one year. */
const PERIODS_PER_YEAR: Record<PeriodType, number> = { month: 12, quarter: 4, half: 2, year: 1 };
/** Months covered by one period of each type. */
const MONTHS_PER_PERIOD: Record<PeriodType, number> = { month: 1, quarter: 3, half: 6, year: 12 };

const CANONICAL_PATTERNS: readonly { pattern: RegExp; type: PeriodType }[] = [
  { pattern: /^(\d{4})-(\d{2})$/, type: 'month' },
  { pattern: /^(\d{4})-?q(\d+)$/i, type: 'quarter' },
  { pattern: /^(\d{4})-h(\d+)$/i, type: 'half' },
  // DHIS2 writes halves of a calendar year as S1/S2 ("six-monthly").
  { pattern: /^(\d{4})s(\d+)$/i, type: 'half' },
  { pattern: /^(\d{4})(\d{2})$/, type: 'month' },
  { pattern: /^(\d{4})$/, type: 'year' },
];

const TYPE_LABELS: Record<PeriodType, string> = { month: 'tháng', quarter: 'quý', half: 'nửa năm', year: 'năm' };

/** Parses `2022-04`, `2022-Q2`, `2022-H1`, `2022` and DHIS2's `202204`, `2022Q2`, `2022S1`. Throws InvalidPeriodError. */
export function parsePeriod(input: string): Period {
  const result = tryParsePeriod(input);
  if (!result.ok) throw result.error;
  return result.period;
}

/** Non-throwing variant. */
export function tryParsePeriod(input: string): { ok: true; period: Period } | { ok: false; error: InvalidPeriodError } {
  const fail = (reason: string) => ({ ok: false as const, error: new InvalidPeriodError(String(input), reason) });
  if (typeof input !== 'string') return fail('không phải chuỗi ký tự');
  const text = input.trim();
  if (text === '') return fail('chuỗi rỗng');
  for (const { pattern, type } of CANONICAL_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const year = Number(match[1]);
    const index = type === 'year' ? 1 : Number(match[2]);
    if (year < MIN_YEAR || year > MAX_YEAR) return fail(`năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`);
    const max = PERIODS_PER_YEAR[type];
    if (index < 1 || index > max) return fail(`${TYPE_LABELS[type]} phải từ 1 đến ${max}`);
    return { ok: true, period: { type, year, index } };
  }
  return fail('không đúng dạng 2022-04, 2022-Q2, 2022-H1, 2022, 202204, 2022Q2 hoặc 2022S1');
}

/** Canonical code: `2022-04`, `2022-Q2`, `2022-H1`, `2022`. */
export function formatPeriod(period: Period): string {
  switch (period.type) {
    case 'month': return `${period.year}-${pad2(period.index)}`;
    case 'quarter': return `${period.year}-Q${period.index}`;
    case 'half': return `${period.year}-H${period.index}`;
    case 'year': return `${period.year}`;
  }
}

/** DHIS2 code: `202204`, `2022Q2`, `2022S1`, `2022`. */
export function formatPeriodDhis2(period: Period): string {
  switch (period.type) {
    case 'month': return `${period.year}${pad2(period.index)}`;
    case 'quarter': return `${period.year}Q${period.index}`;
    case 'half': return `${period.year}S${period.index}`;
    case 'year': return `${period.year}`;
  }
}

export function previousPeriod(period: Period): Period {
  return offsetPeriod(period, -1);
}

export function nextPeriod(period: Period): Period {
  return offsetPeriod(period, 1);
}

export function offsetPeriod(period: Period, n: number): Period {
  const perYear = PERIODS_PER_YEAR[period.type];
  const ordinal = period.year * perYear + (period.index - 1) + n;
  const year = Math.floor(ordinal / perYear);
  return { type: period.type, year, index: ordinal - year * perYear + 1 };
}

/** True when `inner` lies within `outer` (a month in its quarter, half, year; a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  if (outer.year !== inner.year) return false;
  const outerSize = MONTHS_PER_PERIOD[outer.type];
  const innerSize = MONTHS_PER_PERIOD[inner.type];
  if (innerSize > outerSize) return false;
  const outerFirst = (outer.index - 1) * outerSize;
  const innerFirst = (inner.index - 1) * innerSize;
  return innerFirst >= outerFirst && innerFirst + innerSize <= outerFirst + outerSize;
}

/** The months a period covers, in order. */
export function monthsOf(period: Period): Period[] {
  const size = MONTHS_PER_PERIOD[period.type];
  const first = (period.index - 1) * size + 1;
  return Array.from({ length: size }, (_, i) => ({ type: 'month' as const, year: period.year, index: first + i }));
}

export function periodStart(period: Period): IsoDate {
  const first = firstMonth(period);
  return isoDate(period.year, first, 1);
}

export function periodEnd(period: Period): IsoDate {
  const last = firstMonth(period) + MONTHS_PER_PERIOD[period.type] - 1;
  return isoDate(period.year, last, daysInMonth(period.year, last));
}

/**
 * Nghị định 09/2019 Điều 12 data cut-off window, inclusive: from the 15th of the month
 * before the period's first month to the 14th of its last month. This one rule gives
 * every row of the decree's table (month, quarter, H1 from 15 Dec, H2 from 15 Jun, year).
 */
export function dataWindow(period: Period): { from: IsoDate; to: IsoDate } {
  const first = { type: 'month' as const, year: period.year, index: firstMonth(period) };
  const before = previousPeriod(first);
  const lastMonth = firstMonth(period) + MONTHS_PER_PERIOD[period.type] - 1;
  return { from: isoDate(before.year, before.index, 15), to: isoDate(period.year, lastMonth, 14) };
}

/**
 * Report deadline. Thông tư 02/2023/TT-BTTTT makes monthly reports due on the 15th of
 * the month, the day after the cut-off. No sector rule is recorded for the other period
 * types, so they follow the same pattern: the day after the window's last day (the 15th
 * of the period's last month). A regime with another deadline must configure its own.
 */
export function reportDeadline(period: Period): IsoDate {
  return addDays(dataWindow(period).to, 1);
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** "tháng 4 năm 2022", "quý II năm 2022", "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", "năm 2022". */
export function periodLabel(period: Period): string {
  switch (period.type) {
    case 'month': return `tháng ${period.index} năm ${period.year}`;
    case 'quarter': return `quý ${ROMAN_QUARTERS[period.index - 1] ?? period.index} năm ${period.year}`;
    case 'half': return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
    case 'year': return `năm ${period.year}`;
  }
}

export function periodEquals(a: Period, b: Period): boolean {
  return a.type === b.type && a.year === b.year && a.index === b.index;
}

/** Year-to-date months: January up to and including the month (for months); for other types their own months. */
export function yearToDateMonths(period: Period): Period[] {
  if (period.type !== 'month') return monthsOf(period);
  return monthsOf({ type: 'year', year: period.year, index: 1 }).slice(0, period.index);
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Adds days to a civil date without going through instants (no time-zone surprises). */
export function addDays(date: IsoDate, days: number): IsoDate {
  let [year, month, day] = date.split('-').map(Number) as [number, number, number];
  day += days;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  while (day < 1) {
    month -= 1;
    if (month < 1) { month = 12; year -= 1; }
    day += daysInMonth(year, month);
  }
  return isoDate(year, month, day);
}

function firstMonth(period: Period): number {
  return (period.index - 1) * MONTHS_PER_PERIOD[period.type] + 1;
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
