// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';

// The tables a rendered report is made of, as of this migration. A later migration
// that adds such a table adds its triggers too (storage/stored-renders.test.ts fails
// until it does). Left out: sessions, tokens, the login throttle and the audit trail,
// which change on every request and never reach a document.
const REPORT_INPUTS = [
  'org_unit', 'disaggregation', 'disaggregation_option', 'indicator', 'indicator_disaggregation', 'indicator_attribute',
  'option_combo', 'data_value', 'data_value_source', 'validation_rule', 'value_explanation',
  'report_template', 'report', 'report_part', 'report_item', 'report_document', 'report_plan_item',
  'app_user', 'user_grant',
] as const;

// Rendered reports kept in the database (ADR 0022): `data_generation.n` moves with every
// committed write to a report input, and a stored render is served only while n is
// the generation it was rendered at. On SQLite, triggers move n, so every writer (the
// server, a command, a tool on the file) moves it inside its own transaction. On
// PostgreSQL the tables exist but stay unused: one counter row updated by every write
// transaction would make concurrent writers queue on it.
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('data_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('data_generation').values({ id: 1, n: 0 }).execute();
  await db.schema
    .createTable('stored_render')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'bigint', (c) => c.notNull())
    .addColumn('body', isPostgres ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  if (isPostgres) return;
  for (const table of REPORT_INPUTS) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`CREATE TRIGGER ${table}_generation_${event} AFTER ${event.toUpperCase()} ON ${table} BEGIN UPDATE data_generation SET n = n + 1 WHERE id = 1; END`).execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!isPostgres) {
    for (const table of REPORT_INPUTS) {
      for (const event of ['insert', 'update', 'delete']) await sql.raw(`DROP TRIGGER IF EXISTS ${table}_generation_${event}`).execute(db);
    }
  }
  await db.schema.dropTable('stored_render').execute();
  await db.schema.dropTable('data_generation').execute();
}
