// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// data_value gains the attribute options (DHIS2's attribute option combination) as part
// of its key, the text of values that are not numbers (text, dates; booleans keep 1/0
// and their text) and the follow-up mark. A primary key cannot be changed in place on
// SQLite, so the table is rebuilt, the same way on both databases.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_value_v2')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('disagg', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision')
    .addColumn('text_value', 'text')
    .addColumn('comment', 'text')
    .addColumn('stored_by', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('followup', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('data_value_v2_pk', ['indicator_id', 'org_unit_id', 'period', 'disagg', 'attr'])
    .execute();
  await sql`INSERT INTO data_value_v2 (indicator_id, org_unit_id, period, disagg, attr, value, text_value, comment, stored_by, updated_at, followup)
            SELECT indicator_id, org_unit_id, period, disagg, '', value, NULL, comment, stored_by, updated_at, 0 FROM data_value`.execute(db);
  await db.schema.dropTable('data_value').execute();
  await db.schema.alterTable('data_value_v2').renameTo('data_value').execute();
  await db.schema.createIndex('data_value_period_org_unit').on('data_value').columns(['period', 'org_unit_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_value_v1')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_unit.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('disagg', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('stored_by', 'text')
    .addColumn('updated_at', 'text')
    .addPrimaryKeyConstraint('data_value_v1_pk', ['indicator_id', 'org_unit_id', 'period', 'disagg'])
    .execute();
  // Values of attribute options and text values have no place in the old table.
  await sql`INSERT INTO data_value_v1 (indicator_id, org_unit_id, period, disagg, value, comment, stored_by, updated_at)
            SELECT indicator_id, org_unit_id, period, disagg, value, comment, stored_by, updated_at FROM data_value
            WHERE attr = '' AND value IS NOT NULL`.execute(db);
  await db.schema.dropTable('data_value').execute();
  await db.schema.alterTable('data_value_v1').renameTo('data_value').execute();
  await db.schema.createIndex('data_value_period_org_unit').on('data_value').columns(['period', 'org_unit_id']).execute();
}
