// Checks an expression against the catalogue when it is declared (a derived indicator,
// a validation rule), so that a typo is reported at import instead of silently giving
// "no data" every time the expression is evaluated.
import { collectRefs, parseExpression } from './expression/index.ts';
import type { Disaggregation, Indicator } from './indicator.ts';

export interface ExpressionLookup {
  indicator(code: string): Indicator | undefined;
  disaggregation(code: string): Disaggregation | undefined;
}

/**
 * Vietnamese messages for what is wrong with `source`: its syntax (position and what
 * was expected), or a reference to an indicator, a dimension or an option that does
 * not exist. Empty when the expression is fine.
 */
export function checkExpression(source: string, lookup: ExpressionLookup): string[] {
  const parsed = parseExpression(source);
  if (!parsed.ok) return [parsed.error.message];
  const problems: string[] = [];
  for (const ref of collectRefs(parsed.expr)) {
    const indicator = lookup.indicator(ref.indicator);
    if (!indicator) {
      problems.push(`Tham chiếu chỉ tiêu "${ref.indicator}" chưa được khai báo.`);
      continue;
    }
    for (const [dimension, option] of Object.entries(ref.filter)) {
      // Dimensions starting with '_' are the Aggregator's reserved conventions.
      if (dimension.startsWith('_')) continue;
      if (!indicator.disaggregations.includes(dimension)) {
        problems.push(`Chỉ tiêu "${ref.indicator}" không có phân tổ "${dimension}".`);
      } else if (option !== '*' && !lookup.disaggregation(dimension)?.options.some((o) => o.code === option)) {
        problems.push(`Phân tổ "${dimension}" không có mục "${option}".`);
      }
    }
  }
  return [...new Set(problems)];
}
