// Writes data values sent through the API (dataValueSets JSON): every unit must be in
// the caller's scope and no period may be locked by an issued report (checked by
// importValues, value-write-policy.ts), and the import is atomic: any conflict writes
// nothing and is a bad request naming the row.
import { AppError } from '../app-error.ts';
import { importValues } from './import-values.ts';
import { actorOf } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { Store } from '../ports.ts';
import type { IdSchemes } from '../../core/dhis2-ids.ts';
import type { ImportStrategy, ImportSummary, ValueRow } from './value-import.ts';

export async function writeValues({ store, principal, rows, dryRun = false, importStrategy, idSchemes, now = new Date() }: {
  store: Store; principal: Principal; rows: readonly ValueRow[]; dryRun?: boolean; importStrategy?: ImportStrategy; idSchemes?: IdSchemes; now?: Date;
}): Promise<ImportSummary> {
  const summary = await importValues({
    store, rows, dryRun, ...(importStrategy ? { importStrategy } : {}), ...(idSchemes ? { idSchemes } : {}), actor: actorOf(principal), principal, now: () => now,
  }).catch(async (error: unknown) => { throw await withWriterNames(store, error); });
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
  if (object === 'attributeOptionCombo') return 'attributeOptionCombo';
  if (object === 'value') return 'value';
  return object;
}
