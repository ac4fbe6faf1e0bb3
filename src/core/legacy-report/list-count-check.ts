// Checks a stated count against the list that follows it: "Ban hành 03 quyết định về:
// a; b; c" lists three; "Tiếp nhận 4 đơn, gồm:" followed by bullets lists as many
// bullets. Counts given loosely ("hơn 14", "khoảng 20", "các"), lists that say they
// are incomplete (";...", "v.v.") or give examples ("như:") are not judged, nor a
// count so large it cannot be an enumeration.
import type { StatedNumber } from './stated-numbers.ts';
import type { TextUnit } from './parts-total-check.ts';

export interface CountMismatch {
  readonly count: StatedNumber;
  /** The words counted ("quyết định"). */
  readonly noun: string;
  readonly listed: number;
  readonly paragraph: number;
}

/** Larger counts are totals, not the length of a list someone typed out. */
const MAX_LISTED = 30;
const LOOSE = /(hơn|trên|gần|khoảng|hàng|các|những|ít nhất|tối thiểu|tối đa|dưới|chừng|độ)\s*$/iu;
const INCOMPLETE = /(\.\.\.|…|v\.v\.?|vv\.?|,\s*\.\.\.)\s*\.?\s*$/u;

/** The count before a colon that opens the rest of the paragraph or the bullets below it. */
function countBeforeColon(unit: TextUnit): { count: StatedNumber; noun: string; colon: number } | null {
  const { text } = unit;
  // The first colon after a figure, with at most 15 words and no figure, bracket or sentence end between them.
  for (const n of unit.numbers) {
    if (n.isPercent || n.fraction !== undefined || !Number.isInteger(n.value) || n.value < 2 || n.value > MAX_LISTED) continue;
    const end = n.offset + n.text.length;
    const m = /^((?:\s+[^\s\d().;:%]+){1,15}?)\s*:/u.exec(text.slice(end, end + 160));
    if (!m) continue;
    if (LOOSE.test(text.slice(Math.max(0, n.offset - 20), n.offset))) return null;
    const words = (m[1] ?? '').trim();
    if (/\bnhư$/iu.test(words)) return null;
    return { count: n, noun: nounOf(words), colon: end + m[0].length };
  }
  return null;
}

/**
 * Inline lists ("…: a; b; c") and bullet lists under a lead line ending with ":".
 * `units` are the paragraphs of one section in order.
 */
export function checkListCounts(units: readonly TextUnit[]): CountMismatch[] {
  const out: CountMismatch[] = [];
  units.forEach((unit, index) => {
    const found = countBeforeColon(unit);
    if (!found) return;
    const rest = unit.text.slice(found.colon).trim();
    if (rest.length > 0) {
      // "…: a; b; c." (the list runs to the end of the paragraph).
      if (INCOMPLETE.test(rest)) return;
      const entries = rest.split(';').map((e) => e.trim()).filter((e) => e !== '');
      if (entries.length < 2) return;
      // Entries that open with figures are a breakdown ("571 dịch vụ; mức 4: 1057"), not an enumeration.
      if (entries.filter((e) => /^\D{0,12}\d/u.test(e)).length * 2 > entries.length) return;
      if (entries.length !== found.count.value) out.push({ count: found.count, noun: found.noun, listed: entries.length, paragraph: unit.paragraph });
      return;
    }
    // A lead ending with ":": the bullets right under it, deeper than the lead.
    let listed = 0;
    let last = '';
    for (let k = index + 1; k < units.length; k += 1) {
      const next = units[k];
      if (!next || next.section !== unit.section || next.marker === '' || next.marker === unit.marker || !/^[-+*•]$/u.test(next.marker)) break;
      if (unit.marker === '+' && next.marker === '-') break;
      listed += 1;
      last = next.text;
    }
    if (listed === 0 || INCOMPLETE.test(last)) return;
    if (listed !== found.count.value) out.push({ count: found.count, noun: found.noun, listed, paragraph: unit.paragraph });
  });
  return out;
}

/** "cảnh báo về sự cố …" → "cảnh báo": the counted words, up to the first linking word. */
function nounOf(words: string): string {
  const out: string[] = [];
  for (const w of words.split(/\s+/)) {
    if (/^(về|do|của|được|đã|gồm|bao|trong|cho|tại|như|với|sau|là|có)$/iu.test(w) || out.length === 4) break;
    out.push(w);
  }
  return out.join(' ') || words.split(/\s+/)[0] || '';
}
