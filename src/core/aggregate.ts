// Aggregation over the org tree and over periods, following each indicator's rules.
// CONTRACT (skeleton): bodies to be implemented; keep the exported names and shapes.
import type { Catalogue } from './indicator.ts';
import type { DataValue } from './data-value.ts';
import type { OrgTree } from './org-unit.ts';
import type { Period } from './period.ts';
import type { ValueSource } from './expression/index.ts';

export interface AggregationInput {
  readonly catalogue: Catalogue;
  readonly tree: OrgTree;
  /** The stored values the caller loaded (the subtree and periods it needs). */
  readonly values: readonly DataValue[];
}

export interface Explanation {
  readonly indicator: string;
  readonly value: number | null;
  /** For derived indicators, the aggregated parts the value was computed from. */
  readonly parts: readonly { readonly indicator: string; readonly filter: Readonly<Record<string, string>>; readonly period: string; readonly value: number | null }[];
}

export interface Change {
  readonly current: number | null;
  readonly previous: number | null;
  /** current - previous; null when either is missing. */
  readonly delta: number | null;
}

/** Aggregates over subtree and months; derived indicators are computed after aggregation (a ratio of sums). */
export declare class Aggregator implements ValueSource {
  constructor(input: AggregationInput);
  value(ref: { readonly indicator: string; readonly filter: Readonly<Record<string, string>> }, period: Period, orgUnit: string): number | null;
  explain(indicator: string, period: Period, orgUnit: string, filter?: Readonly<Record<string, string>>): Explanation;
  /** Month-over-month by default (offset -1); same month last year with offset -12. */
  change(indicator: string, period: Period, orgUnit: string, offset?: number, filter?: Readonly<Record<string, string>>): Change;
  /** Cumulative from January for flows; the last value for stocks. */
  yearToDate(indicator: string, period: Period, orgUnit: string, filter?: Readonly<Record<string, string>>): number | null;
}
