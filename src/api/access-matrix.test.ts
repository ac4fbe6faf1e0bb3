// Role × route × inside/outside scope, on both databases: every route checks the
// scope, a refused write writes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withApi } from './testing/api-test-kit.ts';

type Method = 'GET' | 'PUT';
interface Probe { readonly name: string; readonly method: Method; readonly url: string; readonly body?: unknown }

const put = (orgUnit: string): Probe => ({
  name: `PUT values ${orgUnit}`, method: 'PUT', url: '/api/values',
  body: { dataValues: [{ dataElement: 'qr.scans', period: '2022-04', orgUnit, value: 11 }] },
});
const get = (org: string, children = false): Probe => ({ name: `GET values ${org}${children ? ' +children' : ''}`, method: 'GET', url: `/api/values?org=${org}&period=2022-04${children ? '&children=true' : ''}` });

// [account, probe, expected status]
const MATRIX: [string, Probe, number][] = [
  ['bcvt', put('bcvt'), 200],
  ['bcvt', put('cntt'), 403],
  ['bcvt', put('stttt'), 403],
  ['bcvt', put('vl'), 403],
  ['bcvt', get('bcvt'), 200],
  ['bcvt', get('cntt'), 403],
  ['bcvt', get('stttt', true), 403],
  ['vanphong', put('stttt'), 200],
  ['vanphong', put('bcvt'), 200],
  ['vanphong', put('tv'), 403],
  ['vanphong', get('stttt', true), 200],
  ['vanphong', get('vl'), 403],
  ['lanhdao', put('stttt'), 403],
  ['lanhdao', get('stttt', true), 200],
  ['ubndtinh', get('tv', true), 200],
  ['ubndtinh', put('stttt'), 403],
  ['quantri', put('cntt'), 200],
  ['quantri', get('vl'), 403],
  ['ngoai', get('stttt'), 403],
  ['ngoai', put('vl'), 200],
];

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('role × route × scope', () =>
      withApi(database, async ({ call, login, store }) => {
        const callers = new Map<string, Awaited<ReturnType<typeof login>>>();
        for (const [account, probe, expected] of MATRIX) {
          let caller = callers.get(account);
          if (!caller) callers.set(account, (caller = await login(account)));
          const before = (await store.dataValues.find({})).length;
          const response = await call(caller, probe.method, probe.url, probe.body);
          assert.equal(response.statusCode, expected, `${account} ${probe.name}: ${response.body}`);
          if (expected === 403) {
            assert.equal(response.json().code, 'forbidden');
            assert.match(response.json().message, /không có quyền/);
            assert.equal((await store.dataValues.find({})).length, before, `${account} ${probe.name} wrote despite 403`);
          }
        }
      }));

    test('every /api route refuses an anonymous caller with 401, before looking at the input', () =>
      withApi(database, async ({ call }) => {
        for (const [method, url, body] of [
          ['GET', '/api/me'], ['GET', '/api/orgunits'], ['GET', '/api/indicators'], ['GET', '/api/values?org=stttt&period=2022-04'],
          ['PUT', '/api/values', { wrong: true }], ['DELETE', '/api/session'],
        ] as const) {
          const response = await call(null, method, url, body);
          assert.equal(response.statusCode, 401, `${method} ${url}`);
          assert.deepEqual(response.json(), { code: 'unauthenticated', message: 'Cần đăng nhập.' });
        }
      }));

    test('org units are listed only within the caller\'s subtrees', () =>
      withApi(database, async ({ call, login }) => {
        const codes = async (account: string) => ((await call(await login(account), 'GET', '/api/orgunits')).json() as { orgUnits: { code: string }[] }).orgUnits.map((u) => u.code).sort();
        assert.deepEqual(await codes('bcvt'), ['bcvt']);
        assert.deepEqual(await codes('vanphong'), ['bcvt', 'cntt', 'stttt']);
        assert.deepEqual(await codes('ubndtinh'), ['bcvt', 'cntt', 'stttt', 'tv']);
      }));
  });
}
