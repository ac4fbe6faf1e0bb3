// Validation rules (quy tắc kiểm tra) and the rules the model implies.
//
// A rule is `left operator right`, both sides expressions evaluated at one org unit
// and period with the rule's missing-value strategy (applied to each side, as DHIS2
// does); a skipped side means no finding. Unlike DHIS2, sides may reach earlier
// periods: `#{qr.scans_total} >= #{qr.scans_total}[-1]`.
import { collectRefs, DEFAULT_MISSING_STRATEGY, evaluate, parseExpression, printRef } from './expression/index.ts';
import type { EvaluationResult, Expr, MissingValueStrategy, ValueSource } from './expression/index.ts';
import { PAIRED_FILTER } from './aggregate.ts';
import { formatNumber } from './format.ts';
import type { Catalogue } from './indicator.ts';
import type { Finding, Severity } from './finding.ts';
import { formatPeriod } from './period.ts';
import type { Period } from './period.ts';

export type RuleOperator =
  | 'equal_to' | 'not_equal_to' | 'greater_than' | 'greater_than_or_equal_to'
  | 'less_than' | 'less_than_or_equal_to' | 'compulsory_pair' | 'exclusive_pair';

export interface ValidationRule {
  readonly code: string;
  readonly name: string;
  readonly left: string;
  readonly operator: RuleOperator;
  readonly right: string;
  readonly severity: Severity;
  /** Vietnamese message shown with the finding. */
  readonly message: string;
  readonly missing?: MissingValueStrategy;
}

/** How each operator reads in a message. */
const RELATION: Readonly<Record<RuleOperator, string>> = {
  equal_to: 'vế trái = vế phải',
  not_equal_to: 'vế trái ≠ vế phải',
  greater_than: 'vế trái > vế phải',
  greater_than_or_equal_to: 'vế trái ≥ vế phải',
  less_than: 'vế trái < vế phải',
  less_than_or_equal_to: 'vế trái ≤ vế phải',
  compulsory_pair: 'hai vế cùng có hoặc cùng không có số liệu',
  exclusive_pair: 'hai vế không cùng có số liệu',
};

/**
 * Parts sum to their stored total, part ≤ whole (declared partOf), stock continuity (declared accumulates).
 *
 * The parts-sum rule reads the Aggregator's reserved `_paired=<dim>` filter: it compares
 * the stored total with the stored parts only in cells (unit × period) that hold both,
 * so a unit that entered only a total, or only parts, is never reported, not even
 * when a district sums communes of both kinds. A ValueSource that does not know the
 * convention answers null for it, and the rule is then skipped.
 */
export function impliedRules(catalogue: Catalogue): ValidationRule[] {
  const rules: ValidationRule[] = [];
  for (const indicator of catalogue.indicators()) {
    const ref = (code: string, filter: Record<string, string> = {}, offset = 0) => printRef({ indicator: code, filter, offset });
    if (indicator.kind !== 'derived') {
      for (const dimension of indicator.disaggregations) {
        const dimensionName = catalogue.disaggregation(dimension)?.name ?? dimension;
        rules.push({
          code: `implied:parts_sum:${indicator.code}:${dimension}`,
          name: `Tổng các phân tổ theo «${dimensionName}» của «${indicator.name}»`,
          left: ref(indicator.code, { [PAIRED_FILTER]: dimension }),
          operator: 'equal_to',
          right: ref(indicator.code, { [dimension]: '*', [PAIRED_FILTER]: dimension }),
          severity: 'error',
          message: `Tổng số «${indicator.name}» đã nhập không bằng tổng các phân tổ theo «${dimensionName}»`,
          missing: 'SKIP_IF_ANY_VALUE_MISSING',
        });
      }
    }
    const whole = indicator.partOf ? catalogue.indicator(indicator.partOf) : undefined;
    if (whole && whole.code !== indicator.code) {
      rules.push({
        code: `implied:part_of:${indicator.code}`,
        name: `«${indicator.name}» không vượt quá «${whole.name}»`,
        left: ref(indicator.code),
        operator: 'less_than_or_equal_to',
        right: ref(whole.code),
        severity: 'error',
        message: `«${indicator.name}» lớn hơn «${whole.name}»`,
        missing: 'SKIP_IF_ANY_VALUE_MISSING',
      });
    }
    const flow = indicator.accumulates ? catalogue.indicator(indicator.accumulates) : undefined;
    if (flow) {
      rules.push({
        code: `implied:stock_flow:${indicator.code}`,
        name: `«${indicator.name}» cộng dồn «${flow.name}»`,
        left: ref(indicator.code),
        operator: 'equal_to',
        right: `${ref(indicator.code, {}, -1)} + ${ref(flow.code)}`,
        severity: 'warning',
        message: `«${indicator.name}» không bằng số kỳ trước cộng «${flow.name}» trong kỳ`,
        missing: 'SKIP_IF_ANY_VALUE_MISSING',
      });
    }
  }
  return rules;
}

