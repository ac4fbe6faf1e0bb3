// Indicator catalogue (chỉ tiêu) and disaggregations (phân tổ).
import { checkExpression } from './check-expression.ts';

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

/** Builds the key of a combination of options: sorted by dimension code, `dim=opt;dim2=opt2`; `{}` gives `''`. */
export function disaggKey(options: Readonly<Record<string, string>>): DisaggKey {
  return Object.keys(options)
    .sort(compareCodes)
    .map((dimension) => `${dimension}=${options[dimension] ?? ''}`)
    .join(';');
}

/** Reads a key back into `{ dimension: option }`; `''` gives `{}`. Pairs without '=' are ignored. */
export function parseDisaggKey(key: DisaggKey): Record<string, string> {
  const options: Record<string, string> = {};
  if (key === '') return options;
  for (const pair of key.split(';')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    options[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return options;
}

/** Code-point order, not locale order, so a key is the same on every machine. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CatalogueProblem {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/** Fields an author must give; the rest get defaults from the indicator's kind. */
export type IndicatorDefinition = Pick<Indicator, 'code' | 'name' | 'unit' | 'kind'> & Partial<Omit<Indicator, 'code' | 'name' | 'unit' | 'kind' | 'aggregation'>> & {
  readonly aggregation?: Partial<Indicator['aggregation']>;
};

/** Default aggregation per kind: flows sum over time, stocks keep the last value, derived are recomputed after aggregation. */
export const DEFAULT_AGGREGATION: Readonly<Record<IndicatorKind, Indicator['aggregation']>> = {
  flow: { time: 'sum', org: 'sum' },
  stock: { time: 'last', org: 'sum' },
  derived: { time: 'none', org: 'none' },
};

/** Fills the defaults: aggregation from the kind, valueType 'number', decimals 0, no disaggregations. */
export function defineIndicator(definition: IndicatorDefinition): Indicator {
  const defaults = DEFAULT_AGGREGATION[definition.kind];
  return {
    ...definition,
    valueType: definition.valueType ?? 'number',
    disaggregations: definition.disaggregations ?? [],
    decimals: definition.decimals ?? 0,
    aggregation: { time: definition.aggregation?.time ?? defaults.time, org: definition.aggregation?.org ?? defaults.org },
  };
}

export class Catalogue {
  private readonly indicatorsByCode: ReadonlyMap<string, Indicator>;
  private readonly disaggregationsByCode: ReadonlyMap<string, Disaggregation>;

  private constructor(indicators: readonly Indicator[], disaggregations: readonly Disaggregation[]) {
    this.indicatorsByCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
    this.disaggregationsByCode = new Map(disaggregations.map((disaggregation) => [disaggregation.code, disaggregation]));
  }

  /**
   * Validates and indexes the catalogue. Never throws: every problem is returned. On a
   * duplicate code the first definition wins, so the catalogue stays usable while the
   * author fixes it.
   */
  static build(input: { indicators: readonly Indicator[]; disaggregations: readonly Disaggregation[] }): { catalogue: Catalogue; problems: CatalogueProblem[] } {
    const problems: CatalogueProblem[] = [];
    const disaggregations = firstOfEachCode(input.disaggregations, (code, index) =>
      problems.push({ code: 'duplicate_disaggregation', field: `disaggregations[${index}].code`, message: `Phân tổ "${code}" bị khai báo trùng mã.` }));
    for (const [index, disaggregation] of input.disaggregations.entries()) {
      const seen = new Set<string>();
      for (const option of disaggregation.options) {
        if (seen.has(option.code)) {
          problems.push({ code: 'duplicate_option', field: `disaggregations[${index}].options`, message: `Phân tổ "${disaggregation.code}" có mục "${option.code}" bị trùng mã.` });
        }
        seen.add(option.code);
      }
    }
    const indicators = firstOfEachCode(input.indicators, (code, index) =>
      problems.push({ code: 'duplicate_indicator', field: `indicators[${index}].code`, message: `Chỉ tiêu "${code}" bị khai báo trùng mã.` }));
    const disaggregationCodes = new Set(disaggregations.map((d) => d.code));
    const indicatorByCode = new Map(indicators.map((i) => [i.code, i]));
    const disaggregationByCode = new Map(disaggregations.map((d) => [d.code, d]));
    const lookup = { indicator: (code: string) => indicatorByCode.get(code), disaggregation: (code: string) => disaggregationByCode.get(code) };

    for (const [index, indicator] of input.indicators.entries()) {
      const at = (field: string) => `indicators[${index}].${field}`;
      const name = `Chỉ tiêu "${indicator.code}"`;
      for (const code of indicator.disaggregations) {
        if (!disaggregationCodes.has(code)) {
          problems.push({ code: 'unknown_disaggregation', field: at('disaggregations'), message: `${name} dùng phân tổ "${code}" chưa được khai báo.` });
        }
      }
      if (indicator.kind === 'derived' && !(indicator.expression ?? '').trim()) {
        problems.push({ code: 'missing_expression', field: at('expression'), message: `${name} là chỉ tiêu tính toán nhưng chưa có công thức.` });
      } else if (indicator.kind === 'derived') {
        for (const problem of checkExpression(indicator.expression ?? '', lookup)) {
          problems.push({ code: 'invalid_expression', field: at('expression'), message: `${name}, công thức "${indicator.expression}": ${problem}` });
        }
      }
      if (indicator.accumulates) {
        const flow = indicatorByCode.get(indicator.accumulates);
        if (indicator.kind !== 'stock') {
          problems.push({ code: 'accumulates_not_stock', field: at('accumulates'), message: `${name} không phải chỉ tiêu lũy kế nên không thể cộng dồn chỉ tiêu khác.` });
        }
        if (!flow) {
          problems.push({ code: 'unknown_accumulates', field: at('accumulates'), message: `${name} cộng dồn chỉ tiêu "${indicator.accumulates}" chưa được khai báo.` });
        } else if (flow.kind !== 'flow') {
          problems.push({ code: 'accumulates_not_flow', field: at('accumulates'), message: `${name} cộng dồn chỉ tiêu "${flow.code}" nhưng đó không phải chỉ tiêu phát sinh trong kỳ.` });
        }
      }
      if (indicator.partOf && !indicatorByCode.has(indicator.partOf)) {
        problems.push({ code: 'unknown_part_of', field: at('partOf'), message: `${name} là phần của chỉ tiêu "${indicator.partOf}" chưa được khai báo.` });
      }
      if (indicator.partOf === indicator.code) {
        problems.push({ code: 'part_of_itself', field: at('partOf'), message: `${name} không thể là phần của chính nó.` });
      }
      if (!Number.isInteger(indicator.decimals) || indicator.decimals < 0) {
        problems.push({ code: 'invalid_decimals', field: at('decimals'), message: `${name} có số chữ số thập phân không hợp lệ (${indicator.decimals}); phải là số nguyên không âm.` });
      }
    }
    return { catalogue: new Catalogue(indicators, disaggregations), problems };
  }

  indicator(code: string): Indicator | undefined {
    return this.indicatorsByCode.get(code);
  }

  disaggregation(code: string): Disaggregation | undefined {
    return this.disaggregationsByCode.get(code);
  }

  indicators(): readonly Indicator[] {
    return [...this.indicatorsByCode.values()];
  }

  disaggregations(): readonly Disaggregation[] {
    return [...this.disaggregationsByCode.values()];
  }

  /**
   * Checks that a key names only dimensions/options the indicator has; returns a Vietnamese message or null.
   * A key may name a subset of the indicator's dimensions (a stored subtotal) or none (the total).
   */
  checkDisaggKey(indicatorCode: string, key: DisaggKey): string | null {
    const indicator = this.indicator(indicatorCode);
    if (!indicator) return `Chỉ tiêu "${indicatorCode}" chưa được khai báo.`;
    // Only the canonical spelling may be stored, or one value could hide under two keys.
    if (disaggKey(parseDisaggKey(key)) !== key) {
      return `Khóa phân tổ "${key}" không đúng dạng "phân_tổ=mục;phân_tổ_2=mục_2" (sắp xếp theo mã phân tổ).`;
    }
    for (const [dimension, option] of Object.entries(parseDisaggKey(key))) {
      if (!indicator.disaggregations.includes(dimension)) {
        return `Chỉ tiêu "${indicatorCode}" không có phân tổ "${dimension}".`;
      }
      const disaggregation = this.disaggregation(dimension);
      if (!disaggregation?.options.some((o) => o.code === option)) {
        return `Phân tổ "${dimension}" không có mục "${option}".`;
      }
    }
    return null;
  }
}

/** Keeps the first item of each code, reporting later duplicates. */
function firstOfEachCode<T extends { readonly code: string }>(items: readonly T[], onDuplicate: (code: string, index: number) => void): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const [index, item] of items.entries()) {
    if (seen.has(item.code)) {
      onDuplicate(item.code, index);
      continue;
    }
    seen.add(item.code);
    kept.push(item);
  }
  return kept;
}
