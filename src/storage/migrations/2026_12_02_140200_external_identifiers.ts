// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

const WITH_DHIS2_IDS = ['org_unit', 'indicator', 'disaggregation', 'disaggregation_option'] as const;

// DHIS2 identifiers (uid, and DHIS2's code where it differs from ours) on org units,
// indicators, disaggregations and their options; an indicator's attribute dimensions;
// DHIS2's category option combinations, which files use to name a disaggregation.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of WITH_DHIS2_IDS) {
    await db.schema.alterTable(table).addColumn('uid', 'text').execute();
    await db.schema.alterTable(table).addColumn('dhis2_code', 'text').execute();
  }
  await db.schema
    .createTable('indicator_attribute')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('disaggregation_code', 'text', (c) => c.notNull().references('disaggregation.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_attribute_pk', ['indicator_id', 'disaggregation_code'])
    .execute();
  await db.schema
    .createTable('option_combo')
    .addColumn('uid', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    // The options as a disaggregation key (`dim=opt;dim2=opt2`; '' for DHIS2's default).
    .addColumn('option_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('option_combo_option_key').on('option_combo').column('option_key').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('option_combo').execute();
  await db.schema.dropTable('indicator_attribute').execute();
  for (const table of WITH_DHIS2_IDS) {
    await db.schema.alterTable(table).dropColumn('dhis2_code').execute();
    await db.schema.alterTable(table).dropColumn('uid').execute();
  }
}
