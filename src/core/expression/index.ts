// Public surface of the expression module.
// Implemented in lexer.ts, parser.ts, printer.ts and evaluate.ts; this file is the contract others import.
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

/** Parses an expression; never throws: bad input gives `{ ok: false, error }`. */
export { parseExpression } from './parser.ts';
/** Prints an AST so that parseExpression(printExpression(e)) deep-equals e. */
export { printExpression, printRef } from './printer.ts';
/** Every distinct indicator reference in an expression, in order of first appearance. */
export { collectRefs, refKey, DEFAULT_MISSING_STRATEGY } from './evaluate.ts';

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

export { evaluate } from './evaluate.ts';
