import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { issueApiToken } from '../app/accounts/issue-api-token.ts';
import { revokeApiToken } from '../app/accounts/revoke-api-token.ts';
import { disableUser } from '../app/accounts/disable-user.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { PASSWORD, secrets, withApi } from './testing/api-test-kit.ts';
import { slidingWindowLimit } from './auth/login-rate-limit.ts';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('login sets an HttpOnly SameSite=Lax cookie; /api/me returns the user, grants and CSRF token; logout ends it', () =>
      withApi(database, async ({ call }) => {
        const response = await call(null, 'POST', '/api/session', { username: 'vanphong', password: PASSWORD });
        assert.equal(response.statusCode, 200);
        const cookie = response.cookies.find((c) => c.name === 'baocao_session');
        assert.ok(cookie);
        assert.equal(cookie.httpOnly, true);
        assert.equal(cookie.sameSite, 'Lax');
        assert.equal(cookie.secure, undefined);
        const caller = { cookie: `baocao_session=${cookie.value}`, csrfToken: (response.json() as { csrfToken: string }).csrfToken };
        const me = await call(caller, 'GET', '/api/me');
        assert.equal(me.statusCode, 200);
        assert.deepEqual(me.json(), { username: 'vanphong', displayName: 'vanphong', grants: [{ role: 'compiler', orgUnit: 'stttt', orgUnitName: 'Sở Thông tin và Truyền thông' }], csrfToken: caller.csrfToken });
        const out = await call(caller, 'DELETE', '/api/session');
        assert.equal(out.statusCode, 204);
        assert.equal((await call(caller, 'GET', '/api/me')).statusCode, 401);
      }));

    test('x-forwarded-proto is believed only from a trusted proxy: then the cookie is Secure', async () => {
      await withApi(database, async ({ call }) => {
        const response = await call(null, 'POST', '/api/session', { username: 'bcvt', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
        assert.equal(response.cookies.find((c) => c.name === 'baocao_session')?.secure, undefined);
      });
      await withApi(database, async ({ call }) => {
        const response = await call(null, 'POST', '/api/session', { username: 'bcvt', password: PASSWORD }, { 'x-forwarded-proto': 'https' });
        assert.equal(response.cookies.find((c) => c.name === 'baocao_session')?.secure, true);
      }, { trustProxy: true });
    });

    test('a wrong password is 401 in Vietnamese; after five in a row the address waits, even with the right password', () =>
      withApi(database, async ({ call }) => {
        for (let i = 0; i < 5; i++) {
          const wrong = await call(null, 'POST', '/api/session', { username: 'bcvt', password: 'sai-mat-khau' });
          assert.equal(wrong.statusCode, 401);
          assert.deepEqual(wrong.json(), { code: 'unauthenticated', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
        }
        const locked = await call(null, 'POST', '/api/session', { username: 'bcvt', password: PASSWORD });
        assert.equal(locked.statusCode, 429);
        assert.equal(locked.json().code, 'rate_limited');
        assert.match(locked.json().message, /thử lại sau/);
      }));

    test('many logins from one address are rate limited with Retry-After', () =>
      withApi(database, async ({ call }) => {
        for (let i = 0; i < 3; i++) assert.equal((await call(null, 'POST', '/api/session', { username: 'x', password: 'y' })).statusCode, 401);
        const limited = await call(null, 'POST', '/api/session', { username: 'x', password: 'y' });
        assert.equal(limited.statusCode, 429);
        assert.ok(Number(limited.headers['retry-after']) > 0);
      }, { loginRateLimit: slidingWindowLimit({ max: 3, windowMs: 60_000 }) }));

    test('a cookie-authenticated write without the CSRF header is refused, and nothing is written', () =>
      withApi(database, async ({ call, login, store }) => {
        const caller = await login('bcvt');
        const body = { dataValues: [{ dataElement: 'qr.scans', period: '2022-04', orgUnit: 'bcvt', value: 5 }] };
        const refused = await call({ cookie: caller.cookie }, 'PUT', '/api/values', body);
        assert.equal(refused.statusCode, 403);
        assert.equal(refused.json().code, 'csrf_invalid');
        const wrong = await call({ cookie: caller.cookie, csrfToken: 'khong-dung' }, 'PUT', '/api/values', body);
        assert.equal(wrong.statusCode, 403);
        assert.deepEqual(await store.dataValues.find({ orgUnits: ['bcvt'] }), []);
        assert.equal((await call(caller, 'PUT', '/api/values', body)).statusCode, 200);
      }));

    test('an API token works without CSRF, records its last use, stops when revoked or its owner is disabled', () =>
      withApi(database, async ({ call, store }) => {
        const { token, apiToken } = await issueApiToken({ store, secrets, username: 'bcvt', name: 'iOffice', actor: 'test' });
        const body = { dataValues: [{ dataElement: 'qr.scans', period: '202204', orgUnit: 'bcvt', value: '7' }] };
        const ok = await call({ bearer: token }, 'PUT', '/api/values', body);
        assert.equal(ok.statusCode, 200, ok.body);
        assert.equal(ok.json().importCount.imported, 1);
        assert.ok((await store.accounts.findApiToken(secrets.hashToken(token)))?.lastUsedAt);
        const [audit] = await store.audit.list({ action: 'data_value.import' });
        assert.equal(audit?.actor, `bcvt/token:${apiToken.id}`);
        await revokeApiToken({ store, id: apiToken.id, actor: 'test' });
        assert.equal((await call({ bearer: token }, 'GET', '/api/me')).statusCode, 401);

        const second = await issueApiToken({ store, secrets, username: 'cntt', name: 'Cổng DVC', actor: 'test' });
        await disableUser({ store, username: 'cntt', actor: 'test' });
        assert.equal((await call({ bearer: second.token }, 'GET', '/api/me')).statusCode, 401);
      }));

    test('a token cannot be given more than its owner holds', () =>
      withApi(database, async ({ store }) => {
        await assert.rejects(issueApiToken({ store, secrets, username: 'bcvt', name: 'x', grants: [{ role: 'reporter', orgUnit: 'stttt' }], actor: 'test' }), { code: 'forbidden' });
      }));

    test('a disabled user cannot log in and its sessions end', () =>
      withApi(database, async ({ call, login, store }) => {
        const caller = await login('cntt');
        await disableUser({ store, username: 'cntt', actor: 'quantri' });
        assert.equal((await call(caller, 'GET', '/api/me')).statusCode, 401);
        const refused = await call(null, 'POST', '/api/session', { username: 'cntt', password: PASSWORD });
        assert.equal(refused.statusCode, 401);
        assert.equal(refused.json().message, 'Tài khoản đã bị vô hiệu hóa.');
      }));
  });
}
