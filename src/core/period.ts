// Reporting periods (kỳ báo cáo): every DHIS2 period type baocao exchanges.
//   calendar-aligned by months: month, bi-month, quarter, half (Jan and April start),
//                               year and financial years starting in April, July, October;
//   by days:                    day, week (ISO, Monday), weeks starting Wednesday,
//                               Thursday, Saturday or Sunday, and ISO bi-weeks.
// Periods are plain values; all date arithmetic is on civil dates counted in days (no
// Date, no time zone).

export type PeriodType =
  | 'day' | 'week' | 'week-wed' | 'week-thu' | 'week-sat' | 'week-sun' | 'biweek'
  | 'month' | 'bimonth' | 'quarter' | 'half' | 'half-apr' | 'year' | 'fy-apr' | 'fy-jul' | 'fy-oct';

/**
 * A reporting period. `year` is the calendar year for month-aligned types (the starting
 * year for financial years and April halves), the week-year for weeks; `index` is the
 * month (1-12), bi-month (1-6), quarter (1-4), half (1-2), day of the year (1-366),
 * week (1-53) or bi-week (1-27), and 1 for years.
 */
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

/** Month-aligned types: how many months a period covers and in which month its year starts. */
const MONTH_ALIGNED: Readonly<Partial<Record<PeriodType, { readonly months: number; readonly startMonth: number }>>> = {
  month: { months: 1, startMonth: 1 },
  bimonth: { months: 2, startMonth: 1 },
  quarter: { months: 3, startMonth: 1 },
  half: { months: 6, startMonth: 1 },
  'half-apr': { months: 6, startMonth: 4 },
  year: { months: 12, startMonth: 1 },
  'fy-apr': { months: 12, startMonth: 4 },
  'fy-jul': { months: 12, startMonth: 7 },
  'fy-oct': { months: 12, startMonth: 10 },
};

/** Week types: the weekday a week starts on (ISO: Monday 1 … Sunday 7) and its length. */
const WEEK_BASED: Readonly<Partial<Record<PeriodType, { readonly weekday: number; readonly days: number }>>> = {
  week: { weekday: 1, days: 7 },
  'week-wed': { weekday: 3, days: 7 },
  'week-thu': { weekday: 4, days: 7 },
  'week-sat': { weekday: 6, days: 7 },
  'week-sun': { weekday: 7, days: 7 },
  biweek: { weekday: 1, days: 14 },
};

/** Every type, longest first: the order in which a longer period is filled from stored parts. */
export const PERIOD_TYPES: readonly PeriodType[] = [
  'year', 'fy-apr', 'fy-jul', 'fy-oct', 'half', 'half-apr', 'quarter', 'bimonth', 'month',
  'biweek', 'week', 'week-wed', 'week-thu', 'week-sat', 'week-sun', 'day',
];

/** DHIS2's prefix of week variants: `2022WedW5`, `2022BiW3`. */
const WEEK_PREFIX: Readonly<Record<string, PeriodType>> = { '': 'week', wed: 'week-wed', thu: 'week-thu', sat: 'week-sat', sun: 'week-sun', bi: 'biweek' };
const WEEK_PREFIX_OF: Readonly<Partial<Record<PeriodType, string>>> = { week: '', 'week-wed': 'Wed', 'week-thu': 'Thu', 'week-sat': 'Sat', 'week-sun': 'Sun', biweek: 'Bi' };
/** DHIS2's financial-year and April-half suffixes. */
const FINANCIAL: Readonly<Record<string, PeriodType>> = { april: 'fy-apr', july: 'fy-jul', oct: 'fy-oct' };
const FINANCIAL_OF: Readonly<Partial<Record<PeriodType, string>>> = { 'fy-apr': 'April', 'fy-jul': 'July', 'fy-oct': 'Oct' };

interface PatternEntry {
  readonly pattern: RegExp;
  /** Year and index from the match; null when the match is not that type after all. */
  readonly read: (match: RegExpExecArray) => { type: PeriodType; year: number; index: number; day?: { month: number; day: number } };
}

const num = (text: string | undefined): number => Number(text ?? '0');

