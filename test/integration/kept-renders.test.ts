// Renders kept in the database (ADR 0022): served while nothing a report is made of
// has changed, rendered again after any write to it, on both databases (PostgreSQL
// keeps none, and renders every time). On SQLite, triggers move the generation: every
// table a report is made of must have them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { loadOrgTree, resolveGrants } from '../../src/app/accounts/principal.ts';
import type { Principal } from '../../src/app/accounts/principal.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import type { Store } from '../../src/app/ports.ts';
import { keptRenderKey } from '../../src/app/reports/kept-render.ts';
import { renderReport } from '../../src/app/reports/render-report.ts';
import { writeReportEntry } from '../../src/app/reports/write-report-entry.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { renderInFormat } from '../../src/render/render-in-format.ts';
import { openSqliteHandle } from '../../src/storage/dialects/sqlite/better-sqlite3.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { openDatabase } from '../../src/storage/open-store.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

// Tables whose rows never reach a document: sessions, tokens, the login throttle, the
// audit trail, notifications read, and the kept renders themselves. Any other table is
// a report input.
const NOT_REPORT_INPUTS = new Set(['api_token', 'api_token_grant', 'audit_event', 'login_throttle', 'user_session', 'notification_read', 'data_generation', 'stored_render']);

async function vanphong(store: Store): Promise<Principal> {
  return { userId: 0, username: 'vanphong', displayName: 'vanphong', grants: resolveGrants(await loadOrgTree(store), [{ role: 'compiler', orgUnit: 'stttt-travinh' }]), via: 'session' };
}

const renderMay = (store: Store) =>
  renderReport({ store, renderers: renderInFormat, orgUnit: 'stttt-travinh', period: '2022-05', format: 'md', keepFor: 'build-a' }).then((r) => r.body as string);

