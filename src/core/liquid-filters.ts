// The Liquid language of report templates: indicator drops and Vietnamese filters.
//
// Variables (set up by build-report-model.ts): each indicator by its dotted code
// (`ioffice.docs_issued`) is an IndicatorDrop that prints as its aggregated value and has
//   .gia_tri   the value            .truoc    the previous period's value
//   .thay_doi  current − previous   .luy_ke   year to date (flows summed, stocks last)
//   .ten       the name              .don_vi   the unit
// Filters (all vi-VN, half-up rounding, via format.ts):
//   so              20.601 (the indicator's decimals)     so_2        04 (zero-pad below 10)
//   ti_le: total    77,20% (part / total)                phan_tram   20,48% (a percent value)
//   tang_giam       tăng 105.400 / giảm 3 / không thay đổi; `tang_giam: '%'` → tăng 0,03%
//   theo: 'dim=opt;dim2=opt'   the breakdown, again a drop (so `.thay_doi` etc. still work)
//   hoac_khong      0 → "Không có", else as `so`
//   ngay            ngày 06 tháng 4 năm 2022               ngay_ngan   12/4/2022
// A missing value prints "…" and is reported (never a crash, never a silent 0).
import { Drop, Liquid } from 'liquidjs';
import { formatDateLong, formatDateShort, formatDelta, formatInteger, formatNumber, formatPercent, formatPercentValue, zeroPad2 } from './format.ts';
import type { Indicator } from './indicator.ts';

/** What the drops and filters need from the report being built. */
export interface LiquidEnvironment {
  value(indicator: string, filter: Readonly<Record<string, string>>): number | null;
  previous(indicator: string, filter: Readonly<Record<string, string>>): number | null;
  yearToDate(indicator: string, filter: Readonly<Record<string, string>>): number | null;
  indicator(code: string): Indicator | undefined;
  /** A Vietnamese message when the filter names a dimension/option the indicator lacks. */
  checkFilter(indicator: string, filter: Readonly<Record<string, string>>): string | null;
  /** How a figure reads to users: «name» and its options' names ("«Cơ quan sử dụng iOffice» (Cấp tỉnh)"). */
  describe?(indicator: string, filter: Readonly<Record<string, string>>): string;
  /**
   * Reports a problem met while rendering (missing value, bad argument); `missing` for a
   * value not entered yet, with the breakdown (`filter`) that was asked for.
   */
  report(problem: { message: string; severity: 'error' | 'warning'; indicators?: readonly string[]; missing?: boolean; filter?: Readonly<Record<string, string>> }): void;
}

/** Printed in place of a value that is not there. */
export const MISSING = '…';

export class IndicatorDrop extends Drop {
  constructor(
    private readonly env: LiquidEnvironment,
    readonly code: string,
    readonly filter: Readonly<Record<string, string>>,
  ) {
    super();
  }

  /** How this figure is named in messages: `dvc.dossiers` or `dvc.dossiers[channel=online]`. */
  get label(): string {
    const entries = Object.entries(this.filter);
    return entries.length === 0 ? this.code : `${this.code}[${entries.map(([k, v]) => `${k}=${v}`).join(';')}]`;
  }

  override valueOf(): number | null {
    return this.env.value(this.code, this.filter);
  }

  get gia_tri(): number | null {
    return this.valueOf();
  }

  get truoc(): number | null {
    return this.env.previous(this.code, this.filter);
  }

  get thay_doi(): number | null {
    const current = this.valueOf();
    const previous = this.truoc;
    return current === null || previous === null ? null : current - previous;
  }

  get luy_ke(): number | null {
    return this.env.yearToDate(this.code, this.filter);
  }

  get ten(): string {
    return this.env.indicator(this.code)?.name ?? this.code;
  }

  get don_vi(): string {
    return this.env.indicator(this.code)?.unit ?? '';
  }
}

/** `'channel=online;service_level=l3'` → record; null when a pair is malformed. */
export function parseFilterText(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const pair of text.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(pair);
    if (!match || match[1] === undefined || match[2] === undefined) return null;
    out[match[1]] = match[2];
  }
  return out;
}

/** A number out of what a filter got: a drop, a number, or a numeric string. */
function numberOf(env: LiquidEnvironment, input: unknown, filterName: string): { value: number | null; decimals?: number } {
  if (input instanceof IndicatorDrop) {
    const value = input.valueOf();
    if (value === null) {
      const name = env.describe ? env.describe(input.code, input.filter) : `«${input.label}»`;
      env.report({ message: `chưa có số liệu ${name}`, severity: 'warning', indicators: [input.code], missing: true, filter: input.filter });
    }
    const decimals = env.indicator(input.code)?.decimals;
    return decimals === undefined ? { value } : { value, decimals };
  }
  if (typeof input === 'number' && Number.isFinite(input)) return { value: input };
  if (typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) return { value: Number(input) };
  if (input === null || input === undefined) {
    // A change or a year-to-date figure with nothing to compute from: this period's or the previous one's figure is missing.
    env.report({ message: 'chưa tính được một số liệu so sánh (thiếu số liệu kỳ này hoặc kỳ trước)', severity: 'warning', missing: true });
  } else {
    env.report({ message: `bộ lọc ${filterName} cần một số, nhận được "${String(input)}"`, severity: 'error' });
  }
  return { value: null };
}

function printNumber(value: number, decimals?: number): string {
  if (decimals === 0 || (decimals === undefined && Number.isInteger(value))) return formatInteger(Math.round(value));
  return formatNumber(value, decimals);
}

function isIsoDate(input: unknown): input is string {
  return typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input);
}

