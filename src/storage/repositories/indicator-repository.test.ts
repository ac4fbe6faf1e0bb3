import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OptionCombo } from '../../core/indicator.ts';
import { buildIndicator, CHANNEL, INDICATORS } from '../testing/fixtures.ts';
import { testDatabases } from '../testing/test-databases.ts';

const LEVEL = { code: 'level', name: 'Mức độ dịch vụ công', options: [{ code: '3', name: 'Mức 3' }, { code: '4', name: 'Mức 4' }] };

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('disaggregations round-trip with their options in order', () =>
      database.withStore(async (store) => {
        assert.deepEqual(await store.indicators.upsertDisaggregations([LEVEL, CHANNEL]), { imported: 2, updated: 0, unchanged: 0 });
        assert.deepEqual(await store.indicators.listDisaggregations(), [CHANNEL, LEVEL]);

        const reordered = { ...CHANNEL, options: [...CHANNEL.options].reverse() };
        assert.deepEqual(await store.indicators.upsertDisaggregations([reordered, LEVEL]), { imported: 0, updated: 1, unchanged: 1 });
        assert.deepEqual((await store.indicators.listDisaggregations())[0], reordered);
      }));

    test('indicators round-trip with every field, their disaggregations and aggregation rules', () =>
      database.withStore(async (store) => {
        await store.indicators.upsertDisaggregations([CHANNEL, LEVEL]);
        const withTwo = buildIndicator({ code: 'dvc.dossiers_by_level', unit: 'hồ sơ', disaggregations: ['level', 'channel'] });
        assert.deepEqual(await store.indicators.upsertIndicators([...INDICATORS, withTwo]), { imported: 7, updated: 0, unchanged: 0 });

        const listed = await store.indicators.listIndicators();
        const byCode = new Map(listed.map((i) => [i.code, i]));
        assert.deepEqual(byCode.get('dvc.dossiers_by_level')?.disaggregations, ['level', 'channel']);
        assert.deepEqual(byCode.get('ioffice.signed_ratio'), {
          code: 'ioffice.signed_ratio', name: 'Tỷ lệ văn bản ký số', unit: '%', kind: 'derived', valueType: 'PERCENTAGE',
          disaggregations: [], aggregation: { time: 'none', org: 'none' }, expression: '#{ioffice.docs_signed} / #{ioffice.docs_issued}',
          decimals: 2, accumulates: null, partOf: null, description: null,
        });
        assert.deepEqual(byCode.get('qr.scans_total')?.aggregation, { time: 'last', org: 'sum' });
        assert.equal(byCode.get('qr.scans_total')?.accumulates, 'qr.scans');
        assert.equal(byCode.get('ioffice.docs_signed')?.partOf, 'ioffice.docs_issued');
      }));

    test('changing an indicator updates it (its disaggregation list too); the rest are unchanged', () =>
      database.withStore(async (store) => {
        await store.indicators.upsertDisaggregations([CHANNEL, LEVEL]);
        await store.indicators.upsertIndicators(INDICATORS);
        const changed = INDICATORS.map((i) =>
          i.code === 'dvc.dossiers' ? { ...i, disaggregations: ['channel', 'level'] } : i.code === 'qr.scans' ? { ...i, decimals: 1 } : i,
        );
        assert.deepEqual(await store.indicators.upsertIndicators(changed), { imported: 0, updated: 2, unchanged: 4 });
        const listed = new Map((await store.indicators.listIndicators()).map((i) => [i.code, i]));
        assert.deepEqual(listed.get('dvc.dossiers')?.disaggregations, ['channel', 'level']);
        assert.equal(listed.get('qr.scans')?.decimals, 1);
      }));

    test('an indicator naming an unknown disaggregation is refused and nothing is written', () =>
      database.withStore(async (store) => {
        await assert.rejects(store.indicators.upsertIndicators([buildIndicator({ code: 'x', disaggregations: ['khong-co'] })]));
        assert.deepEqual(await store.indicators.listIndicators(), []);
      }));

    test('DHIS2 identifiers, attribute dimensions and option combinations round-trip', () =>
      database.withStore(async (store) => {
        const channel = { ...CHANNEL, uid: 'cX5k9anHEHd', dhis2Code: 'CHANNEL', options: CHANNEL.options.map((o, i) => ({ ...o, uid: `apsOixVZlf${i}` })) };
        await store.indicators.upsertDisaggregations([channel, LEVEL]);
        assert.deepEqual((await store.indicators.listDisaggregations())[0], channel);
        const withIds = buildIndicator({ code: 'dvc.dossiers_by_level', unit: 'hồ sơ', disaggregations: ['channel'], attributes: ['level'], uid: 'fbfJHSPpUQD', dhis2Code: 'DE_1' });
        await store.indicators.upsertIndicators([withIds]);
        assert.deepEqual((await store.indicators.listIndicators())[0], { expression: null, accumulates: null, partOf: null, description: null, ...withIds });
        assert.deepEqual(await store.indicators.upsertIndicators([withIds]), { imported: 0, updated: 0, unchanged: 1 });
        assert.deepEqual(await store.indicators.upsertIndicators([{ ...withIds, attributes: [] }]), { imported: 0, updated: 1, unchanged: 0 });

        const combos: OptionCombo[] = [
          { uid: 'HllvX50cXC0', name: 'default', options: {} },
          { uid: 'bRowv6yZOF2', code: 'ONLINE_L3', name: 'Trực tuyến, Mức 3', options: { level: '3', channel: 'online' } },
        ];
        assert.deepEqual(await store.indicators.upsertOptionCombos(combos), { imported: 2, updated: 0, unchanged: 0 });
        assert.deepEqual(await store.indicators.listOptionCombos(), combos);
        assert.deepEqual(await store.indicators.upsertOptionCombos([{ ...combos[1]!, name: 'Đổi tên' }]), { imported: 0, updated: 1, unchanged: 0 });
        assert.deepEqual((await store.indicators.listOptionCombos()).map((c) => c.uid), ['HllvX50cXC0', 'bRowv6yZOF2']);
      }));
  });
}
