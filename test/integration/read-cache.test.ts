// The read cache behind the hot paths, on both databases: a hit while nothing is
// written, a recomputation after any write (this store's, a transaction's, another
// connection's), and never a result a rolled-back transaction saw.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../src/app/ports.ts';
import { cachedRead } from '../../src/app/read-cache.ts';
import { openStore } from '../../src/storage/open-store.ts';
import { CHANNEL, INDICATORS, TRA_VINH_UNITS } from '../../src/storage/testing/fixtures.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

const value = (period: string, v: number) => ({ indicator: 'qr.scans', orgUnit: 'stttt', period, disagg: '', value: v });

/** The cached sum of stored QR scans, counting how often it is really computed. */
function counter(store: Store) {
  let computed = 0;
  const read = (on: Store = store) => cachedRead(on, 'test:qr-sum', async () => {
    computed++;
    return (await on.dataValues.find({ indicators: ['qr.scans'] })).reduce((sum, v) => sum + (v.value ?? 0), 0);
  });
  return { read, computed: () => computed };
}

for (const database of testDatabases()) {
  describe(`read cache on ${database.name}`, { skip: database.skip }, () => {
    test('hits while nothing is written; any write, from any connection, recomputes', () =>
      database.withStore(async (store, fresh) => {
        await store.orgUnits.upsertMany(TRA_VINH_UNITS);
        await store.indicators.upsertDisaggregations([CHANNEL]);
        await store.indicators.upsertIndicators(INDICATORS);
        const sum = counter(store);
        assert.equal(await sum.read(), 0);
        // PostgreSQL's token is the cluster's WAL position, which the other test databases
        // move meanwhile: a hit can be asserted on SQLite only; correctness on both.
        assert.equal(await sum.read(), 0);
        if (database.name === 'SQLite') assert.equal(sum.computed(), 1, 'the second read is a hit');

        await store.transaction((tx) => tx.dataValues.upsertMany([value('2022-04', 5)]));
        assert.equal(await sum.read(), 5, 'a write through the store');

        const other = await openStore({ url: fresh.url, env: {} });
        await other.transaction((tx) => tx.dataValues.upsertMany([value('2022-05', 7)]));
        await other.close();
        // As a request after it would: in a later turn of the event loop (SqliteChangeToken).
        await new Promise((resolve) => setImmediate(resolve));
        assert.equal(await sum.read(), 12, "another connection's write");
      }));

    test('a transaction reads the cache but never fills it with what a rollback takes back', () =>
      database.withStore(async (store) => {
        await store.orgUnits.upsertMany(TRA_VINH_UNITS);
        await store.indicators.upsertDisaggregations([CHANNEL]);
        await store.indicators.upsertIndicators(INDICATORS);
        await store.transaction((tx) => tx.dataValues.upsertMany([value('2022-04', 5)]));
        const sum = counter(store);
        assert.equal(await sum.read(), 5);
        await assert.rejects(store.transaction(async (tx) => {
          if (database.name === 'SQLite') {
            const before = sum.computed();
            assert.equal(await sum.read(tx), 5, 'before writing, the transaction sees the cached sum');
            assert.equal(sum.computed(), before, 'as a hit');
          }
          await tx.dataValues.upsertMany([value('2022-06', 100)]);
          assert.equal(await sum.read(tx), 105, 'after writing, its own view');
          throw new Error('roll back');
        }), /roll back/);
        assert.equal(await sum.read(), 5, 'the rolled-back write is not served from the cache');
      }));
  });
}
