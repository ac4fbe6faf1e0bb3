// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
//
// Giải trình: a unit's explanation of one figure (why 168 ≠ 54 + 112), shown to the
// approver beside the finding it answers. Keyed like a data value but by codes, as
// report rows are: an explanation may concern a value that is missing.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('value_explanation')
    .addColumn('org_unit', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('disagg', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('value_explanation_pk', ['org_unit', 'period', 'indicator', 'disagg'])
    .execute();
  await db.schema.createIndex('value_explanation_period').on('value_explanation').columns(['period', 'org_unit']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('value_explanation').execute();
}
