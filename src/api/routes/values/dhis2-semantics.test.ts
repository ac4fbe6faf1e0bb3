// PUT /api/values follows DHIS2's dataValueSets semantics, on both databases: what GET
// returns is sent back unchanged; an empty value or `deleted: true` deletes (audited,
// counted in importCount.deleted, in the same atomic write); importStrategy; attribute
// option combos are a part of the key; value types are enforced with a Vietnamese
// message naming the row and field.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../../../storage/testing/test-databases.ts';
import { withApi } from '../../testing/api-test-kit.ts';
import type { ApiKit, Caller } from '../../testing/api-test-kit.ts';

interface DataValueOut { dataElement: string; categoryOptionCombo: string; attributeOptionCombo?: string; value: string; comment?: string; followup?: boolean }

async function stored(kit: ApiKit, caller: Caller): Promise<{ body: Record<string, unknown>; values: string[] }> {
  const response = await kit.call(caller, 'GET', '/api/values?org=stttt&period=2022-04');
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json() as { dataValues: DataValueOut[] };
  return { body, values: body.dataValues.map((v) => `${v.dataElement}|${v.categoryOptionCombo}|${v.attributeOptionCombo ?? ''}=${v.value}${v.followup ? '!' : ''}`).sort() };
}

const put = (kit: ApiKit, caller: Caller, dataValues: unknown[], query = '') =>
  kit.call(caller, 'PUT', `/api/values${query}`, { orgUnit: 'stttt', period: '2022-04', dataValues });

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('GET output is valid PUT input: sent back as it is, it changes nothing', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        const first = await put(kit, caller, [
          { dataElement: 'qr.scans', value: 14, comment: 'từ Cổng', followup: true },
          { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: '9' },
        ]);
        assert.equal(first.statusCode, 200, first.body);
        const { body, values } = await stored(kit, caller);
        assert.deepEqual(values, ['dvc.dossiers|channel=online|=9', 'qr.scans|default|=14!']);
        const back = await kit.call(caller, 'PUT', '/api/values', body);
        assert.equal(back.statusCode, 200, back.body);
        assert.deepEqual((back.json() as { importCount: unknown; unchanged: number }).importCount, { imported: 0, updated: 0, ignored: 2, deleted: 0 });
        assert.deepEqual((await stored(kit, caller)).values, values);
      }));

    test('an empty value or deleted: true deletes the stored value, audited with what it was, in one atomic write', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        await put(kit, caller, [{ dataElement: 'qr.scans', value: 14 }, { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: 9 }, { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=direct', value: 3 }]);
        const cleared = await put(kit, caller, [
          { dataElement: 'qr.scans', value: '' },
          { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: 9, deleted: true },
          { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=direct', value: 4 },
        ]);
        assert.equal(cleared.statusCode, 200, cleared.body);
        assert.deepEqual((cleared.json() as { importCount: unknown }).importCount, { imported: 0, updated: 1, ignored: 0, deleted: 2 });
        assert.deepEqual((await stored(kit, caller)).values, ['dvc.dossiers|channel=direct|=4']);
        const deletions = await kit.store.audit.list({ action: 'data_value.delete' });
        assert.deepEqual(deletions.map((e) => [(e.before as { indicator: string; value: number }).indicator, (e.before as { value: number }).value, e.actor]).sort(),
          [['dvc.dossiers', 9, 'vanphong'], ['qr.scans', 14, 'vanphong']]);
        // A deletion in a set with a bad row writes nothing: the value stays.
        const refused = await put(kit, caller, [{ dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=direct', value: null }, { dataElement: 'khong.co', value: 1 }]);
        assert.equal(refused.statusCode, 400, refused.body);
        assert.deepEqual((await stored(kit, caller)).values, ['dvc.dossiers|channel=direct|=4']);
        // A stale clear (the cell moved on since it was read) is a conflict like a stale save.
        const stale = await put(kit, caller, [{ dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=direct', value: '', base: '3' }]);
        assert.equal(stale.statusCode, 409, stale.body);
      }));

    test('importStrategy CREATE, UPDATE and DELETE', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        await put(kit, caller, [{ dataElement: 'qr.scans', value: 14 }]);
        const create = await put(kit, caller, [{ dataElement: 'qr.scans', value: 15 }, { dataElement: 'ioffice.docs_issued', value: 1 }], '?importStrategy=CREATE');
        assert.deepEqual((create.json() as { importCount: unknown }).importCount, { imported: 1, updated: 0, ignored: 1, deleted: 0 });
        const update = await put(kit, caller, [{ dataElement: 'qr.scans', value: 16 }, { dataElement: 'ioffice.docs_signed', value: 1 }], '?importStrategy=UPDATE');
        assert.deepEqual((update.json() as { importCount: unknown }).importCount, { imported: 0, updated: 1, ignored: 1, deleted: 0 });
        assert.deepEqual((await stored(kit, caller)).values, ['ioffice.docs_issued|default|=1', 'qr.scans|default|=16']);
        const remove = await put(kit, caller, [{ dataElement: 'qr.scans', value: 16 }, { dataElement: 'ioffice.docs_issued', value: 999 }], '?importStrategy=DELETE');
        assert.deepEqual((remove.json() as { importCount: unknown }).importCount, { imported: 0, updated: 0, ignored: 0, deleted: 2 });
        assert.deepEqual((await stored(kit, caller)).values, []);
      }));

    test('value types: a count refuses -5 and 1e20 with a Vietnamese message naming the row and field', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        for (const value of [-5, '1e20', '12.5']) {
          const refused = await put(kit, caller, [{ dataElement: 'qr.scans', value: 1 }, { dataElement: 'ioffice.docs_issued', value }]);
          assert.equal(refused.statusCode, 400, refused.body);
          const error = refused.json() as { message: string; field: string };
          assert.equal(error.field, 'body.dataValues.1.value');
          assert.match(error.message, new RegExp(`^Dòng 2: Giá trị "${String(value).replace('.', '\\.')}" .*chỉ tiêu "ioffice.docs_issued"`));
          assert.deepEqual((await stored(kit, caller)).values, []);
        }
      }));

    test('attribute option combos are a part of the key: A = 10 then B = 20 keeps both', () =>
      withApi(database, async (kit) => {
        await kit.store.indicators.upsertDisaggregations([{ code: 'mechanism', name: 'Nguồn vốn', options: [{ code: 'a', name: 'A' }, { code: 'b', name: 'B' }] }]);
        const [scans] = (await kit.store.indicators.listIndicators()).filter((i) => i.code === 'qr.scans');
        await kit.store.indicators.upsertIndicators([{ ...scans!, attributes: ['mechanism'] }]);
        await kit.store.indicators.upsertOptionCombos([{ uid: 'AocMechA001', code: 'MECH_A', name: 'A', options: { mechanism: 'a' } }]);
        const caller = await kit.login('vanphong');
        const a = await put(kit, caller, [{ dataElement: 'qr.scans', attributeOptionCombo: 'AocMechA001', value: 10 }]);
        assert.deepEqual((a.json() as { importCount: unknown }).importCount, { imported: 1, updated: 0, ignored: 0, deleted: 0 });
        const b = await put(kit, caller, [{ dataElement: 'qr.scans', attributeOptionCombo: 'mechanism=b', value: 20 }]);
        assert.deepEqual((b.json() as { importCount: unknown }).importCount, { imported: 1, updated: 0, ignored: 0, deleted: 0 });
        assert.deepEqual((await stored(kit, caller)).values, ['qr.scans|default|mechanism=a=10', 'qr.scans|default|mechanism=b=20']);
        // The total sums both; an attribute the indicator does not have is refused.
        const series = async (filter: string) => {
          const response = await kit.call(caller, 'GET', `/api/analytics?indicator=qr.scans&org=stttt&from=2022-04&to=2022-04${filter}`);
          assert.equal(response.statusCode, 200, response.body);
          return (response.json() as { series: { values: number[] }[] }).series[0]?.values;
        };
        assert.deepEqual(await series(''), [30]);
        assert.deepEqual(await series('&filter=mechanism=a'), [10]);
        const wrong = await put(kit, caller, [{ dataElement: 'ioffice.docs_issued', attributeOptionCombo: 'mechanism=a', value: 1 }]);
        assert.equal(wrong.statusCode, 400);
        assert.match((wrong.json() as { message: string; field: string }).message, /không có phân tổ thuộc tính/);
        assert.equal((wrong.json() as { field: string }).field, 'body.dataValues.0.attributeOptionCombo');
      }));

    test('a unit named by its DHIS2 uid is checked against the caller\'s scope like its code, in PUT and in uploaded files', () =>
      withApi(database, async (kit) => {
        const stttt = (await kit.store.orgUnits.list()).find((u) => u.code === 'stttt')!;
        await kit.store.orgUnits.upsertMany([{ ...stttt, uid: 'OuStttt0001' }]);
        const outsider = await kit.login('bcvt');
        const byUid = await kit.call(outsider, 'PUT', '/api/values', { orgUnit: 'OuStttt0001', period: '2022-04', dataValues: [{ dataElement: 'qr.scans', value: 1 }] });
        assert.equal(byUid.statusCode, 403, byUid.body);
        const file = JSON.stringify({ orgUnit: 'OuStttt0001', period: '202204', dataValues: [{ dataElement: 'qr.scans', value: '1' }] });
        const uploaded = await kit.call(outsider, 'POST', '/api/values/import', file, { 'content-type': 'application/json' });
        assert.equal(uploaded.statusCode, 403, uploaded.body);
        const owner = await kit.login('vanphong');
        const allowed = await kit.call(owner, 'PUT', '/api/values', { orgUnit: 'OuStttt0001', period: '2022-04', dataValues: [{ dataElement: 'qr.scans', value: 1 }] });
        assert.equal(allowed.statusCode, 200, allowed.body);
        assert.deepEqual((await stored(kit, owner)).values, ['qr.scans|default|=1']);
      }));
  });
}
