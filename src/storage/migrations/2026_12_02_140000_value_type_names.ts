// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

// Value types take DHIS2's names; the three first ones are renamed.
const RENAMED = [['integer', 'INTEGER'], ['number', 'NUMBER'], ['percent', 'PERCENTAGE']] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [from, to] of RENAMED) await db.updateTable('indicator').set({ value_type: to }).where('value_type', '=', from).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [from, to] of RENAMED) await db.updateTable('indicator').set({ value_type: from }).where('value_type', '=', to).execute();
  // Types the old code does not know become plain numbers.
  await db.updateTable('indicator').set({ value_type: 'number' }).where('value_type', 'not in', ['integer', 'number', 'percent']).execute();
}
