// Queries built once per shape (query-template.ts) answer each call with its own
// values, inside and outside transactions, on both databases; a builder that does more
// than bind a value is built every time instead of answering with stale values.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { openSqliteDatabase } from '../dialects/sqlite/sqlite-database.ts';
import { CHANNEL, INDICATORS, TRA_VINH_UNITS } from '../testing/fixtures.ts';
import { testDatabases } from '../testing/test-databases.ts';
import { runTemplate } from './query-template.ts';

const value = (orgUnit: string, period: string, v: number) => ({ indicator: 'qr.scans', orgUnit, period, disagg: '', value: v });

for (const database of testDatabases()) {
  describe(`queries built once per shape on ${database.name}`, { skip: database.skip }, () => {
    test('the same shape asked with other values answers with those values', () =>
      database.withStore(async (store) => {
        await store.orgUnits.upsertMany(TRA_VINH_UNITS);
        await store.indicators.upsertDisaggregations([CHANNEL]);
        await store.indicators.upsertIndicators(INDICATORS);
        await store.dataValues.upsertMany([value('stttt', '2022-04', 5), value('bcvt', '2022-04', 6), value('stttt', '2022-05', 7)]);
        const ask = async (orgUnit: string, period: string) =>
          (await store.dataValues.find({ orgUnits: [orgUnit], periods: [period], indicators: ['qr.scans'] })).map((v) => v.value);
        assert.deepEqual(await ask('stttt', '2022-04'), [5]);
        assert.deepEqual(await ask('bcvt', '2022-04'), [6]);
        assert.deepEqual(await ask('stttt', '2022-05'), [7]);
        assert.deepEqual(await ask('bcvt', '2022-05'), []);
        assert.deepEqual((await store.dataValues.find({ orgUnits: ['stttt', 'bcvt'], periods: ['2022-04'] })).map((v) => [v.orgUnit, v.value]), [['bcvt', 6], ['stttt', 5]]);
        assert.deepEqual(await store.dataValues.find({ orgUnits: [], periods: ['2022-04'] }), [], 'an empty list matches nothing');
        // Inside a transaction, its own write is seen through the same shape.
        await store.transaction(async (tx) => {
          await tx.dataValues.upsertMany([value('bcvt', '2022-05', 8)]);
          assert.deepEqual((await tx.dataValues.find({ orgUnits: ['bcvt'], periods: ['2022-05'], indicators: ['qr.scans'] })).map((v) => v.value), [8]);
        });
        assert.deepEqual(await ask('bcvt', '2022-05'), [8]);
      }));
  });
}

test('a builder that reshapes its value is never kept as a template', async () => {
  const { db } = openSqliteDatabase(':memory:');
  try {
    // The length of the value changes the SQL: the marker would give the wrong length.
    const build = (q: typeof db, [word]: readonly unknown[]) =>
      q.selectNoFrom([sql<number>`${(word as string).length}`.as('n'), sql<string>`${word}`.as('w')]);
    assert.deepEqual(await runTemplate(db, 'test.reshaped', ['ab'], build), [{ n: 2, w: 'ab' }]);
    assert.deepEqual(await runTemplate(db, 'test.reshaped', ['abcde'], build), [{ n: 5, w: 'abcde' }]);
    // A value used twice is built every time too (one marker must be one parameter).
    const twice = (q: typeof db, [word]: readonly unknown[]) => q.selectNoFrom([sql<string>`${word}`.as('a'), sql<string>`${word}`.as('b')]);
    assert.deepEqual(await runTemplate(db, 'test.twice', ['x'], twice), [{ a: 'x', b: 'x' }]);
    assert.deepEqual(await runTemplate(db, 'test.twice', ['y'], twice), [{ a: 'y', b: 'y' }]);
  } finally {
    await db.destroy();
  }
});
