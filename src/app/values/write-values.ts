// Writes data values sent through the API (dataValueSets JSON): every unit must be in
// the caller's scope, no period may be locked by an issued report, and the import is
// atomic: any conflict writes nothing and is a bad request naming the row.
import { tryParsePeriod, formatPeriod } from '../../core/period.ts';
import { AppError } from '../app-error.ts';
import { assertPeriodsUnlocked } from './check-period-lock.ts';
import { importValues } from './import-values.ts';
import { actorOf, loadOrgTree, requireAccess } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import type { IdSchemes } from '../../core/dhis2-ids.ts';
import type { ImportStrategy, ImportSummary, ValueRow } from './value-import.ts';

export async function writeValues({ store, principal, rows, dryRun = false, importStrategy, idSchemes, now = new Date() }: {
  store: Store; principal: Principal; rows: readonly ValueRow[]; dryRun?: boolean; importStrategy?: ImportStrategy; idSchemes?: IdSchemes; now?: Date;
}): Promise<ImportSummary> {
  await assertRowsWritable({ store, principal, rows });
  const summary = await importValues({
    store, rows, dryRun, ...(importStrategy ? { importStrategy } : {}), ...(idSchemes ? { idSchemes } : {}),
    checkTargets: (target, targets) => assertTargetsWritable({ store: target, principal, targets }), actor: actorOf(principal), now: () => now,
  });
  const first = summary.conflicts[0];
  if (summary.status === 'ERROR' && first) {
    const row = first.indexes[0];
    throw new AppError('bad_request', row === undefined ? first.message : `Dòng ${row}: ${first.message}`, {
      field: row === undefined ? 'body.dataValues' : `body.dataValues.${row - 1}.${fieldOf(first.object, rows[row - 1])}`,
      details: { importSummary: summary },
    });
  }
  return summary;
}

/**
 * Forbidden unless every known unit of the rows is in the caller's write scope;
 * period_locked when an issued report locks one of their (unit, period) pairs. Shared
 * with file imports (import-values-file.ts), which check before anything is written.
 */
export async function assertRowsWritable({ store, principal, rows }: { store: Store; principal: Principal; rows: readonly ValueRow[] }): Promise<void> {
  const tree = await loadOrgTree(store);
  const targets = new Map<string, { orgUnit: string; period: string }>();
  for (const row of rows) {
    // Unknown units and periods are left to the import, which reports them per row;
    // scope is checked on every known unit before anything is read or written.
    if (tree.has(row.orgUnit)) requireAccess(principal, tree, 'write_values', row.orgUnit);
    const parsed = tryParsePeriod(row.period);
    if (parsed.ok && tree.has(row.orgUnit)) {
      const period = formatPeriod(parsed.period);
      targets.set(`${row.orgUnit}\u0000${period}`, { orgUnit: row.orgUnit, period });
    }
  }
  await assertPeriodsUnlocked({ store, tree, targets: [...targets.values()] });
}

/**
 * The same check on the (unit, period) pairs the rows resolved to: a row may name its
 * unit by DHIS2 uid or name, which assertRowsWritable cannot see.
 */
export async function assertTargetsWritable({ store, principal, targets }: { store: Store; principal: Principal; targets: readonly { orgUnit: string; period: string }[] }): Promise<void> {
  const tree = await loadOrgTree(store);
  for (const { orgUnit } of targets) requireAccess(principal, tree, 'write_values', orgUnit);
  await assertPeriodsUnlocked({ store, tree, targets });
}

/** Which dataValueSets field a conflict's object names. */
function fieldOf(object: string, row: ValueRow | undefined): string {
  if (!row) return object;
  if (object === row.indicator) return 'dataElement';
  if (object === row.orgUnit) return 'orgUnit';
  if (object === 'period') return 'period';
  if (object === 'categoryOptionCombo') return 'categoryOptionCombo';
  if (object === 'attributeOptionCombo') return 'attributeOptionCombo';
  if (object === 'value') return 'value';
  return object;
}
