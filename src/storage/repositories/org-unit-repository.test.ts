import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TRA_VINH_UNITS } from '../testing/fixtures.ts';
import { testDatabases } from '../testing/test-databases.ts';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('units round-trip with every field, listed in tree order', () =>
      database.withStore(async (store) => {
        assert.deepEqual(await store.orgUnits.upsertMany(TRA_VINH_UNITS), { imported: 6, updated: 0, unchanged: 0 });
        const listed = await store.orgUnits.list();
        assert.deepEqual(listed.map((u) => u.path), ['/tv', '/tv/stttt', '/tv/stttt/bcvt', '/tv/stttt/cntt', '/tvx', '/vl']);
        assert.deepEqual(await store.orgUnits.get('stttt'), {
          code: 'stttt', name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT', parentCode: 'tv', level: 2, path: '/tv/stttt',
          kind: 'department', openingDate: null, closingDate: null, successorCode: null,
        });
        const traVinh = await store.orgUnits.get('tv');
        assert.equal(traVinh?.closingDate, '2025-06-30');
        assert.equal(traVinh?.successorCode, 'vl');
        assert.equal(await store.orgUnits.get('khong-co'), undefined);
      }));

    test('upserting again updates what changed and counts the rest unchanged', () =>
      database.withStore(async (store) => {
        await store.orgUnits.upsertMany(TRA_VINH_UNITS);
        const renamed = TRA_VINH_UNITS.map((u) => (u.code === 'stttt' ? { ...u, name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN' } : u));
        assert.deepEqual(await store.orgUnits.upsertMany(renamed), { imported: 0, updated: 1, unchanged: 5 });
        assert.equal((await store.orgUnits.get('stttt'))?.shortName, 'Sở KH&CN');
        assert.equal((await store.orgUnits.list()).length, 6);
      }));

    test('a child listed before its parent is accepted (units load as a set)', () =>
      database.withStore(async (store) => {
        const reversed = [...TRA_VINH_UNITS].reverse();
        assert.deepEqual(await store.orgUnits.upsertMany(reversed), { imported: 6, updated: 0, unchanged: 0 });
      }));
  });
}
