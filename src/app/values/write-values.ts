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
import type { ImportSummary, ValueRow } from './value-import.ts';

export async function writeValues({ store, principal, rows, dryRun = false, now = new Date() }: {
  store: Store; principal: Principal; rows: readonly ValueRow[]; dryRun?: boolean; now?: Date;
}): Promise<ImportSummary> {
  await assertRowsWritable({ store, principal, rows });
  const summary = await importValues({ store, rows, dryRun, actor: actorOf(principal), principal, now: () => now })
    .catch(async (error: unknown) => { throw await withWriterNames(store, error); });
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
 * A stale save's conflict names who stored the current value by display name as well
 * (`storedByName`), so the person deciding which value to keep knows whom to ask.
 */
async function withWriterNames(store: Store, error: unknown): Promise<unknown> {
  const stale = error instanceof AppError && error.code === 'conflict' ? error.details?.['stale'] : undefined;
  if (!(error instanceof AppError) || !Array.isArray(stale)) return error;
  const names = new Map<string, string | null>();
  for (const entry of stale as { storedBy: string | null }[]) {
    const username = entry.storedBy?.split('/')[0];
    if (username && !names.has(username)) names.set(username, (await store.accounts.findUserByUsername(username))?.displayName ?? null);
  }
  const named = (stale as { storedBy: string | null }[]).map((entry) => ({ ...entry, storedByName: names.get(entry.storedBy?.split('/')[0] ?? '') ?? null }));
  return new AppError('conflict', error.message, { details: { ...error.details, stale: named } });
}

/** Which dataValueSets field a conflict's object names. */
function fieldOf(object: string, row: ValueRow | undefined): string {
  if (!row) return object;
  if (object === row.indicator) return 'dataElement';
  if (object === row.orgUnit) return 'orgUnit';
  if (object === 'period') return 'period';
  if (object === 'categoryOptionCombo') return 'categoryOptionCombo';
  if (object === 'value') return 'value';
  return object;
}
