// Evaluates an expression against a ValueSource at one org unit and period.
//
// Missing values follow DHIS2's strategies: every reference is resolved first,
// then SKIP_IF_ANY_VALUE_MISSING skips when one is missing,
// SKIP_IF_ALL_VALUES_MISSING (the default) skips only when all are, and
// NEVER_SKIP never does. When not skipped, a missing reference counts as 0 in
// arithmetic, except inside coalesce() and isNull(), which must see the real
// null to do their job. Division by zero gives null, never Infinity.
import type { Expr, FunctionName, IndicatorRef, MissingValueStrategy } from './ast.ts';
import type { EvaluationContext, EvaluationResult } from './index.ts';
import { offsetPeriod } from '../period.ts';
import { roundHalfUp } from '../format.ts';
import type { Period } from '../period.ts';

export const DEFAULT_MISSING_STRATEGY: MissingValueStrategy = 'SKIP_IF_ALL_VALUES_MISSING';

type Value = number | null;

/** A stable key for a reference (indicator, sorted filter, offset). */
export function refKey(ref: Pick<IndicatorRef, 'indicator' | 'filter' | 'offset'>): string {
  const filter = Object.keys(ref.filter).sort().map((dim) => `${dim}=${ref.filter[dim]}`).join(',');
  return `${ref.indicator}\u0000${filter}\u0000${ref.offset}`;
}

/** Every distinct reference of an expression, in order of first appearance. */
export function collectRefs(expr: Expr): IndicatorRef[] {
  const seen = new Map<string, IndicatorRef>();
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case 'ref': {
        const key = refKey(node);
        if (!seen.has(key)) seen.set(key, node);
        return;
      }
      case 'unary':
        return visit(node.operand);
      case 'binary':
        visit(node.left);
        return visit(node.right);
      case 'call':
        return node.args.forEach(visit);
      case 'number':
        return;
    }
  };
  visit(expr);
  return [...seen.values()];
}

export function evaluate(expr: Expr, context: EvaluationContext): EvaluationResult {
  const strategy = context.missing ?? DEFAULT_MISSING_STRATEGY;
  const resolved = new Map<string, Value>();
  const parts: { ref: IndicatorRef; period: Period; value: Value }[] = [];
  for (const ref of collectRefs(expr)) {
    const period = offsetPeriod(context.period, ref.offset);
    const raw = context.source.value({ indicator: ref.indicator, filter: ref.filter }, period, context.orgUnit);
    const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    resolved.set(refKey(ref), value);
    parts.push({ ref, period, value });
  }
  const missing = parts.filter((part) => part.value === null).length;
  const skipped =
    strategy === 'SKIP_IF_ANY_VALUE_MISSING' ? missing > 0
    : strategy === 'SKIP_IF_ALL_VALUES_MISSING' ? parts.length > 0 && missing === parts.length
    : false;
  if (skipped) return { value: null, skipped: true, parts };
  const value = evaluateNode(expr, (ref) => resolved.get(refKey(ref)) ?? null, false);
  return { value, skipped: false, parts };
}

/** Evaluates one node; `seeNulls` is true inside coalesce() and isNull(). */
function evaluateNode(expr: Expr, lookup: (ref: IndicatorRef) => Value, seeNulls: boolean): Value {
  const ev = (node: Expr, nulls = seeNulls): Value => evaluateNode(node, lookup, nulls);
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'ref': {
      const value = lookup(expr);
      return value === null && !seeNulls ? 0 : value;
    }
    case 'unary': {
      const operand = ev(expr.operand);
      if (operand === null) return null;
      return expr.op === '-' ? finite(-operand) : operand === 0 ? 1 : 0;
    }
    case 'binary':
      return evaluateBinary(expr.op, () => ev(expr.left), () => ev(expr.right));
    case 'call':
      return evaluateCall(expr.fn, expr.args, ev);
  }
}

function evaluateBinary(op: Extract<Expr, { kind: 'binary' }>['op'], leftOf: () => Value, rightOf: () => Value): Value {
  // Logic short-circuits, and a decided result ignores a null on the other side.
  if (op === '&&' || op === '||') {
    const left = leftOf();
    if (left !== null && (op === '&&' ? left === 0 : left !== 0)) return op === '&&' ? 0 : 1;
    const right = rightOf();
    if (right !== null && (op === '&&' ? right === 0 : right !== 0)) return op === '&&' ? 0 : 1;
    if (left === null || right === null) return null;
    return op === '&&' ? 1 : 0;
  }
  const left = leftOf();
  const right = rightOf();
  if (left === null || right === null) return null;
  switch (op) {
    case '+': return finite(left + right);
    case '-': return finite(left - right);
    case '*': return finite(left * right);
    case '/': return right === 0 ? null : finite(left / right);
    case '==': return left === right ? 1 : 0;
    case '!=': return left !== right ? 1 : 0;
    case '<': return left < right ? 1 : 0;
    case '<=': return left <= right ? 1 : 0;
    case '>': return left > right ? 1 : 0;
    case '>=': return left >= right ? 1 : 0;
  }
}

function evaluateCall(fn: FunctionName, args: readonly Expr[], ev: (node: Expr, seeNulls?: boolean) => Value): Value {
  switch (fn) {
    case 'if': {
      const [cond, then, otherwise] = args;
      if (!cond || !then || !otherwise) return null;
      const test = ev(cond);
      if (test === null) return null;
      return test !== 0 ? ev(then) : ev(otherwise);
    }
    case 'coalesce':
      for (const arg of args) {
        const value = ev(arg, true);
        if (value !== null) return value;
      }
      return null;
    case 'isNull': {
      const [arg] = args;
      return arg && ev(arg, true) !== null ? 0 : 1;
    }
    case 'sum':
    case 'min':
    case 'max': {
      // Like SQL aggregates: nulls (a division by zero) are left out; all null gives null.
      const values = args.map((arg) => ev(arg)).filter((value): value is number => value !== null);
      if (values.length === 0) return null;
      if (fn === 'sum') return finite(values.reduce((total, value) => total + value, 0));
      return fn === 'min' ? Math.min(...values) : Math.max(...values);
    }
    case 'abs': {
      const value = args[0] ? ev(args[0]) : null;
      return value === null ? null : Math.abs(value);
    }
    case 'round': {
      const value = args[0] ? ev(args[0]) : null;
      const decimals = args[1] ? ev(args[1]) : 0;
      if (value === null || decimals === null) return null;
      // Decimals outside 0..15 mean nothing for a double; clamp rather than fail.
      return roundHalfUp(value, Math.max(0, Math.min(15, Math.trunc(decimals))));
    }
  }
}

function finite(value: number): Value {
  return Number.isFinite(value) ? value : null;
}
