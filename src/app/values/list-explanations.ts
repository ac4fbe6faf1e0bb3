// The explanations (giải trình) of a unit's period, or of its whole subtree, for a
// reader of that unit; with the author's name.
import { isWithinPath } from '../../core/access.ts';
import { formatPeriod } from '../../core/period.ts';
import type { Period } from '../../core/period.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import { notFound } from '../app-error.ts';
import { ActorNames } from '../audit/actor-names.ts';
import type { Store } from '../ports.ts';
import type { ExplanationView } from '../reports/list-findings.ts';
import { exportedDisaggKey } from './explanation-keys.ts';

export async function listExplanations({ store, orgUnit, period, children = false }: {
  store: Store; orgUnit: string; period: Period; children?: boolean;
}): Promise<ExplanationView[]> {
  const tree = await loadOrgTree(store);
  const unit = tree.get(orgUnit);
  if (!unit) throw notFound(`Không có đơn vị "${orgUnit}".`);
  const names = new ActorNames(store);
  const out: ExplanationView[] = [];
  for (const e of await store.explanations.list({ period: formatPeriod(period), ...(children ? {} : { orgUnits: [orgUnit] }) })) {
    const path = tree.get(e.orgUnit)?.path;
    if (!path || !isWithinPath(path, unit.path)) continue;
    out.push({
      orgUnit: e.orgUnit, orgUnitName: tree.get(e.orgUnit)?.name ?? e.orgUnit, period: e.period, dataElement: e.indicator,
      categoryOptionCombo: exportedDisaggKey(e.disagg), text: e.text, author: e.author, authorName: (await names.name(e.author)) ?? e.author, at: e.at,
    });
  }
  return out;
}
