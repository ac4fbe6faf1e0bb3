// Shared helpers of the repositories.
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';

/** Runs `work` in the open transaction, or in a new one. */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Splits `items` into slices of at most `size` (bound-variable limits). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Last one wins for a repeated code, as in a spreadsheet read top to bottom. */
export function lastByCode<T extends { readonly code: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.code, item] as const)).values()];
}

export function nullable<T>(value: T | null | undefined): T | null {
  return value === undefined ? null : value;
}
