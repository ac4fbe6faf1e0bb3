import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../testing/test-databases.ts';

const AT = '2022-04-01T08:00:00.000Z';

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('a user is stored with its grants, found by name with its hash, listed, disabled', () =>
      database.withStore(async (store) => {
        const created = await store.accounts.createUser({
          username: 'vanphong', displayName: 'Văn phòng Sở', passwordHash: '$argon2id$x', createdAt: AT, isDemo: true,
          grants: [{ role: 'compiler', orgUnit: 'stttt' }, { role: 'compiler', orgUnit: 'stttt' }, { role: 'viewer', orgUnit: 'tinh' }],
        });
        assert.deepEqual(created, {
          id: created.id, username: 'vanphong', displayName: 'Văn phòng Sở', disabled: false, isDemo: true, createdAt: AT,
          grants: [{ role: 'compiler', orgUnit: 'stttt' }, { role: 'viewer', orgUnit: 'tinh' }],
        });
        await store.accounts.createUser({ username: 'bcvt', displayName: 'Phòng BCVT', passwordHash: 'h2', createdAt: AT, grants: [] });
        const found = await store.accounts.findUserByUsername('vanphong');
        assert.equal(found?.passwordHash, '$argon2id$x');
        assert.equal(await store.accounts.findUserByUsername('nobody'), undefined);
        assert.deepEqual((await store.accounts.listUsers()).map((u) => u.username), ['bcvt', 'vanphong']);
        assert.equal(await store.accounts.setDisabled('bcvt', true), true);
        assert.equal(await store.accounts.setDisabled('nobody', true), false);
        assert.equal((await store.accounts.findUserByUsername('bcvt'))?.disabled, true);
        await assert.rejects(store.accounts.createUser({ username: 'bcvt', displayName: 'x', passwordHash: 'h', createdAt: AT, grants: [] }));
      }));

    test('sessions are found by token hash and deleted one by one or per user', () =>
      database.withStore(async (store) => {
        const user = await store.accounts.createUser({ username: 'lanhdao', displayName: 'Lãnh đạo', passwordHash: 'h', createdAt: AT, grants: [] });
        const session = { tokenHash: 'hash-1', userId: user.id, csrfToken: 'csrf-1', expiresAt: '2022-04-01T20:00:00.000Z', createdAt: AT, lastSeenAt: AT };
        await store.accounts.createSession(session);
        await store.accounts.createSession({ ...session, tokenHash: 'hash-2' });
        await store.accounts.createSession({ ...session, tokenHash: 'hash-3' });
        assert.deepEqual(await store.accounts.findSession('hash-1'), session);
        await store.accounts.touchSession('hash-1', '2022-04-01T09:00:00.000Z');
        assert.equal((await store.accounts.findSession('hash-1'))?.lastSeenAt, '2022-04-01T09:00:00.000Z');
        await store.accounts.deleteSession('hash-1');
        assert.equal(await store.accounts.findSession('hash-1'), undefined);
        assert.equal(await store.accounts.deleteSessionsOfUser(user.id), 2);
        assert.equal(await store.accounts.findSession('hash-2'), undefined);
      }));

    test('API tokens keep their scope, record last use and can be revoked once', () =>
      database.withStore(async (store) => {
        const user = await store.accounts.createUser({ username: 'quantri', displayName: 'Quản trị', passwordHash: 'h', createdAt: AT, grants: [{ role: 'admin', orgUnit: 'tinh' }] });
        const token = await store.accounts.createApiToken({ name: 'iOffice', tokenHash: 'th', userId: user.id, grants: [{ role: 'reporter', orgUnit: 'stttt' }], createdAt: AT });
        assert.deepEqual((await store.accounts.findApiToken('th'))?.grants, [{ role: 'reporter', orgUnit: 'stttt' }]);
        await store.accounts.touchApiToken(token.id, '2022-04-02T00:00:00.000Z');
        assert.equal((await store.accounts.findApiToken('th'))?.lastUsedAt, '2022-04-02T00:00:00.000Z');
        assert.equal(await store.accounts.revokeApiToken(token.id, '2022-04-03T00:00:00.000Z'), true);
        assert.equal(await store.accounts.revokeApiToken(token.id, '2022-04-04T00:00:00.000Z'), false);
        const [listed] = await store.accounts.listApiTokens(user.id);
        assert.equal(listed?.revokedAt, '2022-04-03T00:00:00.000Z');
      }));

    test('login attempts are reserved per name and address: counted, held back while waiting, cleared', () =>
      database.withStore(async (store) => {
        const at = (minute: number) => `2022-04-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
        // Two free attempts, then 5 minutes, then 10.
        const reserve = (address: string, minute: number) => store.accounts.reserveLoginAttempt({ username: 'bcvt', address, now: at(minute), waitsUntil: [at(minute), at(minute + 5), at(minute + 10)] });
        assert.deepEqual(await reserve('a', 0), { admitted: true, failures: 1 });
        assert.deepEqual(await reserve('a', 0), { admitted: true, failures: 2 });
        assert.deepEqual(await reserve('a', 1), { admitted: false, nextAllowedAt: at(5) });
        assert.deepEqual(await reserve('b', 1), { admitted: true, failures: 1 }, 'another address is not held back');
        assert.deepEqual(await reserve('a', 5), { admitted: true, failures: 3 });
        assert.deepEqual(await reserve('a', 6), { admitted: false, nextAllowedAt: at(15) });
        // In parallel: one statement decides each, so only one gets through.
        const parallel = await Promise.all(Array.from({ length: 8 }, () => reserve('a', 15)));
        assert.equal(parallel.filter((r) => r.admitted).length, 1);
        assert.equal(await store.accounts.clearLoginThrottle('bcvt', 'a'), 1);
        assert.deepEqual(await reserve('a', 16), { admitted: true, failures: 1 });
        await store.accounts.purgeLoginThrottle(at(16));
        assert.deepEqual(await reserve('b', 17), { admitted: true, failures: 1 }, 'b was last seen at 08:01: forgotten');
        assert.equal(await store.accounts.clearLoginThrottle('bcvt'), 2);
      }));
  });
}