/**
 * A Liquid engine for report text: strict (an unknown variable or filter is an error),
 * with no file system (no include/render from disk), and the filters above.
 */
export function createReportLiquid(env: LiquidEnvironment): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // In-memory templates only: a report text can never read a file.
    templates: {},
    // Given, so that Liquid does not build an Intl.DateTimeFormat to find the host's
    // locale (≈15 ms of ICU loading on every command that renders).
    locale: 'vi-VN',
  });

  // Liquid's own date filter reads the host's clock ('now') and formats in the host's
  // time zone: the document would change with the day and the machine it is rendered
  // on, and a kept render (ADR 0022) would stay at the day it was made. Report text
  // writes dates with ngay / ngay_ngan, from the report's own dates.
  liquid.registerFilter('date', () => {
    env.report({ message: 'bộ lọc date không dùng được trong văn bản báo cáo (nó theo đồng hồ và múi giờ của máy chủ): dùng ngay hoặc ngay_ngan với một ngày dạng 2022-04-12', severity: 'error' });
    return MISSING;
  });
  liquid.registerFilter('so', (input: unknown) => {
    const { value, decimals } = numberOf(env, input, 'so');
    return value === null ? MISSING : printNumber(value, decimals);
  });
  liquid.registerFilter('so_2', (input: unknown) => {
    const { value, decimals } = numberOf(env, input, 'so_2');
    if (value === null) return MISSING;
    return Number.isInteger(value) && value >= 0 && value < 10 ? zeroPad2(value) : printNumber(value, decimals);
  });
  liquid.registerFilter('hoac_khong', (input: unknown) => {
    const { value, decimals } = numberOf(env, input, 'hoac_khong');
    if (value === null) return MISSING;
    return value === 0 ? 'Không có' : printNumber(value, decimals);
  });
  liquid.registerFilter('ti_le', (part: unknown, total: unknown) => {
    const p = numberOf(env, part, 'ti_le').value;
    const t = numberOf(env, total, 'ti_le').value;
    if (p === null || t === null) return MISSING;
    const printed = formatPercent(p, t, 2);
    if (printed === null) {
      env.report({ message: 'bộ lọc ti_le: mẫu số bằng 0', severity: 'warning' });
      return MISSING;
    }
    return printed;
  });
  liquid.registerFilter('phan_tram', (input: unknown, decimals?: unknown) => {
    const { value } = numberOf(env, input, 'phan_tram');
    if (value === null) return MISSING;
    return formatPercentValue(value, typeof decimals === 'number' ? decimals : 2);
  });
  liquid.registerFilter('tang_giam', (input: unknown, unit?: unknown) => {
    const { value, decimals } = numberOf(env, input, 'tang_giam');
    if (value === null) return MISSING;
    if (unit === '%') {
      const phrase = formatDelta(value, undefined, 2);
      return phrase === 'không thay đổi' ? phrase : `${phrase}%`;
    }
    return formatDelta(value, typeof unit === 'string' && unit !== '' ? unit : undefined, decimals ?? (Number.isInteger(value) ? 0 : undefined));
  });
  liquid.registerFilter('theo', (input: unknown, filterText: unknown) => {
    if (!(input instanceof IndicatorDrop)) {
      env.report({ message: `bộ lọc theo chỉ dùng sau một chỉ tiêu, nhận được "${String(input)}"`, severity: 'error' });
      return null;
    }
    const parsed = typeof filterText === 'string' ? parseFilterText(filterText) : null;
    if (parsed === null) {
      env.report({ message: `bộ lọc theo: "${String(filterText)}" không đúng dạng 'phân_tổ=lựa_chọn;…'`, severity: 'error', indicators: [input.code] });
      return null;
    }
    const filter = { ...input.filter, ...parsed };
    const problem = env.checkFilter(input.code, filter);
    if (problem !== null) {
      env.report({ message: `bộ lọc theo: ${problem}`, severity: 'error', indicators: [input.code] });
      return null;
    }
    return new IndicatorDrop(env, input.code, filter);
  });
  liquid.registerFilter('ngay', (input: unknown) => {
    if (!isIsoDate(input)) {
      env.report({ message: `bộ lọc ngay cần ngày dạng YYYY-MM-DD, nhận được "${String(input)}"`, severity: 'error' });
      return String(input ?? MISSING);
    }
    return formatDateLong(input);
  });
  liquid.registerFilter('ngay_ngan', (input: unknown) => {
    if (!isIsoDate(input)) {
      env.report({ message: `bộ lọc ngay_ngan cần ngày dạng YYYY-MM-DD, nhận được "${String(input)}"`, severity: 'error' });
      return String(input ?? MISSING);
    }
    return formatDateShort(input);
  });
  return liquid;
}

/**
 * The nested scope `{ ioffice: { docs_issued: drop } }` for dotted indicator codes.
 * Liquid literals (`empty`, `blank`, `nil`, `null`, `true`, `false`) win over variables,
 * so an indicator code must not start with one of them.
 */
export function indicatorScope(env: LiquidEnvironment, codes: readonly string[]): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const code of codes) {
    const parts = code.split('.');
    let node: Record<string, unknown> = scope;
    let blocked = false;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (next === undefined) node = (node[part] = {}) as Record<string, unknown>;
      else if (next instanceof IndicatorDrop || typeof next !== 'object' || next === null) {
        // `a` is an indicator and `a.b` another: the first keeps the name.
        blocked = true;
        break;
      } else node = next as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    if (!blocked && last !== undefined && node[last] === undefined) node[last] = new IndicatorDrop(env, code, {});
  }
  return scope;
}
