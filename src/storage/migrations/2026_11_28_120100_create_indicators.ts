// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite numbers `integer primary key` itself (rowid alias); PostgreSQL needs an identity.
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('disaggregation')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('disaggregation_option')
    .addColumn('disaggregation_code', 'text', (c) => c.notNull().references('disaggregation.code').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('disaggregation_option_pk', ['disaggregation_code', 'code'])
    .execute();
  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', (c) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('time_aggregation', 'text', (c) => c.notNull())
    .addColumn('org_aggregation', 'text', (c) => c.notNull())
    .addColumn('expression', 'text')
    .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accumulates', 'text')
    .addColumn('part_of', 'text')
    .addColumn('description', 'text')
    .execute();
  // The ordered list of an indicator's disaggregations (Indicator.disaggregations).
  await db.schema
    .createTable('indicator_disaggregation')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('disaggregation_code', 'text', (c) => c.notNull().references('disaggregation.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_disaggregation_pk', ['indicator_id', 'disaggregation_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_disaggregation').execute();
  await db.schema.dropTable('indicator').execute();
  await db.schema.dropTable('disaggregation_option').execute();
  await db.schema.dropTable('disaggregation').execute();
}
