// Resolves the identifiers a values file writes (DHIS2 uids, codes or names by the id
// schemes, or our own codes and keys) to baocao's key of a value. Called by the values
// use case for every row; results are cached by the text as written, since a national
// file repeats the same few hundred identifiers a million times.
import { Dhis2Identifiers, schemeFor } from '../../core/dhis2-ids.ts';
import type { IdScheme, IdSchemes } from '../../core/dhis2-ids.ts';
import type { Catalogue, Indicator } from '../../core/indicator.ts';
import type { OrgUnit } from '../../core/org-unit.ts';
import type { ValueRow } from './value-import.ts';

type Resolved<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly object: string; readonly value: string; readonly problem: string };

export interface RowKeyResolver {
  indicator(row: ValueRow): Resolved<Indicator>;
  orgUnit(row: ValueRow): Resolved<string>;
  /** The disaggregation key, checked against the indicator's dimensions. */
  disagg(row: ValueRow, indicator: Indicator): Resolved<string>;
  /** The attribute key, checked against the indicator's attribute dimensions. */
  attr(row: ValueRow, indicator: Indicator): Resolved<string>;
}

/**
 * The identifier indexes of a catalogue and a unit list. Both come from the read cache
 * (the same objects while nothing is written), so a form's save, which resolves one or
 * two rows, does not index the whole catalogue again each time.
 */
const indexed = new WeakMap<Catalogue, WeakMap<readonly OrgUnit[], Dhis2Identifiers>>();

function identifiers(catalogue: Catalogue, orgUnits: readonly OrgUnit[]): Dhis2Identifiers {
  let byUnits = indexed.get(catalogue);
  if (!byUnits) indexed.set(catalogue, (byUnits = new WeakMap()));
  let ids = byUnits.get(orgUnits);
  if (!ids) byUnits.set(orgUnits, (ids = new Dhis2Identifiers(catalogue, orgUnits)));
  return ids;
}

export function rowKeyResolver({ catalogue, orgUnits, schemes, fallback }: {
  catalogue: Catalogue; orgUnits: readonly OrgUnit[]; schemes: IdSchemes; fallback: IdScheme;
}): RowKeyResolver {
  const ids = identifiers(catalogue, orgUnits);
  const elementScheme = schemeFor(schemes, 'dataElementIdScheme', fallback);
  const unitScheme = schemeFor(schemes, 'orgUnitIdScheme', fallback);
  const comboScheme = schemeFor(schemes, 'categoryOptionComboIdScheme', fallback);
  const categoryScheme = schemeFor(schemes, 'categoryIdScheme', fallback);
  const optionScheme = schemeFor(schemes, 'categoryOptionIdScheme', fallback);
  const indicators = new Map<string, Resolved<Indicator>>();
  const units = new Map<string, Resolved<string>>();
  const combos = new Map<string, Resolved<string>>();
  // Checks by role, then indicator, then key: no string is built per row.
  const checked = { disagg: new Map<Indicator, Map<string, string | null>>(), attr: new Map<Indicator, Map<string, string | null>>() };

  const check = (role: 'disagg' | 'attr', indicator: Indicator, key: string): string | null => {
    let byKey = checked[role].get(indicator);
    if (!byKey) checked[role].set(indicator, (byKey = new Map()));
    let problem = byKey.get(key);
    if (problem === undefined) {
      problem = role === 'disagg' ? catalogue.checkDisaggKey(indicator.code, key) : catalogue.checkAttrKey(indicator.code, key);
      byKey.set(key, problem);
    }
    return problem;
  };
  const combo = (written: string): Resolved<string> => {
    let found = combos.get(written);
    if (!found) {
      const result = ids.combo(written, comboScheme);
      found = result.ok ? { ok: true, value: result.value } : { ok: false, object: 'categoryOptionCombo', value: written, problem: result.problem };
      combos.set(written, found);
    }
    return found;
  };
  const keyOf = (role: 'disagg' | 'attr', written: string | undefined, exploded: Readonly<Record<string, string>> | undefined, indicator: Indicator): Resolved<string> => {
    const object = role === 'disagg' ? 'categoryOptionCombo' : 'attributeOptionCombo';
    let key: Resolved<string>;
    if (exploded !== undefined && Object.keys(exploded).length > 0) {
      const result = ids.options(exploded, categoryScheme, optionScheme);
      key = result.ok ? { ok: true, value: result.value } : { ok: false, object, value: Object.entries(exploded).map(([k, v]) => `${k}=${v}`).join(';'), problem: result.problem };
    } else key = combo(written ?? '');
    if (!key.ok) return { ...key, object };
    const problem = check(role, indicator, key.value);
    return problem ? { ok: false, object, value: written ?? key.value, problem } : key;
  };
  return {
    indicator(row) {
      let found = indicators.get(row.indicator);
      if (!found) {
        const result = ids.indicator(row.indicator, elementScheme);
        found = result.ok ? { ok: true, value: result.value } : { ok: false, object: row.indicator, value: row.indicator, problem: result.problem };
        indicators.set(row.indicator, found);
      }
      return found;
    },
    orgUnit(row) {
      let found = units.get(row.orgUnit);
      if (!found) {
        const result = ids.orgUnit(row.orgUnit, unitScheme);
        found = result.ok ? { ok: true, value: result.value.code } : { ok: false, object: row.orgUnit, value: row.orgUnit, problem: result.problem };
        units.set(row.orgUnit, found);
      }
      return found;
    },
    disagg: (row, indicator) => keyOf('disagg', row.disagg, row.disaggOptions, indicator),
    attr: (row, indicator) => keyOf('attr', row.attr, row.attrOptions, indicator),
  };
}
