// Frozen migration: never edit after release; add a new dated file instead.
// Imports nothing of the application, so it means the same thing forever.
/* eslint-disable @typescript-eslint/no-explicit-any -- a frozen migration takes Kysely<any>: it must not depend on today's schema types. */
import { PostgresAdapter } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('report_template')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // The whole section tree as JSON: a template is read and written as one document.
    .addColumn('body_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('report')
    .addColumn('id', 'integer', (c) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('template', 'text', (c) => c.notNull().references('report_template.code'))
    // Codes, not ids: a report names its unit the way users and files do.
    .addColumn('org_unit', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('date', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('governing_body', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('symbol', 'text', (c) => c.notNull())
    .addColumn('recipients_json', 'text', (c) => c.notNull())
    .addColumn('signer_json', 'text', (c) => c.notNull())
    .addColumn('variables_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('reason', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('report_unit_period_template', ['org_unit', 'period', 'template'])
    .execute();
  // Numbering looks up the issued reports of an issuing body's year.
  await db.schema.createIndex('report_issuing').on('report').columns(['issuing_body', 'symbol', 'number']).execute();
  await db.schema
    .createTable('report_part')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('submitted_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('report_part_pk', ['report_id', 'division'])
    .execute();
  await db.schema
    .createTable('report_item')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('marker', 'text')
    .addColumn('owner', 'text')
    .addColumn('slot', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('report_item_pk', ['report_id', 'id'])
    .execute();
  await db.schema
    .createTable('report_document')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('number', 'text')
    .addColumn('symbol', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('cited', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('report_document_pk', ['report_id', 'id'])
    .execute();
  await db.schema
    .createTable('report_plan_item')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('report.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('for_period', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('result_item_ids_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('report_plan_item_pk', ['report_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_plan_item', 'report_document', 'report_item', 'report_part', 'report', 'report_template']) {
    await db.schema.dropTable(table).execute();
  }
}
