// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The big table: no surrogate id; the natural key is the primary key, and units
  // and indicators are integer ids to keep each row narrow.
  await db.schema
    .createTable('data_value')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('disagg', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('stored_by', 'text')
    .addColumn('updated_at', 'text')
    .addPrimaryKeyConstraint('data_value_pk', ['indicator_id', 'org_unit_id', 'period', 'disagg'])
    .execute();
  // Dashboards and reports read a subtree for some periods: the units come from
  // org_unit.path, then this index finds their values period by period.
  await db.schema.createIndex('data_value_period_org_unit').on('data_value').columns(['period', 'org_unit_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_value').execute();
}