const PATTERNS: readonly PatternEntry[] = [
  { pattern: /^(\d{4})-(\d{2})$/, read: (m) => ({ type: 'month', year: num(m[1]), index: num(m[2]) }) },
  { pattern: /^(\d{4})(\d{2})$/, read: (m) => ({ type: 'month', year: num(m[1]), index: num(m[2]) }) },
  { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, read: (m) => ({ type: 'day', year: num(m[1]), index: 0, day: { month: num(m[2]), day: num(m[3]) } }) },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, read: (m) => ({ type: 'day', year: num(m[1]), index: 0, day: { month: num(m[2]), day: num(m[3]) } }) },
  { pattern: /^(\d{4})-?q(\d+)$/i, read: (m) => ({ type: 'quarter', year: num(m[1]), index: num(m[2]) }) },
  { pattern: /^(\d{4})-h(\d+)$/i, read: (m) => ({ type: 'half', year: num(m[1]), index: num(m[2]) }) },
  // DHIS2 writes halves of a calendar year as S1/S2 ("six-monthly").
  { pattern: /^(\d{4})s(\d+)$/i, read: (m) => ({ type: 'half', year: num(m[1]), index: num(m[2]) }) },
  { pattern: /^(\d{4})-?april(?:s|h)(\d+)$/i, read: (m) => ({ type: 'half-apr', year: num(m[1]), index: num(m[2]) }) },
  // DHIS2's bi-month is the number of its first month: 202203B is March-April.
  { pattern: /^(\d{4})(\d{2})b$/i, read: (m) => ({ type: 'bimonth', year: num(m[1]), index: -num(m[2]) }) },
  { pattern: /^(\d{4})-b(\d+)$/i, read: (m) => ({ type: 'bimonth', year: num(m[1]), index: num(m[2]) }) },
  { pattern: /^(\d{4})-?(wed|thu|sat|sun|bi)?w(\d+)$/i, read: (m) => ({ type: WEEK_PREFIX[(m[2] ?? '').toLowerCase()] ?? 'week', year: num(m[1]), index: num(m[3]) }) },
  { pattern: /^(\d{4})-?(april|july|oct)$/i, read: (m) => ({ type: FINANCIAL[(m[2] ?? '').toLowerCase()] ?? 'fy-apr', year: num(m[1]), index: 1 }) },
  { pattern: /^(\d{4})$/, read: (m) => ({ type: 'year', year: num(m[1]), index: 1 }) },
];

const TYPE_LABELS: Readonly<Record<PeriodType, string>> = {
  day: 'ngày', week: 'tuần', 'week-wed': 'tuần', 'week-thu': 'tuần', 'week-sat': 'tuần', 'week-sun': 'tuần', biweek: 'hai tuần',
  month: 'tháng', bimonth: 'hai tháng', quarter: 'quý', half: 'nửa năm', 'half-apr': 'nửa năm', year: 'năm',
  'fy-apr': 'năm tài chính', 'fy-jul': 'năm tài chính', 'fy-oct': 'năm tài chính',
};

export const PERIOD_FORMS = '2022-04, 202204, 2022-Q2, 2022-H1, 2022S1, 2022, 2022-04-15, 20220415, 2022W5, 2022WedW5, 2022BiW3, 202203B, 2022AprilS1, 2022April, 2022July, 2022Oct';

/** Parses our codes and DHIS2's (see PERIOD_FORMS). Throws InvalidPeriodError. */
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
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const found = read(match);
    const { type, year } = found;
    if (year < MIN_YEAR || year > MAX_YEAR) return fail(`năm phải từ ${MIN_YEAR} đến ${MAX_YEAR}`);
    let index = found.index;
    if (found.day) {
      const { month, day } = found.day;
      if (month < 1 || month > 12) return fail('tháng phải từ 1 đến 12');
      if (day < 1 || day > daysInMonth(year, month)) return fail(`tháng ${month} năm ${year} không có ngày ${day}`);
      index = dayNumber(isoDate(year, month, day)) - dayNumber(isoDate(year, 1, 1)) + 1;
    }
    if (type === 'bimonth' && index < 0) {
      const month = -index;
      if (month < 1 || month > 11 || month % 2 === 0) return fail('hai tháng của DHIS2 bắt đầu ở tháng lẻ (01, 03, …, 11)');
      index = (month + 1) / 2;
    }
    const max = periodsInYear(type, year);
    if (index < 1 || index > max) return fail(`${TYPE_LABELS[type]} phải từ 1 đến ${max}`);
    return { ok: true, period: { type, year, index } };
  }
  return fail(`không đúng dạng ${PERIOD_FORMS}`);
}

