import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { migrateDown, migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { testDatabases } from './testing/test-databases.ts';

/** The tables of the storage brief; later migrations may add more. */
const CORE_TABLES = ['audit_event', 'data_value', 'disaggregation', 'disaggregation_option', 'indicator', 'indicator_disaggregation', 'org_unit', 'validation_rule'];

test('migration names sort in the order they are listed (dated, frozen)', () => {
  const names = Object.keys(MIGRATIONS);
  assert.deepEqual(names, [...names].sort());
  for (const name of names) assert.match(name, /^\d{4}_\d{2}_\d{2}_\d{6}_[a-z_]+$/);
});

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('migrations go up, all the way down and up again', async () => {
      const fresh = await database.open({ migrate: false });
      try {
        const tablesNow = async () =>
          (await fresh.db.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_')).sort();

        const first = await migrateToLatest(fresh.db);
        assert.equal(first.error, undefined);
        assert.equal(first.results?.length, Object.keys(MIGRATIONS).length);
        assert.ok(first.results?.every((r) => r.status === 'Success'));
        const migrated = await tablesNow();
        for (const table of CORE_TABLES) assert.ok(migrated.includes(table), `table ${table} exists`);

        const again = await migrateToLatest(fresh.db);
        assert.deepEqual(again.results, [], 'nothing left to apply');

        const oneDown = await migrateDown(fresh.db);
        assert.equal(oneDown.results?.[0]?.migrationName, Object.keys(MIGRATIONS).at(-1), 'the last migration is reverted');
        assert.ok((await tablesNow()).length < migrated.length, 'its tables are gone');

        const allDown = await migrateDown(fresh.db, { all: true });
        assert.equal(allDown.error, undefined);
        assert.deepEqual(await tablesNow(), []);

        const up = await migrateToLatest(fresh.db);
        assert.equal(up.error, undefined);
        assert.deepEqual(await tablesNow(), migrated);
      } finally {
        await fresh.dispose();
      }
    });
  });
}
