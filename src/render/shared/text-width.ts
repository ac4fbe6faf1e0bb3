// Rough text width for Times New Roman Bold (Liberation Serif Bold has the same
// metrics), used to draw the rule under "Độc lập - Tự do - Hạnh phúc" as long as
// the text where the format (DOCX) cannot measure it for us.

// Advance widths in 1/1000 em of Times-Bold (Adobe core font metrics).
const LOWER = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444];
const UPPER = [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667];
const OTHER: Record<string, number> = { ' ': 250, '-': 333, '.': 250, ',': 250, ':': 333 };
const DEFAULT_WIDTH = 500;

function charWidth(ch: string): number {
  // Vietnamese letters are as wide as their base letter: drop the combining marks.
  const base = ch.normalize('NFD').charAt(0).replace('đ', 'd').replace('Đ', 'D');
  const code = base.charCodeAt(0);
  if (code >= 97 && code <= 122) return LOWER[code - 97] ?? DEFAULT_WIDTH;
  if (code >= 65 && code <= 90) return UPPER[code - 65] ?? DEFAULT_WIDTH;
  return OTHER[base] ?? DEFAULT_WIDTH;
}

/** Width in points of `text` set in Times New Roman Bold at `sizePt`. */
export function boldSerifTextWidthPt(text: string, sizePt: number): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch);
  return (units * sizePt) / 1000;
}

/**
 * Splits a heading such as "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" into lines no wider than
 * `maxWidthPt`, breaking where the lines come out most even ("SỞ THÔNG TIN VÀ" /
 * "TRUYỀN THÔNG") instead of leaving one word alone on the second line.
 */
export function balancedLines(text: string, maxWidthPt: number, sizePt: number): string[] {
  if (boldSerifTextWidthPt(text, sizePt) <= maxWidthPt) return [text];
  const words = text.split(/\s+/).filter(Boolean);
  let best: string[] = [text];
  let bestWidest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const widest = Math.max(...lines.map((l) => boldSerifTextWidthPt(l, sizePt)));
    if (widest < bestWidest) {
      best = lines;
      bestWidest = widest;
    }
  }
  return best;
}
