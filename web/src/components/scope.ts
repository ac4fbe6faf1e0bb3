// The period and unit every page works on, kept in the URL (?period=2022-04&org=…)
// so a link or a reload shows the same thing. Defaults: the report unit the user
// contributes to (a division's parent department) and the month before this one.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { formatPeriod, parsePeriod, previousPeriod, tryParsePeriod } from '../../../src/core/period.ts';
import type { OrgUnit } from '../api/types.ts';
import { useOrgUnits } from '../api/queries.ts';

const PART_KINDS = new Set(['division', 'centre']);

function defaultPeriod(): string {
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return formatPeriod(previousPeriod(parsePeriod(month)));
}

/** The unit whose report the user works on: a department in scope, else the parent of a division. */
export function defaultReportOrg(units: readonly OrgUnit[]): string | undefined {
  const department = units.find((u) => u.kind === 'department');
  if (department) return department.code;
  const first = units[0];
  if (!first) return undefined;
  return first.kind && PART_KINDS.has(first.kind) && first.parentCode ? first.parentCode : first.code;
}

export interface Scope {
  readonly period: string;
  readonly org: string | undefined;
  readonly units: readonly OrgUnit[];
  setPeriod(period: string): void;
  setOrg(org: string): void;
}

export const LAST_PERIOD_KEY = 'baocao.period';

export function useScope(): Scope {
  const [params, setParams] = useSearchParams();
  const unitsQuery = useOrgUnits();
  const units = useMemo(() => unitsQuery.data ?? [], [unitsQuery.data]);
  const periodParam = params.get('period');
  const parsed = periodParam ? tryParsePeriod(periodParam) : null;
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(LAST_PERIOD_KEY) : null;
  const period = parsed?.ok ? formatPeriod(parsed.period) : stored ?? defaultPeriod();
  const org = params.get('org') ?? defaultReportOrg(units);

  const setPeriod = useCallback((next: string) => {
    localStorage.setItem(LAST_PERIOD_KEY, next);
    setParams((prev) => { const p = new URLSearchParams(prev); p.set('period', next); return p; });
  }, [setParams]);
  const setOrg = useCallback((next: string) => {
    setParams((prev) => { const p = new URLSearchParams(prev); p.set('org', next); return p; });
  }, [setParams]);
  return { period, org, units, setPeriod, setOrg };
}
