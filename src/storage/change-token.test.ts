// The change token read caches rely on: it moves on every write, from this connection
// or from another one sharing the database (a second server process, a CLI import),
// and stays put while only reads happen.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openStore } from './open-store.ts';
import { CHANNEL, INDICATORS, TRA_VINH_UNITS } from './testing/fixtures.ts';
import { testDatabases } from './testing/test-databases.ts';

for (const database of testDatabases()) {
  describe(`change token on ${database.name}`, { skip: database.skip }, () => {
    test('moves on writes from either connection, not on reads', () =>
      database.withStore(async (store, fresh) => {
        await store.orgUnits.upsertMany(TRA_VINH_UNITS);
        await store.indicators.upsertDisaggregations([CHANNEL]);
        await store.indicators.upsertIndicators(INDICATORS);
        const before = await store.changeToken();
        await store.orgUnits.list();
        await store.dataValues.find({});
        // PostgreSQL's token is the cluster's WAL position: the other test databases on the
        // shared test cluster write meanwhile, so "reads leave it" holds only for SQLite here.
        if (database.name === 'SQLite') assert.equal(await store.changeToken(), before, 'reads leave it');

        await store.transaction((tx) => tx.dataValues.upsertMany([{ indicator: 'qr.scans', orgUnit: 'stttt', period: '2022-04', disagg: '', value: 5 }]));
        const afterOwnWrite = await store.changeToken();
        assert.notEqual(afterOwnWrite, before, 'a write through this store moves it');

        const other = await openStore({ url: fresh.url, env: {} });
        try {
          await other.transaction((tx) => tx.dataValues.upsertMany([{ indicator: 'qr.scans', orgUnit: 'stttt', period: '2022-05', disagg: '', value: 7 }]));
        } finally {
          await other.close();
        }
        assert.notEqual(await store.changeToken(), afterOwnWrite, "another connection's write moves it");
      }));
  });
}