/** Runs rules for one org unit and period; never throws on bad data or bad rules (a bad rule is a finding). */
export function runValidation(input: {
  readonly rules: readonly ValidationRule[];
  readonly source: ValueSource;
  readonly orgUnit: string;
  readonly period: Period;
}): Finding[] {
  const findings: Finding[] = [];
  const period = formatPeriod(input.period);
  for (const rule of input.rules) {
    const finding = checkRule(rule, input.source, input.orgUnit, input.period, period);
    if (finding) findings.push(finding);
  }
  return findings;
}

function checkRule(rule: ValidationRule, source: ValueSource, orgUnit: string, at: Period, period: string): Finding | null {
  const invalid = (reason: string): Finding => ({
    rule: rule.code, ruleName: rule.name, orgUnit, period, left: null, right: null, severity: 'error',
    message: `Quy tắc «${rule.name}» (${rule.code}) không hợp lệ: ${reason}`,
  });
  const left = parseExpression(rule.left);
  if (!left.ok) return invalid(`vế trái: ${left.error.message}`);
  const right = parseExpression(rule.right);
  if (!right.ok) return invalid(`vế phải: ${right.error.message}`);
  if (!Object.hasOwn(RELATION, rule.operator)) return invalid(`toán tử '${String(rule.operator)}' không được hỗ trợ`);

  const indicators = [...new Set([...collectRefs(left.expr), ...collectRefs(right.expr)].map((ref) => ref.indicator))];
  const finding = (leftValue: number | null, rightValue: number | null): Finding => ({
    rule: rule.code, ruleName: rule.name, orgUnit, period, left: leftValue, right: rightValue, severity: rule.severity, indicators,
    message: `${rule.message.replace(/[\s.]+$/, '')} (vế trái: ${show(leftValue)}; vế phải: ${show(rightValue)}; yêu cầu: ${RELATION[rule.operator]})`,
  });

  let sides: [EvaluationResult, EvaluationResult];
  try {
    const side = (expr: Expr, missing: MissingValueStrategy) => evaluate(expr, { source, period: at, orgUnit, missing });
    // Pairs are about presence, so they see every side whatever the strategy says.
    const missing = isPair(rule.operator) ? 'NEVER_SKIP' : rule.missing ?? DEFAULT_MISSING_STRATEGY;
    sides = [side(left.expr, missing), side(right.expr, missing)];
  } catch (error) {
    // A source that fails is an infrastructure fault, but one rule must not hide the others.
    return { ...finding(null, null), severity: 'error', message: `Không kiểm tra được quy tắc «${rule.name}» (${rule.code}): ${error instanceof Error ? error.message : String(error)}` };
  }
  const [leftSide, rightSide] = sides;

  if (isPair(rule.operator)) {
    const leftPresent = isPresent(leftSide);
    const rightPresent = isPresent(rightSide);
    const violated = rule.operator === 'compulsory_pair' ? leftPresent !== rightPresent : leftPresent && rightPresent;
    return violated ? finding(leftPresent ? leftSide.value : null, rightPresent ? rightSide.value : null) : null;
  }
  if (leftSide.value === null || rightSide.value === null) return null;
  return holds(rule.operator, leftSide.value, rightSide.value) ? null : finding(leftSide.value, rightSide.value);
}

function isPair(operator: RuleOperator): boolean {
  return operator === 'compulsory_pair' || operator === 'exclusive_pair';
}

/** A side has data when one of its references has a value (a constant side always has). */
function isPresent(side: EvaluationResult): boolean {
  return side.parts.length === 0 || side.parts.some((part) => part.value !== null);
}

function holds(operator: RuleOperator, left: number, right: number): boolean {
  // Sums of decimals drift (0.1 + 0.2); a relative tolerance keeps them equal.
  const equal = Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
  switch (operator) {
    case 'equal_to': return equal;
    case 'not_equal_to': return !equal;
    case 'greater_than': return left > right && !equal;
    case 'greater_than_or_equal_to': return left > right || equal;
    case 'less_than': return left < right && !equal;
    case 'less_than_or_equal_to': return left < right || equal;
    default: return true;
  }
}

function show(value: number | null): string {
  return value === null ? 'không có số liệu' : formatNumber(value);
}
