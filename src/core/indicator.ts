// Indicator catalogue (chỉ tiêu) and disaggregations (phân tổ).
// CONTRACT (skeleton): bodies to be implemented; keep the exported names and shapes.

export type IndicatorKind = 'flow' | 'stock' | 'derived';
/** Over time: flow sums, stock takes the last value, average for rates entered per period. */
export type TimeAggregation = 'sum' | 'last' | 'average' | 'none';
/** Over the org tree. */
export type OrgAggregation = 'sum' | 'average' | 'none';
export type ValueType = 'integer' | 'number' | 'percent';

export interface DisaggregationOption {
  readonly code: string;
  readonly name: string;
}

/** A dimension such as kênh (channel: direct/online) or cấp (level: province/district/commune). */
export interface Disaggregation {
  readonly code: string;
  readonly name: string;
  readonly options: readonly DisaggregationOption[];
}

export interface Indicator {
  readonly code: string;
  readonly name: string;
  /** Unit of measure as printed: văn bản, hồ sơ, lượt, người, %. */
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly valueType: ValueType;
  /** Codes of the disaggregations values are broken down by (a full combination per stored value). */
  readonly disaggregations: readonly string[];
  readonly aggregation: { readonly time: TimeAggregation; readonly org: OrgAggregation };
  /** For `derived`: the expression (see expression/). */
  readonly expression?: string | null;
  /** Decimals to print. */
  readonly decimals: number;
  /** Declared stock/flow pair: this stock accumulates that flow (stock(t) = stock(t-1) + flow(t)). */
  readonly accumulates?: string | null;
  /** Declared part/whole: this indicator never exceeds that one (signed ≤ issued). */
  readonly partOf?: string | null;
  readonly description?: string | null;
}

/**
 * Disaggregation key of a stored value: `''` for the total (no breakdown), else
 * `dim=option` pairs sorted by dimension code and joined by ';' (`channel=online;level=4`).
 */
export type DisaggKey = string;

export declare function disaggKey(options: Readonly<Record<string, string>>): DisaggKey;
export declare function parseDisaggKey(key: DisaggKey): Record<string, string>;

export interface CatalogueProblem {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

export declare class Catalogue {
  static build(input: { indicators: readonly Indicator[]; disaggregations: readonly Disaggregation[] }): { catalogue: Catalogue; problems: CatalogueProblem[] };
  indicator(code: string): Indicator | undefined;
  disaggregation(code: string): Disaggregation | undefined;
  indicators(): readonly Indicator[];
  disaggregations(): readonly Disaggregation[];
  /** Checks that a key names only dimensions/options the indicator has; returns a Vietnamese message or null. */
  checkDisaggKey(indicatorCode: string, key: DisaggKey): string | null;
}
