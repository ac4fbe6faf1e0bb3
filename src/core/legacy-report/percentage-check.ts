// Checks a stated percentage against its parts, whatever the wording: for "A … trong
// đó B … (tỷ lệ P%)" it looks for the nearest preceding numbers B and A whose ratio
// B/A is close to P, then recomputes B/A rounded half-up at P's precision. A
// percentage with no such pair (a share of something not stated) is not judged.
import { formatPercent } from '../format.ts';
import type { StatedNumber } from './stated-numbers.ts';

export interface PercentageMismatch {
  readonly stated: StatedNumber;
  readonly part: StatedNumber;
  readonly whole: StatedNumber;
  /** "1,29%". */
  readonly computed: string;
}

/** How many preceding numbers may hold the part, and the whole before it. */
const PART_WINDOW = 3;
const WHOLE_WINDOW = 6;

/** The stated percentages of one paragraph that disagree with the parts they are next to. */
export function checkStatedPercentages(numbers: readonly StatedNumber[], text: string): PercentageMismatch[] {
  const out: PercentageMismatch[] = [];
  numbers.forEach((stated, index) => {
    if (!stated.isPercent) return;
    // "tăng 0,03%" is a change in percentage points, not a share.
    if (/(tăng|giảm)\s*$/iu.test(text.slice(0, stated.offset))) return;
    const preceding = numbers.slice(0, index).filter((n) => !n.isPercent);
    const tolerance = Math.abs(stated.value) * 0.02 + 0.5 * 10 ** -stated.decimals;
    let best: { part: StatedNumber; whole: StatedNumber; distance: number } | null = null;
    for (let p = preceding.length - 1; p >= Math.max(0, preceding.length - PART_WINDOW); p -= 1) {
      const part = preceding[p];
      if (!part) continue;
      for (let w = p - 1; w >= Math.max(0, p - WHOLE_WINDOW); w -= 1) {
        const whole = preceding[w];
        if (!whole || whole.value <= 0 || part.value > whole.value) continue;
        const distance = Math.abs((part.value / whole.value) * 100 - stated.value);
        if (distance <= tolerance && (best === null || distance < best.distance)) best = { part, whole, distance };
      }
    }
    if (!best) return;
    const computed = formatPercent(best.part.value, best.whole.value, stated.decimals);
    const statedText = `${stated.text.replace(/\s*%$/, '')}%`;
    if (computed !== null && computed !== statedText) out.push({ stated, part: best.part, whole: best.whole, computed });
  });
  return out;
}
