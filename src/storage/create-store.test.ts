import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildIndicator, buildOrgUnit, buildValue } from './testing/fixtures.ts';
import { testDatabases } from './testing/test-databases.ts';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('the store says which database it is', () =>
      database.withStore(async (store) => {
        assert.equal(store.dialect, database.name === 'SQLite' ? 'sqlite' : 'postgres');
      }));

    test('a nested transaction joins the outer one: a later failure undoes both', () =>
      database.withStore(async (store) => {
        await assert.rejects(
          store.transaction(async (outer) => {
            await outer.orgUnits.upsertMany([buildOrgUnit({ code: 'tv' })]);
            await outer.transaction(async (inner) => {
              await inner.indicators.upsertIndicators([buildIndicator({ code: 'qr.scans' })]);
              await inner.dataValues.upsertMany([buildValue({ indicator: 'qr.scans', orgUnit: 'tv' })]);
            });
            await outer.audit.record([{ at: '2022-04-14T09:00:00.000Z', actor: 'x', action: 'data_value.upsert', entity: 'data_value' }]);
            throw new Error('thất bại sau cùng');
          }),
          /thất bại sau cùng/,
        );
        assert.deepEqual(await store.orgUnits.list(), []);
        assert.deepEqual(await store.indicators.listIndicators(), []);
        assert.deepEqual(await store.dataValues.find({}), []);
        assert.deepEqual(await store.audit.list({}), []);
      }));

    test('a transaction that succeeds commits everything and returns its result', () =>
      database.withStore(async (store) => {
        const result = await store.transaction(async (tx) => {
          await tx.orgUnits.upsertMany([buildOrgUnit({ code: 'tv' })]);
          await tx.indicators.upsertIndicators([buildIndicator({ code: 'qr.scans' })]);
          return tx.dataValues.upsertMany([buildValue({ indicator: 'qr.scans', orgUnit: 'tv', value: 2053756 })]);
        });
        assert.deepEqual(result, { imported: 1, updated: 0, unchanged: 0 });
        assert.deepEqual((await store.dataValues.find({ orgUnits: ['tv'] })).map((v) => v.value), [2053756]);
      }));
  });
}
