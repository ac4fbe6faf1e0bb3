// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('validation_rule')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('left_side', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('right_side', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('missing_strategy', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('validation_rule').execute();
}
