// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
//
// login_throttle: failed logins per (account, address) and when that pair may try
// again. The key is the pair, so failures from one address never hold back another:
// nobody can lock anyone out by name. One conditional UPDATE reserves an attempt, so
// parallel guesses cannot race past the count (ADR 0012).
// user_session.last_seen_at: for the idle lifetime of a session (null: never seen
// since login, counted from created_at).
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    // As typed at login: a name that does not exist is throttled like one that does.
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    // Attempts since the last success from this address, each counted before its password is checked.
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('next_allowed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pk', ['username', 'address'])
    .execute();
  await db.schema.createIndex('login_throttle_updated').on('login_throttle').column('updated_at').execute();
  await db.schema.alterTable('user_session').addColumn('last_seen_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user_session').dropColumn('last_seen_at').execute();
  await db.schema.dropTable('login_throttle').execute();
}
