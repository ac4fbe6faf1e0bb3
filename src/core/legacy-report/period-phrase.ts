// Reads the period a report covers from Vietnamese phrases: "tháng 4 năm 2022" → 2022-04,
// "quý II năm 2022" → 2022-Q2, "6 tháng đầu năm 2022" → 2022-H1, "năm 2022" → 2022.
import { formatPeriod, nextPeriod } from '../period.ts';
import type { Period } from '../period.ts';

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

interface Found { readonly period: Period; readonly at: number }

/** Every period phrase in the text, in order; `fallbackYear` fills in "quý II" without a year. */
export function findPeriodPhrases(text: string, fallbackYear?: number | null): Found[] {
  const lower = text.toLocaleLowerCase('vi');
  const found: Found[] = [];
  const year = (raw: string | undefined): number | null => (raw ? Number(raw) : fallbackYear ?? null);
  const half = /(6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?/gu;
  for (const m of lower.matchAll(half)) {
    const y = year(m[3]);
    if (y !== null) found.push({ period: { type: 'half', year: y, index: m[2] === 'đầu' ? 1 : 2 }, at: m.index });
  }
  const quarter = /quý\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:năm|\/)\s*(\d{4}))?/gu;
  for (const m of lower.matchAll(quarter)) {
    const y = year(m[2]);
    const raw = m[1] ?? '';
    const index = ROMAN_QUARTERS[raw] ?? Number(raw);
    if (y !== null) found.push({ period: { type: 'quarter', year: y, index }, at: m.index });
  }
  // "6 tháng đầu năm" is not month 6: skip a "tháng" preceded by a count.
  const month = /(?<!\d\s)(?<!sáu\s)tháng\s+(\d{1,2})(?:\s*(?:năm|\/)\s*(\d{4}))?/gu;
  for (const m of lower.matchAll(month)) {
    const index = Number(m[1]);
    const y = year(m[2]);
    if (index >= 1 && index <= 12 && y !== null) found.push({ period: { type: 'month', year: y, index }, at: m.index });
  }
  if (found.length === 0) {
    const wholeYear = /năm\s+(\d{4})/u.exec(lower);
    if (wholeYear) found.push({ period: { type: 'year', year: Number(wholeYear[1]), index: 1 }, at: wholeYear.index });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The first period phrase of the text as a canonical code, or null. */
export function readPeriodPhrase(text: string, fallbackYear?: number | null): string | null {
  const first = findPeriodPhrases(text, fallbackYear)[0];
  return first ? formatPeriod(first.period) : null;
}

/** The period after a canonical period code ("2022-04" → "2022-05"). */
export function followingPeriod(first: Period): string {
  return formatPeriod(nextPeriod(first));
}
