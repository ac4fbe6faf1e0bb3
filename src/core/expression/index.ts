// Public surface of the expression module.
// CONTRACT (skeleton): implement in parser.ts, printer.ts, evaluate.ts and re-export here.
import type { Expr, IndicatorRef, MissingValueStrategy } from './ast.ts';
import type { Period } from '../period.ts';

export type * from './ast.ts';

export interface ExpressionSyntaxError {
  readonly kind: 'syntax';
  /** 0-based offset into the source. */
  readonly position: number;
  /** What the parser expected there, e.g. ['number', '#{', '(']. */
  readonly expected: readonly string[];
  /** What it found ('end of input' at the end). */
  readonly found: string;
  /** Vietnamese message naming position and expectation. */
  readonly message: string;
}

export type ParseResult = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly error: ExpressionSyntaxError };

export declare function parseExpression(source: string): ParseResult;
/** Prints an AST so that parseExpression(printExpression(e)) deep-equals e. */
export declare function printExpression(expr: Expr): string;
/** Every indicator reference in an expression. */
export declare function collectRefs(expr: Expr): IndicatorRef[];

/** Where values come from: the evaluator asks for one reference at one (already offset) period. */
export interface ValueSource {
  value(ref: { readonly indicator: string; readonly filter: Readonly<Record<string, string>> }, period: Period, orgUnit: string): number | null;
}

export interface EvaluationContext {
  readonly source: ValueSource;
  readonly period: Period;
  readonly orgUnit: string;
  readonly missing?: MissingValueStrategy;
}

export interface EvaluationResult {
  /** null when skipped by the missing-value strategy, or on division by zero. */
  readonly value: number | null;
  readonly skipped: boolean;
  /** Each reference with the value it resolved to (null when missing). */
  readonly parts: readonly { readonly ref: IndicatorRef; readonly period: Period; readonly value: number | null }[];
}

export declare function evaluate(expr: Expr, context: EvaluationContext): EvaluationResult;
