// Indicator catalogue (chỉ tiêu) and disaggregations (phân tổ).
import { checkExpression } from './check-expression.ts';
import { isIntegerType } from './value-type.ts';
import type { ValueType } from './value-type.ts';
import type { Dhis2Ids } from './dhis2-ids.ts';

export type { ValueType } from './value-type.ts';

export type IndicatorKind = 'flow' | 'stock' | 'derived';
/** Over time: flow sums, stock takes the last value, average for rates entered per period. */
export type TimeAggregation = 'sum' | 'last' | 'average' | 'none';
/** Over the org tree. */
export type OrgAggregation = 'sum' | 'average' | 'none';

export interface DisaggregationOption extends Dhis2Ids {
  readonly code: string;
  readonly name: string;
}

/**
 * A dimension such as kênh (channel: direct/online) or cấp (level: province/district/commune).
 * DHIS2 calls it a category; used as an indicator's attribute (DHIS2's attribute
 * category, such as a funding mechanism) it splits values by who reports them.
 */
export interface Disaggregation extends Dhis2Ids {
  readonly code: string;
  readonly name: string;
  readonly options: readonly DisaggregationOption[];
}

/**
 * A DHIS2 category option combination: one option of each dimension of a combination,
 * known in DHIS2 by uid, code and name. Files name disaggregations and attributes of
 * values by these; baocao stores the options themselves (a DisaggKey).
 */
export interface OptionCombo {
  readonly uid: string;
  readonly code?: string | null;
  readonly name: string;
  /** `{ dimension: option }`; `{}` is DHIS2's default combination (the total). */
  readonly options: Readonly<Record<string, string>>;
}

export interface Indicator extends Dhis2Ids {
  readonly code: string;
  readonly name: string;
  /** Unit of measure as printed: văn bản, hồ sơ, lượt, người, %. */
  readonly unit: string;
  readonly kind: IndicatorKind;
  readonly valueType: ValueType;
  /** Codes of the disaggregations values are broken down by (a full combination per stored value). */
  readonly disaggregations: readonly string[];
  /**
   * Codes of the attribute dimensions (DHIS2's attribute categories: who or what a value
   * is reported for, such as a funding mechanism). Values of different attribute options
   * are stored apart and summed when aggregated.
   */
  readonly attributes?: readonly string[];
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

/** Fills the defaults: aggregation from the kind, valueType NUMBER, decimals 0, no disaggregations. */
export function defineIndicator(definition: IndicatorDefinition): Indicator {
  const defaults = DEFAULT_AGGREGATION[definition.kind];
  return {
    ...definition,
    valueType: definition.valueType ?? 'NUMBER',
    disaggregations: definition.disaggregations ?? [],
    decimals: definition.decimals ?? 0,
    aggregation: { time: definition.aggregation?.time ?? defaults.time, org: definition.aggregation?.org ?? defaults.org },
  };
}

export class Catalogue {
  private readonly indicatorsByCode: ReadonlyMap<string, Indicator>;
  private readonly disaggregationsByCode: ReadonlyMap<string, Disaggregation>;

  private readonly combos: readonly OptionCombo[];

  private constructor(indicators: readonly Indicator[], disaggregations: readonly Disaggregation[], optionCombos: readonly OptionCombo[]) {
    this.indicatorsByCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
    this.disaggregationsByCode = new Map(disaggregations.map((disaggregation) => [disaggregation.code, disaggregation]));
    this.combos = optionCombos;
  }

