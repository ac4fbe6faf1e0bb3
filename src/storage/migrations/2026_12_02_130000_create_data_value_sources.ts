// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Where a value came from when a file's text stated it (an imported report): the
  // file and the paragraph. Beside data_value rather than in it, so the big table and
  // its bulk paths stay as they are; the last import of a value replaces its source.
  await db.schema
    .createTable('data_value_source')
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('org_unit', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('disagg', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('paragraph', 'integer', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_value_source_pk', ['indicator', 'org_unit', 'period', 'disagg'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('data_value_source').execute();
}
