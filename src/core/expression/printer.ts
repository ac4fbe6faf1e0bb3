// Canonical text of an expression: single spaces around binary operators, filters
// sorted by dimension, offsets as `[-1]` / `[+1]`, and only the parentheses the
// tree shape needs, so that parse(print(e)) gives e back.
import type { BinaryOperator, Expr, IndicatorRef } from './ast.ts';

const PRECEDENCE: Readonly<Record<BinaryOperator, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3, '!=': 3,
  '<': 4, '<=': 4, '>': 4, '>=': 4,
  '+': 5, '-': 5,
  '*': 6, '/': 6,
};
const UNARY_PRECEDENCE = 7;
const ATOM_PRECEDENCE = 8;

export function printExpression(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      // String() of a finite double reads back to the same double (1e+21, 5e-7 included).
      return String(expr.value);
    case 'ref':
      return printRef(expr);
    case 'unary': {
      const operand = printExpression(expr.operand);
      return expr.op + (precedenceOf(expr.operand) < UNARY_PRECEDENCE ? `(${operand})` : operand);
    }
    case 'binary': {
      const own = PRECEDENCE[expr.op];
      // Operators are left-associative: a right operand of the same level needs
      // parentheses (a - (b - c)), a left one does not ((a - b) - c).
      const left = wrapIf(expr.left, precedenceOf(expr.left) < own);
      const right = wrapIf(expr.right, precedenceOf(expr.right) <= own);
      return `${left} ${expr.op} ${right}`;
    }
    case 'call':
      return `${expr.fn}(${expr.args.map(printExpression).join(', ')})`;
  }
}

export function printRef(ref: Pick<IndicatorRef, 'indicator' | 'filter' | 'offset'>): string {
  const dims = Object.keys(ref.filter).sort();
  const filter = dims.length > 0 ? `:${dims.map((dim) => `${dim}=${ref.filter[dim]}`).join(',')}` : '';
  const offset = ref.offset === 0 ? '' : ref.offset > 0 ? `[+${ref.offset}]` : `[${ref.offset}]`;
  return `#{${ref.indicator}${filter}}${offset}`;
}

function precedenceOf(expr: Expr): number {
  if (expr.kind === 'binary') return PRECEDENCE[expr.op];
  if (expr.kind === 'unary') return UNARY_PRECEDENCE;
  return ATOM_PRECEDENCE;
}

function wrapIf(expr: Expr, parenthesise: boolean): string {
  const text = printExpression(expr);
  return parenthesise ? `(${text})` : text;
}
