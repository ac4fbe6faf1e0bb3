// Finds the figures a paragraph states ("20.601 văn bản điện tử", "tỷ lệ 77,20%") with
// a few words around each. Numbers that belong to a date, a document symbol, a range
// ("2021-2025") or a period ("tháng 4 năm 2022") are not figures and are left out.
import { parseVietnameseNumber } from '../format.ts';

export interface StatedNumber {
  readonly value: number;
  readonly text: string;
  readonly isPercent: boolean;
  /** Decimal places as written ("77,20" → 2), which a check of the percentage must keep. */
  readonly decimals: number;
  readonly offset: number;
  readonly before: string;
  readonly after: string;
}

const NUMBER = /(?<![\p{L}\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s?(%))?(?![\d/]|[.,]\d|-\d)/gu;
/** Words after which a number is an ordinal or a label, not a figure. */
const NOT_A_FIGURE_BEFORE = /(?:năm|tháng|ngày|số|giờ|mức|quý|lần thứ|đợt|khóa|khoá|điều|khoản|kỳ|phần|chương|tiêu chí số)\s*$/iu;
const CONTEXT_WORDS = 8;

export function findStatedNumbers(text: string, skip: readonly { start: number; end: number }[] = []): StatedNumber[] {
  const out: StatedNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    if (skip.some((s) => start >= s.start && start < s.end)) continue;
    const head = text.slice(0, start);
    if (NOT_A_FIGURE_BEFORE.test(head)) continue;
    const digits = m[2] === undefined ? (m[1] ?? '') : `${m[1] ?? ''},${m[2]}`;
    const value = parseVietnameseNumber(digits);
    if (value === null) continue;
    const isPercent = m[3] === '%';
    out.push({
      value,
      text: m[0],
      isPercent,
      decimals: m[2]?.length ?? 0,
      offset: start,
      before: lastWords(head, CONTEXT_WORDS),
      after: firstWords(text.slice(start + m[0].length), CONTEXT_WORDS),
    });
  }
  return out;
}

function lastWords(text: string, count: number): string {
  return text.trim().split(/\s+/).slice(-count).join(' ');
}

function firstWords(text: string, count: number): string {
  return text.trim().split(/\s+/).slice(0, count).join(' ');
}
