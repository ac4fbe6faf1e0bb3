// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

// Which notifications (Thông báo) each user has read: the bell counts the others. A
// notification is computed from the audit trail and the deadlines (its id says which);
// only the reads are stored. Not a report input: no generation triggers (ADR 0022).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_read')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('notification_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_read_pk', ['user_id', 'notification_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_read').execute();
}
