// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // SQLite numbers `integer primary key` itself (rowid alias); PostgreSQL needs an identity.
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', (c) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    // Codes, not ids: the audit trail must survive units and indicators being removed.
    .addColumn('org_unit', 'text')
    .addColumn('period', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_event_org_unit_period').on('audit_event').columns(['org_unit', 'period']).execute();
  await db.schema.createIndex('audit_event_at').on('audit_event').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
}
