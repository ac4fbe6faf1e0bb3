// Aggregation over the org tree and over periods, following each indicator's rules.
//
// Order of work for value({indicator, filter}, period, orgUnit):
//   1. per stored cell (one unit, one period): pick the disaggregation the filter asks for;
//   2. per unit: the value stored at the period itself, else the stored values of shorter
//      periods that count towards it (months of a quarter, quarters of a year, weeks of a
//      month by the day that holds most of the week, days), longest first and never two
//      covering the same days, combined by the indicator's time rule (flow sum, stock
//      last available, average); values of different attribute options are summed, unless
//      the filter names an attribute option;
//   3. over the unit's subtree: combine the units by the org rule (sum, average).
// Derived indicators evaluate their expression with this Aggregator as the source, so
// a ratio is a ratio of aggregated sums, never an average of ratios.
//
// Filter conventions (a ValueSource filter, as written in `#{code:dim=opt}`):
//   {}              the total: the stored total ('' key) if present, else the sum of the parts
//   {dim: 'opt'}    the stored subtotal for dim=opt if present, else the parts with dim=opt
//   {dim: '*'}      the sum of the stored parts over dim, ignoring a stored total
//   {_paired: dim}  reserved: only cells holding BOTH a stored total and stored parts over
//                   dim; with no other filter it reads the stored total, with {dim: '*'}
//                   the parts. Implied rule "parts sum to the total" compares the two, so
//                   a unit that stored only a total (or only parts) never counts against
//                   another unit's parts (or total) once they are summed up the tree.
// Dimension codes beginning with '_' are reserved for such conventions.
import { evaluate, parseExpression } from './expression/index.ts';
import type { Expr, ValueSource } from './expression/index.ts';
import { disaggKey, parseDisaggKey } from './indicator.ts';
import type { Catalogue, DisaggKey, Indicator, OrgAggregation, TimeAggregation } from './indicator.ts';
import type { DataValue } from './data-value.ts';
import type { OrgTree } from './org-unit.ts';
import { countingDay, formatPeriod, isMonthAligned, offsetPeriod, periodDays, periodEnd, periodStart, tryParsePeriod } from './period.ts';
import type { IsoDate, Period } from './period.ts';

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

type Filter = Readonly<Record<string, string>>;
/** One unit, one period, one attribute option: value by disaggregation key. */
type Cell = Map<DisaggKey, number>;
/** One unit, one period: cells by attribute key ('' when the indicator has no attributes). */
type Slot = Map<DisaggKey, Cell>;

/** A stored period of one unit, with the days it spans and the days by which it counts towards longer ones. */
interface StoredPeriod {
  readonly code: string;
  readonly monthAligned: boolean;
  readonly days: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** A week counts by its middle day (see periodCountsTowards); other periods by their whole span. */
  readonly countFrom: IsoDate;
  readonly countTo: IsoDate;
}

function storedPeriod(code: string, period: Period): StoredPeriod {
  const start = periodStart(period);
  const end = periodEnd(period);
  const days = periodDays(period);
  const middle = countingDay(period);
  return { code, monthAligned: isMonthAligned(period.type), days, start, end, countFrom: middle ?? start, countTo: middle ?? end };
}

/** Two stored periods that would count the same days twice. */
function overlaps(a: StoredPeriod, b: StoredPeriod): boolean {
  // Against a month-aligned period a week is placed by its counting day; days and weeks by their dates.
  const [aFrom, aTo, bFrom, bTo] = a.monthAligned || b.monthAligned ? [a.countFrom, a.countTo, b.countFrom, b.countTo] : [a.start, a.end, b.start, b.end];
  return aFrom <= bTo && bFrom <= aTo;
}

/** Reserved filter dimension, see the header comment. */
export const PAIRED_FILTER = '_paired';

/** Aggregates over subtree and months; derived indicators are computed after aggregation (a ratio of sums). */
export class Aggregator implements ValueSource {
  private readonly catalogue: Catalogue;
  private readonly tree: OrgTree;
  /** indicator → org unit → canonical period code → slot. */
  private readonly index = new Map<string, Map<string, Map<string, Slot>>>();
  /** The stored periods of one unit's values of one indicator, parsed once. */
  private readonly storedPeriods = new WeakMap<Map<string, Slot>, readonly StoredPeriod[]>();
  private readonly parsedKeys = new Map<DisaggKey, Record<string, string>>();
  private readonly subtrees = new Map<string, readonly string[]>();
  private readonly expressions = new Map<string, Expr | null>();
  /** Derived indicators being evaluated: a cycle in their expressions yields null, not a stack overflow. */
  private readonly evaluating = new Set<string>();

