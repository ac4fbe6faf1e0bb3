// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', (c) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    // argon2id PHC string: algorithm, parameters and salt travel with the hash.
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('user_grant')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    // A code, not an id: grants are checked against the org tree's paths at request time.
    .addColumn('org_unit', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_grant_pk', ['user_id', 'role', 'org_unit'])
    .execute();
  await db.schema
    .createTable('user_session')
    // Only a hash of the cookie's token is stored: a leaked database opens no session.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute();
  await db.schema
    .createTable('api_token')
    .addColumn('id', 'integer', (c) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema
    .createTable('api_token_grant')
    .addColumn('token_id', 'integer', (c) => c.notNull().references('api_token.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_unit', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_token_grant_pk', ['token_id', 'role', 'org_unit'])
    .execute();
  await db.schema
    .createTable('login_attempt')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['login_attempt', 'api_token_grant', 'api_token', 'user_session', 'user_grant', 'app_user']) {
    await db.schema.dropTable(table).execute();
  }
}
