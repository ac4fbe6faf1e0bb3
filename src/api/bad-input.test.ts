// Bad input gets 400 with the field named, and nothing is written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withApi } from './testing/api-test-kit.ts';

const value = (overrides: Record<string, unknown> = {}) => ({ dataElement: 'qr.scans', period: '2022-04', orgUnit: 'stttt', value: 11, ...overrides });

// [case, url, body, field]
const CASES: [string, string, unknown, string][] = [
  ['an unknown top-level field', '/api/values', { dataValues: [value()], extra: 1 }, 'body.extra'],
  ['an unknown field in a value', '/api/values', { dataValues: [value({ colour: 'red' })] }, 'body.dataValues.0.colour'],
  ['a wrong type', '/api/values', { dataValues: [value({ value: { n: 1 } })] }, 'body.dataValues.0.value'],
  ['dataValues not an array', '/api/values', { dataValues: 'many' }, 'body.dataValues'],
  ['an unknown indicator code', '/api/values', { dataValues: [value(), value({ dataElement: 'khong.co' })] }, 'body.dataValues.1.dataElement'],
  ['an unknown org unit code', '/api/values', { dataValues: [value({ orgUnit: 'khongco' })] }, 'body.dataValues.0.orgUnit'],
  ['a bad period', '/api/values', { dataValues: [value({ period: '2022-13' })] }, 'body.dataValues.0.period'],
  ['text in a number', '/api/values', { dataValues: [value({ value: 'mười' })] }, 'body.dataValues.0.value'],
  ['an unknown query parameter', '/api/values?force=true', { dataValues: [value()] }, 'querystring.force'],
];

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('each bad input is 400 bad_request naming the field, in Vietnamese, and writes nothing', () =>
      withApi(database, async ({ call, login, store }) => {
        const caller = await login('vanphong');
        for (const [name, url, body, field] of CASES) {
          const response = await call(caller, 'PUT', url, body);
          assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
          const error = response.json() as { code: string; message: string; field: string };
          assert.equal(error.code, 'bad_request', name);
          assert.equal(error.field, field, name);
          assert.ok(/[àáảãạăâđêôơưếềệốồộớờợứừựíìịúùụ]/i.test(error.message), `${name}: message not Vietnamese: ${error.message}`);
        }
        assert.deepEqual(await store.dataValues.find({}), []);
      }));

    test('a GET with an unknown query field or a bad period is 400 naming it', () =>
      withApi(database, async ({ call, login }) => {
        const caller = await login('vanphong');
        const unknown = await call(caller, 'GET', '/api/values?org=stttt&period=2022-04&foo=1');
        assert.equal(unknown.json().field, 'querystring.foo');
        const period = await call(caller, 'GET', '/api/values?org=stttt&period=2022-99');
        assert.equal(period.statusCode, 400);
        assert.equal(period.json().field, 'querystring.period');
        const missing = await call(caller, 'GET', '/api/values?org=khongco&period=2022-04');
        assert.equal(missing.statusCode, 404);
        assert.equal(missing.json().code, 'not_found');
      }));

    test('an oversized body is 413 payload_too_large; malformed JSON is 400', () =>
      withApi(database, async ({ call, login, store }) => {
        const caller = await login('vanphong');
        const big = { dataValues: Array.from({ length: 200 }, (_, i) => value({ comment: `ghi chú ${i} `.repeat(20) })) };
        const response = await call(caller, 'PUT', '/api/values', big);
        assert.equal(response.statusCode, 413);
        assert.equal(response.json().code, 'payload_too_large');
        const malformed = await call(caller, 'PUT', '/api/values', '{"dataValues": [', { 'content-type': 'application/json' });
        assert.equal(malformed.statusCode, 400);
        assert.equal(malformed.json().field, 'body');
        assert.deepEqual(await store.dataValues.find({}), []);
      }, { bodyLimit: 16 * 1024 }));

    test('dryRun counts without writing; a real PUT writes and audits; GET reads back in dataValueSets shape', () =>
      withApi(database, async ({ call, login, store }) => {
        const caller = await login('vanphong');
        const body = { orgUnit: 'stttt', period: '202204', dataValues: [{ dataElement: 'dvc.dossiers', categoryOptionCombo: 'channel=online', value: '120' }, { dataElement: 'qr.scans', value: 5 }] };
        const dry = await call(caller, 'PUT', '/api/values?dryRun=true', body);
        assert.equal(dry.statusCode, 200);
        assert.deepEqual([dry.json().dryRun, dry.json().importCount.imported], [true, 2]);
        assert.deepEqual(await store.dataValues.find({}), []);
        const real = await call(caller, 'PUT', '/api/values', body);
        assert.equal(real.json().importCount.imported, 2);
        const read = await call(caller, 'GET', '/api/values?org=stttt&period=2022-04');
        assert.deepEqual(read.json().dataValues.map((v: { dataElement: string; categoryOptionCombo: string; value: string; period: string }) => [v.dataElement, v.categoryOptionCombo, v.value, v.period]), [
          ['dvc.dossiers', 'channel=online', '120', '202204'],
          ['qr.scans', 'default', '5', '202204'],
        ]);
        const [event] = await store.audit.list({ actor: 'vanphong' });
        assert.equal(event?.action, 'data_value.import');
      }));

    test('healthz, OpenAPI and Swagger UI are public', () =>
      withApi(database, async ({ call }) => {
        const health = await call(null, 'GET', '/healthz');
        assert.deepEqual(health.json(), { status: 'ok', database: database.name === 'SQLite' ? 'sqlite' : 'postgres' });
        const ready = await call(null, 'GET', '/readyz');
        assert.equal(ready.statusCode, 200);
        assert.deepEqual(ready.json(), { status: 'ready', database: database.name === 'SQLite' ? 'sqlite' : 'postgres' });
        const openapi = await call(null, 'GET', '/openapi.json');
        assert.equal(openapi.statusCode, 200);
        const document = openapi.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
        assert.match(document.openapi, /^3\./);
        assert.ok(document.paths['/api/values']?.['put']);
        assert.ok(document.paths['/api/session']?.['post']);
        const docs = await call(null, 'GET', '/docs/');
        assert.equal(docs.statusCode, 200);
        assert.match(String(docs.headers['content-type']), /html/);
        const unknown = await call(null, 'GET', '/api/khong-co');
        assert.equal(unknown.json().code, 'not_found');
      }));
  });
}