test('on SQLite, every table a report is made of has the triggers that move the generation', async () => {
  const { db } = await openDatabase('sqlite::memory:');
  try {
    const migrated = await migrateToLatest(db);
    if (migrated.error) throw migrated.error;
    const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'`.execute(db)).rows.map((r) => r.name);
    const triggers = new Set((await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger'`.execute(db)).rows.map((r) => r.name));
    const inputs = tables.filter((t) => !NOT_REPORT_INPUTS.has(t));
    assert.ok(inputs.includes('data_value') && inputs.includes('report_item'));
    const missing = inputs.flatMap((t) => ['insert', 'update', 'delete'].map((e) => `${t}_generation_${e}`)).filter((name) => !triggers.has(name));
    assert.deepEqual(missing, [], 'a new table is a report input (add its triggers in its migration) or is named in NOT_REPORT_INPUTS');
  } finally {
    await db.destroy();
  }
});

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('a kept render is served while nothing changed, and rendered again after an item is added, a value changes, an item is deleted', () =>
      database.withStore(async (store) => {
        await loadDemo({ store, demo: readDemoFiles() });
        const first = await renderMay(store);
        const kept = store.storedRenders;
        if (database.name === 'PostgreSQL') assert.equal(kept, null, 'PostgreSQL keeps no render');
        else assert.ok(await kept?.find(keptRenderKey('build-a', 'stttt-travinh', '2022-05', 'md'), await kept.generation()), 'kept');
        assert.equal(await renderMay(store), first);

        const office = await vanphong(store);
        const created = await writeReportEntry({ store, principal: office, orgUnit: 'stttt-travinh', period: '2022-05', kind: 'plan', write: { op: 'create', fields: { text: 'Kiểm tra 27 điểm truy cập Internet công cộng.' } } });
        assert.match(await renderMay(store), /Kiểm tra 27 điểm truy cập Internet công cộng\./);
        await store.transaction((tx) => tx.dataValues.upsertMany([{ indicator: 'cts.issued', orgUnit: 'stttt-bcvt', period: '2022-05', disagg: '', value: 987654 }]));
        assert.match(await renderMay(store), /987\.654/);
        const entry = created.entry!;
        await writeReportEntry({ store, principal: office, orgUnit: 'stttt-travinh', period: '2022-05', kind: 'plan', write: { op: 'delete', id: entry.id, expectedVersion: entry.version } });
        const current = await renderMay(store);
        assert.doesNotMatch(current, /Kiểm tra 27 điểm truy cập Internet công cộng/, 'a deleted item is gone');
        assert.match(current, /987\.654/);

        if (!kept) return;
        const generation = await kept.generation();
        await assert.rejects(store.transaction(async (tx) => {
          await tx.dataValues.upsertMany([{ indicator: 'cts.issued', orgUnit: 'stttt-bcvt', period: '2022-05', disagg: '', value: 5 }]);
          throw new Error('rolled back');
        }), /rolled back/);
        assert.equal(await kept.generation(), generation, 'a rolled-back write leaves the generation');
        await store.audit.record([{ at: new Date().toISOString(), actor: 'test', action: 'report.view', entity: 'report', orgUnit: 'stttt-travinh', period: '2022-05', before: null, after: null }]);
        assert.equal(await kept.generation(), generation, 'the audit trail is no report input');
        assert.equal(await renderMay(store), current);
      }));

    // PostgreSQL keeps no render: the first test checks that it has no place to keep one.
    if (database.name === 'SQLite') test('a render made before a write is not kept after it, and keeping drops the renders of earlier generations', () =>
      database.withStore(async (store) => {
        await loadDemo({ store, demo: readDemoFiles() });
        const kept = store.storedRenders!;
        const body = new TextEncoder().encode('bản cũ');
        const before = await kept.generation();
        await kept.keep('a', before, body);
        await store.transaction((tx) => tx.dataValues.upsertMany([{ indicator: 'cts.issued', orgUnit: 'stttt-bcvt', period: '2022-05', disagg: '', value: 1 }]));
        const now = await kept.generation();
        assert.ok(now > before);
        await kept.keep('b', before, body);
        assert.equal(await kept.find('b', before), null, 'made from the data before the write: not kept');
        assert.equal(await kept.find('b', now), null);
        await kept.keep('c', now, body);
        assert.deepEqual(await kept.find('c', now), body);
        assert.equal(await kept.find('a', before), null, 'an earlier generation is dropped');
        await kept.keep('d', before, body);
        assert.deepEqual(await kept.find('c', now), body, 'a render made too late drops nothing');
      }));

    if (database.name === 'SQLite') test('a PDF is not kept (it embeds the fonts of the machine); a render whose keeping fails is still given', () =>
      database.withStore(async (store, fresh) => {
        await loadDemo({ store, demo: readDemoFiles() });
        const kept = store.storedRenders!;
        const pdf = await renderReport({ store, renderers: renderInFormat, orgUnit: 'stttt-travinh', period: '2022-05', format: 'pdf', keepFor: 'build-a' });
        assert.equal(Buffer.from(pdf.body).subarray(0, 4).toString('latin1'), '%PDF');
        assert.equal(await kept.find(keptRenderKey('build-a', 'stttt-travinh', '2022-05', 'pdf'), await kept.generation()), null);

        // Another connection holds the write lock past the busy timeout: keeping fails, the render does not.
        const other = openSqliteHandle(fresh.url.slice('sqlite:'.length));
        try {
          other.exec('BEGIN IMMEDIATE');
          assert.match(await renderMay(store), /BÁO CÁO/);
          other.exec('ROLLBACK');
        } finally {
          other.close();
        }
        assert.equal(await kept.find(keptRenderKey('build-a', 'stttt-travinh', '2022-05', 'md'), await kept.generation()), null, 'not kept');
        await renderMay(store);
        assert.ok(await kept.find(keptRenderKey('build-a', 'stttt-travinh', '2022-05', 'md'), await kept.generation()), 'kept once the lock is gone');
      }));
  });
}
