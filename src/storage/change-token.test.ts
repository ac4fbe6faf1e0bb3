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
        // SQLite keeps the token it read until the event loop turns or this connection
        // writes: a write through the query builder, right after a read, must show.
        await store.orgUnits.upsertMany([{ ...TRA_VINH_UNITS[0]!, name: `${TRA_VINH_UNITS[0]!.name} (đổi tên)` }]);
        const afterBuilderWrite = await store.changeToken();
        assert.notEqual(afterBuilderWrite, afterOwnWrite, 'a write through the query builder moves it at once');

        const other = await openStore({ url: fresh.url, env: {} });
        try {
          await other.transaction((tx) => tx.dataValues.upsertMany([{ indicator: 'qr.scans', orgUnit: 'stttt', period: '2022-05', disagg: '', value: 7 }]));
        } finally {
          await other.close();
        }
        // Another process's commit shows from the next turn of the event loop on.
        await new Promise((resolve) => setImmediate(resolve));
        assert.notEqual(await store.changeToken(), afterBuilderWrite, "another connection's write moves it");
      }));
  });
}