/** How many periods of a type a year holds (weeks: 52 or 53; days: 365 or 366). */
export function periodsInYear(type: PeriodType, year: number): number {
  const aligned = MONTH_ALIGNED[type];
  if (aligned) return 12 / aligned.months;
  if (type === 'day') return isLeapYear(year) ? 366 : 365;
  const weeks = isoWeeksInYear(year);
  return type === 'biweek' ? Math.ceil(weeks / 2) : weeksInYear(type, year);
}

/** Canonical code: `2022-04`, `2022-Q2`, `2022-H1`, `2022`, `2022-04-15`, `2022-W05`, `2022-WedW05`, `2022-BiW03`, `2022-B2`, `2022-AprilS1`, `2022-April`. */
export function formatPeriod(period: Period): string {
  const { type, year, index } = period;
  switch (type) {
    case 'month': return `${year}-${pad2(index)}`;
    case 'quarter': return `${year}-Q${index}`;
    case 'half': return `${year}-H${index}`;
    case 'year': return `${year}`;
    case 'day': return periodStart(period);
    case 'bimonth': return `${year}-B${index}`;
    case 'half-apr': return `${year}-AprilS${index}`;
    case 'fy-apr': case 'fy-jul': case 'fy-oct': return `${year}-${FINANCIAL_OF[type] ?? ''}`;
    default: return `${year}-${WEEK_PREFIX_OF[type] ?? ''}W${pad2(index)}`;
  }
}

/** DHIS2 code: `202204`, `2022Q2`, `2022S1`, `2022`, `20220415`, `2022W5`, `2022WedW5`, `2022BiW3`, `202203B`, `2022AprilS1`, `2022April`. */
export function formatPeriodDhis2(period: Period): string {
  const { type, year, index } = period;
  switch (type) {
    case 'month': return `${year}${pad2(index)}`;
    case 'quarter': return `${year}Q${index}`;
    case 'half': return `${year}S${index}`;
    case 'year': return `${year}`;
    case 'day': return periodStart(period).replaceAll('-', '');
    case 'bimonth': return `${year}${pad2(index * 2 - 1)}B`;
    case 'half-apr': return `${year}AprilS${index}`;
    case 'fy-apr': case 'fy-jul': case 'fy-oct': return `${year}${FINANCIAL_OF[type] ?? ''}`;
    default: return `${year}${WEEK_PREFIX_OF[type] ?? ''}W${index}`;
  }
}

export function previousPeriod(period: Period): Period {
  return offsetPeriod(period, -1);
}

export function nextPeriod(period: Period): Period {
  return offsetPeriod(period, 1);
}

/** The period n steps away, of the same type. */
export function offsetPeriod(period: Period, n: number): Period {
  const aligned = MONTH_ALIGNED[period.type];
  if (aligned) {
    const perYear = 12 / aligned.months;
    const ordinal = period.year * perYear + (period.index - 1) + n;
    const year = Math.floor(ordinal / perYear);
    return { type: period.type, year, index: ordinal - year * perYear + 1 };
  }
  // Days and weeks: walk the years, since a year holds 365 or 366 days, 52 or 53 weeks.
  let { year, index } = period;
  index += n;
  while (index > periodsInYear(period.type, year)) index -= periodsInYear(period.type, year++);
  while (index < 1) index += periodsInYear(period.type, --year);
  return { type: period.type, year, index };
}

/** The period of a type that contains a date. */
export function periodOfDate(type: PeriodType, date: IsoDate): Period {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const aligned = MONTH_ALIGNED[type];
  if (aligned) {
    // Months since the start of the type's year that begins in `year`.
    let offset = month - aligned.startMonth;
    let startYear = year;
    if (offset < 0) { offset += 12; startYear -= 1; }
    return { type, year: startYear, index: Math.floor(offset / aligned.months) + 1 };
  }
  const target = dayNumber(date);
  if (type === 'day') return { type, year, index: target - dayNumber(isoDate(year, 1, 1)) + 1 };
  for (const weekYear of [year + 1, year, year - 1]) {
    const first = firstWeekStart(type, weekYear);
    if (target < first) continue;
    const days = WEEK_BASED[type]?.days ?? 7;
    return { type, year: weekYear, index: Math.floor((target - first) / days) + 1 };
  }
  return { type, year, index: 1 };
}

