// Findings: what validation and imports report, as data (never thrown).

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Rule code; implied rules use `implied:<kind>:<indicator>` codes. */
  readonly rule: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly left: number | null;
  readonly right: number | null;
  readonly severity: Severity;
  /** Vietnamese, for users. */
  readonly message: string;
  /** Indicators involved, for showing the finding next to fields. */
  readonly indicators?: readonly string[];
}
