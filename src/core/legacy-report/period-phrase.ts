// Reads the period a report covers from the ways Vietnamese reports write it:
// "tháng 11 năm 2022", "tháng 11/2022", "quý I/2023", "quý II năm 2023", "6 tháng đầu
// năm 2022", "6 tháng cuối năm", "năm 2022", "9 tháng đầu năm 2022" (a cumulative
// report: January to September, kept as the third quarter and marked cumulative).
import { formatPeriod, nextPeriod, previousPeriod } from '../period.ts';
import type { Period } from '../period.ts';

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

export interface PeriodPhrase {
  readonly period: Period;
  /** Offset of the phrase in the text. */
  readonly at: number;
  /** "9 tháng": the figures run from January, not over the quarter alone. */
  readonly cumulative: boolean;
  /** The phrase names the period of a plan ("kế hoạch công tác tháng 5"), not the report's. */
  readonly isPlan: boolean;
  readonly text: string;
}

/** Words after which a period is the one a plan is for. */
const PLAN_BEFORE = /(kế hoạch|phương hướng|nhiệm vụ|dự kiến|định hướng)([^.;:]{0,40})$/iu;
/** "kết quả thực hiện nhiệm vụ quý II", "tình hình thực hiện kế hoạch": results, not a plan. */
const RESULT_OF = /(kết quả|thực hiện|tình hình|đánh giá|sơ kết|tổng kết)(\s+\p{L}+){0,2}\s*$/iu;

function isPlanPhrase(before: string): boolean {
  const m = PLAN_BEFORE.exec(before);
  if (!m) return false;
  // Between the plan word and the period, another clause may have started ("…, kết quả tháng 4").
  if (/kết quả/iu.test(m[2] ?? '')) return false;
  return !RESULT_OF.test(before.slice(0, m.index));
}
const YEAR = '(\\d{4})';
/** A year after the phrase: "năm 2022", "/2022", "-2022", " 2022". */
const YEAR_AFTER = `(?:\\s*(?:năm|/|-|,)?\\s*${YEAR})?`;

/** Every period phrase of the text, in order; `fallbackYear` completes "quý II" without a year. */
export function findPeriodPhrases(text: string, fallbackYear?: number | null): PeriodPhrase[] {
  // Bounded by the text's length: one pass of each pattern, no backtracking over the whole text.
  const lower = text.toLowerCase();
  const found: PeriodPhrase[] = [];
  const year = (raw: string | undefined): number | null => (raw ? Number(raw) : fallbackYear ?? null);
  const push = (period: Period, at: number, length: number, cumulative = false): void => {
    if (period.year < 1900 || period.year > 2999) return;
    const before = lower.slice(Math.max(0, at - 60), at);
    found.push({ period, at, cumulative, isPlan: isPlanPhrase(before), text: text.slice(at, at + length) });
  };
  const taken: [number, number][] = [];
  const free = (at: number): boolean => !taken.some(([a, b]) => at >= a && at < b);

  const half = new RegExp(`(?<![\\d\\p{L}])(6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm${YEAR_AFTER}`, 'gu');
  for (const m of lower.matchAll(half)) {
    const y = year(m[3]);
    taken.push([m.index, m.index + m[0].length]);
    if (y !== null) push({ type: 'half', year: y, index: m[2] === 'đầu' ? 1 : 2 }, m.index, m[0].length);
  }
  const nine = new RegExp(`(?<![\\d\\p{L}])(9|chín)\\s+tháng(?:\\s+đầu)?(?:\\s+năm)?${YEAR_AFTER}`, 'gu');
  for (const m of lower.matchAll(nine)) {
    const y = year(m[2]);
    taken.push([m.index, m.index + m[0].length]);
    if (y !== null) push({ type: 'quarter', year: y, index: 3 }, m.index, m[0].length, true);
  }
  const quarter = new RegExp(`quý\\s+(iv|iii|ii|i|[1-4])(?![\\p{L}\\d])${YEAR_AFTER}`, 'gu');
  for (const m of lower.matchAll(quarter)) {
    const y = year(m[2]);
    const raw = m[1] ?? '';
    if (y !== null) push({ type: 'quarter', year: y, index: ROMAN_QUARTERS[raw] ?? Number(raw) }, m.index, m[0].length);
  }
  // "6 tháng đầu năm" and "9 tháng" are not months 6 and 9 (taken above).
  const month = new RegExp(`(?<![\\d\\p{L}])tháng\\s+(\\d{1,2})(?!\\s*\\/\\s*\\d{1,2}\\s*\\/)(?![\\d,.]\\d)${YEAR_AFTER}`, 'gu');
  for (const m of lower.matchAll(month)) {
    const index = Number(m[1]);
    const y = year(m[2]);
    if (free(m.index) && index >= 1 && index <= 12 && y !== null) push({ type: 'month', year: y, index }, m.index, m[0].length);
  }
  if (found.length === 0) {
    for (const m of lower.matchAll(/(?<![\p{L}\d])năm\s+(\d{4})(?!\s*[-–]\s*\d{4})/gu)) {
      // "giai đoạn 2021-2025", "đến năm 2030" are horizons, not the year reported on.
      const before = lower.slice(Math.max(0, m.index - 30), m.index);
      if (/(đến|tới|giai đoạn|từ|sau|trước|ngày \d+ tháng \d+)\s*$/u.test(before)) continue;
      push({ type: 'year', year: Number(m[1]), index: 1 }, m.index, m[0].length);
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The first period phrase of the text as a canonical code, or null. */
export function readPeriodPhrase(text: string, fallbackYear?: number | null): string | null {
  const first = findPeriodPhrases(text, fallbackYear)[0];
  return first ? formatPeriod(first.period) : null;
}

export interface ReportPeriod {
  readonly code: string;
  readonly cumulative: boolean;
  /** Where it was read. */
  readonly source: 'summary' | 'title' | 'body' | 'closing' | 'plan';
}

/**
 * The period a report covers, from the first place that states it: the summary (or
 * title), the closing sentence, the opening paragraphs, else the plan's heading (the
 * report is for the period before the one planned).
 */
export function reportPeriodOf(sources: {
  readonly summary?: string | null; readonly title?: string | null; readonly closing?: string | null;
  readonly body?: readonly string[]; readonly planHeading?: string | null; readonly fallbackYear?: number | null;
}): ReportPeriod | null {
  const year = sources.fallbackYear ?? null;
  const ordered: [ReportPeriod['source'], string | null | undefined][] = [
    ['summary', sources.summary], ['title', sources.title], ['closing', sources.closing], ...(sources.body ?? []).map((t): [ReportPeriod['source'], string] => ['body', t]),
  ];
  for (const [source, text] of ordered) {
    if (!text) continue;
    const phrases = findPeriodPhrases(text, year);
    const own = phrases.find((p) => !p.isPlan);
    if (own) return { code: formatPeriod(own.period), cumulative: own.cumulative, source };
    const plan = phrases[0];
    if (plan && source !== 'body') return { code: formatPeriod(previousPeriod(plan.period)), cumulative: false, source };
  }
  if (sources.planHeading) {
    const plan = findPeriodPhrases(sources.planHeading, year)[0];
    if (plan) return { code: formatPeriod(previousPeriod(plan.period)), cumulative: false, source: 'plan' };
  }
  return null;
}

/** The period after a period ("2022-04" → "2022-05"). */
export function followingPeriod(first: Period): string {
  return formatPeriod(nextPeriod(first));
}
