// Validation rules (quy tắc kiểm tra) and the rules the model implies.
// CONTRACT (skeleton): bodies to be implemented; keep the exported names and shapes.
import type { Catalogue } from './indicator.ts';
import type { Finding, Severity } from './finding.ts';
import type { MissingValueStrategy, ValueSource } from './expression/index.ts';
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

/** Parts sum to their stored total, part ≤ whole (declared partOf), stock continuity (declared accumulates). */
export declare function impliedRules(catalogue: Catalogue): ValidationRule[];

/** Runs rules for one org unit and period; never throws on bad data or bad rules (a bad rule is a finding). */
export declare function runValidation(input: {
  readonly rules: readonly ValidationRule[];
  readonly source: ValueSource;
  readonly orgUnit: string;
  readonly period: Period;
}): Finding[];
