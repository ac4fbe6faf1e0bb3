// Reporting periods (kỳ báo cáo): month, quarter, half-year, year.
// CONTRACT (skeleton): bodies to be implemented; keep the exported names and shapes.

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

/** Parses `2022-04`, `2022-Q2`, `2022-H1`, `2022` and DHIS2's `202204`, `2022Q2`, `2022S1`. Throws InvalidPeriodError. */
export declare function parsePeriod(input: string): Period;
/** Non-throwing variant. */
export declare function tryParsePeriod(input: string): { ok: true; period: Period } | { ok: false; error: InvalidPeriodError };
/** Canonical code: `2022-04`, `2022-Q2`, `2022-H1`, `2022`. */
export declare function formatPeriod(period: Period): string;
/** DHIS2 code: `202204`, `2022Q2`, `2022S1`, `2022`. */
export declare function formatPeriodDhis2(period: Period): string;
export declare function previousPeriod(period: Period): Period;
export declare function nextPeriod(period: Period): Period;
export declare function offsetPeriod(period: Period, n: number): Period;
/** True when `inner` lies within `outer` (a month in its quarter, half, year; a period contains itself). */
export declare function periodContains(outer: Period, inner: Period): boolean;
/** The months a period covers, in order. */
export declare function monthsOf(period: Period): Period[];
export declare function periodStart(period: Period): IsoDate;
export declare function periodEnd(period: Period): IsoDate;
/** Nghị định 09/2019 Điều 12 data cut-off window, inclusive. */
export declare function dataWindow(period: Period): { from: IsoDate; to: IsoDate };
/** Report deadline; by default the 15th of the month after the window's last month... see RULES-VN.md. */
export declare function reportDeadline(period: Period): IsoDate;
/** "tháng 4 năm 2022", "quý II năm 2022", "6 tháng đầu năm 2022", "6 tháng cuối năm 2022", "năm 2022". */
export declare function periodLabel(period: Period): string;
export declare function periodEquals(a: Period, b: Period): boolean;
/** Year-to-date months: January up to and including the month (for months); for other types their own months. */
export declare function yearToDateMonths(period: Period): Period[];
