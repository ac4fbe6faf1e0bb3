// The unit, report and period every page works on, kept in the URL (?org=…&period=…)
// so a link or a reload shows the same thing; defaults from where the user has work
// (lib/work-scope.ts). Pages ask the server only for what `canRead` allows and for a
// report only when `report` says it exists.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useOrgUnits, usePeriods } from '../api/queries.ts';
import type { OrgUnit, PeriodsView } from '../api/types.ts';
import { resolveScope } from '../lib/work-scope.ts';
import type { WorkScope } from '../lib/work-scope.ts';

export interface Scope extends WorkScope {
  readonly units: readonly OrgUnit[];
  readonly periods: PeriodsView | undefined;
  /** The units and periods are known (pages wait for this before asking anything else). */
  readonly ready: boolean;
  readonly error: unknown;
  /** The user may read this unit's own data (values, checks, charts). */
  canRead(code: string | undefined): boolean;
  unitName(code: string | null | undefined): string;
  setPeriod(period: string): void;
  setOrg(org: string): void;
  /** The query string of this scope, for links to other pages. */
  readonly search: string;
}

export function useScope(): Scope {
  const [params, setParams] = useSearchParams();
  const unitsQuery = useOrgUnits();
  const periodsQuery = usePeriods();
  const units = useMemo(() => unitsQuery.data ?? [], [unitsQuery.data]);
  const orgParam = params.get('org');
  const periodParam = params.get('period');
  const resolved = useMemo(
    () => resolveScope({ units, periods: periodsQuery.data, orgParam, periodParam }),
    [units, periodsQuery.data, orgParam, periodParam],
  );
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const u of periodsQuery.data?.units ?? []) map.set(u.orgUnit, u.name);
    for (const u of units) map.set(u.code, u.name);
    return map;
  }, [units, periodsQuery.data]);

  const setPeriod = useCallback((next: string) => {
    setParams((prev) => { const p = new URLSearchParams(prev); p.set('period', next); return p; });
  }, [setParams]);
  const setOrg = useCallback((next: string) => {
    setParams((prev) => { const p = new URLSearchParams(prev); p.set('org', next); return p; });
  }, [setParams]);
  const search = resolved.org ? `?org=${encodeURIComponent(resolved.org)}&period=${encodeURIComponent(resolved.period)}` : '';
  return {
    ...resolved,
    units,
    periods: periodsQuery.data,
    ready: unitsQuery.isSuccess && periodsQuery.isSuccess,
    error: unitsQuery.error ?? periodsQuery.error,
    canRead: (code) => code !== undefined && units.some((u) => u.code === code),
    unitName: (code) => (code ? names.get(code) ?? code : ''),
    setPeriod,
    setOrg,
    search,
  };
}
