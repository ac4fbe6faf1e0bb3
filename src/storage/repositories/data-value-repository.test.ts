import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../app/ports.ts';
import type { DataValue } from '../../core/data-value.ts';
import { buildValue, CHANNEL, INDICATORS, TRA_VINH_UNITS } from '../testing/fixtures.ts';
import { testDatabases } from '../testing/test-databases.ts';

async function seedCatalogue(store: Store): Promise<void> {
  await store.orgUnits.upsertMany(TRA_VINH_UNITS);
  await store.indicators.upsertDisaggregations([CHANNEL]);
  await store.indicators.upsertIndicators(INDICATORS);
}

/** What a user compares: the figures, not the timestamps. */
function figures(values: readonly DataValue[]) {
  return values.map(({ indicator, orgUnit, period, disagg, value, comment }) => ({ indicator, orgUnit, period, disagg, value, comment: comment ?? null }));
}

const APRIL: readonly DataValue[] = [
  buildValue({ indicator: 'ioffice.docs_issued', orgUnit: 'stttt', value: 20601 }),
  buildValue({ indicator: 'ioffice.docs_signed', orgUnit: 'stttt', value: 15905 }),
  buildValue({ indicator: 'dvc.dossiers', orgUnit: 'stttt', disagg: 'channel=direct', value: 20655 }),
  buildValue({ indicator: 'dvc.dossiers', orgUnit: 'stttt', disagg: 'channel=online', value: 2312, comment: 'Cổng DVC tỉnh' }),
  buildValue({ indicator: 'qr.scans', orgUnit: 'cntt', value: 105400 }),
];

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('upsertMany counts imported, then updated, then unchanged', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        assert.deepEqual(await store.dataValues.upsertMany(APRIL), { imported: 5, updated: 0, unchanged: 0 });

        const corrected = APRIL.map((v) => (v.indicator === 'qr.scans' ? { ...v, value: 105401 } : v));
        const commented = corrected.map((v) => (v.indicator === 'ioffice.docs_signed' ? { ...v, comment: 'đã rà soát' } : v));
        assert.deepEqual(await store.dataValues.upsertMany(commented), { imported: 0, updated: 2, unchanged: 3 });

        const withNew = [...commented, buildValue({ period: '2022-05', value: 21000 })];
        assert.deepEqual(await store.dataValues.upsertMany(withNew), { imported: 1, updated: 0, unchanged: 5 });

        const stored = await store.dataValues.find({ periods: ['2022-04'], indicators: ['qr.scans', 'ioffice.docs_signed'] });
        assert.deepEqual(figures(stored), [
          { indicator: 'ioffice.docs_signed', orgUnit: 'stttt', period: '2022-04', disagg: '', value: 15905, comment: 'đã rà soát' },
          { indicator: 'qr.scans', orgUnit: 'cntt', period: '2022-04', disagg: '', value: 105401, comment: null },
        ]);
      }));

    test('unchanged rows are not rewritten: who stored them and when stay as they were', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        const first = buildValue({ storedBy: 'vanphong', updatedAt: '2022-04-15T08:00:00.000Z' });
        await store.dataValues.upsertMany([first]);
        await store.dataValues.upsertMany([{ ...first, storedBy: 'someone-else', updatedAt: '2022-05-01T00:00:00.000Z' }]);
        const [stored] = await store.dataValues.find({ indicators: ['ioffice.docs_issued'] });
        assert.equal(stored?.storedBy, 'vanphong');
        assert.equal(stored?.updatedAt, '2022-04-15T08:00:00.000Z');
      }));

    test('a key given again applies in order: the last value wins and each row is counted', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        const counts = await store.dataValues.upsertMany([
          buildValue({ value: 1 }), buildValue({ value: 2 }), buildValue({ value: 2 }), buildValue({ orgUnit: 'cntt', value: 7 }), buildValue({ value: 3 }),
        ]);
        assert.deepEqual(counts, { imported: 2, updated: 2, unchanged: 1 });
        assert.deepEqual(figures(await store.dataValues.find({})).map((v) => [v.orgUnit, v.value]), [['cntt', 7], ['stttt', 3]]);
        // The fall-back must not have left the transaction unusable.
        assert.deepEqual(await store.dataValues.upsertMany([buildValue({ value: 3 })]), { imported: 0, updated: 0, unchanged: 1 });
      }));

    test('many thousands of values go through in several statements and come back intact', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        // More rows than one SQLite statement can bind (32766 variables / 8 columns).
        const values = Array.from({ length: 9000 }, (_, i) =>
          buildValue({ indicator: 'qr.scans', orgUnit: TRA_VINH_UNITS[i % 4]?.code ?? 'tv', period: `${2000 + Math.floor(i / 48)}-${String((i % 12) + 1).padStart(2, '0')}`, disagg: `n=${i}`, value: i }),
        );
        assert.deepEqual(await store.dataValues.upsertMany(values), { imported: 9000, updated: 0, unchanged: 0 });
        const changedEveryThird = values.map((v, i) => (i % 3 === 0 ? { ...v, value: (v.value ?? 0) + 0.5 } : v));
        assert.deepEqual(await store.dataValues.upsertMany(changedEveryThird), { imported: 0, updated: 3000, unchanged: 6000 });
        const stored = await store.dataValues.find({ indicators: ['qr.scans'] });
        assert.equal(stored.length, 9000);
        assert.equal(stored.reduce((sum, v) => sum + (v.value ?? 0), 0), (8999 * 9000) / 2 + 1500);
      }));

    test('a transaction that throws leaves nothing behind', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.dataValues.upsertMany(APRIL);
            assert.equal((await tx.dataValues.find({})).length, 5, 'visible inside the transaction');
            throw new Error('import aborted');
          }),
          /import aborted/,
        );
        assert.deepEqual(await store.dataValues.find({}), []);
      }));

    test('values naming an unknown unit or indicator are refused as a whole', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        await assert.rejects(
          store.dataValues.upsertMany([...APRIL, buildValue({ orgUnit: 'khong-co' }), buildValue({ indicator: 'khong.co' })]),
          (error: Error) => /đơn vị chưa có: khong-co/.test(error.message) && /chỉ tiêu chưa có: khong.co/.test(error.message),
        );
        assert.deepEqual(await store.dataValues.find({}), []);
      }));

    test('find by subtree path returns the unit and its descendants only', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        await store.dataValues.upsertMany([
          buildValue({ orgUnit: 'tv', value: 1 }),
          buildValue({ orgUnit: 'stttt', value: 2 }),
          buildValue({ orgUnit: 'cntt', value: 3 }),
          buildValue({ orgUnit: 'bcvt', value: 4, period: '2022-03' }),
          buildValue({ orgUnit: 'tvx', value: 5 }),
          buildValue({ orgUnit: 'vl', value: 6 }),
        ]);
        const unitsOf = (values: DataValue[]) => values.map((v) => v.orgUnit).sort();
        assert.deepEqual(unitsOf(await store.dataValues.find({ underPath: '/tv' })), ['bcvt', 'cntt', 'stttt', 'tv']);
        assert.deepEqual(unitsOf(await store.dataValues.find({ underPath: '/tv/stttt', periods: ['2022-04'] })), ['cntt', 'stttt']);
        assert.deepEqual(unitsOf(await store.dataValues.find({ underPath: '/tv/stttt/cntt' })), ['cntt']);
        assert.deepEqual(unitsOf(await store.dataValues.find({ orgUnits: ['vl', 'tvx'] })), ['tvx', 'vl']);
        assert.deepEqual(await store.dataValues.find({ orgUnits: [] }), []);
      }));

    test('find by years returns every period of those years and none of the years around them', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        // Codes of every shape, at the edges of the years: a week of 2020 ending in 2021,
        // the financial year starting in 2021, the last day before 2022.
        const periods = ['2019-12', '2020-W53', '2021', '2021-01-01', '2021-April', '2021-AprilS2', '2021-B6', '2021-BiW26', '2021-H2', '2021-Q4', '2021-12', '2021-12-31', '2022-01', '2022-W01', '2023'];
        await store.dataValues.upsertMany(periods.map((period, i) => buildValue({ period, value: i })));
        const periodsOf = async (years: number[]) => (await store.dataValues.find({ underPath: '/tv', years })).map((v) => v.period).sort();
        assert.deepEqual(await periodsOf([2021]), ['2021', '2021-01-01', '2021-12', '2021-12-31', '2021-April', '2021-AprilS2', '2021-B6', '2021-BiW26', '2021-H2', '2021-Q4'].sort());
        assert.deepEqual(await periodsOf([2020, 2022]), ['2020-W53', '2022-01', '2022-W01']);
        assert.deepEqual(await periodsOf([2022, 2023, 2021, 2020]), periods.filter((p) => !p.startsWith('2019')).sort());
        assert.deepEqual(await periodsOf([]), []);
      }));

    test('attribute options are part of the key; text, follow-up and a null number round-trip', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        const a = buildValue({ attr: 'mechanism=a', value: 10 });
        const b = buildValue({ attr: 'mechanism=b', value: 20 });
        const total = buildValue({ value: 30, followup: true });
        const note = buildValue({ indicator: 'dvc.dossiers', disagg: 'channel=direct', value: null, text: 'Không có hồ sơ trực tiếp' });
        assert.deepEqual(await store.dataValues.upsertMany([a, b, total, note]), { imported: 4, updated: 0, unchanged: 0 });
        const stored = await store.dataValues.find({ indicators: ['ioffice.docs_issued'] });
        assert.deepEqual(stored.map((v) => [v.attr, v.value, v.followup ?? false]), [['', 30, true], ['mechanism=a', 10, false], ['mechanism=b', 20, false]]);
        const [text] = await store.dataValues.find({ indicators: ['dvc.dossiers'] });
        assert.equal(text?.value, null);
        assert.equal(text?.text, 'Không có hồ sơ trực tiếp');
        // Changing only the follow-up mark or the text is an update; the same again is unchanged.
        assert.deepEqual(await store.dataValues.upsertMany([{ ...total, followup: false }, { ...note, text: 'Khác' }, a]), { imported: 0, updated: 2, unchanged: 1 });
        assert.equal(await store.dataValues.deleteMany([b]), 1);
        assert.deepEqual((await store.dataValues.findExisting([a, b])).map((v) => v.attr), ['mechanism=a']);
      }));

    test('findExisting returns the stored ones among the given keys; deleteMany removes them', () =>
      database.withStore(async (store) => {
        await seedCatalogue(store);
        await store.dataValues.upsertMany(APRIL);
        const asked = [APRIL[0]!, APRIL[3]!, buildValue({ period: '2021-12' }), buildValue({ orgUnit: 'khong-co' })];
        const existing = await store.dataValues.findExisting(asked);
        assert.deepEqual(figures(existing).sort((a, b) => (a.value ?? 0) - (b.value ?? 0)), figures([APRIL[3]!, APRIL[0]!]));

        assert.equal(await store.dataValues.deleteMany(asked), 2);
        assert.equal((await store.dataValues.find({})).length, 3);
        assert.equal(await store.dataValues.deleteMany([]), 0);
      }));

    test('the database refuses a second row with the same key', () =>
      database.withStore(async (store, fresh) => {
        await seedCatalogue(store);
        await store.dataValues.upsertMany([APRIL[0]!]);
        const row = await fresh.db.selectFrom('data_value').selectAll().executeTakeFirstOrThrow();
        await assert.rejects(fresh.db.insertInto('data_value').values({ ...row, value: 1 }).execute(), /unique|duplicate/i);
      }));
  });
}
