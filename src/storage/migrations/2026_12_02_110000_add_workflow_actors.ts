// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
//
// Who issued a report, and who returned a division's part and when: shown on every
// page of the report and to the division, not only in the audit trail.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report').addColumn('issued_by', 'text').execute();
  await db.schema.alterTable('report_part').addColumn('returned_at', 'text').execute();
  await db.schema.alterTable('report_part').addColumn('returned_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_part').dropColumn('returned_by').execute();
  await db.schema.alterTable('report_part').dropColumn('returned_at').execute();
  await db.schema.alterTable('report').dropColumn('issued_by').execute();
}