/** The period of a type starting exactly on `date`, else null (for ADX's start/duration periods). */
export function periodStartingOn(type: PeriodType, date: IsoDate): Period | null {
  const period = periodOfDate(type, date);
  const max = periodsInYear(type, period.year);
  return period.index <= max && periodStart(period) === date ? period : null;
}

/** First and last day, inclusive. */
export function periodStart(period: Period): IsoDate {
  return dateOfDayNumber(startDay(period));
}

export function periodEnd(period: Period): IsoDate {
  return dateOfDayNumber(endDay(period));
}

export function periodDays(period: Period): number {
  return endDay(period) - startDay(period) + 1;
}

/** True when the type's periods follow calendar months (month, quarter, year, financial year…). */
export function isMonthAligned(type: PeriodType): boolean {
  return MONTH_ALIGNED[type] !== undefined;
}

/** True when `inner` lies within `outer` by dates (a month in its quarter; a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  return startDay(inner) >= startDay(outer) && endDay(inner) <= endDay(outer);
}

/**
 * True when a stored `inner` value counts towards `outer`: days and month-aligned periods
 * when they lie within it; a week (which straddles months and years) in the period holding
 * most of its days, its fourth day (for ISO weeks, the Thursday that names the week-year).
 * So every week lands in exactly one month, quarter and year, and nothing counts twice.
 */
export function periodCountsTowards(outer: Period, inner: Period): boolean {
  const counting = countingDay(inner);
  if (counting === null) return periodContains(outer, inner);
  if (periodDays(inner) >= periodDays(outer)) return periodsEqualByDates(outer, inner);
  const middle = dayNumber(counting);
  return middle >= startDay(outer) && middle <= endDay(outer);
}

/** The day by which a week (or bi-week) counts towards longer periods: the middle one; null for other types. */
export function countingDay(period: Period): IsoDate | null {
  if (!WEEK_BASED[period.type]) return null;
  return dateOfDayNumber(startDay(period) + Math.floor((periodDays(period) - 1) / 2));
}

function periodsEqualByDates(a: Period, b: Period): boolean {
  return startDay(a) === startDay(b) && endDay(a) === endDay(b);
}

/** The months a month-aligned period covers, in order; [] for days and weeks. */
export function monthsOf(period: Period): Period[] {
  const aligned = MONTH_ALIGNED[period.type];
  if (!aligned) return [];
  const first = periodOfDate('month', periodStart(period));
  return Array.from({ length: aligned.months }, (_, i) => offsetPeriod(first, i));
}

/**
 * Every period of any type that counts towards `outer` (see periodCountsTowards), the
 * period itself first: what an export of `outer` must include.
 */
export function periodsWithin(outer: Period): Period[] {
  // Walking every type day by day costs milliseconds, and the same few periods are
  // asked for on every read of values: each answer is kept (periods are values).
  const code = formatPeriod(outer);
  let found = periodsWithinKept.get(code);
  if (!found) {
    found = walkPeriodsWithin(outer);
    if (periodsWithinKept.size >= 1_000) periodsWithinKept.delete(periodsWithinKept.keys().next().value as string);
    periodsWithinKept.set(code, found);
  }
  return [...found];
}

const periodsWithinKept = new Map<string, readonly Period[]>();

function walkPeriodsWithin(outer: Period): Period[] {
  const found: Period[] = [outer];
  const outerDays = periodDays(outer);
  const outerStart = startDay(outer);
  const outerEnd = endDay(outer);
  for (const type of PERIOD_TYPES) {
    if (type === outer.type) continue;
    if (type === 'day') {
      // Every day inside counts (a year has 365 of them): counted, not walked.
      for (let day = outerStart; day <= outerEnd; day++) {
        const [year] = civilOfDayNumber(day);
        found.push({ type: 'day', year, index: day - civilDayNumber(year, 1, 1) + 1 });
      }
      continue;
    }
    // One period of the type is probed at the start of `outer` and walked forward.
    let period = periodOfDate(type, dateOfDayNumber(outerStart - 13));
    for (let guard = 0; guard < 400 && startDay(period) <= outerEnd; guard++) {
      if (periodDays(period) < outerDays && periodCountsTowards(outer, period)) found.push(period);
      period = nextPeriod(period);
    }
  }
  return found;
}

/**
 * Nghị định 09/2019 Điều 12 data cut-off window, inclusive: from the 15th of the month
 * before the period's first month to the 14th of its last month. This one rule gives
 * every row of the decree's table (month, quarter, H1 from 15 Dec, H2 from 15 Jun, year).
 * Days and weeks have no cut-off in the decree: their window is the period itself.
 */