  /**
   * Validates and indexes the catalogue. Never throws: every problem is returned. On a
   * duplicate code the first definition wins, so the catalogue stays usable while the
   * author fixes it.
   */
  static build(input: { indicators: readonly Indicator[]; disaggregations: readonly Disaggregation[]; optionCombos?: readonly OptionCombo[] }): { catalogue: Catalogue; problems: CatalogueProblem[] } {
    const problems: CatalogueProblem[] = [];
    const disaggregations = firstOfEachCode(input.disaggregations, (code, index) =>
      problems.push({ code: 'duplicate_disaggregation', field: `disaggregations[${index}].code`, message: `Phân tổ "${code}" bị khai báo trùng mã.` }));
    for (const [index, disaggregation] of input.disaggregations.entries()) {
      // ADX writes a dimension as an XML attribute named by its code: it must be an XML name.
      for (const [field, name] of [['code', disaggregation.code], ['dhis2Code', disaggregation.dhis2Code]] as const) {
        if (name && !isXmlName(name)) {
          problems.push({ code: 'invalid_xml_name', field: `disaggregations[${index}].${field}`, message: `Mã phân tổ "${name}" không dùng được làm tên thuộc tính XML trong tệp ADX: chỉ gồm chữ, số, "_", "-", ".", bắt đầu bằng chữ hoặc "_", không có dấu cách hay ":".` });
        }
      }
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
      for (const code of indicator.attributes ?? []) {
        if (!disaggregationCodes.has(code)) {
          problems.push({ code: 'unknown_disaggregation', field: at('attributes'), message: `${name} dùng phân tổ thuộc tính "${code}" chưa được khai báo.` });
        } else if (indicator.disaggregations.includes(code)) {
          problems.push({ code: 'attribute_is_disaggregation', field: at('attributes'), message: `${name} dùng "${code}" vừa làm phân tổ vừa làm phân tổ thuộc tính.` });
        }
      }
      if (indicator.kind === 'derived' && (indicator.attributes ?? []).length > 0) {
        problems.push({ code: 'derived_attributes', field: at('attributes'), message: `${name} là chỉ tiêu tính toán nên không có phân tổ thuộc tính.` });
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
    const combos: OptionCombo[] = [];
    const comboUids = new Set<string>();
    for (const [index, combo] of (input.optionCombos ?? []).entries()) {
      if (comboUids.has(combo.uid)) {
        problems.push({ code: 'duplicate_option_combo', field: `optionCombos[${index}].uid`, message: `Tổ hợp phân tổ uid "${combo.uid}" bị khai báo trùng.` });
        continue;
      }
      comboUids.add(combo.uid);
      combos.push(combo);
      for (const [dimension, option] of Object.entries(combo.options)) {
        const disaggregation = disaggregationByCode.get(dimension);
        if (!disaggregation) problems.push({ code: 'unknown_disaggregation', field: `optionCombos[${index}].options`, message: `Tổ hợp phân tổ "${combo.name}" (${combo.uid}) dùng phân tổ "${dimension}" chưa được khai báo.` });
        else if (!disaggregation.options.some((o) => o.code === option)) problems.push({ code: 'unknown_option', field: `optionCombos[${index}].options`, message: `Tổ hợp phân tổ "${combo.name}" (${combo.uid}): phân tổ "${dimension}" không có mục "${option}".` });
      }
    }
    return { catalogue: new Catalogue(indicators, disaggregations, combos), problems };
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

  /** DHIS2 category option combinations known to the catalogue, in the order declared. */
  optionCombos(): readonly OptionCombo[] {
    return this.combos;
  }

  /**
   * Checks an attribute key (DHIS2's attribute option combination) the way checkDisaggKey
   * checks a disaggregation key, against the indicator's attribute dimensions.
   */
  checkAttrKey(indicatorCode: string, key: DisaggKey): string | null {
    const indicator = this.indicator(indicatorCode);
    if (!indicator) return `Chỉ tiêu "${indicatorCode}" chưa được khai báo.`;
    if (disaggKey(parseDisaggKey(key)) !== key) {
      return `Khóa phân tổ thuộc tính "${key}" không đúng dạng "phân_tổ=mục;phân_tổ_2=mục_2" (sắp xếp theo mã phân tổ).`;
    }
    const attributes = indicator.attributes ?? [];
    for (const [dimension, option] of Object.entries(parseDisaggKey(key))) {
      if (!attributes.includes(dimension)) {
        return attributes.length === 0
          ? `Chỉ tiêu "${indicatorCode}" không có phân tổ thuộc tính (attributeOptionCombo), nhưng số liệu ghi "${dimension}=${option}".`
          : `Chỉ tiêu "${indicatorCode}" không có phân tổ thuộc tính "${dimension}" (có: ${attributes.join(', ')}).`;
      }
      const disaggregation = this.disaggregation(dimension);
      if (!disaggregation?.options.some((o) => o.code === option)) {
        return `Phân tổ "${dimension}" không có mục "${option}".`;
      }
    }
    return null;
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

/** An XML name without a namespace prefix (NCName): ADX writes dimension codes as attribute names. */
export function isXmlName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]*$/u.test(name);
}

/** Decimals to print by default: none for whole numbers, two otherwise. */
export function defaultDecimals(valueType: ValueType): number {
  return isIntegerType(valueType) ? 0 : 2;
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
