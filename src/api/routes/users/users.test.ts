// Accounts through the API, on both databases: only an admin lists, creates and
// changes accounts; a new account can log in within its grants; disabling ends its
// sessions; grants are replaced; every change is audited.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testDatabases } from '../../../storage/testing/test-databases.ts';
import { withApi } from '../../testing/api-test-kit.ts';

interface UserOut { username: string; disabled: boolean; grants: { role: string; orgUnit: string }[] }

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('an admin lists, creates, re-scopes and disables accounts; each change is audited', () =>
      withApi(database, async (kit) => {
        const admin = await kit.login('quantri');
        const list = await kit.call(admin, 'GET', '/api/users');
        assert.equal(list.statusCode, 200, list.body);
        const users = (list.json() as { users: UserOut[] }).users;
        assert.deepEqual(users.find((u) => u.username === 'bcvt')?.grants, [{ role: 'reporter', orgUnit: 'bcvt' }]);

        const created = await kit.call(admin, 'POST', '/api/users', { username: 'cbcntt', displayName: 'Cán bộ CNTT', password: 'mat-khau-moi-1', grants: [{ role: 'reporter', orgUnit: 'cntt' }] });
        assert.equal(created.statusCode, 201, created.body);
        const session = await kit.call(null, 'POST', '/api/session', { username: 'cbcntt', password: 'mat-khau-moi-1' });
        assert.equal(session.statusCode, 200, session.body);
        const duplicate = await kit.call(admin, 'POST', '/api/users', { username: 'cbcntt', password: 'mat-khau-moi-1', grants: [] });
        assert.equal(duplicate.statusCode, 409, duplicate.body);

        const rescoped = await kit.call(admin, 'PATCH', '/api/users/cbcntt', { grants: [{ role: 'viewer', orgUnit: 'stttt' }] });
        assert.equal(rescoped.statusCode, 200, rescoped.body);
        assert.deepEqual((rescoped.json() as UserOut).grants, [{ role: 'viewer', orgUnit: 'stttt' }]);

        const again = await kit.call(null, 'POST', '/api/session', { username: 'cbcntt', password: 'mat-khau-moi-1' });
        const newcomer = { cookie: `baocao_session=${again.cookies.find((c) => c.name === 'baocao_session')?.value ?? ''}` };
        assert.equal((await kit.call(newcomer, 'GET', '/api/me')).statusCode, 200);
        const disabled = await kit.call(admin, 'PATCH', '/api/users/cbcntt', { disabled: true });
        assert.equal(disabled.statusCode, 200, disabled.body);
        assert.equal((disabled.json() as UserOut).disabled, true);
        assert.equal((await kit.call(newcomer, 'GET', '/api/me')).statusCode, 401);
        const enabled = await kit.call(admin, 'PATCH', '/api/users/cbcntt', { disabled: false });
        assert.equal((enabled.json() as UserOut).disabled, false);

        const audit = await kit.call(admin, 'GET', '/api/audit?kind=user');
        const actions = (audit.json() as { events: { action: string; actor: string }[] }).events.filter((e) => e.actor === 'quantri').map((e) => e.action).sort();
        assert.deepEqual(actions, ['user.create', 'user.disable', 'user.enable', 'user.grants']);
      }));

    test('non-admins get 403, bad grants 400, self-lockout refused, without session 401; nothing changes', () =>
      withApi(database, async (kit) => {
        const admin = await kit.login('quantri');
        for (const username of ['vanphong', 'bcvt', 'ubndtinh', 'lanhdao']) {
          const caller = await kit.login(username);
          assert.equal((await kit.call(caller, 'GET', '/api/users')).statusCode, 403, username);
          assert.equal((await kit.call(caller, 'POST', '/api/users', { username: 'moi', password: 'mat-khau-moi-1', grants: [] })).statusCode, 403, username);
          assert.equal((await kit.call(caller, 'PATCH', '/api/users/bcvt', { disabled: true })).statusCode, 403, username);
        }
        assert.equal((await kit.call(null, 'GET', '/api/users')).statusCode, 401);
        const badRole = await kit.call(admin, 'POST', '/api/users', { username: 'moi', password: 'mat-khau-moi-1', grants: [{ role: 'vua', orgUnit: 'stttt' }] });
        assert.equal(badRole.statusCode, 400, badRole.body);
        const unknownUnit = await kit.call(admin, 'PATCH', '/api/users/bcvt', { grants: [{ role: 'reporter', orgUnit: 'khong-co' }] });
        assert.equal(unknownUnit.statusCode, 404, unknownUnit.body);
        const self = await kit.call(admin, 'PATCH', '/api/users/quantri', { disabled: true });
        assert.equal(self.statusCode, 400, self.body);
        const missing = await kit.call(admin, 'PATCH', '/api/users/khong-co', { disabled: true });
        assert.equal(missing.statusCode, 404, missing.body);
        const users = ((await kit.call(admin, 'GET', '/api/users')).json() as { users: UserOut[] }).users;
        assert.equal(users.some((u) => u.username === 'moi'), false);
        assert.deepEqual(users.find((u) => u.username === 'bcvt'), { ...users.find((u) => u.username === 'bcvt'), disabled: false, grants: [{ role: 'reporter', orgUnit: 'bcvt' }] });
      }));
  });
}
