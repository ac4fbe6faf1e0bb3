// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite numbers `integer primary key` itself (rowid alias); PostgreSQL needs an identity.
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('org_unit')
    .addColumn('id', 'integer', (c) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    // Parent and successor by code without a foreign key: a tree is loaded as a set in
    // any order, and its consistency is checked by core OrgTree (as findings).
    .addColumn('parent_code', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('opening_date', 'text')
    .addColumn('closing_date', 'text')
    .addColumn('successor_code', 'text')
    .execute();
  await db.schema.createIndex('org_unit_path').on('org_unit').column('path').execute();
  await db.schema.createIndex('org_unit_parent_code').on('org_unit').column('parent_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('org_unit').execute();
}
