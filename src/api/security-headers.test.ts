// HTTP hardening (issue 12, point 7): every answer (API, web app, Swagger UI, errors)
// carries a Content-Security-Policy that keeps scripts to the server's own files and
// forbids framing, nosniff and a Referrer-Policy; HSTS only when served over HTTPS,
// which is believed from X-Forwarded-Proto only with a trusted proxy.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { withApi } from './testing/api-test-kit.ts';

function directives(header: unknown): Map<string, string[]> {
  return new Map(String(header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name = '', ...values] = d.split(/\s+/);
    return [name, values];
  }));
}

const PAGES: [string, string, number][] = [
  ['the web app', '/', 200],
  ['a page of the web app', '/bao-cao?org=stttt&period=2022-04', 200],
  ['an API answer', '/api/me', 200],
  ['an API refusal', '/api/values?org=vl&period=2022-04', 403],
  ['an unknown API path', '/api/khong-co', 404],
  ['Swagger UI', '/docs/', 200],
  ['the OpenAPI document', '/openapi.json', 200],
];

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('every answer has the CSP, frame-ancestors none, nosniff and a Referrer-Policy; no HSTS over HTTP', () =>
      withApi(database, async ({ call, login }) => {
        const caller = await login('bcvt');
        for (const [name, url, status] of PAGES) {
          const response = await call(caller, 'GET', url);
          // Without a web build the app's pages answer 503 with a page saying how to build it: headers all the same.
          assert.ok(response.statusCode === status || (status === 200 && response.statusCode === 503 && !url.startsWith('/api')), `${name}: ${response.statusCode}`);
          const csp = directives(response.headers['content-security-policy']);
          assert.deepEqual(csp.get('script-src'), ["'self'"], `${name}: scripts only from the server`);
          assert.deepEqual(csp.get('script-src-attr'), ["'none'"], name);
          assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], name);
          assert.deepEqual(csp.get('object-src'), ["'none'"], name);
          assert.deepEqual(csp.get('default-src'), ["'self'"], name);
          assert.equal(csp.has('upgrade-insecure-requests'), false, `${name}: plain HTTP on a LAN must keep working`);
          assert.equal(response.headers['x-content-type-options'], 'nosniff', name);
          assert.equal(response.headers['x-frame-options'], 'DENY', name);
          assert.equal(response.headers['referrer-policy'], 'no-referrer', name);
          assert.equal(response.headers['strict-transport-security'], undefined, `${name}: no HSTS over HTTP`);
        }
      }));

    test('HSTS when served over HTTPS, as a trusted proxy says; a header from anyone else is not believed', async () => {
      await withApi(database, async ({ call }) => {
        const response = await call(null, 'GET', '/api/khong-co', undefined, { 'x-forwarded-proto': 'https' });
        assert.equal(response.headers['strict-transport-security'], undefined);
      });
      await withApi(database, async ({ call }) => {
        for (const url of ['/', '/api/khong-co', '/healthz']) {
          const response = await call(null, 'GET', url, undefined, { 'x-forwarded-proto': 'https' });
          assert.match(String(response.headers['strict-transport-security']), /^max-age=\d{8,}$/, url);
        }
      }, { trustProxy: '127.0.0.1' });
    });
  });
}
