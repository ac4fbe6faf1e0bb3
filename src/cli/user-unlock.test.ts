// `baocao user unlock NAME` lifts an account's login waits from every address, like
// POST /api/users/{name}/unlock, and is audited. Spawned on both databases.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createUser } from '../app/accounts/create-user.ts';
import { secrets } from '../api/testing/api-test-kit.ts';
import { TRA_VINH_UNITS } from '../storage/testing/fixtures.ts';
import { testDatabases } from '../storage/testing/test-databases.ts';
import { runBaocao } from './testing/run-baocao.ts';



for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('user unlock clears the waits of every address and is audited; an unknown name is refused', () =>
      database.withStore(async (store, fresh) => {
        await store.orgUnits.upsertMany(TRA_VINH_UNITS);
        await createUser({ store, secrets, username: 'bcvt', password: 'mat-khau-thu', grants: [{ role: 'reporter', orgUnit: 'bcvt' }], actor: 'test' });
        const now = new Date().toISOString();
        const later = new Date(Date.now() + 3_600_000).toISOString();
        for (const address of ['203.0.113.1', '203.0.113.2']) {
          await store.accounts.reserveLoginAttempt({ username: 'bcvt', address, now, waitsUntil: [later] });
          assert.equal((await store.accounts.reserveLoginAttempt({ username: 'bcvt', address, now, waitsUntil: [later] })).admitted, false);
        }
        const done = await runBaocao(['user', 'unlock', 'bcvt'], fresh.url);
        assert.equal(done.code, 0, done.stderr);
        assert.match(done.stdout, /Đã mở khóa đăng nhập cho tài khoản bcvt/);
        assert.equal((await store.accounts.reserveLoginAttempt({ username: 'bcvt', address: '203.0.113.1', now, waitsUntil: [later] })).admitted, true);
        const [event] = await store.audit.list({ action: 'user.unlock' });
        assert.match(event?.actor ?? '', /^cli:/);

        const unknown = await runBaocao(['user', 'unlock', 'khongco'], fresh.url);
        assert.equal(unknown.code, 1);
        assert.equal(unknown.stderr.trim(), 'Không có tài khoản "khongco".');
      }));
  });
}
