// Finds the figures a paragraph states ("20.601 văn bản điện tử", "tỷ lệ 77,20%",
// "61/64 xã") with a few words around each. Numbers that belong to a date, a document
// symbol, a range ("2021-2025") or a period ("tháng 4 năm 2022") are not figures and
// are left out. One pass over the text; every look around is a bounded window, so the
// time grows with the text's length only (a 5 MB paragraph included).
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
  /** Part of "a/b": the numerator or the denominator (whose partner is the neighbour in the list). */
  readonly fraction?: 'numerator' | 'denominator';
}

const NUMBER = /(?<![\p{L}\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s?(%))?(?![\d/]|[.,]\d|-\d|\p{L})/gu;
const FRACTION = /(?<![\p{L}\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+)\s?\/\s?(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d|-\d|\p{L})/gu;
/** Words after which a number is an ordinal or a label, not a figure ("năm 2022", "Nghị quyết 17", "tiêu chí số 8"). */
const NOT_A_FIGURE_BEFORE = new Set([
  'năm', 'tháng', 'ngày', 'số', 'giờ', 'mức', 'quý', 'lần thứ', 'đợt', 'khóa', 'khoá', 'điều', 'khoản', 'kỳ', 'phần', 'chương', 'mục', 'phụ lục',
  'biểu', 'bảng', 'trang', 'tầng', 'phòng', 'nghị quyết', 'app công dân', 'quyết định', 'thông tư', 'nghị định', 'luật', 'công văn', 'kế hoạch',
  'chỉ thị', 'tổng đài', 'đường', 'quốc lộ', 'tỉnh lộ',
]);

const CONTEXT_WORDS = 8;
const WINDOW = 120;

/** Last words of the two- and three-word labels, which alone are not labels ("thứ" of "lần thứ"). */
const LABEL_ENDINGS = new Set([...NOT_A_FIGURE_BEFORE].filter((l) => l.includes(' ')).map((l) => l.slice(l.lastIndexOf(' ') + 1)));

/**
 * Whether the words right before a number make it a label: the last one, two or three
 * words are looked up ("tổng số 2.392" is a figure, "số 8" is not). Set lookups on the
 * last word first: this runs for every number of the report.
 */
function isLabel(before: string): boolean {
  const bare = (w: string): string => w.replace(/^[("“'[]+|[)"”':,;.\]]+$/g, '');
  const cut = before.lastIndexOf(' ');
  const last = bare(before.slice(cut + 1).toLowerCase());
  const single = NOT_A_FIGURE_BEFORE.has(last);
  if (!single && !LABEL_ENDINGS.has(last)) return false;
  const words = before.toLowerCase().split(' ').slice(-3).map(bare);
  if (last === 'số' && words[words.length - 2] === 'tổng') return false;
  return single || NOT_A_FIGURE_BEFORE.has(words.slice(-2).join(' ')) || NOT_A_FIGURE_BEFORE.has(words.join(' '));
}

export function findStatedNumbers(text: string, skip: readonly { start: number; end: number }[] = []): StatedNumber[] {
  const out: StatedNumber[] = [];
  const spans = [...skip].sort((a, b) => a.start - b.start);
  const inSpan = spanTester(spans);
  for (const m of text.matchAll(FRACTION)) {
    const start = m.index;
    if (inSpan(start)) continue;
    const head = text.slice(Math.max(0, start - WINDOW), start);
    const before = lastWords(head, CONTEXT_WORDS);
    if (isLabel(before)) continue;
    const numerator = parseVietnameseNumber(m[1] ?? '');
    const denominator = parseVietnameseNumber(m[2] ?? '');
    if (numerator === null || denominator === null) continue;
    // "5/1992" is a month and a year, not a share.
    if (numerator <= 12 && denominator >= 1900 && denominator <= 2100 && !(m[2] ?? '').includes('.')) continue;
    const afterNumerator = start + (m[1] ?? '').length;
    const denominatorAt = start + m[0].length - (m[2] ?? '').length;
    const tail = text.slice(start + m[0].length, start + m[0].length + WINDOW);
    out.push({ value: numerator, text: m[1] ?? '', isPercent: false, decimals: 0, offset: start, before, after: firstWords(text.slice(afterNumerator, afterNumerator + WINDOW), CONTEXT_WORDS), fraction: 'numerator' });
    out.push({ value: denominator, text: m[2] ?? '', isPercent: false, decimals: 0, offset: denominatorAt, before: lastWords(text.slice(Math.max(0, denominatorAt - WINDOW), denominatorAt), CONTEXT_WORDS), after: firstWords(tail, CONTEXT_WORDS), fraction: 'denominator' });
  }
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    if (inSpan(start)) continue;
    const head = text.slice(Math.max(0, start - WINDOW), start);
    const before = lastWords(head, CONTEXT_WORDS);
    if (isLabel(before)) continue;
    const digits = m[2] === undefined ? (m[1] ?? '') : `${m[1] ?? ''},${m[2]}`;
    const value = parseVietnameseNumber(digits);
    if (value === null) continue;
    const end = start + m[0].length;
    out.push({
      value,
      text: m[0],
      isPercent: m[3] === '%',
      decimals: m[2]?.length ?? 0,
      offset: start,
      before,
      after: firstWords(text.slice(end, end + WINDOW), CONTEXT_WORDS),
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Whether an offset falls in one of the (sorted) spans; offsets are asked in increasing order per pass. */
function spanTester(spans: readonly { start: number; end: number }[]): (at: number) => boolean {
  let i = 0;
  let last = -1;
  return (at) => {
    if (at < last) i = 0;
    last = at;
    while (i < spans.length && (spans[i]?.end ?? 0) <= at) i += 1;
    const span = spans[i];
    return span !== undefined && at >= span.start && at < span.end;
  };
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 160;

/** The last words of a (short) window, single-spaced: found by walking back over the spaces. */
function lastWords(text: string, count: number): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end -= 1;
  let start = end;
  for (let words = 0; start > 0 && words < count;) {
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start -= 1;
    words += 1;
    if (words < count) while (start > 0 && isSpace(text.charCodeAt(start - 1))) start -= 1;
  }
  const out = text.slice(start, end);
  return /\s\s|[\t\n\r\u00a0]/.test(out) ? out.replace(/\s+/g, ' ') : out;
}

const FIRST_WORDS = new RegExp(`^\\s*((?:\\S+\\s+){0,${CONTEXT_WORDS - 1}}\\S+)?`, 'u');

/** The first words of a (short) window, single-spaced. */
function firstWords(text: string, count: number): string {
  const m = count === CONTEXT_WORDS ? FIRST_WORDS.exec(text) : null;
  if (m) return (m[1] ?? '').replace(/\s+/g, ' ');
  return text.trim().split(/\s+/).slice(0, count).join(' ');
}
