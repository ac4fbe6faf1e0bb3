// Sessions (issue 12, point 7): every login makes a new session and ends the one the
// browser presented (other devices keep theirs); "Đăng xuất mọi nơi" ends them all;
// a session ends when idle too long and at its absolute end, both settings. Both databases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { issueApiToken } from '../app/accounts/issue-api-token.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { PASSWORD, secrets, withApi } from './testing/api-test-kit.ts';
import type { Caller } from './testing/api-test-kit.ts';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('logging in again ends the session the browser presented; other devices keep theirs', () =>
      withApi(database, async ({ call, login }) => {
        const laptop = await login('bcvt');
        const phone = await login('bcvt');
        const again = await call(laptop, 'POST', '/api/session', { username: 'bcvt', password: PASSWORD });
        assert.equal(again.statusCode, 200);
        const cookie = again.cookies.find((c) => c.name === 'baocao_session');
        assert.ok(cookie && `baocao_session=${cookie.value}` !== laptop.cookie, 'a new session token');
        assert.equal((await call(laptop, 'GET', '/api/me')).statusCode, 401, 'the presented session ended');
        assert.equal((await call({ cookie: `baocao_session=${cookie.value}` }, 'GET', '/api/me')).statusCode, 200);
        assert.equal((await call(phone, 'GET', '/api/me')).statusCode, 200, 'another device keeps its session');
        // Someone else logging in on this browser ends bcvt's session here too.
        const other = await call(phone, 'POST', '/api/session', { username: 'cntt', password: PASSWORD });
        assert.equal(other.statusCode, 200);
        assert.equal((await call(phone, 'GET', '/api/me')).statusCode, 401);
      }));

    test('"Đăng xuất mọi nơi" ends every session of the caller and no one else\'s; a token cannot do it', () =>
      withApi(database, async ({ call, login, store }) => {
        const [laptop, phone, colleague] = [await login('bcvt'), await login('bcvt'), await login('cntt')];
        const refused = await call({ cookie: laptop.cookie }, 'POST', '/api/session/logout-all');
        assert.equal(refused.json().code, 'csrf_invalid', 'a cookie write needs the CSRF token');
        const { token } = await issueApiToken({ store, secrets, username: 'bcvt', name: 'iOffice', actor: 'test' });
        assert.equal((await call({ bearer: token }, 'POST', '/api/session/logout-all')).statusCode, 403);
        assert.equal((await call(phone, 'GET', '/api/me')).statusCode, 200);

        const out = await call(laptop, 'POST', '/api/session/logout-all');
        assert.equal(out.statusCode, 204, out.body);
        assert.match(String(out.headers['set-cookie']), /baocao_session=;/);
        for (const caller of [laptop, phone]) assert.equal((await call(caller, 'GET', '/api/me')).statusCode, 401);
        assert.equal((await call(colleague, 'GET', '/api/me')).statusCode, 200);
        assert.equal((await call({ bearer: token }, 'GET', '/api/me')).statusCode, 200, 'API tokens are not sessions');
        const [event] = await store.audit.list({ action: 'user.logout_all' });
        assert.equal(event?.actor, 'bcvt');
      }));

    test('a session ends after the idle lifetime without a request, and at its absolute end whatever the activity', () => {
      let clock = new Date('2026-12-02T01:00:00.000Z');
      const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
      return withApi(database, async ({ call, login }) => {
        const me = (caller: Caller) => call(caller, 'GET', '/api/me').then((r) => r.statusCode);
        const idle = await login('bcvt');
        later(29);
        assert.equal(await me(idle), 200, 'active within the idle time');
        later(29);
        assert.equal(await me(idle), 200, 'each request restarts the idle time');
        later(30);
        assert.equal(await me(idle), 401, 'idle for 30 minutes');

        const busy = await login('bcvt');
        for (let minutes = 0; minutes < 3 * 60 - 20; minutes += 20) {
          later(20);
          assert.equal(await me(busy), 200, `${minutes + 20} minutes after login`);
        }
        later(20);
        assert.equal(await me(busy), 401, 'three hours after login, however busy');
      }, { now: () => clock, sessions: { idleMinutes: 30, absoluteHours: 3 } });
    });
  });
}