  constructor(input: AggregationInput) {
    this.catalogue = input.catalogue;
    this.tree = input.tree;
    const periodCodes = new Map<string, string | null>();
    for (const stored of input.values) {
      // Text and date values have no number to aggregate.
      if (stored.value === null || !Number.isFinite(stored.value)) continue;
      // Accept '202204' as well as '2022-04' so one month never hides under two codes.
      let period = periodCodes.get(stored.period);
      if (period === undefined) {
        const parsed = tryParsePeriod(stored.period);
        period = parsed.ok ? formatPeriod(parsed.period) : null;
        periodCodes.set(stored.period, period);
      }
      if (period === null) continue;
      let byUnit = this.index.get(stored.indicator);
      if (!byUnit) this.index.set(stored.indicator, (byUnit = new Map()));
      let byPeriod = byUnit.get(stored.orgUnit);
      if (!byPeriod) byUnit.set(stored.orgUnit, (byPeriod = new Map()));
      let slot = byPeriod.get(period);
      if (!slot) byPeriod.set(period, (slot = new Map()));
      const attr = stored.attr ?? '';
      let cell = slot.get(attr);
      if (!cell) slot.set(attr, (cell = new Map()));
      cell.set(stored.disagg, stored.value);
    }
  }

  value(ref: { readonly indicator: string; readonly filter: Filter }, period: Period, orgUnit: string): number | null {
    return this.aggregate(ref.indicator, ref.filter, [period], orgUnit);
  }

  explain(indicator: string, period: Period, orgUnit: string, filter: Filter = {}): Explanation {
    const definition = this.catalogue.indicator(indicator);
    const expr = definition ? this.expressionOf(definition) : null;
    if (definition?.kind === 'derived' && expr) {
      const result = this.evaluateDerived(definition, expr, this, period, orgUnit);
      return {
        indicator,
        value: result?.value ?? null,
        parts: (result?.parts ?? []).map((part) => ({ indicator: part.ref.indicator, filter: part.ref.filter, period: formatPeriod(part.period), value: part.value })),
      };
    }
    // A stored indicator: its value and the breakdown by each option of each dimension.
    const parts: Explanation['parts'][number][] = [];
    for (const dimension of [...(definition?.disaggregations ?? []), ...(definition?.attributes ?? [])]) {
      if (Object.hasOwn(filter, dimension)) continue;
      for (const option of this.catalogue.disaggregation(dimension)?.options ?? []) {
        const partFilter = { ...filter, [dimension]: option.code };
        const value = this.value({ indicator, filter: partFilter }, period, orgUnit);
        if (value !== null) parts.push({ indicator, filter: partFilter, period: formatPeriod(period), value });
      }
    }
    return { indicator, value: this.value({ indicator, filter }, period, orgUnit), parts };
  }

  /**
   * A value restricted to a slice. For a stored indicator the filter picks its options;
   * for a derived one it applies to every part of the expression that has the
   * dimension (the online share among provincial-level dossiers), so a ratio stays a
   * ratio of sliced sums instead of an average of ratios.
   */
  sliceValue(indicator: string, period: Period, orgUnit: string, filter: Filter): number | null {
    const definition = this.catalogue.indicator(indicator);
    if (definition?.kind !== 'derived') return this.value({ indicator, filter }, period, orgUnit);
    const expr = this.expressionOf(definition);
    if (!expr) return null;
    const source: ValueSource = {
      value: (ref, at, unit) => {
        const part = this.catalogue.indicator(ref.indicator);
        const own = [...(part?.disaggregations ?? []), ...(part?.attributes ?? [])];
        const added = Object.entries(filter).filter(([dimension]) => own.includes(dimension) && !Object.hasOwn(ref.filter, dimension));
        return this.value({ indicator: ref.indicator, filter: { ...ref.filter, ...Object.fromEntries(added) } }, at, unit);
      },
    };
    return this.evaluateDerived(definition, expr, source, period, orgUnit)?.value ?? null;
  }

  /** Month-over-month by default (offset -1); same month last year with offset -12. */
  change(indicator: string, period: Period, orgUnit: string, offset = -1, filter: Filter = {}): Change {
    const current = this.value({ indicator, filter }, period, orgUnit);
    const previous = this.value({ indicator, filter }, offsetPeriod(period, offset), orgUnit);
    return { current, previous, delta: current === null || previous === null ? null : current - previous };
  }

