// Which units a user may enter values for: the units in scope where one of the
// user's grants allows writing values (the server checks again on save).
import { can } from '../../../src/core/access.ts';
import type { Grant } from '../../../src/core/access.ts';
import type { Me, OrgUnit } from '../api/types.ts';

export function grantsWithPaths(me: Me | null, units: readonly OrgUnit[]): Grant[] {
  const pathOf = new Map(units.map((u) => [u.code, u.path]));
  return (me?.grants ?? []).flatMap((g) => {
    const path = pathOf.get(g.orgUnit);
    return path ? [{ role: g.role, orgUnit: g.orgUnit, path }] : [];
  });
}

export function writableUnits(me: Me | null, units: readonly OrgUnit[]): OrgUnit[] {
  const grants = grantsWithPaths(me, units);
  return units.filter((u) => can(grants, 'write_values', u.path));
}
