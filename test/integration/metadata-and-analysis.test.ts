// Metadata import/export, values export, aggregation and validation use cases on both
// databases (under src/cli because only the wiring layers may import src/storage).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregateIndicator } from '../../src/app/analysis/aggregate-indicator.ts';
import { exportMetadata } from '../../src/app/metadata/export-metadata.ts';
import { exportValues } from '../../src/app/values/export-values.ts';
import { importMetadata } from '../../src/app/metadata/import-metadata.ts';
import type { MetadataSet } from '../../src/app/metadata/import-metadata.ts';
import { importValues } from '../../src/app/values/import-values.ts';
import type { Store } from '../../src/app/ports.ts';
import { validateOrgUnitPeriod } from '../../src/app/analysis/validate-org-unit-period.ts';
import { parsePeriod } from '../../src/core/period.ts';
import { parseValuesFile } from '../../src/exchange/values-file.ts';
import { CHANNEL, INDICATORS } from '../../src/storage/testing/fixtures.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

const METADATA: MetadataSet = {
  orgUnits: [
    { code: 'tv', name: 'Tỉnh Trà Vinh', parentCode: null, kind: 'province' },
    { code: 'stttt', name: 'Sở Thông tin và Truyền thông', parentCode: 'tv', kind: 'department' },
    { code: 'vp', name: 'Văn phòng Sở', parentCode: 'stttt', kind: 'division' },
  ],
  disaggregations: [CHANNEL],
  indicators: [...INDICATORS],
  validationRules: [{
    code: 'dvc.online_le_total', name: 'Hồ sơ trực tuyến không quá tổng', left: '#{dvc.dossiers:channel=online}', operator: 'less_than_or_equal_to',
    right: '#{dvc.dossiers}', severity: 'warning', message: 'Hồ sơ trực tuyến nhiều hơn tổng số hồ sơ.',
  }],
};

const APRIL = JSON.stringify({
  period: '202204',
  dataValues: [
    { dataElement: 'ioffice.docs_issued', orgUnit: 'stttt', value: '20601' },
    { dataElement: 'ioffice.docs_signed', orgUnit: 'stttt', value: '15904' },
    { dataElement: 'ioffice.docs_issued', orgUnit: 'vp', value: '100' },
    { dataElement: 'ioffice.docs_signed', orgUnit: 'vp', value: '150' },
    { dataElement: 'dvc.dossiers', orgUnit: 'stttt', categoryOptionCombo: 'channel=online', value: '2312' },
    { dataElement: 'dvc.dossiers', orgUnit: 'stttt', categoryOptionCombo: 'channel=direct', value: '20655' },
  ],
});

const APRIL_PERIOD = parsePeriod('2022-04');

async function loaded(store: Store): Promise<void> {
  assert.equal((await importMetadata({ store, metadata: METADATA, actor: 'test' })).status, 'SUCCESS');
  assert.equal((await importValues({ store, parsed: parseValuesFile(APRIL), actor: 'test' })).status, 'SUCCESS');
}