  /**
   * Cumulative from January for flows; the last value for stocks. A quarter's or
   * half's year-to-date runs from the first one of the year (Q1..Q3 for Q3); a
   * derived indicator is its expression over the year-to-date values.
   */
  yearToDate(indicator: string, period: Period, orgUnit: string, filter: Filter = {}): number | null {
    const periods = Array.from({ length: period.index }, (_, i) => ({ type: period.type, year: period.year, index: i + 1 }));
    return this.aggregate(indicator, filter, periods, orgUnit, (ref, p, unit) => this.yearToDate(ref.indicator, p, unit, ref.filter));
  }

  /**
   * The indicator over `periods` (combined by its time rule) at `orgUnit`'s subtree.
   * `derivedSource` is what a derived indicator's references read (the plain value by default).
   */
  private aggregate(indicator: string, filter: Filter, periods: readonly Period[], orgUnit: string, derivedSource?: ValueSource['value']): number | null {
    const definition = this.catalogue.indicator(indicator);
    if (definition?.kind === 'derived') {
      const expr = this.expressionOf(definition);
      const last = periods[periods.length - 1];
      if (!expr || !last) return null;
      // A derived indicator is computed from its parts; a filter on it has no stored meaning.
      const source: ValueSource = derivedSource ? { value: derivedSource } : this;
      return this.evaluateDerived(definition, expr, source, last, orgUnit)?.value ?? null;
    }
    const byUnit = this.index.get(indicator);
    if (!byUnit) return null;
    const time = definition?.aggregation.time ?? 'sum';
    const org = definition?.aggregation.org ?? 'sum';
    const units = org === 'none' ? [orgUnit] : this.subtreeCodes(orgUnit);
    const unitValues: number[] = [];
    for (const unit of units) {
      const byPeriod = byUnit.get(unit);
      if (!byPeriod) continue;
      const value = combine(time, periods.map((period) => this.unitValue(byPeriod, filter, period, time, definition)));
      if (value !== null) unitValues.push(value);
    }
    return combineOrg(org, unitValues);
  }

  /**
   * One unit at one period: the value stored at the period itself, else the values of the
   * shorter stored periods that count towards it, longest first, none counted twice,
   * combined in date order by the time rule.
   */
  private unitValue(byPeriod: Map<string, Slot>, filter: Filter, period: Period, time: TimeAggregation, definition: Indicator | undefined): number | null {
    const code = formatPeriod(period);
    const direct = byPeriod.get(code);
    const directValue = direct ? this.readSlot(direct, filter, definition) : null;
    if (directValue !== null || time === 'none') return directValue;
    const stored = this.storedPeriodsOf(byPeriod);
    if (stored.length === 0 || (stored.length === 1 && direct)) return null;
    const target = storedPeriod(code, period);
    const parts: { readonly at: StoredPeriod; readonly value: number }[] = [];
    for (const candidate of stored) {
      if (candidate.days >= target.days || candidate.countFrom < target.start || candidate.countTo > target.end) continue;
      const slot = byPeriod.get(candidate.code);
      const value = slot ? this.readSlot(slot, filter, definition) : null;
      if (value !== null) parts.push({ at: candidate, value });
    }
    if (parts.length === 0) return null;
    parts.sort((a, b) => b.at.days - a.at.days || (a.at.start < b.at.start ? -1 : a.at.start > b.at.start ? 1 : 0));
    const chosen: typeof parts = [];
    for (const part of parts) if (!chosen.some((taken) => overlaps(taken.at, part.at))) chosen.push(part);
    chosen.sort((a, b) => (a.at.start < b.at.start ? -1 : a.at.start > b.at.start ? 1 : 0));
    return combine(time, chosen.map((part) => part.value));
  }

  private storedPeriodsOf(byPeriod: Map<string, Slot>): readonly StoredPeriod[] {
    let stored = this.storedPeriods.get(byPeriod);
    if (!stored) {
      stored = [...byPeriod.keys()].flatMap((code) => {
        const parsed = tryParsePeriod(code);
        return parsed.ok ? [storedPeriod(code, parsed.period)] : [];
      });
      this.storedPeriods.set(byPeriod, stored);
    }
    return stored;
  }

  /**
   * One unit at one period: the filter's disaggregation in each attribute option's cell,
   * summed over the attribute options the filter allows (all when it names none).
   */
  private readSlot(slot: Slot, filter: Filter, definition: Indicator | undefined): number | null {
    const attributes = definition?.attributes ?? [];
    if (attributes.length === 0 || !Object.keys(filter).some((dimension) => attributes.includes(dimension))) {
      if (slot.size === 1) {
        // The usual case: no attribute options, one cell under ''.
        const only = slot.get('') ?? slot.values().next().value;
        return only ? this.readCell(only, filter) : null;
      }
      return this.sumCells(slot, filter, {});
    }
    const attributeFilter: Record<string, string> = {};
    const rest: Record<string, string> = {};
    for (const [dimension, option] of Object.entries(filter)) {
      if (attributes.includes(dimension)) attributeFilter[dimension] = option;
      else rest[dimension] = option;
    }
    return this.sumCells(slot, rest, attributeFilter);
  }

