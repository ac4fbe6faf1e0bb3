// DHIS2's importStrategy and deletions, as the values use case applies them:
//   CREATE_AND_UPDATE (default)  new values are created, stored ones updated;
//   CREATE                       only new values; a stored one is left as it is (ignored);
//   UPDATE                       only stored values; a new one is not created (ignored);
//   DELETE                       every row deletes its stored value.
// Whatever the strategy, a row with `deleted: true` or an empty value deletes (DHIS2).
import { dataValueKeyString } from '../../core/data-value.ts';
import type { DataValue, DataValueKey } from '../../core/data-value.ts';
import type { ImportStrategy, ValueRow } from './value-import.ts';

/** True when the row (whose value is `value`, as the file means it) asks for its stored value to be deleted. */
export function isDeletion(row: ValueRow, value: string, strategy: ImportStrategy): boolean {
  // Checked first without trimming: a million rows should not allocate a string each.
  return strategy === 'DELETE' || row.deleted === true || value === '' || (value.charCodeAt(0) <= 32 && value.trim() === '');
}

/** The values the strategy lets through, and how many it leaves alone. */
export function applyStrategy(values: readonly DataValue[], stored: ReadonlyMap<string, DataValue>, strategy: ImportStrategy): { writes: readonly DataValue[]; ignored: number } {
  if (strategy === 'CREATE_AND_UPDATE' || strategy === 'DELETE') return { writes: values, ignored: 0 };
  const writes = values.filter((value) => stored.has(dataValueKeyString(value)) === (strategy === 'UPDATE'));
  return { writes, ignored: values.length - writes.length };
}

/** The keys among `deletions` that are stored, with what is stored (for the audit). */
export function storedDeletions(deletions: readonly DataValueKey[], stored: ReadonlyMap<string, DataValue>): DataValue[] {
  return deletions.flatMap((key) => {
    const found = stored.get(dataValueKeyString(key));
    return found ? [found] : [];
  });
}
