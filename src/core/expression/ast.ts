// Expression AST. `#{code}` is the total, `#{code:dim=opt}` filters by options,
// `#{code:dim=*}` sums the stored parts over a dimension, `[n]` offsets the period.
// CONTRACT: keep these shapes; other modules build and read them.

export type BinaryOperator = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';
export type UnaryOperator = '-' | '!';
export type FunctionName = 'sum' | 'if' | 'coalesce' | 'round' | 'min' | 'max' | 'abs' | 'isNull';

export interface IndicatorRef {
  readonly kind: 'ref';
  readonly indicator: string;
  /** dimension code → option code, or '*' for "sum of the parts over this dimension". */
  readonly filter: Readonly<Record<string, string>>;
  /** Period offset: 0 this period, -1 previous, -12 same month last year. */
  readonly offset: number;
}

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | IndicatorRef
  | { readonly kind: 'unary'; readonly op: UnaryOperator; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly args: readonly Expr[] };

/** DHIS2's missing-value strategies. */
export type MissingValueStrategy = 'SKIP_IF_ANY_VALUE_MISSING' | 'SKIP_IF_ALL_VALUES_MISSING' | 'NEVER_SKIP';