  private sumCells(slot: Slot, filter: Filter, attributeFilter: Filter): number | null {
    let sum: number | null = null;
    const wanted = Object.entries(attributeFilter);
    for (const [attr, cell] of slot) {
      if (wanted.length > 0) {
        const options = this.parse(attr);
        if (!wanted.every(([dimension, option]) => (option === '*' ? Object.hasOwn(options, dimension) : options[dimension] === option))) continue;
      }
      const value = this.readCell(cell, filter);
      if (value !== null) sum = (sum ?? 0) + value;
    }
    return sum;
  }

  /** Picks the disaggregation a filter asks for in one cell (see the header comment). */
  private readCell(cell: Cell, filter: Filter): number | null {
    let wanted = filter;
    const paired = filter[PAIRED_FILTER];
    if (paired !== undefined) {
      const hasParts = [...cell.keys()].some((key) => key !== '' && Object.hasOwn(this.parse(key), paired));
      if (!cell.has('') || !hasParts) return null;
      const { [PAIRED_FILTER]: _ignored, ...rest } = filter;
      if (Object.keys(rest).length === 0) return cell.get('') ?? null;
      wanted = rest;
    }
    const dims = Object.keys(wanted);
    if (dims.every((dim) => wanted[dim] !== '*')) {
      const exact = cell.get(disaggKey(wanted));
      if (exact !== undefined) return exact;
    }
    // Sum the matching parts; when a cell holds subtotals and finer combinations, only
    // the finest are summed so nothing is counted twice.
    let finest = 0;
    let sum: number | null = null;
    for (const [key, value] of cell) {
      if (key === '') continue;
      const options = this.parse(key);
      if (!dims.every((dim) => (wanted[dim] === '*' ? Object.hasOwn(options, dim) : options[dim] === wanted[dim]))) continue;
      const size = Object.keys(options).length;
      if (size > finest) {
        finest = size;
        sum = value;
      } else if (size === finest) {
        sum = (sum ?? 0) + value;
      }
    }
    return sum;
  }

  private evaluateDerived(definition: Indicator, expr: Expr, source: ValueSource, period: Period, orgUnit: string) {
    const key = `${definition.code}\u0000${formatPeriod(period)}\u0000${orgUnit}`;
    if (this.evaluating.has(key)) return null;
    this.evaluating.add(key);
    try {
      return evaluate(expr, { source, period, orgUnit });
    } finally {
      this.evaluating.delete(key);
    }
  }

  private expressionOf(definition: Indicator): Expr | null {
    let expr = this.expressions.get(definition.code);
    if (expr === undefined) {
      const parsed = parseExpression(definition.expression ?? '');
      expr = parsed.ok ? parsed.expr : null;
      this.expressions.set(definition.code, expr);
    }
    return expr;
  }

  private subtreeCodes(orgUnit: string): readonly string[] {
    let codes = this.subtrees.get(orgUnit);
    if (!codes) {
      const subtree = this.tree.subtree(orgUnit).map((unit) => unit.code);
      // A unit missing from the tree still answers for the values stored on it.
      codes = subtree.length > 0 ? subtree : [orgUnit];
      this.subtrees.set(orgUnit, codes);
    }
    return codes;
  }

  private parse(key: DisaggKey): Record<string, string> {
    let options = this.parsedKeys.get(key);
    if (!options) this.parsedKeys.set(key, (options = parseDisaggKey(key)));
    return options;
  }
}

/** Combines one unit's values over periods, in period order; missing ones are left out. */
function combine(rule: TimeAggregation, values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return null;
  switch (rule) {
    case 'sum':
      return present.reduce((total, value) => total + value, 0);
    case 'last':
      return present[present.length - 1] ?? null;
    case 'average':
      return present.reduce((total, value) => total + value, 0) / present.length;
    case 'none':
      // No rule to combine periods: only a single period has a value.
      return values.length === 1 ? (values[0] ?? null) : null;
  }
}

function combineOrg(rule: OrgAggregation, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const total = values.reduce((sum, value) => sum + value, 0);
  return rule === 'average' ? total / values.length : total;
}
