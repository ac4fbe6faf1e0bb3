// Chart series and the disaggregation catalogue through the API, on both databases:
// a derived share per month is a ratio of the subtree's sums (not stored on the unit
// itself), a slice applies to the parts of the ratio, `by=unit` splits by child unit,
// scope and bad input are refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INDICATORS } from '../../../storage/testing/fixtures.ts';
import { testDatabases } from '../../../storage/testing/test-databases.ts';
import { withApi } from '../../testing/api-test-kit.ts';
import type { ApiKit, Caller } from '../../testing/api-test-kit.ts';

interface Analytics { periods: string[]; series: { orgUnit: string; name: string; values: (number | null)[] }[]; indicator: { code: string; unit: string } }

async function seedLevels(kit: ApiKit): Promise<void> {
  await kit.store.indicators.upsertDisaggregations([{ code: 'service_level', name: 'Cấp giải quyết', options: [{ code: 'province', name: 'Cấp tỉnh' }, { code: 'commune', name: 'Cấp xã' }] }]);
  const dossiers = INDICATORS.find((i) => i.code === 'dvc.dossiers');
  assert.ok(dossiers);
  await kit.store.indicators.upsertIndicators([
    { ...dossiers, disaggregations: ['channel', 'service_level'] },
    { ...dossiers, code: 'dvc.online_share', name: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', kind: 'derived', valueType: 'PERCENTAGE', disaggregations: [], expression: '#{dvc.dossiers:channel=online} / #{dvc.dossiers} * 100' },
  ]);
}

async function put(kit: ApiKit, caller: Caller, dataValues: unknown[]): Promise<void> {
  const response = await kit.call(caller, 'PUT', '/api/values', { dataValues });
  assert.equal(response.statusCode, 200, response.body);
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('the signed share per month is computed from the divisions’ sums; by=unit splits it', () =>
      withApi(database, async (kit) => {
        const office = await kit.login('vanphong');
        // Nothing is stored on the department itself: only its divisions report.
        await put(kit, office, [
          { dataElement: 'ioffice.docs_issued', orgUnit: 'bcvt', period: '2022-03', value: 100 },
          { dataElement: 'ioffice.docs_signed', orgUnit: 'bcvt', period: '2022-03', value: 50 },
          { dataElement: 'ioffice.docs_issued', orgUnit: 'bcvt', period: '2022-04', value: 100 },
          { dataElement: 'ioffice.docs_signed', orgUnit: 'bcvt', period: '2022-04', value: 90 },
          { dataElement: 'ioffice.docs_issued', orgUnit: 'cntt', period: '2022-04', value: 300 },
          { dataElement: 'ioffice.docs_signed', orgUnit: 'cntt', period: '2022-04', value: 150 },
        ]);
        const month = await kit.call(office, 'GET', '/api/analytics?indicator=ioffice.signed_ratio&org=stttt&from=2022-02&to=2022-04');
        assert.equal(month.statusCode, 200, month.body);
        const body = month.json() as Analytics;
        assert.deepEqual(body.periods, ['2022-02', '2022-03', '2022-04']);
        // April: (90 + 150) / (100 + 300) = 0.6, not the mean of 0.9 and 0.5.
        assert.deepEqual(body.series.map((s) => [s.orgUnit, s.values]), [['stttt', [null, 0.5, 0.6]]]);

        const sums = await kit.call(office, 'GET', '/api/analytics?indicator=ioffice.docs_issued&org=stttt&from=2022-04&to=2022-04&by=unit');
        assert.equal(sums.statusCode, 200, sums.body);
        const byUnit = (sums.json() as Analytics).series.map((s) => [s.orgUnit, s.values]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
        assert.deepEqual(byUnit, [['bcvt', [100]], ['cntt', [300]]]);
      }));

    test('the online share of dossiers by service level slices both parts of the ratio', () =>
      withApi(database, async (kit) => {
        await seedLevels(kit);
        const office = await kit.login('vanphong');
        await put(kit, office, [
          { dataElement: 'dvc.dossiers', orgUnit: 'bcvt', period: '2022-04', categoryOptionCombo: 'channel=online;service_level=province', value: 30 },
          { dataElement: 'dvc.dossiers', orgUnit: 'bcvt', period: '2022-04', categoryOptionCombo: 'channel=direct;service_level=province', value: 70 },
          { dataElement: 'dvc.dossiers', orgUnit: 'bcvt', period: '2022-04', categoryOptionCombo: 'channel=online;service_level=commune', value: 90 },
          { dataElement: 'dvc.dossiers', orgUnit: 'bcvt', period: '2022-04', categoryOptionCombo: 'channel=direct;service_level=commune', value: 10 },
        ]);
        const share = async (filter: string) => {
          const response = await kit.call(office, 'GET', `/api/analytics?indicator=dvc.online_share&org=stttt&from=2022-04&to=2022-04${filter}`);
          assert.equal(response.statusCode, 200, response.body);
          return (response.json() as Analytics).series[0]?.values[0];
        };
        assert.equal(await share(''), 60);
        assert.equal(await share('&filter=service_level=province'), 30);
        assert.equal(await share('&filter=service_level=commune'), 90);

        const disaggregations = await kit.call(office, 'GET', '/api/disaggregations');
        assert.equal(disaggregations.statusCode, 200, disaggregations.body);
        const levels = (disaggregations.json() as { disaggregations: { code: string; options: { code: string; name: string }[] }[] }).disaggregations.find((d) => d.code === 'service_level');
        assert.deepEqual(levels?.options.map((o) => o.name), ['Cấp tỉnh', 'Cấp xã']);
      }));

    test('out of scope 403, unknown indicator 404, bad month, slice or range 400, without session 401', () =>
      withApi(database, async (kit) => {
        const reporter = await kit.login('bcvt');
        const cases: [Caller | null, string, number, string | null][] = [
          [reporter, '/api/analytics?indicator=qr.scans&org=stttt&from=2022-01&to=2022-04', 403, null],
          [reporter, '/api/analytics?indicator=qr.scans&org=bcvt&from=2022-01&to=2022-04', 200, null],
          [reporter, '/api/analytics?indicator=khong.co&org=bcvt&from=2022-01&to=2022-04', 404, 'querystring.indicator'],
          [reporter, '/api/analytics?indicator=qr.scans&org=bcvt&from=2022-Q1&to=2022-04', 400, 'querystring.from'],
          [reporter, '/api/analytics?indicator=qr.scans&org=bcvt&from=2015-01&to=2022-04', 400, 'querystring.to'],
          [reporter, '/api/analytics?indicator=qr.scans&org=bcvt&from=2022-01&to=2022-04&filter=channel=online', 400, 'querystring.filter'],
          [null, '/api/analytics?indicator=qr.scans&org=bcvt&from=2022-01&to=2022-04', 401, null],
        ];
        for (const [caller, url, status, field] of cases) {
          const response = await kit.call(caller, 'GET', url);
          assert.equal(response.statusCode, status, `${url}: ${response.body}`);
          if (field) assert.equal((response.json() as { field?: string }).field, field, url);
        }
      }));
  });
}
