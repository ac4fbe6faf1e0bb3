// Checks stated parts against the total they break down:
//   "510 cơ quan (cấp tỉnh: 96, cấp huyện: 308, cấp xã: 106)"     a breakdown in brackets
//   "Tổng số 1.250 lượt, trong đó 700 lượt nam, 500 lượt nữ"       "tổng số …, trong đó …"
//   "tiếp nhận: 168." / "+ Đã xử lý: 54 phản ánh." / "+ Đang xử lý: 112."   a split by status
// A breakdown in brackets, a "tổng số … trong đó" with several parts and a split by
// status must add up exactly; "N …, trong đó a …" without "tổng" only names a subset,
// so there the parts may not exceed N. Every scan is over bounded windows.
import type { StatedNumber } from './stated-numbers.ts';

export interface TextUnit {
  readonly text: string;
  readonly numbers: readonly StatedNumber[];
  readonly paragraph: number;
  /** Section id, '' before the first section. */
  readonly section: string;
  readonly marker: string;
}

export interface PartsMismatch {
  readonly total: StatedNumber;
  readonly parts: readonly StatedNumber[];
  readonly sum: number;
  /** Paragraph of the total; the parts may sit in the following ones. */
  readonly paragraph: number;
  readonly partParagraphs: readonly number[];
  readonly kind: 'brackets' | 'of_which' | 'status';
}

const STATUS = /^(?:đã|đang|chưa|còn|quá hạn|trễ hạn|đúng hạn|trong hạn|không)\s/iu;

/** Mismatches inside one paragraph: brackets and "trong đó". */
export function checkPartsInText(unit: TextUnit): PartsMismatch[] {
  const out: PartsMismatch[] = [];
  const figures = unit.numbers.filter((n) => !n.isPercent && n.fraction === undefined);
  const { text } = unit;
  for (const total of figures) {
    const end = total.offset + total.text.length;
    // "N đơn vị (a …, b …)": the bracket opens within a few words, with nothing in between that ends the clause.
    const gap = /^[^\d().;:%]{0,40}?\(/u.exec(text.slice(end, end + 42));
    if (gap) {
      const open = end + gap[0].length - 1; // the "(" itself
      const parts = bracketParts(text, open, figures);
      if (parts && parts.length >= 2) {
        const sum = parts.reduce((s, p) => s + p.value, 0);
        if (!same(sum, total.value)) out.push({ total, parts, sum, paragraph: unit.paragraph, partParagraphs: [unit.paragraph], kind: 'brackets' });
      }
    }
  }
  // "tiếp nhận 1.340 yêu cầu: đã xử lý 1.298; đang xử lý 40": a split by status right after a figure.
  for (const total of figures) {
    const end = total.offset + total.text.length;
    const window = text.slice(end, end + 400);
    const lead = /^[^\d.;:]{0,40}?[:,]\s*/u.exec(window);
    if (!lead) continue;
    const parts: StatedNumber[] = [];
    let from = end + lead[0].length;
    for (const segment of window.slice(lead[0].length).split(/(?<=[;,])/u)) {
      const at = from;
      from += segment.length;
      if (!STATUS.test(segment.trimStart())) break;
      const first = figures[firstAtOrAfter(figures, at)];
      if (!first || first.offset >= at + segment.length) break;
      parts.push(first);
      if (/\.\s*$/u.test(segment)) break;
    }
    if (parts.length < 2) continue;
    const sum = parts.reduce((n, p) => n + p.value, 0);
    if (!same(sum, total.value)) out.push({ total, parts, sum, paragraph: unit.paragraph, partParagraphs: [unit.paragraph], kind: 'status' });
  }
  // "…, trong đó a …, b …": the total is the last figure before "trong đó" in the sentence.
  for (const m of text.matchAll(/trong\s+đó\s*(?:có\s*)?:?/giu)) {
    const windowStart = Math.max(0, m.index - 300);
    const window = text.slice(windowStart, m.index);
    const sentenceStart = windowStart + Math.max(window.lastIndexOf('. ') + 1, window.lastIndexOf(';') + 1, 0);
    const before = lastBefore(figures, m.index);
    const total = before && before.offset >= sentenceStart ? before : undefined;
    if (!total) continue;
    const from = m.index + m[0].length;
    const stop = sentenceEnd(text, from);
    const parts = segmentParts(text, from, stop, figures);
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, p) => s + p.value, 0);
    const isTotal = /tổng(\s+(số|cộng))?[^.;]{0,40}$/iu.test(text.slice(Math.max(0, total.offset - 40), total.offset));
    const wrong = isTotal && parts.length >= 2 ? !same(sum, total.value) : sum > total.value + 1e-9;
    if (wrong) out.push({ total, parts, sum, paragraph: unit.paragraph, partParagraphs: [unit.paragraph], kind: 'of_which' });
  }
  return out;
}

/**
 * Splits by status across paragraphs: a run of units that each start with a status
 * word ("Đã xử lý: 54", "Đang xử lý: 112") is a split of the last figure stated just
 * before it (in the same paragraph, or in one of the two paragraphs before, as in
 * "tiếp nhận: 168." / "Kết quả giải quyết:").
 */
