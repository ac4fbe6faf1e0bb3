// Migration 2026_12_02_120000_safe_entry_ids on both databases: entry ids that a URL
// path cannot carry (the demo's `i.1#1`) are rewritten, plan lines follow their
// result links, and an id already taken is not reused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Migrator } from 'kysely';
import { isSafeEntryId } from '../../core/entry-id.ts';
import { migrateToLatest } from '../migrate.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { MIGRATIONS, migrationProvider } from './index.ts';

const MIGRATION = '2026_12_02_120000_safe_entry_ids';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('unsafe ids of items, documents and plan lines are rewritten, links followed', async () => {
      const fresh = await database.open({ migrate: false });
      try {
        const names = Object.keys(MIGRATIONS);
        assert.ok(names.includes(MIGRATION), 'the migration is registered');
        const previous = names[names.indexOf(MIGRATION) - 1] ?? '';
        const partial = await new Migrator({ db: fresh.db, provider: migrationProvider }).migrateTo(previous);
        assert.equal(partial.error, undefined);

        const db = fresh.db;
        const header = { template: 't', org_unit: 'u', number: null, date: null, place: '', governing_body: '', issuing_body: '', symbol: 'BC', recipients_json: '[]', signer_json: '{}', variables_json: '{}', status: 'draft', reason: null, issued_at: null, version: 1 };
        await db.insertInto('report_template').values({ code: 't', name: 'Mẫu', body_json: '{}' }).execute();
        const { id: reportId } = await db.insertInto('report').values({ ...header, period: '2022-04' }).returning('id').executeTakeFirstOrThrow();
        const { id: otherId } = await db.insertInto('report').values({ ...header, period: '2022-05' }).returning('id').executeTakeFirstOrThrow();
        const item = (report_id: number, id: string, position: number) => ({ report_id, id, section: 'i.1', position, text: `mục ${id}`, marker: '-', owner: null, slot: null, version: 3 });
        await db.insertInto('report_item').values([
          item(reportId, 'i.1#1', 1), item(reportId, 'i.1#2', 2), item(reportId, 'i.1-1', 3), item(reportId, 'mục đầu', 4), item(reportId, 'ok-1', 5),
          item(otherId, 'i.1#1', 1),
        ]).execute();
        await db.insertInto('report_document').values({ report_id: reportId, id: 'vb/2022#1', section: null, doc_type: 'Công văn', label: null, number: '1', symbol: 'X', issuer: 'Sở', date: null, summary: 's', cited: 1, position: 1, version: 1 }).execute();
        await db.insertInto('report_plan_item').values({ report_id: reportId, id: 'kế hoạch#1', position: 1, text: 'k', for_period: '2022-05', status: 'done', result_item_ids_json: JSON.stringify(['i.1#2', 'ok-1']), version: 2 }).execute();

        const up = await migrateToLatest(db);
        assert.equal(up.error, undefined);

        const items = await db.selectFrom('report_item').select(['report_id', 'id', 'text', 'version']).orderBy('report_id').orderBy('position').execute();
        assert.deepEqual(items.map((i) => [i.report_id === reportId ? 'a' : 'b', i.id, i.text]), [
          ['a', 'i.1-1-2', 'mục i.1#1'], // i.1-1 is taken by another item of the same report
          ['a', 'i.1-2', 'mục i.1#2'],
          ['a', 'i.1-1', 'mục i.1-1'],
          ['a', 'muc-dau', 'mục mục đầu'],
          ['a', 'ok-1', 'mục ok-1'],
          ['b', 'i.1-1', 'mục i.1#1'],
        ]);
        assert.ok(items.every((i) => i.version === 3), 'versions are kept: the content did not change');
        const [document] = await db.selectFrom('report_document').select('id').execute();
        assert.equal(document?.id, 'vb-2022-1');
        const [plan] = await db.selectFrom('report_plan_item').select(['id', 'result_item_ids_json']).execute();
        assert.equal(plan?.id, 'ke-hoach-1');
        assert.deepEqual(JSON.parse(plan?.result_item_ids_json ?? '[]'), ['i.1-2', 'ok-1']);
        for (const id of [...items.map((i) => i.id), document?.id ?? '', plan?.id ?? '']) assert.ok(isSafeEntryId(id), id);
      } finally {
        await fresh.dispose();
      }
    });
  });
}