export function dataWindow(period: Period): { from: IsoDate; to: IsoDate } {
  if (!isMonthAligned(period.type)) return { from: periodStart(period), to: periodEnd(period) };
  const first = periodOfDate('month', periodStart(period));
  const last = periodOfDate('month', periodEnd(period));
  const before = previousPeriod(first);
  return { from: isoDate(before.year, before.index, 15), to: isoDate(last.year, last.index, 14) };
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

/** "tháng 4 năm 2022", "quý II năm 2022", "6 tháng đầu năm 2022", "năm 2022", "ngày 15/04/2022", "tuần 5 năm 2022 (31/01–06/02/2022)"… */
export function periodLabel(period: Period): string {
  const { type, year, index } = period;
  const span = `${shortDate(periodStart(period))}–${shortDate(periodEnd(period))}`;
  switch (type) {
    case 'month': return `tháng ${index} năm ${year}`;
    case 'quarter': return `quý ${ROMAN_QUARTERS[index - 1] ?? index} năm ${year}`;
    case 'half': return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'year': return `năm ${year}`;
    case 'day': return `ngày ${shortDate(periodStart(period))}`;
    case 'bimonth': return `tháng ${index * 2 - 1}–${index * 2} năm ${year}`;
    case 'half-apr': return `6 tháng (${span})`;
    case 'fy-apr': case 'fy-jul': case 'fy-oct': return `năm tài chính ${year} (${span})`;
    case 'biweek': return `hai tuần ${index} năm ${year} (${span})`;
    default: return `tuần ${index} năm ${year} (${span})`;
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
  return dateOfDayNumber(dayNumber(date) + days);
}

/** ISO weekday of a date: Monday 1 … Sunday 7. */
export function weekday(date: IsoDate): number {
  return weekdayOfDayNumber(dayNumber(date));
}

function weekdayOfDayNumber(days: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------
// Day arithmetic

function startDay(period: Period): number {
  const aligned = MONTH_ALIGNED[period.type];
  if (aligned) {
    const months = aligned.startMonth - 1 + (period.index - 1) * aligned.months;
    return civilDayNumber(period.year + Math.floor(months / 12), (months % 12) + 1, 1);
  }
  if (period.type === 'day') return civilDayNumber(period.year, 1, 1) + period.index - 1;
  const days = WEEK_BASED[period.type]?.days ?? 7;
  return firstWeekStart(period.type, period.year) + (period.index - 1) * days;
}

function endDay(period: Period): number {
  const aligned = MONTH_ALIGNED[period.type];
  if (aligned) return startDay({ ...period, index: period.index + 1 }) - 1;
  if (period.type === 'day') return startDay(period);
  const end = startDay(period) + (WEEK_BASED[period.type]?.days ?? 7) - 1;
  // Bi-week 27 of a 53-week year is its last week alone, so that bi-weeks tile the calendar.
  return period.type === 'biweek' ? Math.min(end, firstWeekStart('week', period.year + 1) - 1) : end;
}

/**
 * Start of week 1 of a week-year: the week (starting on the type's weekday) that holds
 * 4 January, i.e. at least four days of the new year, as ISO 8601 says for Monday weeks.
 */
function firstWeekStart(type: PeriodType, year: number): number {
  const start = WEEK_BASED[type]?.weekday ?? 1;
  const january4 = civilDayNumber(year, 1, 4);
  return january4 - ((weekdayOfDayNumber(january4) - start + 7) % 7);
}

function weeksInYear(type: PeriodType, year: number): number {
  return (firstWeekStart(type, year + 1) - firstWeekStart(type, year)) / 7;
}

function isoWeeksInYear(year: number): number {
  return weeksInYear('week', year);
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's days_from_civil). */
function dayNumber(date: IsoDate): number {
  const [y0, m, d] = date.split('-').map(Number) as [number, number, number];
  return civilDayNumber(y0, m, d);
}

/** dayNumber of year, month, day as numbers: period arithmetic runs it thousands of times, no string needed. */
function civilDayNumber(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dateOfDayNumber(days: number): IsoDate {
  const [year, month, day] = civilOfDayNumber(days);
  return isoDate(year, month, day);
}

/** Year, month and day of a day number (H. Hinnant's civil_from_days). */
function civilOfDayNumber(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function shortDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