for (const database of testDatabases()) {
  describe(`metadata and analysis on ${database.name}`, { skip: database.skip }, () => {
    test('metadata import computes levels and paths; the same file again is all unchanged; export gives it back', () =>
      database.withStore(async (store) => {
        const first = await importMetadata({ store, metadata: METADATA, actor: 'test' });
        assert.deepEqual(first.counts.orgUnits, { imported: 3, updated: 0, unchanged: 0 });
        assert.equal((await store.orgUnits.get('vp'))?.path, '/tv/stttt/vp');
        assert.equal((await store.orgUnits.get('vp'))?.level, 3);
        const again = await importMetadata({ store, metadata: METADATA, actor: 'test' });
        for (const counts of Object.values(again.counts)) assert.equal(counts.imported + counts.updated, 0);
        assert.equal((await store.audit.list({ action: 'metadata.import' })).length, 1);
        const exported = await exportMetadata({ store });
        assert.deepEqual(exported.orgUnits.map((u) => [u.code, u.parentCode]).sort(), [['stttt', 'tv'], ['tv', null], ['vp', 'stttt']]);
        assert.equal(exported.indicators.length, INDICATORS.length);
        assert.equal(exported.validationRules[0]?.code, 'dvc.online_le_total');
      }));

    test('a dry run counts and writes nothing', () =>
      database.withStore(async (store) => {
        const dry = await importMetadata({ store, metadata: METADATA, dryRun: true, actor: 'test' });
        assert.equal(dry.status, 'SUCCESS');
        assert.deepEqual(dry.counts.indicators, { imported: INDICATORS.length, updated: 0, unchanged: 0 });
        assert.deepEqual(await store.orgUnits.list(), []);
        assert.deepEqual(await store.indicators.listIndicators(), []);
      }));

    test('an inconsistent file (unknown parent, unknown disaggregation) writes nothing and says where', () =>
      database.withStore(async (store) => {
        const broken: MetadataSet = {
          ...METADATA,
          orgUnits: [...METADATA.orgUnits, { code: 'lost', name: 'Đơn vị lạc', parentCode: 'nowhere' }],
          indicators: [...METADATA.indicators, { ...INDICATORS[0]!, code: 'x.by_level', disaggregations: ['level'] }],
        };
        const result = await importMetadata({ store, metadata: broken, actor: 'test' });
        assert.equal(result.status, 'ERROR');
        assert.ok(result.problems.some((p) => /lost/.test(p.path + p.message)));
        assert.ok(result.problems.some((p) => /level/.test(p.message)));
        assert.deepEqual(await store.orgUnits.list(), []);
      }));

    test('a derived formula or a rule naming what does not exist is refused at import, at the entry of the file', () =>
      database.withStore(async (store) => {
        await importMetadata({ store, metadata: METADATA, actor: 'test' });
        const typo: MetadataSet = {
          orgUnits: [], disaggregations: [],
          indicators: [{ ...INDICATORS[0]!, code: 'x.share', kind: 'derived', expression: '#{ioffice.docs_signd} / #{ioffice.docs_issued} * 100' }],
          validationRules: [{ ...METADATA.validationRules[0]!, code: 'r.broken', right: '#{dvc.dossiers} +' }],
        };
        const result = await importMetadata({ store, metadata: typo, actor: 'test' });
        assert.equal(result.status, 'ERROR');
        const formula = result.problems.find((p) => p.path === 'indicators[0].expression');
        assert.match(formula?.message ?? '', /"ioffice\.docs_signd" chưa được khai báo/);
        const rule = result.problems.find((p) => p.path === 'validationRules[0].right');
        assert.match(rule?.message ?? '', /Quy tắc kiểm tra "r\.broken", vế phải .*Lỗi cú pháp tại vị trí/);
        assert.equal(await store.indicators.listIndicators().then((list) => list.some((i) => i.code === 'x.share')), false);
      }));

    test('values export: the unit alone, or its subtree', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const alone = await exportValues({ store, orgUnit: 'stttt', period: APRIL_PERIOD });
        assert.ok(alone.ok);
        assert.equal(alone.values.length, 4);
        const subtree = await exportValues({ store, orgUnit: 'tv', period: parsePeriod('2022-Q2'), children: true });
        assert.ok(subtree.ok);
        assert.equal(subtree.values.length, 6);
        assert.deepEqual(await exportValues({ store, orgUnit: 'nowhere', period: APRIL_PERIOD }), { ok: false, problem: 'Đơn vị "nowhere" chưa được khai báo.' });
      }));

    test('aggregate: a subtree sum, a filtered part, and a ratio of sums with its parts', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const issued = await aggregateIndicator({ store, indicator: 'ioffice.docs_issued', orgUnit: 'tv', period: APRIL_PERIOD });
        assert.ok(issued.ok);
        assert.equal(issued.explanation.value, 20701);
        const online = await aggregateIndicator({ store, indicator: 'dvc.dossiers', orgUnit: 'stttt', period: APRIL_PERIOD, filter: { channel: 'online' } });
        assert.ok(online.ok);
        assert.equal(online.explanation.value, 2312);
        const ratio = await aggregateIndicator({ store, indicator: 'ioffice.signed_ratio', orgUnit: 'stttt', period: APRIL_PERIOD });
        assert.ok(ratio.ok);
        assert.equal(ratio.explanation.value, (15904 + 150) / (20601 + 100));
        assert.deepEqual(ratio.explanation.parts.map((p) => [p.indicator, p.value]), [['ioffice.docs_signed', 16054], ['ioffice.docs_issued', 20701]]);
        const bad = await aggregateIndicator({ store, indicator: 'dvc.dossiers', orgUnit: 'stttt', period: APRIL_PERIOD, filter: { channel: 'post' } });
        assert.deepEqual(bad, { ok: false, problem: 'Phân tổ "channel" không có mục "post".' });
      }));

    test('aggregate: a financial year and a week ending in the next calendar year take their parts of that year', () =>
      database.withStore(async (store) => {
        await loaded(store);
        // April 2022 (loaded) and March 2023 of the financial year from April 2022; two
        // days of ISO week 53 of 2020, one of them in January 2021.
        const more = JSON.stringify({ dataValues: [
          { dataElement: 'ioffice.docs_issued', orgUnit: 'stttt', period: '202303', value: '1000' },
          { dataElement: 'ioffice.docs_issued', orgUnit: 'stttt', period: '20201231', value: '7' },
          { dataElement: 'ioffice.docs_issued', orgUnit: 'stttt', period: '20210102', value: '5' },
        ] });
        assert.equal((await importValues({ store, parsed: parseValuesFile(more), actor: 'test' })).status, 'SUCCESS');
        const financial = await aggregateIndicator({ store, indicator: 'ioffice.docs_issued', orgUnit: 'stttt', period: parsePeriod('2022April') });
        assert.ok(financial.ok);
        assert.equal(financial.explanation.value, 20601 + 100 + 1000);
        const week = await aggregateIndicator({ store, indicator: 'ioffice.docs_issued', orgUnit: 'stttt', period: parsePeriod('2020W53') });
        assert.ok(week.ok);
        assert.equal(week.explanation.value, 12);
      }));

    test('validate: the office signed more than it issued (implied part/whole rule)', () =>
      database.withStore(async (store) => {
        await loaded(store);
        const department = await validateOrgUnitPeriod({ store, orgUnit: 'stttt', period: APRIL_PERIOD });
        assert.ok(department.ok);
        assert.deepEqual(department.findings.filter((f) => f.severity === 'error'), []);
        const all = await validateOrgUnitPeriod({ store, orgUnit: 'stttt', period: APRIL_PERIOD, children: true });
        assert.ok(all.ok);
        assert.deepEqual(all.orgUnits, ['stttt', 'vp']);
        const errors = all.findings.filter((f) => f.severity === 'error');
        assert.equal(errors.length, 1);
        assert.equal(errors[0]?.orgUnit, 'vp');
        assert.deepEqual([errors[0]?.left, errors[0]?.right], [150, 100]);
      }));
  });
}
