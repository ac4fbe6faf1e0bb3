// DHIS2 identifiers of baocao's objects, and how a file's identifiers are read and
// written under DHIS2's id schemes (idScheme, dataElementIdScheme, orgUnitIdScheme,
// categoryOptionComboIdScheme, categoryIdScheme, categoryOptionIdScheme).
//
// Reading is lenient where that cannot be wrong: under UID an identifier is looked up as
// a uid, then as our code; under CODE as DHIS2's code (ours when none is recorded); under
// NAME as the name, refused when two objects share it. A disaggregation may also be
// written as our own key (`channel=online;level=4`), and the total as `default`, empty,
// or DHIS2's default combination uid. Writing uses the scheme's identifier when the
// object has one, else our code, so a file always names something.
import { disaggKey, parseDisaggKey } from './indicator.ts';
import type { Catalogue, DisaggKey, Disaggregation, Indicator, OptionCombo } from './indicator.ts';
import type { OrgUnit } from './org-unit.ts';

/**
 * Identifiers of the same object in a DHIS2 instance, for exchanging files with it: its
 * 11-character `uid` and its `code` there when it differs from ours. Both optional.
 */
export interface Dhis2Ids {
  readonly uid?: string | null;
  readonly dhis2Code?: string | null;
}

export const ID_SCHEMES = ['UID', 'CODE', 'NAME'] as const;
export type IdScheme = (typeof ID_SCHEMES)[number];

/** DHIS2's id scheme parameters; a specific one wins over `idScheme`. */
export interface IdSchemes {
  readonly idScheme?: IdScheme;
  readonly dataElementIdScheme?: IdScheme;
  readonly orgUnitIdScheme?: IdScheme;
  readonly categoryOptionComboIdScheme?: IdScheme;
  readonly dataSetIdScheme?: IdScheme;
  /** ADX only: how dimensions (attribute names) and their options (attribute values) are named. */
  readonly categoryIdScheme?: IdScheme;
  readonly categoryOptionIdScheme?: IdScheme;
}

export const ID_SCHEME_PARAMETERS = [
  'idScheme', 'dataElementIdScheme', 'orgUnitIdScheme', 'categoryOptionComboIdScheme', 'dataSetIdScheme', 'categoryIdScheme', 'categoryOptionIdScheme',
] as const satisfies readonly (keyof IdSchemes)[];

/** DHIS2's default combination of no options: the total. */
export const DEFAULT_COMBO_UID = 'HllvX50cXC0';

/** Reads `uid`, `Code`, `NAME`…; `attribute:X` and anything else is a Vietnamese problem. */
export function toIdScheme(text: string): { ok: true; scheme: IdScheme } | { ok: false; problem: string } {
  const upper = text.trim().toUpperCase();
  if ((ID_SCHEMES as readonly string[]).includes(upper)) return { ok: true, scheme: upper as IdScheme };
  const why = upper.startsWith('ATTRIBUTE:') ? 'baocao không lưu thuộc tính (attribute) của DHIS2' : 'chỉ nhận UID, CODE hoặc NAME';
  return { ok: false, problem: `Kiểu mã "${text}" không dùng được: ${why}.` };
}

/** The scheme for one kind of identifier: the specific one, else idScheme, else the format's default. */
export function schemeFor(schemes: IdSchemes, specific: keyof IdSchemes, fallback: IdScheme): IdScheme {
  return schemes[specific] ?? schemes.idScheme ?? fallback;
}

/**
 * Schemes written in the file win over those given with the request (query, command
 * line), as DHIS2 does; then a specific scheme wins over the general idScheme.
 */
export function mergeIdSchemes(fromFile: IdSchemes | undefined, fromRequest: IdSchemes | undefined): IdSchemes {
  const merged: Partial<Record<keyof IdSchemes, IdScheme>> = {};
  for (const key of ID_SCHEME_PARAMETERS) {
    const value = fromFile?.[key] ?? fromRequest?.[key];
    if (value) merged[key] = value;
  }
  return merged;
}

type Found<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

interface Named extends Dhis2Ids {
  readonly code: string;
  readonly name: string;
}

