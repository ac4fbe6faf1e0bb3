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
    const pairs: { part: StatedNumber; whole: StatedNumber; computed: string; distance: number; nearness: number }[] = [];
    for (const a of near) {
      for (const b of near) {
        if (a === b || b.value <= 0 || a.value > b.value) continue;
        const computed = formatPercent(a.value, b.value, stated.decimals);
        if (computed === null) continue;
        pairs.push({ part: a, whole: b, computed, distance: Math.abs((a.value / b.value) * 100 - stated.value), nearness: Math.abs(stated.offset - a.offset) + Math.abs(stated.offset - b.offset) });
      }
    }
    if (pairs.some((p) => p.computed === statedText)) return;
    // A fraction right before or after the percentage is its pair.
    const fraction = pairs
      .filter((p) => p.part.fraction === 'numerator' && p.whole.fraction === 'denominator' && p.whole.offset > p.part.offset && p.whole.offset - p.part.offset <= p.part.text.length + 3)
      .sort((a, b) => a.nearness - b.nearness)[0];
    if (fraction) {
      out.push({ stated, part: fraction.part, whole: fraction.whole, computed: fraction.computed, reason: 'fraction' });
      return;
    }
    const tolerance = Math.abs(stated.value) * 0.02 + 0.5 * 10 ** -stated.decimals;
    const close = pairs.filter((p) => p.distance <= tolerance).sort((a, b) => a.distance - b.distance || a.nearness - b.nearness)[0];
    if (close) {
      out.push({ stated, part: close.part, whole: close.whole, computed: close.computed, reason: 'rounding' });
      return;
    }
    const digits = sortedDigits(statedText);
    const transposed = pairs.filter((p) => sortedDigits(p.computed) === digits).sort((a, b) => a.nearness - b.nearness)[0];
    if (transposed) out.push({ stated, part: transposed.part, whole: transposed.whole, computed: transposed.computed, reason: 'transposed' });
  });
  return out;
}

function sortedDigits(text: string): string {
  return [...text.replace(/\D/g, '')].sort().join('');
}
