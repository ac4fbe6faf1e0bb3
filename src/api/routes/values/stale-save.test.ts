// A stale save is refused by the server, on both databases: a value written with the
// `base` it was read as is refused with 409 `conflict` when someone saved the same key
// since, the answer lists what is stored now, and nothing of the set is written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../../../storage/testing/test-databases.ts';
import { withApi } from '../../testing/api-test-kit.ts';
import type { ApiKit, Caller } from '../../testing/api-test-kit.ts';

async function storedQrScans(kit: ApiKit, caller: Caller): Promise<Record<string, string>> {
  const response = await kit.call(caller, 'GET', '/api/values?org=stttt&period=2022-04');
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json() as { dataValues: { dataElement: string; categoryOptionCombo: string; value: string }[] };
  return Object.fromEntries(body.dataValues.map((v) => [`${v.dataElement}|${v.categoryOptionCombo}`, v.value]));
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('a save based on an outdated value gets 409 with the stored value and writes nothing', () =>
      withApi(database, async (kit) => {
        const first = await kit.login('vanphong');
        const second = await kit.login('quantri');
        const seeded = await kit.call(first, 'PUT', '/api/values', { orgUnit: 'stttt', period: '2022-04', dataValues: [{ dataElement: 'qr.scans', value: 14 }] });
        assert.equal(seeded.statusCode, 200, seeded.body);

        // Both read 14; the first saves 1234 on that base: accepted.
        const fresh = await kit.call(first, 'PUT', '/api/values', { orgUnit: 'stttt', period: '2022-04', dataValues: [{ dataElement: 'qr.scans', value: 1234, base: '14' }] });
        assert.equal(fresh.statusCode, 200, fresh.body);

        // The second still believes 14: the whole set is refused, the new cell included.
        const stale = await kit.call(second, 'PUT', '/api/values', {
          orgUnit: 'stttt', period: '2022-04',
          dataValues: [
            { dataElement: 'qr.scans', value: 15, base: 14 },
            { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: 9, base: null },
          ],
        });
        assert.equal(stale.statusCode, 409, stale.body);
        const error = stale.json() as { code: string; message: string; details: { stale: { dataElement: string; categoryOptionCombo: string; base: number | null; current: number | null }[] } };
        assert.equal(error.code, 'conflict');
        assert.match(error.message, /đã được người khác thay đổi/);
        assert.deepEqual(error.details.stale.map((s) => [s.dataElement, s.categoryOptionCombo, s.base, s.current]), [['qr.scans', 'default', 14, 1234]]);
        assert.deepEqual(await storedQrScans(kit, first), { 'qr.scans|default': '1234' });

        // Based on what is stored now (and an empty cell being still empty), it goes through.
        const retried = await kit.call(second, 'PUT', '/api/values', {
          orgUnit: 'stttt', period: '2022-04',
          dataValues: [
            { dataElement: 'qr.scans', value: 15, base: '1234' },
            { dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: 9, base: '' },
          ],
        });
        assert.equal(retried.statusCode, 200, retried.body);
        assert.deepEqual(await storedQrScans(kit, first), { 'qr.scans|default': '15', 'dvc.dossiers|channel=online': '9' });
      }));

    test('a value someone created in a cell the writer saw empty is a conflict too; without base the write is unchecked', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        const created = await kit.call(caller, 'PUT', '/api/values', { orgUnit: 'stttt', period: '2022-04', dataValues: [{ dataElement: 'qr.scans', value: 3 }] });
        assert.equal(created.statusCode, 200, created.body);
        const stale = await kit.call(caller, 'PUT', '/api/values', { orgUnit: 'stttt', period: '2022-04', dataValues: [{ dataElement: 'qr.scans', value: 4, base: null }] });
        assert.equal(stale.statusCode, 409, stale.body);
        assert.deepEqual(await storedQrScans(kit, caller), { 'qr.scans|default': '3' });
        const unchecked = await kit.call(caller, 'PUT', '/api/values', { orgUnit: 'stttt', period: '2022-04', dataValues: [{ dataElement: 'qr.scans', value: 4 }] });
        assert.equal(unchecked.statusCode, 200, unchecked.body);
        assert.deepEqual(await storedQrScans(kit, caller), { 'qr.scans|default': '4' });
      }));
  });
}
