// Checks a stated percentage against the figures it relates to, whatever the order
// and form: part before whole or after it, the whole after the percentage, a fraction
// ("61/64 xã … 96,88%", "2.034.973/2.111.123 đạt 96,39%"). A percentage is judged
// only when the figures make its pair clear:
//   - some pair of nearby figures gives exactly the stated value: it is right;
//   - a fraction stands next to it: that is its pair;
//   - a pair comes within a rounding slip of it (77,19% for 77,20%; a cut 1,28%);
//   - a pair gives the same digits in another order (58,67% where the figures give 85,67%).
// A percentage with none of these (a share of something the text does not state) is
// left alone.
import { formatPercent } from '../format.ts';
import type { StatedNumber } from './stated-numbers.ts';

export interface PercentageMismatch {
  readonly stated: StatedNumber;
  readonly part: StatedNumber;
  readonly whole: StatedNumber;
  /** "1,29%". */
  readonly computed: string;
  readonly reason: 'rounding' | 'fraction' | 'transposed';
}

const BEFORE = 8;
const AFTER = 3;
/** Characters around the percentage within which its figures are looked for. */
const REACH = 500;

/** The stated percentages of one paragraph that disagree with the figures they relate to. */
export function checkStatedPercentages(numbers: readonly StatedNumber[], text: string): PercentageMismatch[] {
  const out: PercentageMismatch[] = [];
  numbers.forEach((stated, index) => {
    if (!stated.isPercent) return;
    const lead = text.slice(Math.max(0, stated.offset - 40), stated.offset);
    // "tăng 0,03%" is a change in points; "giảm 5% so với" a rate of change, not a share.
    if (/(tăng|giảm|vượt|hơn|thêm)\s*(khoảng\s*)?$/iu.test(lead)) return;
    const statedText = `${stated.text.replace(/\s*%$/, '')}%`;
    const near: StatedNumber[] = [];
    for (let i = index - 1, n = 0; i >= 0 && n < BEFORE; i -= 1) {
      const c = numbers[i];
      if (!c || stated.offset - c.offset > REACH) break;
      if (!c.isPercent) { near.push(c); n += 1; }
    }
    for (let i = index + 1, n = 0; i < numbers.length && n < AFTER; i += 1) {
      const c = numbers[i];
      if (!c || c.offset - stated.offset > REACH) break;
      if (c.isPercent) break;
      near.push(c);
      n += 1;
    }
    // Every (part, whole) pair of nearby figures, compared as numbers; only the pair
    // reported is formatted.
    const scale = 10 ** stated.decimals;
    const statedScaled = Math.round(stated.value * scale);
    const tolerance = Math.abs(stated.value) * 0.02 + 0.5 / scale;
    const digits = sortedDigits(String(statedScaled));
    let fraction: Pair | null = null;
    let close: Pair | null = null;
    let transposed: Pair | null = null;
    const candidates: { pair: Pair; scaled: number }[] = [];
    for (const a of near) {
      for (const b of near) {
        if (a === b || b.value <= 0 || a.value > b.value) continue;
        const ratio = (a.value / b.value) * 100;
        const scaled = Math.floor(ratio * scale + 0.5 + 1e-9);
        if (scaled === statedScaled) return; // some pair gives exactly the stated value: it is right
        const pair: Pair = { part: a, whole: b, distance: Math.abs(ratio - stated.value), nearness: Math.abs(stated.offset - a.offset) + Math.abs(stated.offset - b.offset) };
        const isFraction = a.fraction === 'numerator' && b.fraction === 'denominator' && b.offset > a.offset && b.offset - a.offset <= a.text.length + 3;
        if (isFraction && (!fraction || pair.nearness < fraction.nearness)) fraction = pair;
        if (pair.distance <= tolerance && (!close || pair.distance < close.distance || (pair.distance === close.distance && pair.nearness < close.nearness))) close = pair;
        candidates.push({ pair, scaled });
      }
    }
    // Transposed digits are looked for only when nothing nearer explains the percentage.
    if (!fraction && !close) {
      const key = digitKey(statedScaled);
      for (const { pair, scaled } of candidates) {
        if (digitKey(scaled) === key && sortedDigits(String(scaled)) === digits && (!transposed || pair.nearness < transposed.nearness)) transposed = pair;
      }
    }
    const found = fraction ? { pair: fraction, reason: 'fraction' as const } : close ? { pair: close, reason: 'rounding' as const } : transposed ? { pair: transposed, reason: 'transposed' as const } : null;
    if (!found) return;
    const computed = formatPercent(found.pair.part.value, found.pair.whole.value, stated.decimals);
    if (computed !== null && computed !== statedText) out.push({ stated, part: found.pair.part, whole: found.pair.whole, computed, reason: found.reason });
  });
  return out;
}

interface Pair {
  readonly part: StatedNumber;
  readonly whole: StatedNumber;
  readonly distance: number;
  readonly nearness: number;
}

/** The digits of a number in order, to recognise the same digits written in another order. */
function sortedDigits(text: string): string {
  return [...text.replace(/\D/g, '')].sort().join('');
}

/** A cheap key that two numbers with the same digits share (count and sum of the digits). */
function digitKey(n: number): number {
  let count = 0;
  let sum = 0;
  for (let x = Math.abs(Math.trunc(n)); x > 0; x = Math.floor(x / 10)) {
    count += 1;
    sum += x % 10;
  }
  return count * 1000 + sum;
}