/** Lookups of one kind of object by uid, DHIS2 code, our code and name. */
class Index<T extends Named> {
  private readonly byUid = new Map<string, T>();
  private readonly byDhis2Code = new Map<string, T>();
  private readonly byCode = new Map<string, T>();
  private readonly byName = new Map<string, T[]>();
  private readonly items: readonly T[];

  constructor(items: Iterable<T>) {
    this.items = [...items];
    for (const item of this.items) {
      this.byCode.set(item.code, item);
      if (item.uid) this.byUid.set(item.uid, item);
      this.byDhis2Code.set(item.dhis2Code ?? item.code, item);
      const named = this.byName.get(item.name);
      if (named) named.push(item);
      else this.byName.set(item.name, [item]);
    }
  }

  all(): readonly T[] {
    return this.items;
  }

  find(id: string, scheme: IdScheme, what: string): Found<T> {
    if (scheme === 'NAME') {
      const named = this.byName.get(id) ?? [];
      if (named.length === 1 && named[0]) return { ok: true, value: named[0] };
      if (named.length > 1) return { ok: false, problem: `Có ${named.length} ${what} cùng tên "${id}" (${named.map((n) => n.code).join(', ')}); hãy dùng mã (idScheme=CODE hoặc UID).` };
    } else {
      const found = (scheme === 'UID' ? this.byUid.get(id) : this.byDhis2Code.get(id)) ?? this.byCode.get(id);
      if (found) return { ok: true, value: found };
    }
    const how = scheme === 'UID' ? 'uid hoặc mã' : scheme === 'CODE' ? 'mã' : 'tên';
    return { ok: false, problem: `${what.charAt(0).toUpperCase()}${what.slice(1)} "${id}" chưa được khai báo (không có ${what} nào có ${how} này).` };
  }
}

/** How the exported file names things. */
export interface IdWriter {
  indicator(code: string): string;
  orgUnit(code: string): string;
  /** A disaggregation or attribute key as a category option combination. */
  combo(key: DisaggKey): string;
  /** ADX: a dimension as an attribute name, and one of its options as the attribute value. */
  dimension(code: string): string;
  option(dimension: string, option: string): string;
}

/**
 * Reads a file's identifiers into baocao's codes and keys, and writes them back out. Built
 * once per import or export from the catalogue and the org units.
 */
export class Dhis2Identifiers {
  private readonly indicators: Index<Indicator>;
  private readonly orgUnits: Index<OrgUnit>;
  private readonly dimensions: Index<Disaggregation>;
  private readonly optionIndexes = new Map<string, Index<Named>>();
  private readonly combosByUid = new Map<string, OptionCombo>();
  private readonly combosByCode = new Map<string, OptionCombo>();
  private readonly combosByName = new Map<string, OptionCombo[]>();
  private readonly combosByKey = new Map<DisaggKey, OptionCombo>();

  constructor(private readonly catalogue: Catalogue, orgUnits: readonly OrgUnit[]) {
    this.indicators = new Index(catalogue.indicators());
    this.orgUnits = new Index(orgUnits);
    this.dimensions = new Index(catalogue.disaggregations());
    for (const dimension of catalogue.disaggregations()) this.optionIndexes.set(dimension.code, new Index(dimension.options));
    for (const combo of catalogue.optionCombos()) {
      this.combosByUid.set(combo.uid, combo);
      if (combo.code) this.combosByCode.set(combo.code, combo);
      const named = this.combosByName.get(combo.name);
      if (named) named.push(combo);
      else this.combosByName.set(combo.name, [combo]);
      const key = disaggKey(combo.options);
      if (!this.combosByKey.has(key)) this.combosByKey.set(key, combo);
    }
  }

  indicator(id: string, scheme: IdScheme): Found<Indicator> {
    return this.indicators.find(id, scheme, 'chỉ tiêu');
  }

  orgUnit(id: string, scheme: IdScheme): Found<OrgUnit> {
    return this.orgUnits.find(id, scheme, 'đơn vị');
  }

