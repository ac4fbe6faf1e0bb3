// A kept JSON answer goes gzipped to callers that take gzip, as it is to the others,
// and the two decode to the same JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { acceptsGzip, CachedJson, sendCachedJson } from './cached-json.ts';

test('accept-encoding: gzip or *, unless refused with q=0', () => {
  const cases: [string | undefined, boolean][] = [
    [undefined, false],
    ['', false],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['deflate, br', false],
    ['identity', false],
    ['x-gzip-like', false],
  ];
  for (const [header, expected] of cases) assert.equal(acceptsGzip(header), expected, String(header));
});

test('the report view is sent gzipped to a browser, plain to a client that does not ask, the same JSON either way', async () => {
  const value = { title: 'Báo cáo tháng 4 năm 2022', rows: Array.from({ length: 200 }, (_, i) => ({ i, text: `Tiếp nhận ${i} phản ánh qua đường dây nóng 1022` })) };
  const small = new CachedJson({ ok: true });
  const answer = new CachedJson(value, '"7"');
  const app = Fastify();
  app.get('/big', (request, reply) => sendCachedJson(request, reply, answer));
  app.get('/small', (request, reply) => sendCachedJson(request, reply, small));
  try {
    const browser = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(browser.statusCode, 200);
    assert.equal(browser.headers['content-encoding'], 'gzip');
    assert.equal(browser.headers['vary'], 'accept-encoding');
    assert.equal(browser.headers['etag'], '"7"');
    assert.ok(browser.rawPayload.length < answer.body.length / 3, `${browser.rawPayload.length} bytes gzipped of ${answer.body.length}`);
    assert.deepEqual(JSON.parse(gunzipSync(browser.rawPayload).toString('utf8')), value);

    const plain = await app.inject({ url: '/big' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers['vary'], 'accept-encoding');
    assert.deepEqual(plain.json(), value);

    const tiny = await app.inject({ url: '/small', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(tiny.headers['content-encoding'], undefined, 'a small answer is not worth compressing');
    assert.deepEqual(tiny.json(), { ok: true });
  } finally {
    await app.close();
  }
});
