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
  /** What the rule checks, in Vietnamese (the rule's name), for a heading beside the message. */
  readonly ruleName?: string;
  /** What people wrote that the finding is about, for a link to it. */
  readonly refs?: FindingRefs;
}

export interface FindingRefs {
  /** Template section id. */
  readonly section?: string;
  readonly items?: readonly string[];
  readonly documents?: readonly string[];
  readonly plan?: readonly string[];
}