  /**
   * A category or attribute option combination as written in a file: `default`, empty or
   * DHIS2's default uid for the total; a combination's uid, code or name; our own key.
   */
  combo(id: string, scheme: IdScheme): Found<DisaggKey> {
    const text = id.trim();
    if (text === '' || text.toLowerCase() === 'default' || text === DEFAULT_COMBO_UID) return { ok: true, value: '' };
    let combo: OptionCombo | undefined;
    if (scheme === 'UID') combo = this.combosByUid.get(text) ?? this.combosByCode.get(text);
    else if (scheme === 'CODE') combo = this.combosByCode.get(text);
    else {
      const named = this.combosByName.get(text) ?? [];
      if (named.length > 1) return { ok: false, problem: `Có ${named.length} tổ hợp phân tổ cùng tên "${text}"; hãy dùng uid hoặc mã.` };
      combo = named[0];
    }
    if (combo) return { ok: true, value: disaggKey(combo.options) };
    if (text.includes('=')) {
      const pairs = text.split(';');
      if (pairs.some((pair) => pair.indexOf('=') <= 0)) return { ok: false, problem: `Phân tổ "${text}" không đúng dạng "phân_tổ=mục;phân_tổ_2=mục_2" (hoặc "default" cho tổng số).` };
      // Accept the pairs in any order; store the canonical spelling.
      return { ok: true, value: disaggKey(parseDisaggKey(text)) };
    }
    const how = scheme === 'UID' ? 'uid' : scheme === 'CODE' ? 'mã' : 'tên';
    return { ok: false, problem: `Không có tổ hợp phân tổ (category option combo) nào có ${how} "${text}"; khai báo nó trong danh mục (optionCombos) hoặc viết dạng "phân_tổ=mục".` };
  }

  /** ADX's exploded form: `{ category: option }` as written, to our key. */
  options(written: Readonly<Record<string, string>>, categoryScheme: IdScheme, optionScheme: IdScheme): Found<DisaggKey> {
    const options: Record<string, string> = {};
    for (const [name, value] of Object.entries(written)) {
      const dimension = this.dimensions.find(name, categoryScheme, 'phân tổ (category)');
      if (!dimension.ok) return dimension;
      const option = this.optionIndexes.get(dimension.value.code)?.find(value.trim(), optionScheme, 'mục');
      if (!option?.ok) return { ok: false, problem: `Phân tổ "${dimension.value.code}" không có mục "${value}".` };
      options[dimension.value.code] = option.value.code;
    }
    return { ok: true, value: disaggKey(options) };
  }

  /** Names things the way a file under these schemes does; `defaults` is the format's default scheme. */
  writer(schemes: IdSchemes, fallback: IdScheme): IdWriter {
    const pick = (item: Named | undefined, code: string, scheme: IdScheme): string =>
      !item ? code : scheme === 'UID' ? (item.uid ?? item.code) : scheme === 'CODE' ? (item.dhis2Code ?? item.code) : item.name;
    const elementScheme = schemeFor(schemes, 'dataElementIdScheme', fallback);
    const unitScheme = schemeFor(schemes, 'orgUnitIdScheme', fallback);
    const comboScheme = schemeFor(schemes, 'categoryOptionComboIdScheme', fallback);
    const categoryScheme = schemeFor(schemes, 'categoryIdScheme', fallback);
    const optionScheme = schemeFor(schemes, 'categoryOptionIdScheme', fallback);
    const unitsByCode = new Map<string, OrgUnit>();
    return {
      indicator: (code) => pick(this.catalogue.indicator(code), code, elementScheme),
      orgUnit: (code) => {
        if (unitsByCode.size === 0) for (const unit of this.orgUnitsList()) unitsByCode.set(unit.code, unit);
        return pick(unitsByCode.get(code), code, unitScheme);
      },
      combo: (key) => {
        const combo = this.combosByKey.get(key);
        if (combo) return comboScheme === 'UID' ? combo.uid : comboScheme === 'CODE' ? (combo.code ?? combo.uid) : combo.name;
        return key === '' ? 'default' : key;
      },
      dimension: (code) => pick(this.catalogue.disaggregation(code), code, categoryScheme),
      option: (dimension, option) => pick(this.catalogue.disaggregation(dimension)?.options.find((o) => o.code === option) as Named | undefined, option, optionScheme),
    };
  }

  private orgUnitsList(): readonly OrgUnit[] {
    return this.orgUnits.all();
  }
}
