// Recognises a section heading and its numbering. The level of a section comes from
// its numbering, never from the Markdown '#' count or the DOCX style: the seed mixes
// "####" and "##" for sections of the same level.
import type { NumberingKind } from './legacy-report.ts';

export interface HeadingNumber {
  readonly kind: NumberingKind;
  /** As printed: "I", "1", "a", "6.1", "Phần I". */
  readonly number: string;
  /** Lower-case key used in section ids: "i", "1", "a", "6.1", "phan-i". */
  readonly key: string;
  /** Rank: a heading nests under the nearest open heading of a smaller rank. */
  readonly rank: number;
  readonly title: string;
}

const ROMAN = /^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ORDINAL_WORDS = ['NHẤT', 'HAI', 'BA', 'TƯ', 'NĂM', 'SÁU', 'BẢY', 'TÁM', 'CHÍN', 'MƯỜI'];

/** Ranks: Phần < I < 1 < 1.1 < 1.1.1 < a < unnumbered heading. */
export const RANK = { part: 0, roman: 1, arabic: 2, decimal: 3, letter: 6, none: 7 } as const;

/** Reads the numbering at the start of a paragraph ("II. ", "1. ", "6.1. ", "a) ", "Phần I. "). */
export function readHeadingNumber(text: string): HeadingNumber | null {
  const part = /^(phần|PHẦN|Phần)\s+(thứ\s+[^\s:.]+|THỨ\s+[^\s:.]+|[IVXLC]+|\d+)\s*[.:\-–]?\s*(.*)$/u.exec(text);
  if (part) {
    const raw = part[2] ?? '';
    const ordinal = /^thứ\s+(\S+)$/iu.exec(raw)?.[1];
    const key = ordinal ? String(ORDINAL_WORDS.indexOf(ordinal.toUpperCase()) + 1) : raw.toLowerCase();
    return { kind: 'part', number: `${part[1]} ${raw}`, key: `phan-${key}`, rank: RANK.part, title: (part[3] ?? '').trim() };
  }
  // "A. KẾT QUẢ ĐẠT ĐƯỢC": a capital letter before a title in capitals opens a part.
  const upperLetter = /^([A-HK-UWYĐ])\s*[.:)]\s+(\S.*)$/u.exec(text);
  if (upperLetter && isUpperCase(upperLetter[2] ?? '')) {
    return { kind: 'part', number: upperLetter[1] ?? '', key: `phan-${(upperLetter[1] ?? '').toLowerCase()}`, rank: RANK.part, title: (upperLetter[2] ?? '').trim() };
  }
  const roman = /^([IVXLC]+)\s*[.:)\-–]\s+(\S.*)$/u.exec(text);
  if (roman && ROMAN.test(roman[1] ?? '')) {
    return { kind: 'roman', number: roman[1] ?? '', key: (roman[1] ?? '').toLowerCase(), rank: RANK.roman, title: (roman[2] ?? '').trim() };
  }
  const decimal = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u.exec(text);
  if (decimal) {
    const number = decimal[1] ?? '';
    const depth = number.split('.').length - 1;
    return { kind: 'decimal', number, key: number, rank: RANK.decimal + depth - 1, title: (decimal[2] ?? '').trim() };
  }
  const arabic = /^(\d{1,2})\s*[.)]\s+(\S.*)$/u.exec(text);
  if (arabic) return { kind: 'arabic', number: arabic[1] ?? '', key: arabic[1] ?? '', rank: RANK.arabic, title: (arabic[2] ?? '').trim() };
  const letter = /^([a-zđ])\s*[)]\s*(\S.*)$/u.exec(text) ?? /^([a-zđ])\.\s+(\S.*)$/u.exec(text);
  if (letter) return { kind: 'letter', number: letter[1] ?? '', key: letter[1] ?? '', rank: RANK.letter, title: (letter[2] ?? '').trim() };
  return null;
}

/**
 * Whether a paragraph with no heading style or bold still reads as a heading: numbered,
 * short, and not a sentence (a plan line "1. Tiếp tục … ." ends with a full stop).
 */
export function looksLikePlainHeading(number: HeadingNumber, text: string): boolean {
  if (number.kind === 'part' || number.kind === 'roman') return text.length <= 200 && !/[.;,]$/.test(text.trim()) || isUpperCase(number.title);
  return text.length <= 120 && !/[.;,]$/.test(text.trim());
}

/** True when the letters of the text are all capitals ("CÔNG TÁC TỔNG HỢP"). */
export function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** Words that open a next-period plan section ("PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III", "Nhiệm vụ trọng tâm tháng 12"). */
const PLAN_TITLE = /^(một số\s+|các\s+)?(kế hoạch|phương hướng|nhiệm vụ|dự kiến|định hướng|chương trình công tác|công tác trọng tâm)/iu;
/** …and words that place it in the coming period. */
const COMING = /(tháng|quý|năm|tới|sau|tiếp theo|trọng tâm|sắp tới|cuối năm|kỳ|thời gian|giải pháp)/iu;

/** A heading that opens the plan for the coming period. */
export function isPlanTitle(title: string): boolean {
  const text = title.replace(/^[^\p{L}]+/u, '');
  if (!PLAN_TITLE.test(text)) return false;
  if (/^phương hướng/iu.test(text)) return true;
  return isUpperCase(text) || COMING.test(text);
}