export function checkStatusSplits(units: readonly TextUnit[]): PartsMismatch[] {
  const out: PartsMismatch[] = [];
  let i = 0;
  while (i < units.length) {
    const run: { unit: TextUnit; part: StatedNumber }[] = [];
    let j = i;
    while (j < units.length) {
      const unit = units[j];
      const first = unit?.numbers.find((n) => !n.isPercent);
      if (!unit || !first || !STATUS.test(unit.text) || (run[0] && run[0].unit.section !== unit.section)) break;
      run.push({ unit, part: first });
      j += 1;
    }
    if (run.length >= 2) {
      const firstUnit = run[0]?.unit;
      let total: { number: StatedNumber; paragraph: number } | null = null;
      for (let k = i - 1; k >= Math.max(0, i - 2) && firstUnit; k -= 1) {
        const unit = units[k];
        if (!unit || unit.section !== firstUnit.section) break;
        const last = [...unit.numbers].reverse().find((n) => !n.isPercent && n.fraction === undefined);
        if (last) {
          total = { number: last, paragraph: unit.paragraph };
          break;
        }
      }
      const parts = run.map((r) => r.part);
      const sum = parts.reduce((s, p) => s + p.value, 0);
      if (total && total.number.value >= Math.max(...parts.map((p) => p.value)) && !same(sum, total.number.value)) {
        out.push({ total: total.number, parts, sum, paragraph: total.paragraph, partParagraphs: run.map((r) => r.unit.paragraph), kind: 'status' });
      }
      i = j;
    } else {
      i += 1;
    }
  }
  return out;
}

/** The first figure of each segment of a bracket, or null when a segment has none (not a breakdown). */
function bracketParts(text: string, open: number, figures: readonly StatedNumber[]): StatedNumber[] | null {
  let depth = 0;
  let close = -1;
  const limit = Math.min(text.length, open + 600);
  for (let k = open; k < limit; k += 1) {
    const c = text[k];
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) {
        close = k;
        break;
      }
    }
  }
  if (close < 0) return null;
  // Segments at depth 1, split by "," and ";".
  const segments: [number, number][] = [];
  let start = open + 1;
  depth = 0;
  for (let k = open + 1; k < close; k += 1) {
    const c = text[k];
    if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (depth === 0 && (c === ',' || c === ';')) {
      segments.push([start, k]);
      start = k + 1;
    }
  }
  segments.push([start, close]);
  const parts: StatedNumber[] = [];
  for (const [a, b] of segments) {
    const segment = text.slice(a, b);
    if (/^\s*(tăng|giảm|chiếm|đạt|tỷ lệ)/iu.test(segment)) return null;
    let first: StatedNumber | undefined;
    for (let k = firstAtOrAfter(figures, a); k < figures.length; k += 1) {
      const n = figures[k];
      if (!n || n.offset >= b) break;
      if (depthAt(text, open, n.offset) === 1) {
        first = n;
        break;
      }
    }
    if (!first) return null;
    parts.push(first);
  }
  return parts;
}

function depthAt(text: string, open: number, at: number): number {
  let depth = 0;
  for (let k = open; k < at; k += 1) {
    if (text[k] === '(') depth += 1;
    else if (text[k] === ')') depth -= 1;
  }
  return depth;
}

/** The end of the sentence that starts at `from` ('.' followed by a space or the end), bounded. */
function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 800);
  for (let k = from; k < limit; k += 1) {
    if (text[k] === '.' && (k + 1 >= text.length || /\s/.test(text[k + 1] ?? ''))) return k;
  }
  return limit;
}

/**
 * The first figure of each "," / ";" segment between `from` and `to`. The list ends at
 * the first later segment that does not open with a figure ("…; giải quyết đúng hạn
 * 480 hồ sơ" starts another clause).
 */
function segmentParts(text: string, from: number, to: number, figures: readonly StatedNumber[]): StatedNumber[] {
  const parts: StatedNumber[] = [];
  let start = from;
  let depth = 0;
  let ended = false;
  const take = (a: number, b: number): void => {
    if (ended) return;
    const segment = text.slice(a, b);
    if (parts.length > 0 && !/^\s*\d/u.test(segment)) {
      ended = true;
      return;
    }
    const first = figures[firstAtOrAfter(figures, a)];
    if (first && first.offset < b) parts.push(first);
  };
  for (let k = from; k < to && !ended; k += 1) {
    const c = text[k];
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ',' || c === ';')) {
      take(start, k);
      start = k + 1;
    }
  }
  take(start, to);
  return parts;
}

/** Index of the first figure at or after `at` (figures sorted by offset). */
export function firstAtOrAfter(figures: readonly StatedNumber[], at: number): number {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((figures[mid]?.offset ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lastBefore(figures: readonly StatedNumber[], at: number): StatedNumber | undefined {
  return figures[firstAtOrAfter(figures, at) - 1];
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
}
