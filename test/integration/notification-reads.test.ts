// Notifications read and unread, on both databases: a read stays read for its user
// whichever grants the next call lists with (a token narrower than the session), and
// a read of a notification gone from the list is forgotten only after a year.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadOrgTree, resolveGrants } from '../../src/app/accounts/principal.ts';
import type { Principal } from '../../src/app/accounts/principal.ts';
import { loadDemo } from '../../src/app/metadata/load-demo.ts';
import type { Store } from '../../src/app/ports.ts';
import { listNotifications } from '../../src/app/reports/list-notifications.ts';
import { markNotificationsRead } from '../../src/app/reports/mark-notifications-read.ts';
import { runWorkflowAction } from '../../src/app/reports/run-workflow-action.ts';
import type { Role } from '../../src/core/access.ts';
import { loadDemo as readDemoFiles } from '../../src/exchange/demo/load-demo.ts';
import { testDatabases } from '../../src/storage/testing/test-databases.ts';

async function principal(store: Store, userId: number, username: string, role: Role, orgUnit: string, via: Principal['via'] = 'session'): Promise<Principal> {
  return { userId, username, displayName: username, grants: resolveGrants(await loadOrgTree(store), [{ role, orgUnit }]), via };
}

const NOW = new Date('2022-05-13T03:00:00Z');
const unread = async (store: Store, who: Principal, now = NOW) => (await listNotifications({ store, principal: who, now })).filter((n) => !n.read).map((n) => n.kind);

for (const database of testDatabases()) {
  describe(database.name, { skip: database.skip }, () => {
    test('reads are per user and survive a narrower caller; a read no longer listed is forgotten after a year', () =>
      database.withStore(async (store) => {
        await loadDemo({ store, demo: readDemoFiles() });
        const office = await store.accounts.createUser({ username: 'vp', displayName: 'Văn phòng', passwordHash: 'x', grants: [{ role: 'compiler', orgUnit: 'stttt-travinh' }], createdAt: NOW.toISOString() });
        const division = await store.accounts.createUser({ username: 'pb', displayName: 'Phòng', passwordHash: 'x', grants: [{ role: 'reporter', orgUnit: 'stttt-bcvt' }], createdAt: NOW.toISOString() });
        const vp = await principal(store, office.id, 'vp', 'compiler', 'stttt-travinh');
        const pb = await principal(store, division.id, 'pb', 'reporter', 'stttt-bcvt');
        await runWorkflowAction({ store, principal: pb, orgUnit: 'stttt-travinh', period: '2022-05', action: 'submit', part: 'stttt-bcvt', now: NOW });
        assert.ok((await unread(store, vp)).includes('submitted'), 'the office is told, unread');

        const result = await markNotificationsRead({ store, principal: vp, ids: 'all', now: NOW });
        assert.equal(result.unread, 0);
        assert.ok(result.marked >= 1);
        assert.deepEqual(await unread(store, vp), []);

        // A token of the same user that sees one division only: the office's reads stay.
        const narrow = await principal(store, office.id, 'vp', 'viewer', 'stttt-ttra', 'token');
        await markNotificationsRead({ store, principal: narrow, ids: 'all', now: NOW });
        assert.deepEqual(await unread(store, vp), [], 'still read for the session');

        // A year and more later, a narrow call forgets the reads it does not list.
        const later = new Date(NOW.getTime() + 400 * 86_400_000);
        await markNotificationsRead({ store, principal: narrow, ids: 'all', now: later });
        assert.ok((await unread(store, vp, later)).includes('submitted'), 'forgotten after a year');

        const unknown = await markNotificationsRead({ store, principal: vp, ids: ['audit:0'], now: NOW });
        assert.deepEqual([unknown.marked, unknown.notListed], [0, ['audit:0']]);
      }));
  });
}
