// Bodies an attacker (or a broken client) sends (issue 12, point 6): JSON nested too
// deep is refused with 400 naming where (not a 500 from a stack overflow), bytes that
// are not UTF-8 are refused rather than stored as U+FFFD, and an integer JSON.parse
// would round (beyond ±2^53) is refused rather than stored rounded. Nothing is
// written. Both databases, JSON bodies and uploaded files.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../app/ports.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withApi } from './testing/api-test-kit.ts';
import type { ApiKit } from './testing/api-test-kit.ts';

const JSON_TYPE = { 'content-type': 'application/json' };
const deep = (levels: number) => `{"dataValues":[${'['.repeat(levels)}${']'.repeat(levels)}]}`;

async function nothingStored(store: Store): Promise<void> {
  assert.deepEqual(await store.dataValues.find({}), []);
}

async function upload(kit: ApiKit, caller: Awaited<ReturnType<ApiKit['login']>>, bytes: Buffer) {
  return kit.call(caller, 'POST', '/api/values/import', bytes, { 'content-type': 'application/octet-stream' });
}

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('JSON nested too deep: 400 naming where, in a body and in an uploaded file', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        for (const levels of [70, 100_000]) {
          const response = await kit.call(caller, 'PUT', '/api/values', deep(levels), JSON_TYPE);
          assert.equal(response.statusCode, 400, `${levels}: ${response.body.slice(0, 300)}`);
          assert.equal(response.json().code, 'bad_request');
          assert.match(response.json().field, /^body\.dataValues\.0(\.0)+$/);
          assert.match(response.json().message, /lồng quá sâu.*dòng 1, cột \d+/);
          const file = await upload(kit, caller, Buffer.from(deep(levels)));
          assert.equal(file.statusCode, 400, `${levels} upload: ${file.body.slice(0, 300)}`);
          assert.match(file.json().message, /lồng quá sâu/);
        }
        // Ordinary nesting goes through.
        const ok = await kit.call(caller, 'PUT', '/api/values', { dataValues: [{ dataElement: 'qr.scans', period: '2022-04', orgUnit: 'stttt', value: 3 }] });
        assert.equal(ok.statusCode, 200, ok.body);
      }));

    test('a body that is not UTF-8 is refused, not stored with U+FFFD', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        const body = Buffer.concat([Buffer.from('{"dataValues":[{"dataElement":"qr.scans","period":"2022-04","orgUnit":"stttt","value":3,"comment":"ghi ch'), Buffer.from([0xfa, 0xff]), Buffer.from('"}]}')]);
        const response = await kit.call(caller, 'PUT', '/api/values', body, JSON_TYPE);
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(response.json().field, 'body');
        assert.match(response.json().message, /UTF-8/);
        await nothingStored(kit.store);
      }));

    test('an integer beyond ±2^53 is refused wherever it comes from, not stored rounded', () =>
      withApi(database, async (kit) => {
        const caller = await kit.login('vanphong');
        const row = (value: string) => `{"dataElement":"qr.scans","period":"2022-04","orgUnit":"stttt","value":${value}}`;
        const asNumber = await kit.call(caller, 'PUT', '/api/values', `{"dataValues":[${row('1')},${row('9007199254740993')}]}`, JSON_TYPE);
        assert.equal(asNumber.statusCode, 400, asNumber.body);
        assert.equal(asNumber.json().field, 'body.dataValues.1.value');
        assert.match(asNumber.json().message, /9007199254740993/);
        const negative = await kit.call(caller, 'PUT', '/api/values', `{"dataValues":[${row('-9007199254740993')}]}`, JSON_TYPE);
        assert.equal(negative.statusCode, 400, negative.body);
        const asText = await kit.call(caller, 'PUT', '/api/values', `{"dataValues":[${row('"9007199254740993"')}]}`, JSON_TYPE);
        assert.equal(asText.statusCode, 400, asText.body);
        assert.equal(asText.json().field, 'body.dataValues.0.value');
        const file = await upload(kit, caller, Buffer.from(`{"dataValues":[${row('9007199254740993')}]}`));
        assert.equal(file.statusCode, 400, file.body);
        const csv = await upload(kit, caller, Buffer.from('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\nqr.scans,202204,stttt,,,9007199254740993\n'));
        assert.equal(csv.statusCode, 400, csv.body);
        assert.match(csv.json().message, /Dòng 2/);
        await nothingStored(kit.store);
        // The largest exact integer is kept exactly.
        const largest = await kit.call(caller, 'PUT', '/api/values', `{"dataValues":[${row('9007199254740991')}]}`, JSON_TYPE);
        assert.equal(largest.statusCode, 200, largest.body);
        assert.equal((await kit.store.dataValues.find({}))[0]?.value, 9007199254740991);
      }));
  });
}
